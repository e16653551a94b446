"""Membership: only states apply; admission follows the regime's rule (consensus, or the founders' consent)."""

from __future__ import annotations

import pytest

from regime.errors import InputError
from regime.governance import membership, public
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.membership import ApplicationInput
from regime.governance.testing import People
from regime.store import Store


def _vote(people: People, store: Store, regime_id: str, application_id: int, country: str, position: Position) -> None:
    who = people(regime_id, country, "list_expert")
    reason = "" if position is not Position.NO else "export controls not yet fully effective"
    cast_vote(store, who, regime_id, "admission", application_id, VoteInput(position=position, reason=reason))


def test_a_private_party_cannot_apply(loaded: Store, people: People) -> None:
    secretariat = people("wassenaar", "AT", "secretariat")
    with pytest.raises(InputError, match="'ACME Corp' is not a nation-state"):
        membership.apply(loaded, secretariat, "wassenaar", ApplicationInput(country="ACME Corp", statement="we comply"))


def test_only_the_secretariat_registers_applications(loaded: Store, people: People) -> None:
    with pytest.raises(AccessDeniedError, match="needs the role secretariat"):
        membership.apply(
            loaded, people("wassenaar", "US", "chair"), "wassenaar", ApplicationInput(country="IL", statement="x")
        )


def test_consensus_admission_and_one_objection_refusing_it(loaded: Store, people: People) -> None:
    secretariat, chair = people("wassenaar", "AT", "secretariat"), people("wassenaar", "NL", "chair")
    application = membership.apply(
        loaded, secretariat, "wassenaar", ApplicationInput(country="Israel", statement="adheres")
    )
    assert application.country == "IL"
    with pytest.raises(StateConflictError, match="pending application"):
        membership.apply(loaded, secretariat, "wassenaar", ApplicationInput(country="IL", statement="again"))
    _vote(people, loaded, "wassenaar", application.id, "US", Position.YES)
    _vote(people, loaded, "wassenaar", application.id, "RU", Position.NO)
    refused = membership.decide(loaded, chair, "wassenaar", application.id)
    assert refused.status == "refused"
    assert refused.ballot is not None and refused.ballot.blocked_by[0]["member"] == "RU"

    again = membership.apply(loaded, secretariat, "wassenaar", ApplicationInput(country="IL", statement="adheres"))
    _vote(people, loaded, "wassenaar", again.id, "US", Position.YES)
    assert membership.decide(loaded, chair, "wassenaar", again.id).status == "admitted"
    israel = next(m for m in public.regime(loaded, "wassenaar").members if m.country == "IL")
    assert (israel.since.isoformat(), israel.founder) == ("2024-03-04", False)
    with pytest.raises(StateConflictError, match="already a member"):
        membership.apply(loaded, secretariat, "wassenaar", ApplicationInput(country="IL", statement="x"))


def test_mtcr_admission_needs_every_founder(loaded: Store, people: People) -> None:
    secretariat = people("mtcr", "FR", "secretariat")
    application = membership.apply(loaded, secretariat, "mtcr", ApplicationInput(country="Kazakhstan", statement="x"))
    for country in ("CA", "FR", "DE", "IT", "GB", "US", "NL", "AU"):
        _vote(people, loaded, "mtcr", application.id, country, Position.YES)
    _vote(people, loaded, "mtcr", application.id, "JP", Position.ABSTAIN)
    refused = membership.decide(loaded, secretariat, "mtcr", application.id)
    assert refused.status == "refused"
    assert refused.ballot is not None and "founders' consent is missing from JP" in (refused.ballot.explanation or "")


def test_the_chip_alliance_admits_a_fourth_partner_with_its_founders_consent(loaded: Store, people: People) -> None:
    application = membership.apply(
        loaded,
        people("chip-alliance", "JP", "secretariat"),
        "chip-alliance",
        ApplicationInput(country="KR", statement="x"),
    )
    for country in ("US", "JP", "NL"):
        _vote(people, loaded, "chip-alliance", application.id, country, Position.YES)
    with pytest.raises(AccessDeniedError, match=r"only the chair of the plenary \(NL\)"):
        membership.decide(loaded, people("chip-alliance", "US", "chair"), "chip-alliance", application.id)
    admitted = membership.decide(loaded, people("chip-alliance", "NL", "chair"), "chip-alliance", application.id)
    assert admitted.status == "admitted"
    assert people("chip-alliance", "KR", "licensing_officer").country == "KR"
