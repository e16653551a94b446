"""List amendment end to end: white paper, amendments, private minimums, review, plenary, release with diff."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from regime.errors import InputError, NotFoundError
from regime.governance import proposals, public
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.listdiff import ListChanges
from regime.governance.positions import PositionInput, read, record
from regime.governance.proposals import ProposalInput
from regime.governance.review import AmendmentDecision, AmendmentInput, ReviewInput, review, table_amendment
from regime.governance.testing import People
from regime.lists.dated import Dated
from regime.store import Store
from regime.store.models import AuditEntry

WA = "wassenaar"
LIST = "wassenaar-dual-use"


def entry(entry_id: str, criterion: str = "tpp >= 4800", **fields: Any) -> dict[str, Any]:
    """A real entry document in the list schema: checked (schema, criteria, units) when it is released."""
    paragraph = {"id": "a", "text": f"items meeting {criterion}", "criterion": criterion}
    return {
        "id": entry_id,
        "heading": f"heading of {entry_id}",
        "encoding": "checkable",
        "paragraphs": [paragraph],
        **fields,
    }


def criterion_of(document: dict[str, Any]) -> Any:
    return document["paragraphs"][0]["criterion"]


def white_paper(
    *entries: dict[str, Any], remove: tuple[str, ...] = (), effective: dt.date = dt.date(2025, 1, 1)
) -> ProposalInput:
    return ProposalInput(
        list_id=LIST,
        title="Advanced computing integrated circuits",
        rationale="Close the gap between the list and national controls.",
        changes=ListChanges(entries=list(entries), remove=list(remove)),
        effective=effective,
    )


def to_plenary(people: People, store: Store, data: ProposalInput) -> int:
    us = people(WA, "US", "list_expert")
    proposal = proposals.draft(store, us, WA, data)
    proposals.circulate(store, us, WA, proposal.id)
    review(store, people(WA, "DE", "chair"), WA, proposal.id, ReviewInput())
    return proposal.id


def vote(people: People, store: Store, proposal_id: int, country: str, position: Position, reason: str = "") -> None:
    who = people(WA, country, "list_expert")
    cast_vote(store, who, WA, "list_amendment", proposal_id, VoteInput(position=position, reason=reason))


def test_a_white_paper_becomes_a_dated_release_with_a_diff(loaded: Store, people: People) -> None:
    us, de = people(WA, "US", "list_expert"), people(WA, "DE", "list_expert")
    paper = white_paper(entry("3A090"), entry("4A090", 'contains("3A090")'))
    proposal = proposals.draft(loaded, us, WA, paper)
    assert proposal.status == "draft"
    assert proposal.diff is not None and proposal.diff.added == ["3A090", "4A090"]
    with pytest.raises(NotFoundError, match="draft is seen by its proposer only"):
        proposals.get(loaded, de, WA, proposal.id)
    assert proposals.listing(loaded, de, WA) == []

    proposals.circulate(loaded, us, WA, proposal.id)
    amended = table_amendment(
        loaded,
        de,
        WA,
        proposal.id,
        AmendmentInput(changes=ListChanges(entries=[entry("3A090", "tpp >= 4000")]), rationale="lower"),
    )
    amendment_id = amended.amendments[0].id
    record(loaded, us, WA, proposal.id, PositionInput(minimum="3A090 at any threshold", required_entries=["3A090"]))
    record(loaded, de, WA, proposal.id, PositionInput(minimum="keep 4A090 out", required_entries=[]))

    reviewed = review(
        loaded,
        people(WA, "DE", "chair"),
        WA,
        proposal.id,
        ReviewInput(decisions=[AmendmentDecision(amendment=amendment_id, accept=True, note="agreed in the EG")]),
    )
    assert reviewed.status == "at_plenary"
    assert criterion_of({e["id"]: e for e in reviewed.changes["entries"]}["3A090"]) == "tpp >= 4000"
    assert reviewed.ballot is not None and reviewed.ballot.rule == {
        "kind": "consensus",
        "threshold": None,
        "basis": "members",
    }

    for country in ("US", "DE", "JP"):
        vote(people, loaded, proposal.id, country, Position.YES)
    decided = proposals.decide(loaded, people(WA, "NL", "chair"), WA, proposal.id)
    assert (decided.status, decided.release) == ("adopted", 1)

    release = public.release(loaded, WA, LIST, 1)
    assert release.effective == dt.date(2025, 1, 1)
    assert release.diff.added == ["3A090", "4A090"]
    assert criterion_of(public.entries(loaded, WA, LIST)["3A090"]) == "tpp >= 4000"
    before = public.entries(loaded, WA, LIST, on=dt.date(2024, 12, 31))
    assert "3A090" not in before and "3A001" in before, "the bundled list is there; the release is not yet"

    raised = entry("3A090", "tpp >= 4800", heading="raised")
    second = to_plenary(people, loaded, white_paper(raised, remove=("4A090",), effective=dt.date(2026, 1, 1)))
    vote(people, loaded, second, "US", Position.YES)
    proposals.decide(loaded, people(WA, "NL", "chair"), WA, second)
    diff = public.release(loaded, WA, LIST, 2).diff
    assert (diff.added, diff.removed) == ([], ["4A090"]) and "3A090" in diff.changed
    history = Dated.parse(criterion_of(public.entries(loaded, WA, LIST)["3A090"]))
    assert history.at(dt.date(2025, 6, 1)) == "tpp >= 4000", "what the first release said is kept"
    assert history.at(dt.date(2026, 6, 1)) == "tpp >= 4800"
    assert "4A090" in public.entries(loaded, WA, LIST, on=dt.date(2025, 6, 1))
    assert "4A090" not in public.entries(loaded, WA, LIST, on=dt.date(2026, 6, 1))


def test_a_release_that_is_not_valid_list_data_is_refused_and_nothing_is_written(loaded: Store, people: People) -> None:
    proposal_id = to_plenary(people, loaded, white_paper(entry("3A090", "tppp >= 4800")))
    for country in ("US", "DE"):
        vote(people, loaded, proposal_id, country, Position.YES)
    with pytest.raises(InputError, match="unknown parameter 'tppp'"):
        proposals.decide(loaded, people(WA, "NL", "chair"), WA, proposal_id)
    assert public.releases(loaded, WA) == []


def test_a_blocked_proposal_records_who_blocked_and_why(loaded: Store, people: People) -> None:
    proposal_id = to_plenary(people, loaded, white_paper(entry("5A002", "symmetric_key_length > 56 bit")))
    vote(people, loaded, proposal_id, "US", Position.YES)
    with pytest.raises(ValueError, match="must give its reason"):
        VoteInput(position=Position.NO)
    vote(people, loaded, proposal_id, "RU", Position.NO, "not in our interest")
    decided = proposals.decide(loaded, people(WA, "NL", "chair"), WA, proposal_id)
    assert decided.status == "blocked"
    assert decided.ballot is not None
    assert decided.ballot.blocked_by == [{"member": "RU", "reason": "not in our interest"}]
    assert public.releases(loaded, WA) == []
    with pytest.raises(StateConflictError, match="closed"):
        vote(people, loaded, proposal_id, "FR", Position.YES)


def test_a_private_minimum_is_seen_by_its_member_only(loaded: Store, people: People) -> None:
    us, be = people(WA, "US", "list_expert"), people(WA, "BE", "list_expert")
    proposal = proposals.draft(loaded, us, WA, white_paper(entry("3A090")))
    proposals.circulate(loaded, us, WA, proposal.id)
    record(
        loaded, us, WA, proposal.id, PositionInput(minimum="3A090 whatever else", required_entries=["3A090", "3B001"])
    )
    mine = read(loaded, us, WA, proposal.id)
    assert (mine.minimum, mine.missing_from_text) == ("3A090 whatever else", ["3B001"])
    with pytest.raises(AccessDeniedError, match="seen only by the member that recorded it"):
        read(loaded, be, WA, proposal.id, country="US")
    with pytest.raises(NotFoundError, match="BE has recorded no private position"):
        read(loaded, be, WA, proposal.id)
    with loaded.read() as session:
        payloads = " ".join(session.scalars(select(AuditEntry.payload)))
    assert "whatever else" not in payloads


def test_only_the_working_group_chair_reviews_and_only_the_plenary_chair_decides(loaded: Store, people: People) -> None:
    us = people(WA, "US", "list_expert")
    proposal = proposals.draft(loaded, us, WA, white_paper(entry("3A090")))
    proposals.circulate(loaded, us, WA, proposal.id)
    with pytest.raises(AccessDeniedError, match=r"only the chair of the working group experts \(DE\)"):
        review(loaded, people(WA, "US", "chair"), WA, proposal.id, ReviewInput())
    review(loaded, people(WA, "DE", "chair"), WA, proposal.id, ReviewInput())
    with pytest.raises(AccessDeniedError, match=r"only the chair of the plenary \(NL\)"):
        proposals.decide(loaded, people(WA, "DE", "chair"), WA, proposal.id)


def test_a_failed_adoption_leaves_the_store_as_it_was(loaded: Store, people: People) -> None:
    first = to_plenary(people, loaded, white_paper(entry("3A090")))
    vote(people, loaded, first, "US", Position.YES)
    proposals.decide(loaded, people(WA, "NL", "chair"), WA, first)
    later = dt.date(2026, 1, 1)
    removal, rival = (to_plenary(people, loaded, white_paper(remove=("3A090",), effective=later)) for _ in range(2))
    for proposal_id in (removal, rival):
        vote(people, loaded, proposal_id, "US", Position.YES)
    proposals.decide(loaded, people(WA, "NL", "chair"), WA, removal)
    chair = people(WA, "NL", "chair")
    with loaded.read() as session:
        rows_before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(InputError, match="removes 3A090, which the list does not have"):
        proposals.decide(loaded, chair, WA, rival)
    after = proposals.get(loaded, chair, WA, rival)
    assert after.status == "at_plenary"
    assert after.ballot is not None and after.ballot.closed_at is None
    with loaded.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == rows_before
    assert [r.number for r in public.releases(loaded, WA)] == [1, 2]


def test_a_draft_names_an_existing_list(loaded: Store, people: People) -> None:
    data = white_paper(entry("3A090")).model_copy(update={"list_id": "nsg-trigger-list"})
    with pytest.raises(InputError, match="keeps no list 'nsg-trigger-list'"):
        proposals.draft(loaded, people(WA, "US", "list_expert"), WA, data)
