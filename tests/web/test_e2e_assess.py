"""In Chromium: the checklist scorecards with evidence, coverage, divergence between members, headroom."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_scorecards_then_one_efforts_evidence(page: Page) -> None:
    page.goto("/web/assess")
    table = page.locator("table")
    expect(table).to_contain_text("points")
    page.get_by_role("link", name="Semiconductor", exact=False).first.click()
    expect(page.get_by_role("heading", level=2, name="Scorecard")).to_be_visible()
    expect(page.locator("section.card").first.locator(".badge")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Progress over time")


def test_coverage_of_a_proposed_membership(page: Page) -> None:
    page.goto("/web/coverage")
    page.get_by_label("A proposed membership").fill("US,JP,NL")
    page.get_by_role("button", name="Measure").click()
    expect(page.locator("main")).to_contain_text("Smallest membership")
    image = page.locator("img.chart")
    expect(image).to_have_attribute(
        "alt",
        "Heatmap of each named membership's share of world supply per technology of concern; the same figures are in the table below.",
    )
    page.wait_for_function(
        "() => { const i = document.querySelector('img.chart'); return i.complete && i.naturalWidth > 0; }"
    )
    loaded = page.request.get("/web/coverage/heatmap.svg?target=0.9")
    assert loaded.ok and loaded.headers["content-type"].startswith("image/svg+xml")


def test_divergence_between_members(page: Page) -> None:
    page.goto("/web/divergence")
    expect(page.locator("thead").first).to_contain_text("Netherlands")
    expect(page.locator("tr.disagree").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("US / NL")
    page.get_by_label("Destination").fill("Germany")
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.locator("main")).to_contain_text("products are decided differently")
    page.get_by_role("textbox", name="Members").fill("US,JP")
    page.get_by_role("button", name="Compare members").click()
    expect(page.locator("#pairs")).to_contain_text("US / JP")
    expect(page.locator("#pairs")).not_to_contain_text("US / NL")


def test_headroom_and_an_amendments_effect(page: Page) -> None:
    page.goto("/web/headroom")
    expect(page.locator("tbody")).to_contain_text("NVIDIA H20")
    page.get_by_label("Proposed amendment").select_option("lower-tpp-2400")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="What the amendment changes")).to_be_visible()
    expect(page.locator("main")).to_contain_text("3A090")
