"""Schema migrations with Alembic, run from code: ``regime db upgrade`` and the app's start on SQLite.

The revisions live in ``regime/store/migrations/versions``; a new one is generated with
``regime db revision -m "what changed"`` against an up-to-date database, then read and checked in.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from regime.store.store import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x6D69_6772  # serialises concurrent upgrades of one PostgreSQL database


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at the bundled migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head() -> str:
    """The newest revision shipped with this version of regime."""
    revision = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert revision is not None
    return revision


def current(store: Store) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with store.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store, revision: str = "head") -> None:
    """Bring the database to ``revision`` in one transaction."""
    config = alembic_config(store.url)
    with store.write_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def revision(store: Store, message: str) -> None:
    """Generate a new revision by comparing the models with the database (developer use)."""
    config = alembic_config(store.url)
    with store.write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.revision(config, message=message, autogenerate=True)
