"""Engines for the two backends: SQLite (embedded, WAL, foreign keys on) and PostgreSQL (psycopg 3).

On SQLite a write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once,
so two writers queue on the busy timeout instead of failing when one upgrades a read to a write.
Reads start with a plain ``BEGIN`` and see one consistent snapshot (WAL lets them run beside a writer).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from regime.errors import InputError

BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs; refuse other backends."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("sqlite://", "postgresql+psycopg://")):
        return url
    raise InputError(
        f"unsupported database URL {url!r}: expected sqlite:///PATH or postgresql://USER@HOST/DB",
        where="REGIME_DB_URL",
    )


def is_sqlite(url: str) -> bool:
    """True for an SQLite URL."""
    return make_url(normalise_url(url)).get_backend_name() == "sqlite"


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def make_engines(url: str) -> tuple[Engine, Engine]:
    """The (read, write) engines for ``url``; on PostgreSQL both are the same engine."""
    url = normalise_url(url)
    if is_sqlite(url):
        return _sqlite_engine(url, "BEGIN"), _sqlite_engine(url, "BEGIN IMMEDIATE")
    engine = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    return engine, engine
