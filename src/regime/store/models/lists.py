"""Published list releases: the dated, numbered result of adopted list amendments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from regime.store.base import Base


class ListRelease(Base):
    """One release of one control list of a regime: the entry documents it changed and its diff.

    ``entries`` holds the new or changed entry documents (the entry YAML schema, as JSON),
    ``removed`` the identifiers of entries taken off the list, ``diff`` the entry-level summary.
    """

    __tablename__ = "list_releases"
    __table_args__ = (UniqueConstraint("regime_id", "list_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    list_id: Mapped[str] = mapped_column(String(64))
    number: Mapped[int]
    effective: Mapped[dt.date]
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"))
    entries: Mapped[list[dict[str, Any]]]
    removed: Mapped[list[str]]
    diff: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]
