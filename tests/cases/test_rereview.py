"""List changes: cases checked against a changed list go back to screening; live approved cases are flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from regime.cases import rereview, screening, service
from regime.cases.listchange import ControlListChange, items_affected, screening_change
from regime.cases.machine import Action, State
from regime.cases.records import Approval, HitDecision, Reasoned
from regime.cases.screener import IndexScreener
from regime.errors import NotFoundError
from regime.governance.access import Principal
from regime.governance.testing import People
from regime.screen import Authority, ListVersion, Party
from regime.store import Store

from .conftest import TableScreener, prepared

AUTHORITIES = {
    "SDN": Authority(code="SDN", name="Specially Designated Nationals", effect="blocked"),
    "EL": Authority(code="EL", name="Entity List", effect="licence required"),
}
ROSO = Party(list_code="SDN", entry_id="SDN-1", name="Rosoboron Trading LLC", countries=("RU",), kind="organisation")
STAR = Party(
    list_code="EL", entry_id="EL-1", name="Pacific Star Electronics Ltd", countries=("HK",), kind="organisation"
)
CLOUD = Party(list_code="SDN", entry_id="SDN-9", name="Example Cloud Pte Ltd", countries=("SG",), kind="organisation")
V1 = ListVersion(source="Test list", version="v1", authorities=AUTHORITIES, parties=(ROSO, STAR))
V2 = ListVersion(source="Test list", version="v2", authorities=AUTHORITIES, parties=(ROSO, CLOUD))
TODAY = dt.date(2024, 3, 4)  # the test clock's date


def approved(store: Store, who: Principal, ship_until: dt.date | None, **tx: object) -> int:
    """A case screened against V1 and approved (shipping until ``ship_until``)."""
    case = prepared(store, who, ship_until=ship_until, **tx)
    case = screening.screen(store, who, case.id, IndexScreener.of(V1))
    for hit in case.hits:
        screening.clear(store, who, case.id, hit.id, HitDecision(reason="not them"))
    return service.approve(store, who, case.id, Approval(reason="fine")).id


def test_a_newly_listed_party_on_a_live_approved_case_raises_an_urgent_notice(
    store: Store, exporter: Principal
) -> None:
    live = approved(store, exporter, TODAY + dt.timedelta(days=30))
    shipped = approved(store, exporter, TODAY - dt.timedelta(days=1))
    other_parties = [{"name": "Nordic Optics AB", "role": "end_user", "country": "SE"}]
    unaffected = approved(store, exporter, None, parties=other_parties)
    elsewhere = prepared(store, exporter)
    screening.screen(store, exporter, elsewhere.id, TableScreener(source="Another list"))
    closed = approved(store, exporter, None)
    service.transition(store, exporter, closed, Action.CLOSE, Reasoned(reason="shipped"))

    found = rereview.on_screening_change(store, exporter, screening_change(V1, V2))

    assert sorted(found.returned) == sorted([live, shipped, unaffected])
    assert (found.flagged, found.urgent) == ([live], [live])
    states = {c.id: c.state for c in service.listing(store, exporter)}
    assert states[live] is states[shipped] is states[unaffected] is State.SCREENING
    assert (states[elsewhere.id], states[closed]) == (State.REVIEW_REQUIRED, State.CLOSED)
    kinds = {n.kind: n.message for n in found.notices}
    assert (
        kinds["urgent"]
        == "newly listed: 'Example Cloud Pte Ltd' matches SDN entry 'Example Cloud Pte Ltd' (Test list v2)"
    )
    assert "may ship until 2024-04-03" in kinds["re_review"] and "matches new SDN entry" in kinds["re_review"]
    event = service.get(store, exporter, live).events[-1]
    assert (event.action, event.role, event.reason) == (
        "rescreen",
        "system (list change)",
        "Test list changed from v1 to v2: re-screen",
    )
    # Screened again against the new version, the case escalates on the newly listed party.
    again = screening.screen(store, exporter, live, IndexScreener.of(V2))
    assert again.state is State.ESCALATED and any(h.entry_id == "SDN-9" and h.status == "open" for h in again.hits)


def test_a_hit_on_a_removed_entry_is_flagged_and_a_second_run_changes_nothing(
    store: Store, exporter: Principal
) -> None:
    star = [{"name": "Pacific Star Electronics Ltd", "role": "end_user", "country": "HK"}]
    case = approved(store, exporter, None, parties=star)
    found = rereview.on_screening_change(store, exporter, screening_change(V1, V2))
    assert found.flagged == [case] and found.urgent == []
    assert (
        "'Pacific Star Electronics Ltd' matched EL entry 'Pacific Star Electronics Ltd', now removed"
        in found.notices[0].message
    )
    again = screening.screen(store, exporter, case, IndexScreener.of(V2))
    assert again.state is State.REVIEW_REQUIRED and [h for h in again.hits if h.round == 2] == []
    assert rereview.on_screening_change(store, exporter, screening_change(V1, V2)).returned == []


def test_a_control_list_change_flags_live_approved_cases_whose_items_it_touches(
    store: Store, exporter: Principal
) -> None:
    case = approved(store, exporter, None)
    untouched = ControlListChange(
        list_id="us-ccl", old_version="2024-03-01", new_version="2024-06-01", changed=("3A001",)
    )
    found = rereview.on_control_change(store, exporter, untouched)
    assert (found.returned, found.flagged) == ([case], [])
    approved_again = screening.screen(store, exporter, case, IndexScreener.of(V1))
    for hit in approved_again.hits:
        if hit.status == "open":
            screening.clear(store, exporter, case, hit.id, HitDecision(reason="not them"))
    service.approve(store, exporter, case, Approval(reason="fine"))
    touched = ControlListChange(
        list_id="us-ccl", old_version="2024-06-01", new_version="2024-09-01", changed=("3A090",)
    )
    found = rereview.on_control_change(store, exporter, touched)
    assert found.flagged == [case]
    assert found.notices[0].message.endswith("classified 3A090.a (entry 3A090 changed)")


def test_items_affected_reads_the_entry_of_each_class() -> None:
    change = ControlListChange(list_id="x", old_version="a", new_version="b", added=("5A992",), removed=("3a090",))
    assert items_affected(["3A090.a.1", "5A992.c", "4A003"], change) == [
        "3A090.a.1 (entry 3A090 removed)",
        "5A992.c (entry 5A992 added)",
    ]


def test_notices_are_listed_urgent_first_and_acknowledged_by_their_owner(store: Store, people: People) -> None:
    me, them = people(None, None, "exporter"), people(None, None, "exporter")
    approved(store, me, None)
    rereview.on_screening_change(store, me, screening_change(V1, V2))
    listed = rereview.notices(store, me)
    assert [n.kind for n in listed] == ["urgent", "re_review"]
    assert rereview.notices(store, them) == []
    with pytest.raises(NotFoundError):
        rereview.acknowledge(store, them, listed[0].id)
    seen = rereview.acknowledge(store, me, listed[0].id)
    assert seen.acknowledged_by == me.actor.name
    assert [n.kind for n in rereview.notices(store, me)] == ["re_review"]
    assert len(rereview.notices(store, me, open_only=False)) == 2
