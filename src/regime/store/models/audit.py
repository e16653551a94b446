"""The audit log: append-only, each row chained to the previous one by a SHA-256 hash."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from regime.store.base import Base


class AuditEntry(Base):
    """Who did what and when. ``hash`` = SHA-256(``prev_hash`` + canonical JSON of the row's content).

    ``at`` is kept as the ISO-8601 text that was hashed, and ``payload`` as canonical JSON text,
    so the hash can be recomputed byte for byte on any backend.
    """

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    member: Mapped[str | None] = mapped_column(String(2))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
