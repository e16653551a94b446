"""Store fixtures on both backends (SQLite file, PostgreSQL): see regime.store.testing."""

from regime.store.testing import backend, clock, store

__all__ = ["backend", "clock", "store"]
