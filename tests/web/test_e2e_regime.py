"""In Chromium: member officials sign in, read proposals, vote, keep their minimums private, watch deadlines."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from regime.web.demo import CHIPS, World

from .conftest import sign_in

pytestmark = pytest.mark.browser

BASE = f"/web/regime/{CHIPS}"


def test_a_member_signs_in_and_votes_on_a_proposal(page: Page, world: World) -> None:
    page.goto(f"{BASE}/proposals")
    assert "/web/signin?next=" in page.url  # the member pages ask for a session first
    page.get_by_label("Access token").fill(world.tokens["jp_chair"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Proposals")
    page.get_by_role("link", name="Advanced computing chips at TPP 4800").click()
    ballot = page.locator("#ballot")
    expect(ballot).to_contain_text("consensus")
    ballot.get_by_role("radio", name="no").check()
    ballot.get_by_role("button", name="Cast the vote").click()
    expect(page.locator("#ballot .error")).to_contain_text("reason")  # a no must give its reason
    page.locator("#ballot").get_by_role("radio", name="yes").check()
    page.locator("#ballot").get_by_role("button", name="Cast the vote").click()
    expect(page.locator("#ballot")).to_contain_text("Your member's vote is recorded")
    expect(page.locator("#ballot tbody")).to_contain_text("JP")
    page.reload()
    expect(page.locator("#ballot tbody tr").filter(has_text="JP")).to_contain_text("yes")


def test_a_member_cannot_open_another_members_private_position_page(page: Page, world: World) -> None:
    sign_in(page, world.tokens["nl_expert"], f"{BASE}/proposals/{world.proposal}/positions/NL")
    expect(page.locator("main")).to_contain_text("NL secret floor")
    response = page.goto(f"{BASE}/proposals/{world.proposal}/positions/US")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Not for you")
    expect(page.locator("main")).not_to_contain_text("US keeps 3A090.a")
    draft = page.goto(f"{BASE}/proposals/{world.draft}")
    assert draft is not None and draft.status == 404  # the U.S. draft is not circulated


def test_a_member_records_its_private_minimum(page: Page, world: World) -> None:
    sign_in(page, world.tokens["us_expert"], f"{BASE}/proposals/{world.proposal}")
    page.get_by_role("link", name="Your member's private minimum").click()
    page.get_by_label("The minimum your member needs").fill("US needs 3A090 and 4A090")
    page.get_by_label("Entries it cannot do without").fill("3A090, 4A090")
    page.get_by_role("button", name="Save privately").click()
    expect(page.locator(".near-miss")).to_contain_text("Missing from the current text: 4A090")


def test_an_official_sees_a_consultation_deadline_count_down(page: Page, world: World) -> None:
    sign_in(page, world.tokens["nl_officer"], f"{BASE}/consultations")
    card = page.locator(f"#consultation-{world.consultation}")
    expect(card).to_contain_text("US asks NL about denial")
    expect(card.locator(".deadline-left")).to_contain_text("10 working days left")
    countdown = card.locator(".countdown")
    expect(countdown).to_contain_text("left")
    first = countdown.inner_text()
    page.wait_for_timeout(1500)
    assert countdown.inner_text() != first  # it counts down while one watches


def test_denials_agenda_and_audit_log(page: Page, world: World) -> None:
    sign_in(page, world.tokens["us_expert"], f"{BASE}/denials")
    expect(page.locator("tbody")).to_contain_text("Advanced Logic Foundry, Ltd.")
    expect(page.locator("tbody")).to_contain_text("in force")
    page.get_by_role("link", name="Agenda & calendar").click()
    expect(page.locator("main")).to_contain_text("Advanced computing chips at TPP 4800")
    expect(page.locator("main")).to_contain_text("plenary")
    page.get_by_role("link", name="Audit log").click()
    expect(page.locator(".notice")).to_contain_text("The chain is intact")
    expect(page.locator("tbody")).to_contain_text("proposal.draft")
    expect(page.locator("tbody")).not_to_contain_text("denial.notify")  # the Netherlands' row, not shown to the U.S.
