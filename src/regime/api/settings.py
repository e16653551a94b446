"""Settings of the service: which store, whether to migrate and load the bundled regimes at start."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from regime.exchange.matching import DEFAULT_MATCHER, NameMatcher
from regime.governance.loader import REGIMES_DIR
from regime.paths import state_dir
from regime.store.engine import is_sqlite


def default_db_url() -> str:
    """``REGIME_DB_URL``, or the embedded SQLite file in ``REGIME_HOME`` (default ``./var/regime.db``)."""
    return os.environ.get("REGIME_DB_URL") or f"sqlite:///{state_dir() / 'regime.db'}"


@dataclass(frozen=True)
class Settings:
    """How to run the service.

    ``migrate`` defaults to on for SQLite (the embedded store upgrades itself at start) and off for
    PostgreSQL, where ``regime db upgrade`` is a deliberate deployment step.
    """

    db_url: str = field(default_factory=default_db_url)
    migrate: bool | None = None
    load_regimes: bool = True
    regimes_dir: Path = REGIMES_DIR
    matcher: NameMatcher = DEFAULT_MATCHER

    @property
    def migrate_on_start(self) -> bool:
        """Whether the app runs the migrations when it starts."""
        return is_sqlite(self.db_url) if self.migrate is None else self.migrate
