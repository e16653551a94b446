"""No-undercut: find the denials a licence would undercut, consult, then grant with reasons or not at all."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from regime.errors import InputError, NotFoundError
from regime.exchange import consultations, denials, licences
from regime.exchange.consultations import AnswerInput, ExtensionInput
from regime.exchange.denials import DenialInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.testing import People
from regime.store import Store
from regime.store.testing import FixedClock

CHIPS = "chip-alliance"
ITEM: dict[str, Any] = {"entry_id": "3B001", "parameters": {"wavelength_nm": 193, "overlay_nm": 1.5}}


def transaction(regime_list: str, **overrides: Any) -> Transaction:
    fields = {
        "list_id": regime_list,
        **ITEM,
        "consignee": "Eastern Fab Equipment Co.",
        "end_user": "Advanced Logic Foundry, Ltd.",
        "destination": "CN",
    }
    return Transaction.model_validate(fields | overrides)


def deny(store: Store, people: People, regime_id: str, country: str, regime_list: str, **overrides: Any) -> int:
    data = DenialInput(
        **transaction(regime_list, **overrides).model_dump(), reason="advanced node", denied_on=dt.date(2024, 3, 1)
    )
    return denials.notify(store, people(regime_id, country, "licensing_officer"), regime_id, data).id


def test_a_denial_in_force_opens_a_consultation_due_in_working_days(loaded: Store, people: People) -> None:
    denial_id = deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    us = people(CHIPS, "US", "licensing_officer")
    case = consultations.open_case(
        loaded, us, CHIPS, transaction("chip-alliance-sme", end_user="ADVANCED LOGIC FOUNDRY LTD")
    )
    assert [m["denial"] for m in case.matches] == [denial_id]
    assert (
        "end user: 'ADVANCED LOGIC FOUNDRY LTD' = 'Advanced Logic Foundry, Ltd.' after normalisation"
        in (case.matches[0]["reasons"])
    )
    [consultation] = case.consultations
    assert (consultation.denying_member, consultation.deadline, consultation.status) == (
        "NL",
        dt.date(2024, 3, 18),
        "open",
    )
    with pytest.raises(NotFoundError, match="visible to JP"):
        consultations.get_case(loaded, people(CHIPS, "JP", "licensing_officer"), CHIPS, case.id)
    with pytest.raises(StateConflictError, match=r"consultation \d+ with NL is open until 2024-03-18"):
        licences.grant(loaded, us, CHIPS, case.id, GrantInput(reasons="urgent"))


def test_a_grant_against_an_identical_denial_needs_reasons_and_is_notified(loaded: Store, people: People) -> None:
    deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    us, nl = people(CHIPS, "US", "licensing_officer"), people(CHIPS, "NL", "licensing_officer")
    case = consultations.open_case(loaded, us, CHIPS, transaction("chip-alliance-sme"))
    with pytest.raises(AccessDeniedError, match="answered by NL"):
        consultations.answer(loaded, us, CHIPS, case.consultations[0].id, AnswerInput(identical=False))
    consultations.answer(loaded, nl, CHIPS, case.consultations[0].id, AnswerInput(identical=True, note="same fab"))
    with pytest.raises(InputError, match=r"undercuts denials in force by NL \(denial 1\): give the reasons"):
        licences.grant(loaded, us, CHIPS, case.id, GrantInput())
    granted = licences.grant(loaded, us, CHIPS, case.id, GrantInput(reasons="mature-node line only, on-site checks"))
    assert granted.status == "granted"
    [notice] = licences.notices(loaded, people(CHIPS, "JP", "list_expert"), CHIPS)
    assert (notice.member, notice.reasons, notice.undercut[0]["member"]) == (
        "US",
        "mature-node line only, on-site checks",
        "NL",
    )


def test_silence_after_the_deadline_counts_as_not_identical(loaded: Store, people: People, clock: FixedClock) -> None:
    deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    us, nl = people(CHIPS, "US", "licensing_officer"), people(CHIPS, "NL", "licensing_officer")
    case = consultations.open_case(loaded, us, CHIPS, transaction("chip-alliance-sme"))
    clock.advance(days=15)  # 2024-03-19, past the 10 working days
    [consultation] = consultations.listing(loaded, nl, CHIPS)
    assert (consultation.status, consultation.outcome) == ("lapsed", "not_identical")
    with pytest.raises(StateConflictError, match="lapsed"):
        consultations.answer(loaded, nl, CHIPS, consultation.id, AnswerInput(identical=True))
    assert licences.grant(loaded, us, CHIPS, case.id, GrantInput()).undercut == []
    assert licences.notices(loaded, us, CHIPS) == []


def test_the_denying_member_may_extend_once_up_to_the_maximum(loaded: Store, people: People) -> None:
    deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    nl = people(CHIPS, "NL", "licensing_officer")
    case = consultations.open_case(
        loaded, people(CHIPS, "US", "licensing_officer"), CHIPS, transaction("chip-alliance-sme")
    )
    consultation_id = case.consultations[0].id
    with pytest.raises(InputError, match="at most 30 working days"):
        consultations.extend(loaded, nl, CHIPS, consultation_id, ExtensionInput(working_days=31))
    extended = consultations.extend(loaded, nl, CHIPS, consultation_id, ExtensionInput(working_days=30))
    assert extended.deadline == dt.date(2024, 4, 15)
    with pytest.raises(StateConflictError, match="can no longer be extended"):
        consultations.extend(loaded, nl, CHIPS, consultation_id, ExtensionInput(working_days=30))


def test_different_parameters_or_parties_are_not_essentially_identical(loaded: Store, people: People) -> None:
    deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    us = people(CHIPS, "US", "licensing_officer")
    other_item = transaction("chip-alliance-sme", parameters={"wavelength_nm": 248, "overlay_nm": 1.5})
    other_parties = transaction("chip-alliance-sme", consignee="Someone Else", end_user="Another Fab")
    for data in (other_item, other_parties):
        case = consultations.open_case(loaded, us, CHIPS, data)
        assert (case.matches, case.consultations) == ([], [])


def test_wassenaar_does_not_consult_but_a_grant_still_needs_reasons(loaded: Store, people: People) -> None:
    deny(loaded, people, "wassenaar", "DE", "wassenaar-dual-use")
    fr = people("wassenaar", "FR", "licensing_officer")
    case = consultations.open_case(loaded, fr, "wassenaar", transaction("wassenaar-dual-use"))
    assert (len(case.matches), case.consultations) == (1, [])
    with pytest.raises(InputError, match="give the reasons"):
        licences.grant(loaded, fr, "wassenaar", case.id, GrantInput())
    granted = licences.grant(loaded, fr, "wassenaar", case.id, GrantInput(reasons="end user changed hands"))
    assert granted.undercut[0]["how"] == "found essentially identical by the service"


def test_under_cocom_any_member_vetoes_another_members_export(loaded: Store, people: People) -> None:
    fr = people("cocom", "FR", "licensing_officer")
    secretariat = people("cocom", "FR", "secretariat")
    case = consultations.open_case(loaded, fr, "cocom", transaction("cocom-industrial", destination="PL"))
    with pytest.raises(StateConflictError, match="awaits the members' decision"):
        licences.grant(loaded, fr, "cocom", case.id, GrantInput())
    veto = VoteInput(position=Position.NO, reason="strategic computer for the Warsaw Pact")
    cast_vote(loaded, people("cocom", "US", "licensing_officer"), "cocom", "export_case", case.id, veto)
    decided = licences.decide_export_case(loaded, secretariat, "cocom", case.id)
    assert decided.status == "vetoed"
    with pytest.raises(StateConflictError, match="vetoed"):
        licences.grant(loaded, fr, "cocom", case.id, GrantInput())

    allowed = consultations.open_case(loaded, fr, "cocom", transaction("cocom-industrial", destination="PL"))
    for country in (
        "US",
        "GB",
        "FR",
        "IT",
        "NL",
        "BE",
        "LU",
        "NO",
        "DK",
        "CA",
        "DE",
        "PT",
        "JP",
        "GR",
        "TR",
        "ES",
        "AU",
    ):
        cast_vote(
            loaded,
            people("cocom", country, "licensing_officer"),
            "cocom",
            "export_case",
            allowed.id,
            VoteInput(position=Position.YES),
        )
    licences.decide_export_case(loaded, secretariat, "cocom", allowed.id)
    assert licences.grant(loaded, fr, "cocom", allowed.id, GrantInput()).status == "granted"


class AlwaysSame:
    """A stand-in for the screening engine: every name matches."""

    def compare(self, a: str, b: str) -> str | None:
        return f"{a!r} ~ {b!r} (screening)"


def test_the_name_matcher_can_be_replaced(loaded: Store, people: People) -> None:
    deny(loaded, people, CHIPS, "NL", "chip-alliance-sme")
    data = transaction("chip-alliance-sme", consignee="Someone Else", end_user="Another Fab")
    case = consultations.open_case(loaded, people(CHIPS, "US", "licensing_officer"), CHIPS, data, matcher=AlwaysSame())
    assert "screening" in case.matches[0]["reasons"][1]
