"""The member-state side: a denial is notified to the regime; a grant checks identical denials first."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from regime.errors import InputError
from regime.exchange import consultations
from regime.exchange.consultations import AnswerInput
from regime.exchange.denials import DenialInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput
from regime.governance.errors import AccessDeniedError
from regime.governance.testing import People
from regime.licensing import ledger, member, register
from regime.licensing.ledger import DrawInput, NotCoveredError
from regime.licensing.member import MemberGrant
from regime.store import Store

CHIPS = "chip-alliance"
TX: dict[str, Any] = {
    "list_id": "chip-alliance-sme",
    "entry_id": "3B001",
    "parameters": {"wavelength_nm": 193},
    "consignee": "Eastern Fab Equipment Co.",
    "end_user": "Advanced Logic Foundry, Ltd.",
    "destination": "CN",
}
LICENCE: dict[str, Any] = {
    "authority": "BIS",
    "number": "D-900",
    "holder": "Example Litho Inc.",
    "currency": "USD",
    "quantity_limit": 2,
    "value_limit": "9000000",
    "valid_from": "2024-03-01",
    "expires_on": "2026-02-28",
}


def grant_of(**licence: Any) -> MemberGrant:
    return MemberGrant.model_validate({"transaction": TX, "licence": {**LICENCE, **licence}})


def test_a_denial_is_notified_to_the_members(loaded: Store, people: People) -> None:
    nl = people(CHIPS, "NL", "licensing_officer")
    denial = member.deny(loaded, nl, CHIPS, DenialInput(**TX, reason="advanced node", denied_on=dt.date(2024, 3, 1)))
    assert (denial.member, denial.status, denial.transaction.end_user) == ("NL", "in_force", TX["end_user"])


def test_a_grant_with_no_identical_denial_is_active_at_once_and_covers_its_transaction(
    loaded: Store, people: People
) -> None:
    us = people(CHIPS, "US", "licensing_officer")
    done = member.grant(loaded, us, CHIPS, grant_of())
    assert (done.status, done.case.status, done.licence.status, done.licence.issuing_member) == (
        "granted",
        "granted",
        "active",
        "US",
    )
    assert [i.entry for i in done.licence.items] == ["3B001"] and done.licence.destinations == ["CN"]
    draw = {"shipment": "S-1", "destination": "CN", "classes": ["3B001.f.1"], "quantity": 1, "consignee": TX["consignee"],
            "end_user": "ADVANCED LOGIC FOUNDRY LTD", "value": {"amount": "4000000", "currency": "USD"}}  # fmt: skip
    assert ledger.draw(loaded, us, done.licence.id, DrawInput.model_validate(draw)).quantity == 1
    with pytest.raises(InputError, match="US licence D-900 is already on record"):
        member.grant(loaded, us, CHIPS, grant_of())


def test_a_grant_against_an_identical_denial_waits_for_the_consultation_then_needs_reasons(
    loaded: Store, people: People
) -> None:
    nl, us = people(CHIPS, "NL", "licensing_officer"), people(CHIPS, "US", "licensing_officer")
    member.deny(loaded, nl, CHIPS, DenialInput(**TX, reason="advanced node", denied_on=dt.date(2024, 3, 1)))
    pending = member.grant(loaded, us, CHIPS, grant_of())
    assert (pending.status, pending.licence.status, [c.denying_member for c in pending.case.consultations]) == (
        "consulting",
        "pending",
        ["NL"],
    )
    draw = DrawInput.model_validate({"shipment": "S-1", "destination": "CN", "classes": ["3B001"], "quantity": 1,
                                     "consignee": TX["consignee"], "end_user": TX["end_user"], "value": {"amount": "1", "currency": "USD"}})  # fmt: skip
    with pytest.raises(NotCoveredError, match="is pending, not active"):
        ledger.draw(loaded, us, pending.licence.id, draw)
    consultations.answer(loaded, nl, CHIPS, pending.case.consultations[0].id, AnswerInput(identical=True))
    with pytest.raises(InputError, match="undercuts denials in force by NL"):
        member.complete(loaded, us, CHIPS, pending.case.id, GrantInput())
    assert register.get(loaded, us, pending.licence.id).status == "pending"
    done = member.complete(loaded, us, CHIPS, pending.case.id, GrantInput(reasons="mature-node line only"))
    assert (done.status, done.licence.status, done.case.undercut[0]["member"]) == ("granted", "active", "NL")
    assert member.complete(loaded, us, CHIPS, pending.case.id, GrantInput()).licence.status == "active"


def test_only_licensing_officers_record_grants_and_denials(loaded: Store, people: People) -> None:
    expert = people(CHIPS, "US", "list_expert")
    with pytest.raises(AccessDeniedError, match="needs the role licensing officer"):
        member.grant(loaded, expert, CHIPS, grant_of())
    with pytest.raises(InputError, match=r"licence\.expires_on|before valid_from"):
        member.grant(loaded, people(CHIPS, "US", "licensing_officer"), CHIPS, grant_of(expires_on="2020-01-01"))
    assert Transaction.model_validate(TX).destination == "CN"
