"""End-user controls through a party index, end-use rules, headquarters, embargoes, deemed exports, de minimis."""

from __future__ import annotations

import datetime as dt

from regime.determine.engine import determine
from regime.determine.loader import SCREENING_FILE, exact_index
from regime.determine.parties import ExactNameIndex, NoParties, PartyHit, normalise_name
from regime.determine.result import Outcome
from regime.determine.transaction import Transaction


class OneHit:
    """A party index that knows one name on one list."""

    version = "test index"

    def __init__(self, name: str, code: str, requirement: str | None = None, policy: str | None = None) -> None:
        self.name, self.code, self.requirement, self.policy = name, code, requirement, policy

    def find(self, name: str, country: str | None) -> tuple[PartyHit, ...]:
        if normalise_name(name) != normalise_name(self.name):
            return ()
        return (
            PartyHit(
                party=name, list_code=self.code, list_name=self.code, entry_name=self.name,
                licence_requirement=self.requirement, licence_policy=self.policy,
            ),
        )  # fmt: skip


def run(members, catalogue, index, **fields):  # type: ignore[no-untyped-def]
    fields.setdefault("date", dt.date(2024, 2, 1))
    tx = Transaction.model_validate(fields)
    return determine(tx, members["us"], parties_index=index, catalogue=catalogue)


ACME = [{"name": "Acme Trading", "role": "end_user", "country": "AE", "headquarters": "AE"}]


def test_entity_list_requirement_and_policy_come_from_the_entry(members, catalogue) -> None:  # type: ignore[no-untyped-def]
    index = OneHit("Acme Trading", "EL", "For all items subject to the EAR.", "Presumption of denial.")
    det = run(members, catalogue, index, classification=["EAR99"], destination="AE", parties=ACME)
    assert det.outcome is Outcome.PRESUMPTION_OF_DENIAL
    assert det.review_policy is not None and det.review_policy.level == "presumption_of_denial"


def test_an_entity_list_requirement_for_ccl_items_only_spares_ear99(members, catalogue) -> None:  # type: ignore[no-untyped-def]
    index = OneHit("Acme Trading", "EL", "For all items listed on the CCL.", "Case-by-case basis.")
    ear99 = run(members, catalogue, index, classification=["EAR99"], destination="AE", parties=ACME)
    listed = run(members, catalogue, index, classification=["5A992.c"], destination="AE", parties=ACME)
    assert ear99.outcome is Outcome.NO_LICENCE_REQUIRED
    assert listed.outcome is Outcome.LICENCE_REQUIRED


def test_denied_persons_prohibit(members, catalogue) -> None:  # type: ignore[no-untyped-def]
    det = run(
        members, catalogue, OneHit("Acme Trading", "DPL"), classification=["EAR99"], destination="AE", parties=ACME
    )
    assert det.outcome is Outcome.PROHIBITED


def test_meu_reaches_any_item_for_russian_parties(members, catalogue) -> None:  # type: ignore[no-untyped-def]
    party = [{"name": "Acme Trading", "role": "end_user", "country": "RU", "headquarters": "RU"}]
    det = run(
        members, catalogue, OneHit("Acme Trading", "MEU"), classification=["3A001.a.2"], destination="RU", parties=party
    )
    assert any(r.id.startswith("MEU") for r in det.requirements)


def test_a_screening_note_list_is_noted_not_required(members, catalogue) -> None:  # type: ignore[no-untyped-def]
    det = run(
        members, catalogue, OneHit("Acme Trading", "CMIC"), classification=["EAR99"], destination="AE", parties=ACME
    )
    assert det.outcome is Outcome.NO_LICENCE_REQUIRED
    assert any("CMIC" in s.finding or "Military-Industrial" in s.finding for s in det.trace)


def test_exact_names_match_after_normalisation() -> None:
    index = exact_index(SCREENING_FILE)
    assert isinstance(index, ExactNameIndex)
    hits = index.find("huawei technologies co ltd", None)
    assert {h.list_code for h in hits} >= {"EL"}
    assert index.find("Huawei Technologies Company", None) == ()
    assert NoParties().find("anyone", None) == ()


def test_is_informed_letters_under_an_unmodelled_provision_still_require(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["EAR99"], destination="Germany", informed=[{"rule": "744.6", "by": "BIS"}])
    assert det.outcome is Outcome.LICENCE_REQUIRED
    assert det.requirements[0].id == "informed 744.6"


def test_letters_for_other_members_bind_only_them(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["EAR99"], destination="Germany", informed=[{"rule": "Art. 4(1)(a)", "member": "eu"}])
    assert det.outcome is Outcome.NO_LICENCE_REQUIRED


def test_macau_is_named_by_744_23_not_found_in_d5(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["EAR99"], destination="Macau", end_uses=["supercomputer"])
    assert det.outcome is Outcome.PRESUMPTION_OF_DENIAL


def test_deemed_export_reads_the_most_recent_citizenship(decide) -> None:  # type: ignore[no-untyped-def]
    fields = {"kind": "deemed_export", "classification": ["3E001"], "for_classes": ["3A001.b.2"]}
    recent_cn = decide(**fields, foreign_person={"citizenships": ["CA", "CN"]})
    recent_ca = decide(**fields, foreign_person={"citizenships": ["CN", "CA"]})
    assert recent_cn.outcome is Outcome.LICENCE_REQUIRED
    assert recent_ca.outcome is Outcome.NO_LICENCE_REQUIRED


def test_de_minimis_levels_differ_for_e1(decide) -> None:  # type: ignore[no-untyped-def]
    base = {"kind": "reexport", "classification": ["3A001.a.2"]}
    china = decide(**base, destination="China", content={"us_controlled_share": 0.2})
    syria = decide(**base, destination="Syria", content={"us_controlled_share": 0.2})
    assert china.outcome is Outcome.NO_LICENCE_REQUIRED
    assert syria.outcome is Outcome.PRESUMPTION_OF_DENIAL


def test_no_de_minimis_needs_the_us_origin_ic_fact(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(
        kind="reexport", classification=["3B001.f.1"], destination="China", date="2025-02-01",
        content={"us_controlled_share": 0.1},
    )  # fmt: skip
    assert det.outcome is Outcome.INDETERMINATE
    assert "U.S.-origin integrated circuits" in " ".join(det.missing)


def test_an_undecided_paragraph_is_an_open_question(decide) -> None:  # type: ignore[no-untyped-def]
    chip = {
        "name": "An accelerator whose encryption is not documented",
        "parameters": {
            "item_type": "integrated_circuit",
            "ic_function": "logic",
            "tpp": 2000,
            "designed_for_datacenter": True,
        },
    }
    det = decide(item=chip, destination="Brazil", date="2024-06-01")
    assert det.outcome is Outcome.INDETERMINATE
    assert "5A002.a" in " ".join(det.missing)


def test_the_default_index_finds_listed_parties_by_name(index) -> None:  # type: ignore[no-untyped-def]
    hits = index.find("Huawei Technologies Co., Ltd.", "CN")
    assert any(h.list_code == "EL" for h in hits)
    assert index.find("Example Customer Ltd", "DE") == ()
