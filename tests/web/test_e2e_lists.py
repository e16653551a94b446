"""In Chromium: browse a list, search it as one types, read an entry on a date, compare two dates, no JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def test_browse_a_category_and_group_to_an_entry(page: Page) -> None:
    page.goto("/web/lists")
    page.get_by_role("link", name="U.S. Commerce Control List").click()
    page.get_by_role("link", name="3A Systems, equipment and components").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Electronics")
    page.get_by_role("link", name="3A090", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("3A090")
    expect(page.locator("#p-a")).to_contain_text("tpp >= 4800")


def test_search_as_you_type_then_open_a_hit(page: Page) -> None:
    page.goto("/web/lists/us-ccl/search")
    page.get_by_label("Words to find").fill("lithography")
    hits = page.locator("#hits li")
    expect(hits.first).to_be_visible()
    expect(page.locator("#hits mark").first).to_have_text("lithography", ignore_case=True)
    assert "q=lithography" in page.url  # htmx pushed the query into the address bar
    hits.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/web/lists/us-ccl/entries/" in page.url


def test_an_entry_on_a_chosen_date_and_the_diff_between_two(page: Page) -> None:
    page.goto("/web/lists/us-ccl/entries/3A090")
    expect(page.locator("#p-c")).to_contain_text("High bandwidth memory")
    page.get_by_label("Show the entry as in force on").fill("2023-01-01")
    page.get_by_role("button", name="Show this version").click()
    expect(page.locator("#p-c")).to_have_count(0)  # 3A090.c came with the rule of December 2024
    expect(page.locator("#p-a")).to_contain_text("3A090.a")
    page.get_by_label("From").fill("2023-01-01")
    page.get_by_label("To").fill("2025-02-01")
    page.get_by_role("button", name="Show the differences").click()
    diff = page.locator("#entry-diff")
    expect(diff).to_contain_text("3A090: 2023-01-01 → 2025-02-01")
    expect(diff.locator(".diff-add").first).to_be_visible()


def test_reading_works_without_javascript(browser: Browser, server: str) -> None:
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/web/lists/us-ccl/search")
    page.get_by_label("Words to find").fill("lithography")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#hits li").first).to_be_visible()
    page.goto("/web/lists/us-ccl/entries/3A090/diff?from=2023-01-01&to=2025-02-01")
    expect(page.locator(".diff-add").first).to_be_visible()
    context.close()


def test_keyboard_reaches_the_content_first(page: Page) -> None:
    page.goto("/web/lists/us-ccl")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    for label in ("Search U.S. Commerce Control List", "The list as in force on"):
        expect(page.get_by_label(label)).to_be_visible()
