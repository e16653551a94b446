"""In Chromium: screen one name with its hits explained, and a CSV file with a progress bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_screen_one_name_and_read_why_it_hit(page: Page) -> None:
    page.goto("/web/screen")
    page.get_by_label("Name", exact=True).fill("Huawei Technologies")
    page.get_by_label("Country").fill("CN")
    page.get_by_role("button", name="Screen", exact=True).click()
    result = page.locator("#result")
    expect(result.locator(".badge.bad").first).to_contain_text("hit")
    first = result.locator("ol.hits > li").first
    expect(first).to_contain_text("HUAWEI TECHNOLOGIES")
    expect(first).to_contain_text("matched on the name")
    expect(first).to_contain_text("what the listing means")
    assert "name=Huawei" in page.url  # htmx pushed the query: the result can be bookmarked


def test_a_clear_name_says_what_was_searched(page: Page) -> None:
    page.goto("/web/screen?name=Zzyzx+Quillfeather+Instruments")
    expect(page.locator("#result")).to_contain_text("no match in lists")


def test_screen_a_file_with_progress_then_results(page: Page, tmp_path: Path) -> None:
    names = ["Huawei Technologies", "Acme Tools GmbH", "Rosoboronexport"] + [f"Harmless Trader {n}" for n in range(40)]
    upload = tmp_path / "parties.csv"
    upload.write_text("name,country\n" + "".join(f"{n},\n" for n in names), encoding="utf-8")
    page.goto("/web/screen")
    page.get_by_label("CSV file").set_input_files(upload)
    page.get_by_role("button", name="Screen the file").click()
    expect(page.locator("#batch progress")).to_have_attribute("max", str(len(names)))
    expect(page.locator("#batch")).to_contain_text(f"{len(names)} of {len(names)} screened", timeout=60_000)
    expect(page.locator("#batch")).to_contain_text("names hit a list")
    rows = page.locator("#batch tbody tr")
    expect(rows).to_have_count(len(names))
    expect(rows.first).to_contain_text("hit")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the results (CSV)").click()
    assert "query,query_country,outcome" in Path(download.value.path()).read_text(encoding="utf-8")
