"""The audit log is append-only and hash-chained: tampering is refused, or detected at the first broken row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from regime.store import Actor, Store, audit
from regime.store.models import AuditEntry


def _write(store: Store, count: int) -> None:
    for n in range(count):
        with store.change(Actor("user:alice", "US")) as change:
            change.audit("test.write", f"thing:{n}", {"n": n, "note": "ünïcode ok"})


@contextmanager
def _tampering(store: Store) -> Iterator[Connection]:
    """What an attacker with database access could do: drop the append-only triggers, then edit.

    All of it happens in one transaction that is rolled back afterwards, so the guards come back.
    """
    with store.write_engine.connect() as conn, conn.begin() as transaction:
        if store.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        yield conn
        transaction.rollback()


def _verify_on(conn: Connection) -> audit.ChainReport:
    with Session(bind=conn) as session:
        return audit.verify(session)


def _verify(store: Store) -> audit.ChainReport:
    with store.read() as session:
        return audit.verify(session)


def test_an_untouched_chain_verifies(store: Store) -> None:
    _write(store, 5)
    report = _verify(store)
    assert (report.rows, report.intact) == (5, True)


def test_the_database_refuses_updates_and_deletes(store: Store) -> None:
    _write(store, 2)
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 2"):
        with pytest.raises(DBAPIError, match="append-only"), store.write_engine.begin() as conn:
            conn.execute(text(statement))
    assert _verify(store).intact


def test_an_edited_payload_is_found_at_its_row(store: Store) -> None:
    _write(store, 5)
    with _tampering(store) as conn:
        conn.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(payload='{"n":99}'))
        report = _verify_on(conn)
    assert report.broken_at == 3
    assert "edited" in (report.problem or "")
    assert _verify(store).intact


def test_a_recomputed_hash_still_breaks_the_next_link(store: Store) -> None:
    _write(store, 5)
    with store.read() as session:
        row = session.get(AuditEntry, 2)
        assert row is not None
        session.expunge(row)
    row.actor = "user:mallory"
    forged = audit.row_hash(row.prev_hash, row)
    with _tampering(store) as conn:
        conn.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(actor="user:mallory", hash=forged))
        report = _verify_on(conn)
    assert report.broken_at == 3
    assert "prev_hash" in (report.problem or "")


def test_a_deleted_row_is_found(store: Store) -> None:
    _write(store, 4)
    with _tampering(store) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
        report = _verify_on(conn)
    assert report.broken_at == 3
    assert "missing" in (report.problem or "")
