"""Licence exceptions: the entry's own limits, each exception's conditions, 740.2 restrictions, value limits."""

from __future__ import annotations

import pytest

from regime.determine.outcome import with_value
from regime.determine.result import ExceptionTrial, Outcome
from regime.determine.us.flags import read_flag


def trial(det, code):  # type: ignore[no-untyped-def]
    return next(t for t in det.trials if t.code == code)


@pytest.mark.parametrize(
    ("eccn", "text", "limit", "excluded", "reasons"),
    [
        ("4A003", "$5000; N/A for 4A003.b, c, and z.", 5000, ("4A003.b", "4A003.c", "4A003.z"), ()),
        ("3A001", "N/A for MT, NP; N/A for and 3A001.z.", None, ("3A001.z",), ("MT", "NP")),
        (
            "3B001",
            "Yes, except a.3 (gas sources), .f (lithography equipment) and .q (masks)",
            None,
            ("3B001.a.3", "3B001.f", "3B001.q"),
            (),
        ),
        ("9A515", "$1500", 1500, (), ()),
    ],
)
def test_flag_texts_are_read_into_limits(eccn, text, limit, excluded, reasons) -> None:  # type: ignore[no-untyped-def]
    flag = read_flag(text, eccn)
    assert flag.available
    assert flag.value_limit == limit
    assert flag.excluded == excluded
    assert flag.excluded_reasons == reasons


def test_na_means_not_available_and_only_lists_are_kept() -> None:
    assert not read_flag("N/A", "3A090").available
    only = read_flag("Yes, for 3B001.c.1.a, c.1.c, and .q, see § 740.24", "3B001")
    assert only.only == ("3B001.c.1.a", "3B001.c.1.c", "3B001.q")
    assert "components" in " ".join(read_flag('Yes: $500 for "components," N/A for 5A002.z.', "5A002").qualifiers)


def test_lvs_value_limit_is_checked_against_the_shipment_value() -> None:
    lvs = ExceptionTrial(code="LVS", title="LVS", citation="740.3", available=True, value_limit=1500)
    assert with_value(lvs, 1000).available
    over = with_value(lvs, 2000)
    assert not over.available and "exceeds" in over.why[-1]
    unknown = with_value(lvs, None)
    assert unknown.available and "must not exceed $1,500" in unknown.conditions[-1]


def test_gbs_needs_ns_only_requirements(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["3B001.c.1.a"], destination="Japan", date="2024-10-01")
    gbs = trial(det, "GBS")
    assert not gbs.available
    assert any("NS-only" in why for why in gbs.why)


def test_tsr_written_assurance_is_tri_state(decide) -> None:  # type: ignore[no-untyped-def]
    base = {"classification": ["3E001"], "for_classes": ["3A001.b.2"], "destination": "India"}
    given = decide(**base, assurances={"written_assurance": True})
    unknown = decide(**base)
    refused = decide(**base, assurances={"written_assurance": False})
    assert given.outcome is Outcome.EXCEPTION_AVAILABLE
    assert unknown.outcome is Outcome.EXCEPTION_AVAILABLE
    assert any("not stated" in c for c in unknown.conditions)
    assert refused.outcome is Outcome.LICENCE_REQUIRED


def test_nac_is_not_for_datacenter_items_to_d5(decide) -> None:  # type: ignore[no-untyped-def]
    gaming = decide(item="nvidia-rtx-4090", destination="China", date="2024-06-01")
    datacenter = decide(item="nvidia-a100-sxm", destination="China", date="2024-06-01")
    assert gaming.outcome is Outcome.EXCEPTION_AVAILABLE and gaming.exceptions == ["NAC"]
    assert not trial(datacenter, "NAC").available
    assert "datacenters" in " ".join(trial(datacenter, "NAC").why)


def test_enc_is_not_available_to_e1(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["5A002.a.1"], destination="Iran")
    assert not trial(det, "ENC").available


def test_exceptions_never_lift_an_end_use_requirement(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["5A002.a.1"], destination="Pakistan", end_uses=["nuclear"])
    assert trial(det, "ENC").available
    assert det.outcome is Outcome.LICENCE_REQUIRED
    assert det.exceptions == []


def test_entries_naming_unmodelled_exceptions_say_so(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["3A090.a"], destination="United Arab Emirates", date="2025-02-01")
    assert any("not encoded" in s.finding for s in det.trace)


def test_the_cheapest_available_exception_is_offered(decide) -> None:  # type: ignore[no-untyped-def]
    det = decide(classification=["3B001.b"], destination="Brazil", value_usd=300)
    assert det.exceptions == ["GBS"]
    assert trial(det, "LVS").available
