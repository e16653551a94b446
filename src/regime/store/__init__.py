"""The store: SQLAlchemy 2 tables, Alembic migrations, one-transaction changes and the audit chain."""

from regime.store.audit import Actor, ChainReport
from regime.store.store import Change, Store

__all__ = ["Actor", "ChainReport", "Change", "Store"]
