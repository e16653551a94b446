"""What anyone may read, without a token: the regimes (definition, members, chairs) and published list releases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from regime.errors import NotFoundError
from regime.governance.calendar import upcoming
from regime.governance.chairs import chair_warnings
from regime.governance.listdiff import Document
from regime.governance.records import definition_for, definition_of, regime_of
from regime.governance.releases import entries_in_force
from regime.governance.views import MeetingView, RegimeView, ReleaseView, member_view, release_view
from regime.store import Store
from regime.store.models import ListRelease, Regime


def regimes(store: Store) -> list[RegimeView]:
    """Every regime in the store."""
    with store.read() as session:
        return [_regime_view(r, store.now().date()) for r in session.scalars(select(Regime).order_by(Regime.id))]


def regime(store: Store, regime_id: str) -> RegimeView:
    """One regime."""
    with store.read() as session:
        return _regime_view(regime_of(session, regime_id), store.now().date())


def _regime_view(row: Regime, today: dt.date) -> RegimeView:
    definition = definition_of(row)
    return RegimeView(
        id=row.id,
        name=row.name,
        short_name=definition.short_name,
        status=definition.status,
        founded=row.founded,
        dissolved=row.dissolved,
        members=[member_view(m) for m in row.members],
        chairs=definition.chairs(),
        definition=row.definition,
        warnings=chair_warnings(definition),
        upcoming_meetings=[
            MeetingView(month=f"{s.month:%Y-%m}", body=s.body, chair=s.chair) for s in upcoming(definition, today)
        ],
    )


def releases(store: Store, regime_id: str, list_id: str | None = None) -> list[ReleaseView]:
    """The published releases of a regime's lists (one list when ``list_id`` is given)."""
    with store.read() as session:
        regime_of(session, regime_id)
        query = select(ListRelease).where(ListRelease.regime_id == regime_id)
        if list_id:
            query = query.where(ListRelease.list_id == list_id)
        rows = session.scalars(query.order_by(ListRelease.list_id, ListRelease.number))
        return [release_view(r) for r in rows]


def release(store: Store, regime_id: str, list_id: str, number: int) -> ReleaseView:
    """One published release."""
    with store.read() as session:
        found = session.scalar(
            select(ListRelease).where(
                ListRelease.regime_id == regime_id, ListRelease.list_id == list_id, ListRelease.number == number
            )
        )
        if found is None:
            raise NotFoundError(f"no release {number} of {regime_id}/{list_id}")
        return release_view(found)


def entries(store: Store, regime_id: str, list_id: str, on: dt.date | None = None) -> dict[str, Document]:
    """The entries of a list as published releases leave it on ``on`` (today's state when ``None``)."""
    with store.read() as session:
        definition = definition_for(session, regime_id)
        if definition.list_def(list_id) is None:
            raise NotFoundError(f"{regime_id} keeps no list {list_id!r}")
        return entries_in_force(session, regime_id, list_id, on)
