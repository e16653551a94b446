"""Coverage on small synthetic tables with known answers, and on the bundled table."""

from __future__ import annotations

import pytest

from regime.assess.context import SupplyData
from regime.assess.coverage import coverage, input_coverage, input_shares
from regime.assess.provenance import Aggregate
from regime.assess.supply import ShareRow, ShareTable

EUROPE = {
    "EUR": Aggregate(name="Europe", may_include=frozenset({"DE", "FR"})),
    "Various countries": Aggregate(name="Various", may_include=None),
}


def table(*rows: tuple[str, str, float | None, int]) -> ShareTable:
    return ShareTable(
        tuple(ShareRow(i, p, s, y, "test", n) for n, (i, p, s, y) in enumerate(rows, 2)),
        {"A": "Alpha", "B": "Beta"},
        "synthetic",
    )


def test_member_share_non_members_and_unattributed() -> None:
    t = table(("A", "US", 50, 2024), ("A", "JP", 30, 2024), ("A", "CN", 15, 2024), ("A", "Various countries", 5, 2024))
    cov = coverage(t, ["A"], frozenset({"US", "JP"}), EUROPE)[0]
    assert cov.member == pytest.approx(0.80)
    assert cov.outside == pytest.approx(0.15)
    assert cov.unattributed == pytest.approx(0.05)
    assert cov.top_outside == (("CN", pytest.approx(0.15)),)
    assert [c for c, _ in cov.members] == ["US", "JP"]


def test_latest_year_with_shares_is_used_and_named() -> None:
    t = table(
        ("A", "US", 90, 2019),
        ("A", "CN", 10, 2019),
        ("A", "US", 40, 2023),
        ("A", "CN", 60, 2023),
        ("A", "US", None, 2025),
    )
    shares = input_shares(t, "A", EUROPE)
    assert shares.year == 2023
    assert shares.countries == {"US": 0.4, "CN": 0.6}


def test_totals_above_100_are_scaled_and_below_100_leave_a_remainder() -> None:
    over = table(("A", "US", 60.1, 2024), ("A", "CN", 40, 2024))
    under = table(("A", "US", 50, 2024), ("A", "CN", 30, 2024), ("A", "KR", None, 2024))
    assert input_shares(over, "A", EUROPE).member_share({"US", "CN"}) == pytest.approx(1.0)
    cov = input_coverage(input_shares(under, "A", EUROPE), frozenset({"US"}))
    assert (cov.member, cov.outside, cov.unattributed) == pytest.approx((0.5, 0.3, 0.2))
    assert cov.shares.listed_without_share == ("KR",)


@pytest.mark.parametrize(
    ("members", "member", "outside", "unattributed"),
    [({"DE", "FR"}, 0.4, 0.6, 0.0), ({"DE"}, 0.0, 0.6, 0.4), ({"US"}, 0.0, 1.0, 0.0)],
)
def test_an_aggregate_counts_only_when_all_or_none_of_it_is_member(members, member, outside, unattributed) -> None:
    t = table(("A", "EUR", 40, 2024), ("A", "CN", 60, 2024))
    cov = input_coverage(input_shares(t, "A", EUROPE), frozenset(members))
    assert (cov.member, cov.outside, cov.unattributed) == pytest.approx((member, outside, unattributed))


def test_an_input_without_shares_is_unknown_not_zero() -> None:
    t = table(("A", "US", None, 2019), ("A", "CN", None, 2019))
    cov = input_coverage(input_shares(t, "A", EUROPE), frozenset({"US"}))
    assert cov.member is None and cov.outside is None
    assert not cov.shares.known


def test_chip_alliance_holds_the_lithography_market(supply: SupplyData) -> None:
    chips = supply.memberships["chip-alliance"].members
    euv = input_coverage(supply.shares("N20"), chips)
    litho = input_coverage(supply.shares("N19"), chips)
    assert euv.member == pytest.approx(1.0)
    assert litho.member == pytest.approx(0.971 / 1.001, abs=1e-3)  # NL 81.5 + JP 15.0 + US 0.6, of 100.1
    assert litho.top_outside[0][0] == "AT"


def test_quad_lacks_euv_and_wassenaar_lacks_israel(supply: SupplyData) -> None:
    quad = supply.memberships["quad"].members
    wassenaar = supply.memberships["wassenaar"].members
    assert input_coverage(supply.shares("N20"), quad).member == 0
    metrology = input_coverage(supply.shares("N65"), wassenaar)
    assert metrology.top_outside[0][0] == "IL"
