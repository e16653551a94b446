"""Loading definitions into the store: founders created, unchanged reloads write nothing, members never dropped."""

from __future__ import annotations

from sqlalchemy import func, select

from regime.governance import public
from regime.governance.loader import bundled_definitions
from regime.governance.registry import load_bundled, load_definition
from regime.governance.testing import OPERATOR
from regime.store import Store
from regime.store.models import AuditEntry, Member


def _audit_rows(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_loading_creates_each_regime_with_its_members(store: Store) -> None:
    reports = load_bundled(store, OPERATOR)
    assert [r.status for r in reports] == ["created"] * 4
    wassenaar = public.regime(store, "wassenaar")
    assert len(wassenaar.members) == 42
    india = next(m for m in wassenaar.members if m.country == "IN")
    assert (india.name, india.founder, india.since.year) == ("India", False, 2017)
    assert next(m for m in wassenaar.members if m.country == "NL").founder


def test_reloading_an_unchanged_definition_writes_nothing(store: Store) -> None:
    load_bundled(store, OPERATOR)
    before = _audit_rows(store)
    assert [r.status for r in load_bundled(store, OPERATOR)] == ["unchanged"] * 4
    assert _audit_rows(store) == before


def test_an_edited_definition_updates_and_keeps_members_it_omits(store: Store) -> None:
    load_bundled(store, OPERATOR)
    alliance = next(d for d in bundled_definitions() if d.id == "chip-alliance")
    edited = alliance.model_copy(
        update={"members": [*alliance.members[1:], alliance.members[0].model_copy(update={"country": "KR"})]}
    )
    report = load_definition(store, OPERATOR, edited)
    assert (report.status, report.added_members, report.kept_members) == ("updated", ["KR"], ["US"])
    with store.read() as session:
        stored = set(session.scalars(select(Member.country).where(Member.regime_id == "chip-alliance")))
    assert stored == {"US", "JP", "NL", "KR"}
