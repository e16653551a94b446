"""Denial notifications: members only, late ones marked, expiring after the validity period unless renewed."""

from __future__ import annotations

import datetime as dt

import pytest

from regime.errors import InputError
from regime.exchange import denials
from regime.exchange.denials import DenialInput, DenialReview
from regime.governance.errors import AccessDeniedError
from regime.governance.testing import People
from regime.store import Store
from regime.store.testing import FixedClock

WA = "wassenaar"


def denial(**overrides: object) -> DenialInput:
    fields: dict[str, object] = {
        "list_id": "wassenaar-dual-use",
        "entry_id": "3A090",
        "parameters": {"tpp": 4900},
        "consignee": "Pacific Trading Ltd",
        "end_user": "Example Supercomputing Centre",
        "destination": "CN",
        "reason": "risk of diversion to military end use",
        "denied_on": dt.date(2024, 2, 1),
    }
    return DenialInput.model_validate(fields | overrides)


def test_a_notified_denial_is_seen_by_every_member(loaded: Store, people: People) -> None:
    notified = denials.notify(loaded, people(WA, "DE", "licensing_officer"), WA, denial())
    assert (notified.member, notified.status, notified.expires_on) == ("DE", "in_force", dt.date(2027, 2, 1))
    assert not notified.notified_late
    seen = denials.listing(loaded, people(WA, "JP", "list_expert"), WA)
    assert [d.id for d in seen] == [notified.id]
    assert denials.get(loaded, people(WA, "FR", "chair"), WA, notified.id).transaction.end_user.startswith("Example")


def test_a_notification_after_the_deadline_is_marked_late(loaded: Store, people: People) -> None:
    late = denials.notify(loaded, people(WA, "DE", "licensing_officer"), WA, denial(denied_on=dt.date(2023, 12, 1)))
    assert late.notified_late


def test_bad_notifications_are_refused(loaded: Store, people: People) -> None:
    officer = people(WA, "DE", "licensing_officer")
    with pytest.raises(InputError, match="in the future"):
        denials.notify(loaded, officer, WA, denial(denied_on=dt.date(2024, 3, 5)))
    with pytest.raises(InputError, match="keeps no list 'mtcr-annex'"):
        denials.notify(loaded, officer, WA, denial(list_id="mtcr-annex"))
    with pytest.raises(ValueError, match="not a nation-state"):
        denial(destination="Atlantis")
    with pytest.raises(AccessDeniedError, match="needs the role licensing officer"):
        denials.notify(loaded, people(WA, "DE", "list_expert"), WA, denial())


def test_a_denial_expires_unless_reviewed_and_renewed(loaded: Store, people: People, clock: FixedClock) -> None:
    officer = people(WA, "DE", "licensing_officer")
    first = denials.notify(loaded, officer, WA, denial())
    second = denials.notify(loaded, officer, WA, denial(entry_id="3A001"))
    clock.advance(days=1000)  # 2026-11-29: both expire on 2027-02-01, within 90 days
    assert [d.id for d in denials.due_for_review(loaded, officer, WA)] == [first.id, second.id]
    with pytest.raises(AccessDeniedError, match="only it may review"):
        denials.review(
            loaded, people(WA, "FR", "licensing_officer"), WA, first.id, DenialReview(maintain=True, note="x")
        )
    renewed = denials.review(loaded, officer, WA, first.id, DenialReview(maintain=True, note="still a risk"))
    assert (renewed.expires_on, renewed.renewals) == (dt.date(2029, 11, 29), 1)
    revoked = denials.review(loaded, officer, WA, second.id, DenialReview(maintain=False, note="end user reformed"))
    assert revoked.status == "revoked"
    clock.advance(days=100)  # 2027-03-09: the unrenewed one would have expired
    assert [d.id for d in denials.listing(loaded, officer, WA)] == [first.id]
    assert {d.status for d in denials.listing(loaded, officer, WA, include_lapsed=True)} == {"in_force", "revoked"}
