"""The hash-chained audit log: appending a change's records and verifying the chain.

Each row's hash is SHA-256 over the previous row's hash followed by the canonical JSON of the row's
content (sequence number, time, actor, member, action, subject, payload). Editing, deleting or
reordering any row breaks the link at that row and at no earlier one, so ``verify`` names it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from regime.store.models import AuditEntry

GENESIS = "0" * 64
_PG_AUDIT_LOCK = 0x7265_6769_6D65  # "regime": serialises appends across PostgreSQL sessions


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a user acting for a member, or the local operator."""

    name: str
    member: str | None = None


@dataclass(frozen=True)
class AuditRecord:
    """What one change did: an action on a subject, with the data that describes it."""

    action: str
    subject: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the chain: how many rows, and the first broken link if any."""

    rows: int
    broken_at: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        """True when every link holds."""
        return self.broken_at is None


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, dates as ISO text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_iso)


def _iso(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot put {type(value).__name__} in the audit log")


def row_hash(prev_hash: str, entry: AuditEntry) -> str:
    """The hash a row must carry given its predecessor's hash."""
    content = {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "member": entry.member,
        "action": entry.action,
        "subject": entry.subject,
        "payload": entry.payload,
    }
    return hashlib.sha256((prev_hash + canonical(content)).encode()).hexdigest()


def append(session: Session, actor: Actor, at: dt.datetime, records: list[AuditRecord]) -> None:
    """Append ``records`` to the chain inside the caller's transaction.

    On PostgreSQL a transaction-scoped advisory lock makes concurrent appends queue; on SQLite
    the write transaction (``BEGIN IMMEDIATE``) already holds the database's single write lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK})
    last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one_or_none()
    seq, prev = (last.seq, last.hash) if last else (0, GENESIS)
    for record in records:
        seq += 1
        entry = AuditEntry(
            seq=seq,
            at=at.isoformat(),
            actor=actor.name,
            member=actor.member,
            action=record.action,
            subject=record.subject,
            payload=canonical(record.payload),
            prev_hash=prev,
        )
        entry.hash = prev = row_hash(prev, entry)
        session.add(entry)
    session.flush()


def verify(session: Session) -> ChainReport:
    """Walk the chain from the first row; report the first row whose link does not hold."""
    prev, expected_seq, rows = GENESIS, 1, 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000).scalars():
        rows += 1
        if entry.seq != expected_seq:
            return ChainReport(rows, entry.seq, f"row {expected_seq} is missing (found row {entry.seq})")
        if entry.prev_hash != prev:
            return ChainReport(rows, entry.seq, "its prev_hash is not the hash of the row before it")
        if row_hash(prev, entry) != entry.hash:
            return ChainReport(rows, entry.seq, "its content does not match its hash (edited after writing)")
        prev, expected_seq = entry.hash, expected_seq + 1
    return ChainReport(rows)
