"""Pytest fixtures for tests that need a store, on both backends (import them into a conftest.py).

``store`` is parametrised over SQLite (a file in a temporary folder) and PostgreSQL. PostgreSQL
gets a fresh database per test session (``regime_test_<random>``, created beside the database of
``REGIME_PG_URL``, default ``postgresql://postgres@127.0.0.1:5432/test``) that is dropped after.
PostgreSQL tests are skipped only when ``REGIME_PG_URL`` is unset and the server is unreachable;
with the variable set, an unreachable server is an error.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from regime.store import Store
from regime.store.base import Base
from regime.store.engine import normalise_url
from regime.store.migrate import upgrade

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
START = dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)  # a Monday


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move the clock forward (``days=11``, ``hours=2`` ...)."""
        self.now += dt.timedelta(**delta)


def _admin_dsn(url: str) -> str:
    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass
class Backend:
    """A migrated database to hand out fresh stores from."""

    kind: str
    url: str
    workdir: Path

    def fresh(self, clock: FixedClock, prepare: Callable[[Store], None] | None = None) -> Store:
        """A migrated store for one test: empty, or as ``prepare`` leaves an empty one.

        On SQLite the prepared state is built once per session into its own template file and
        copied for each test; on PostgreSQL the tables are emptied and ``prepare`` runs again.
        """
        if self.kind == "sqlite":
            template = self.workdir / "template.db"
            if prepare is not None:
                template = self._prepared(prepare)
            path = self.workdir / f"{secrets.token_hex(6)}.db"
            shutil.copyfile(template, path)
            return Store(f"sqlite:///{path}", clock=clock)
        store = Store(self.url, clock=clock)
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with store.write_engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        if prepare is not None:
            prepare(store)
        return store

    def _prepared(self, prepare: Callable[[Store], None]) -> Path:
        path = self.workdir / f"template-{prepare.__qualname__}.db"
        if not path.exists():
            building = path.with_suffix(".building")
            shutil.copyfile(self.workdir / "template.db", building)
            store = Store(f"sqlite:///{building}", clock=FixedClock())
            prepare(store)
            store.dispose()
            building.rename(path)
        return path


def _postgres(workdir: Path) -> Iterator[Backend]:
    configured = os.environ.get("REGIME_PG_URL")
    admin = _admin_dsn(configured or DEFAULT_PG_URL)
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if configured:
            raise
        pytest.skip(f"PostgreSQL unreachable at {admin} and REGIME_PG_URL unset: {error}")
    name = f"regime_test_{secrets.token_hex(5)}"
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        try:
            url = make_url(normalise_url(configured or DEFAULT_PG_URL)).set(database=name)
            backend = Backend("postgresql", url.render_as_string(hide_password=False), workdir)
            store = Store(backend.url)
            upgrade(store)
            store.dispose()
            yield backend
        finally:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sqlite(workdir: Path) -> Iterator[Backend]:
    store = Store(f"sqlite:///{workdir / 'template.db'}")
    upgrade(store)
    store.dispose()
    yield Backend("sqlite", store.url, workdir)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """A migrated database of each kind, once per test session."""
    workdir = tmp_path_factory.mktemp(f"store-{request.param}")
    yield from (_sqlite(workdir) if request.param == "sqlite" else _postgres(workdir))


@pytest.fixture
def clock() -> FixedClock:
    """The store's clock: Monday 4 March 2024, 09:00 UTC, until a test advances it."""
    return FixedClock()


@pytest.fixture
def store(backend: Backend, clock: FixedClock) -> Iterator[Store]:
    """An empty, migrated store on each backend."""
    fresh = backend.fresh(clock)
    yield fresh
    fresh.dispose()
