"""Properties: more facts against the exporter never make an answer more permissive; order does not matter."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regime.determine.result import Outcome

CLASSES = ["EAR99", "5A992.c", "5A002.a.1", "3A090.a", "3B001.b", "3E001", "9A515.x", "3A001.a.2"]
DESTINATIONS = ["DE", "CN", "BR", "IN", "JP", "RU", "AE", "VN", "CA", "MO", "IR"]
DATES = [dt.date(2021, 6, 1), dt.date(2023, 1, 1), dt.date(2024, 2, 1), dt.date(2025, 2, 1)]
FREE = {Outcome.NO_LICENCE_REQUIRED, Outcome.EXCEPTION_AVAILABLE}
CLEAN = {"name": "Example Customer Ltd", "role": "end_user", "country": "DE", "headquarters": "DE"}
LISTED = {"name": "Huawei Technologies Co., Ltd.", "role": "consignee", "country": "CN", "headquarters": "CN"}
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

transactions = st.fixed_dictionaries(
    {
        "classification": st.lists(st.sampled_from(CLASSES), min_size=1, max_size=2, unique=True),
        "for_classes": st.just(["3A001.b.2"]),
        "destination": st.sampled_from(DESTINATIONS),
        "date": st.sampled_from(DATES),
        "value_usd": st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)),
        "end_uses": st.lists(st.sampled_from(["civil", "military", "supercomputer", "nuclear"]), max_size=1),
    }
)


def rank(outcome: Outcome) -> int:
    return outcome.rank


@SETTINGS
@given(fields=transactions)
def test_adding_an_entity_list_party_never_makes_it_more_permissive(decide, fields) -> None:  # type: ignore[no-untyped-def]
    before = decide(**fields, parties=[CLEAN])
    after = decide(**fields, parties=[CLEAN, LISTED])
    assert after.outcome not in FREE
    if Outcome.INDETERMINATE not in (before.outcome, after.outcome):
        assert rank(after.outcome) >= rank(before.outcome)


@SETTINGS
@given(fields=transactions, flip=st.booleans())
def test_the_decision_does_not_depend_on_the_order_of_the_parties(decide, fields, flip) -> None:  # type: ignore[no-untyped-def]
    other = {"name": "Another Buyer GmbH", "role": "consignee", "country": "DE", "headquarters": "DE"}
    parties = [CLEAN, LISTED if flip else other]
    one = decide(**fields, parties=parties)
    two = decide(**fields, parties=list(reversed(parties)))
    assert one.outcome is two.outcome
    assert {r.id for r in one.requirements} == {r.id for r in two.requirements}
    assert one.exceptions == two.exceptions
    assert sorted(one.missing) == sorted(two.missing)


@SETTINGS
@given(fields=transactions, extra=st.floats(min_value=1, max_value=1e6))
def test_a_higher_value_never_makes_it_more_permissive(decide, fields, extra) -> None:  # type: ignore[no-untyped-def]
    fields["value_usd"] = fields["value_usd"] or 10.0
    low = decide(**fields)
    high = decide(**{**fields, "value_usd": fields["value_usd"] + extra})
    if Outcome.INDETERMINATE not in (low.outcome, high.outcome):
        assert rank(high.outcome) >= rank(low.outcome)


@SETTINGS
@given(fields=transactions, use=st.sampled_from(["military", "nuclear", "supercomputer", "military_intelligence"]))
def test_declaring_a_sensitive_end_use_never_makes_it_more_permissive(decide, fields, use) -> None:  # type: ignore[no-untyped-def]
    fields["end_uses"] = []
    plain = decide(**fields)
    sensitive = decide(**{**fields, "end_uses": [use]})
    if Outcome.INDETERMINATE not in (plain.outcome, sensitive.outcome):
        assert rank(sensitive.outcome) >= rank(plain.outcome)


@SETTINGS
@given(fields=transactions)
def test_every_answer_names_its_basis_and_never_a_bare_clearance(decide, fields) -> None:  # type: ignore[no-untyped-def]
    det = decide(**fields)
    assert det.basis and det.statement
    if det.outcome is Outcome.NO_LICENCE_REQUIRED:
        assert "on the basis of" in det.statement or "No licence required under" in det.statement
    if det.missing:
        assert det.outcome is not Outcome.NO_LICENCE_REQUIRED
