"""The checked-in migrations build exactly the tables the models describe, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from regime.store import Store
from regime.store.base import Base
from regime.store.engine import normalise_url
from regime.store.migrate import current, head
from regime.store.models import Member


def test_database_is_at_the_newest_revision(store: Store) -> None:
    assert current(store) == head()


def test_migrations_match_the_models(store: Store) -> None:
    with store.read_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    if not store.is_sqlite:
        pytest.skip("SQLite pragmas")
    with store.read_engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.write_engine.begin() as conn:
        conn.execute(
            Member.__table__.insert().values(
                regime_id="no-such-regime", country="NL", name="Netherlands", since=dt.date(2000, 1, 1), founder=True
            )
        )


def test_postgres_urls_are_accepted_in_their_usual_spellings() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
