"""Periodic aggregate reports, generated from what members recorded (e.g. Wassenaar: twice a year).

Periods follow the regime's ``report_period_months``: ``2024-H1`` (6), ``2024-Q3`` (3),
``2024-T2`` (4), ``2024-05`` (1), ``2024`` (12). Without a period, the report is for the last
complete one — the report the member owes now. A member reads its own report; the secretariat
reads any member's, or the regime's total (``member="all"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from sqlalchemy import select

from regime.errors import InputError
from regime.exchange.views import MemberReport
from regime.governance.access import Principal, Role, require_member
from regime.governance.errors import AccessDeniedError
from regime.governance.records import definition_for, member_of
from regime.store import Store
from regime.store.models import Consultation, Denial, LicenceCase

_MARK = {6: "H", 3: "Q", 4: "T"}


def period_label(day: dt.date, months: int) -> str:
    """The label of the period that contains ``day``."""
    index = (day.month - 1) // months + 1
    if months == 12:
        return str(day.year)
    if months == 1:
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-{_MARK[months]}{index}"


def period_bounds(label: str, months: int) -> tuple[dt.date, dt.date]:
    """First and last day of the period ``label``; a label of the wrong form is an input error."""
    pattern = {12: r"(\d{4})()", 1: r"(\d{4})-(\d{2})"}.get(months, rf"(\d{{4}})-{_MARK.get(months, '?')}(\d)")
    found = re.fullmatch(pattern, label)
    index = int(found.group(2) or 1) if found else 0
    if not found or not 1 <= index <= 12 // months:
        raise InputError(
            f"period {label!r} is not of the form {period_label(dt.date(2024, 1, 1), months)}", where="period"
        )
    start = dt.date(int(found.group(1)), (index - 1) * months + 1, 1)
    end_month = start.month + months
    end = dt.date(start.year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def report(
    store: Store, who: Principal, regime_id: str, period: str | None = None, member: str | None = None
) -> MemberReport:
    """The aggregate report of ``member`` (the caller's own by default) for ``period``."""
    own = require_member(who, regime_id)
    wanted = (member or who.country or "").upper()
    if wanted != who.country and Role.SECRETARIAT not in who.roles:
        raise AccessDeniedError(f"{who.describe()} reads its own member's report only; the secretariat reads others'")
    with store.read() as session:
        months = definition_for(session, regime_id).information_exchange.report_period_months
        if period is None:
            period = period_label(_previous_period_day(store.now().date(), months), months)
        start, end = period_bounds(period, months)
        member_id = (
            None if wanted == "ALL" else (own if wanted == who.country else member_of(session, regime_id, wanted).id)
        )
        since = dt.datetime.combine(start, dt.time(), dt.UTC)
        until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
        in_period = (Denial.regime_id == regime_id, Denial.notified_at >= since, Denial.notified_at < until)
        mine = list(session.scalars(select(Denial).where(*in_period)))
        granted = list(
            session.scalars(
                select(LicenceCase).where(
                    LicenceCase.regime_id == regime_id, LicenceCase.granted_on.between(start, end)
                )
            )
        )
        opened = session.execute(
            select(Consultation, LicenceCase.member_id)
            .join(LicenceCase)
            .where(LicenceCase.regime_id == regime_id, Consultation.opened_on.between(start, end))
        ).all()
    mine = [d for d in mine if member_id in (None, d.member_id)]
    granted = [c for c in granted if member_id in (None, c.member_id)]
    received = [c for c, _ in opened if member_id in (None, c.denying_member_id)]
    today = store.now().date()
    return MemberReport(
        regime=regime_id,
        member=wanted,
        period=period,
        start=start,
        end=end,
        denials_notified=len(mine),
        denials_notified_late=sum(d.notified_late for d in mine),
        denials_by_entry=dict(sorted(Counter(d.entry_id for d in mine).items())),
        denials_by_destination=dict(sorted(Counter(d.destination for d in mine).items())),
        licences_granted=len(granted),
        licences_granted_despite_denials=sum(bool(c.undercut) for c in granted),
        consultations_requested=sum(member_id in (None, requester) for _, requester in opened),
        consultations_received=len(received),
        consultations_answered=sum(c.answer is not None for c in received),
        consultations_lapsed=sum(c.answer is None and c.deadline < today for c in received),
    )


def _previous_period_day(today: dt.date, months: int) -> dt.date:
    start, _ = period_bounds(period_label(today, months), months)
    return start - dt.timedelta(days=1)
