"""The store: one object per database, giving read sessions and one-transaction changes.

A change is a unit of work: everything it writes, and the audit rows that say who did it, commit
together or not at all. A change that records nothing in the audit log is a programming error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy.orm import Session

from regime.store import audit
from regime.store.audit import Actor, AuditRecord
from regime.store.engine import is_sqlite, make_engines, normalise_url

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


class Change:
    """A write transaction in progress: its session and the audit records it will append."""

    def __init__(self, session: Session, actor: Actor, at: dt.datetime) -> None:
        self.session = session
        self.actor = actor
        self.at = at
        self.records: list[AuditRecord] = []

    @property
    def today(self) -> dt.date:
        """The date of the change (UTC)."""
        return self.at.date()

    def audit(self, action: str, subject: str, payload: dict[str, Any]) -> None:
        """Record what this change did; appended to the chain when the change commits."""
        self.records.append(AuditRecord(action, subject, payload))

    def finish(self) -> None:
        """Flush the work and append the audit rows (still inside the transaction)."""
        if not self.records:
            raise RuntimeError("a change must record at least one audit entry")
        self.session.flush()
        audit.append(self.session, self.actor, self.at, self.records)


class Store:
    """A regime database (SQLite file or PostgreSQL), with its clock."""

    def __init__(self, url: str, *, clock: Clock = system_clock) -> None:
        self.url = normalise_url(url)
        self.read_engine, self.write_engine = make_engines(self.url)
        self.clock = clock
        # SQLite has one writer at a time: writers of this process queue here, in order, instead of
        # polling the file lock with the busy handler's growing sleeps (other processes still do).
        self._writers: AbstractContextManager[object] = threading.Lock() if self.is_sqlite else contextlib.nullcontext()

    @property
    def is_sqlite(self) -> bool:
        """True when the store is the embedded SQLite file."""
        return is_sqlite(self.url)

    def now(self) -> dt.datetime:
        """The store's current time (UTC, aware)."""
        return self.clock()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on one consistent snapshot."""
        with Session(self.read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def change(self, actor: Actor) -> Iterator[Change]:
        """One transaction: commits the work and its audit rows together, or rolls everything back."""
        with self._writers, Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            change = Change(session, actor, self.now())
            yield change
            change.finish()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()
