"""Lookups every service makes: a regime, its definition, a member, a row by id — or a clear NotFoundError."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.errors import NotFoundError
from regime.governance.definition import RegimeDefinition
from regime.governance.states import NotAStateError, state_code
from regime.store.base import Base
from regime.store.models import Member, Regime

RowT = TypeVar("RowT", bound=Base)


def regime_of(session: Session, regime_id: str) -> Regime:
    """The regime row, or NotFoundError naming the regimes that exist."""
    regime = session.get(Regime, regime_id)
    if regime is None:
        known = ", ".join(session.scalars(select(Regime.id).order_by(Regime.id))) or "none loaded"
        raise NotFoundError(f"no regime {regime_id!r} (regimes: {known})")
    return regime


_DEFINITIONS: dict[str, RegimeDefinition] = {}


def definition_of(regime: Regime) -> RegimeDefinition:
    """The validated definition stored with ``regime``, parsed once per version (keyed by its digest)."""
    parsed = _DEFINITIONS.get(regime.definition_sha256)
    if parsed is None:
        parsed = _DEFINITIONS[regime.definition_sha256] = RegimeDefinition.model_validate(regime.definition)
    return parsed


def definition_for(session: Session, regime_id: str) -> RegimeDefinition:
    """The regime's current definition, read by digest so the stored JSON is loaded only when new."""
    digest = session.scalar(select(Regime.definition_sha256).where(Regime.id == regime_id))
    if digest is None:
        regime_of(session, regime_id)  # raises NotFoundError naming the regimes
    cached = _DEFINITIONS.get(digest or "")
    return cached if cached is not None else definition_of(regime_of(session, regime_id))


def member_of(session: Session, regime_id: str, country: str) -> Member:
    """The member of ``regime_id`` for ``country`` (code or name), or NotFoundError."""
    try:
        code = state_code(country)
    except NotAStateError as error:
        raise NotFoundError(str(error)) from None
    member = session.scalar(select(Member).where(Member.regime_id == regime_id, Member.country == code))
    if member is None:
        regime_of(session, regime_id)
        raise NotFoundError(f"{code} is not a member of {regime_id}")
    return member


def countries(session: Session, regime_id: str) -> dict[int, str]:
    """Member id -> country code, for every member of the regime."""
    rows = session.execute(select(Member.id, Member.country).where(Member.regime_id == regime_id))
    return dict(rows.all())


def row(session: Session, model: type[RowT], row_id: int, what: str, regime_id: str) -> RowT:
    """The row of ``model`` with ``row_id`` in ``regime_id``; NotFoundError otherwise (never another regime's)."""
    found = session.get(model, row_id)
    if found is None or getattr(found, "regime_id", regime_id) != regime_id:
        raise NotFoundError(f"no {what} {row_id} in {regime_id}")
    return found
