"""Store fixtures on both backends, the bundled regimes loaded, and people acting for members."""

from regime.governance.testing import loaded, people
from regime.store.testing import backend, clock, store

__all__ = ["backend", "clock", "loaded", "people", "store"]
