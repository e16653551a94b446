"""Regimes, their member states, and the users who act for a member (with hashed tokens)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regime.store.base import Base


class Regime(Base):
    """A regime as loaded from its definition (YAML): the definition is kept whole, as JSON."""

    __tablename__ = "regimes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    founded: Mapped[dt.date]
    dissolved: Mapped[dt.date | None]
    definition: Mapped[dict[str, Any]]
    definition_sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[dt.datetime]

    members: Mapped[list[Member]] = relationship(back_populates="regime", order_by="Member.country")


class Member(Base):
    """A nation-state participating in a regime (ISO 3166 alpha-2 code)."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("regime_id", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    country: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(200))
    since: Mapped[dt.date]
    founder: Mapped[bool] = mapped_column(default=False)

    regime: Mapped[Regime] = relationship(back_populates="members")


class User(Base):
    """Someone who uses the service: a member-state official (one member, some roles) or an exporter."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    roles: Mapped[list[str]]
    created_at: Mapped[dt.datetime]

    member: Mapped[Member | None] = relationship(lazy="joined")


class Token(Base):
    """An API token, stored as its SHA-256 digest only: the token itself is shown once, at creation."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship()
