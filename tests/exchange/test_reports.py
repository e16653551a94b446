"""Periodic aggregate reports: periods, counts from what was recorded, and who may read them."""

from __future__ import annotations

import datetime as dt

import pytest

from regime.errors import InputError
from regime.exchange import denials, reports
from regime.exchange.denials import DenialInput
from regime.governance.errors import AccessDeniedError
from regime.governance.testing import People
from regime.store import Store
from regime.store.testing import FixedClock


@pytest.mark.parametrize(
    ("months", "label", "start", "end"),
    [
        (6, "2024-H2", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        (3, "2024-Q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        (4, "2024-T2", dt.date(2024, 5, 1), dt.date(2024, 8, 31)),
        (1, "2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (12, "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_periods(months: int, label: str, start: dt.date, end: dt.date) -> None:
    assert reports.period_bounds(label, months) == (start, end)
    assert reports.period_label(start, months) == reports.period_label(end, months) == label


def test_a_wrong_period_names_the_form_expected() -> None:
    with pytest.raises(InputError, match="not of the form 2024-H1"):
        reports.period_bounds("2024-H3", 6)


def test_the_semi_annual_report_counts_what_was_notified(loaded: Store, people: People, clock: FixedClock) -> None:
    de = people("wassenaar", "DE", "licensing_officer")
    for entry, destination, day in (("3A090", "CN", 20), ("3A090", "IR", 1), ("5A002", "CN", 1)):
        data = DenialInput(
            list_id="wassenaar-dual-use",
            entry_id=entry,
            consignee="c",
            end_user="e",
            destination=destination,
            reason="r",
            denied_on=dt.date(2024, 2, day),
        )
        denials.notify(loaded, de, "wassenaar", data)
    clock.advance(days=130)  # 2024-07-12: the 2024-H1 report is owed
    report = reports.report(loaded, de, "wassenaar")
    assert (report.period, report.denials_notified, report.denials_notified_late) == ("2024-H1", 3, 0)
    assert report.denials_by_entry == {"3A090": 2, "5A002": 1}
    assert report.denials_by_destination == {"CN": 2, "IR": 1}
    assert reports.report(loaded, de, "wassenaar", period="2024-H2").denials_notified == 0
    total = reports.report(loaded, people("wassenaar", "AT", "secretariat"), "wassenaar", member="all")
    assert total.denials_notified == 3
    with pytest.raises(AccessDeniedError, match="own member's report only"):
        reports.report(loaded, people("wassenaar", "FR", "licensing_officer"), "wassenaar", member="DE")
