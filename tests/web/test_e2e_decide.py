"""In Chromium: classify a catalogue product and a typed item, determine a transaction under every member."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_classify_a_product_with_its_evidence_and_near_misses(page: Page) -> None:
    page.goto("/web/classify")
    page.get_by_label("A real product from the catalogue").select_option("nvidia-h100-sxm")
    page.get_by_role("button", name="Classify").click()
    match = page.locator("#result .match").first
    expect(match).to_contain_text("3A090.a")
    expect(match).to_contain_text("tpp >= 4800: 15,832 vs 4,800")
    expect(page.locator("#result .indeterminate").first).to_contain_text("needs")
    page.get_by_label("A real product from the catalogue").select_option("nvidia-h20")
    page.get_by_role("button", name="Classify").click()
    expect(page.locator("#result .near-miss").first).to_contain_text("3A090.b missed narrowly: tpp 2,368")


def test_classify_a_typed_item_and_see_a_mistake_named(page: Page) -> None:
    page.goto("/web/classify")
    box = page.get_by_label("Or describe an item in YAML")
    box.fill(
        "name: My accelerator\nparameters:\n  item_type: integrated_circuit\n  ic_function: logic\n"
        "  processing_units: [{mac_tops: 400, bit_length: 8}]\n  applicable_die_area: 600 mm^2\n"
        "  designed_for_datacenter: true\n"
    )
    page.get_by_role("button", name="Classify").click()
    expect(page.locator("#result h2")).to_have_text("My accelerator")
    expect(page.locator("#result .match").first).to_contain_text("tpp >= 4800: 6,400 vs 4,800")
    box.fill("name: [unclosed")
    page.get_by_role("button", name="Classify").click()
    expect(page.locator("#result .error")).to_contain_text("not valid YAML")


def test_determine_under_every_member_side_by_side(page: Page) -> None:
    page.goto("/web/determine")
    page.get_by_label("A real product from the catalogue").select_option("nvidia-h100-sxm")
    page.get_by_label("Destination").fill("China")
    page.get_by_label("End user", exact=True).fill("Example Cloud Ltd")
    page.get_by_label("End user's country").fill("CN")
    page.get_by_role("button", name="Determine").click()
    table = page.locator("#result table").first
    for member in ("United States", "European Union", "Japan", "Netherlands"):
        expect(table).to_contain_text(member)
    us = page.locator("#member-us")
    expect(us).to_contain_text("presumption of denial")
    expect(us.locator("ol.trace")).to_contain_text("GP1: CCL x Country Chart")  # which column was crossed
    expect(us.locator("ol.trace")).to_contain_text("3A090.a")  # which paragraph
    us.get_by_text("Classification with its values").click()
    expect(us).to_contain_text("tpp >= 4800: 15,832 vs 4,800")  # which value
    us.get_by_text("Exceptions tried").click()
    expect(us.locator("details").nth(1)).to_contain_text("not available")  # which exception, and why not


def test_near_misses_are_highlighted_beside_the_determination(page: Page) -> None:
    page.goto("/web/determine?item=nvidia-h20&destination=China&all_members=on")
    expect(page.locator("#member-us .near-miss").first).to_contain_text("missed narrowly")
