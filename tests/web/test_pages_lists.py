"""The list pages over HTTP: browse, search, an entry on a date, its history and diffs; errors as pages."""

from __future__ import annotations

from fastapi.testclient import TestClient

HTMX = {"HX-Request": "true"}


def test_the_lists_index_names_every_bundled_list(client: TestClient) -> None:
    text = client.get("/web/lists").text
    for list_id in ("us-ccl", "mtcr-annex", "eu-annex-i", "nl-national"):
        assert f'href="/web/lists/{list_id}"' in text


def test_browsing_by_category_and_group(client: TestClient) -> None:
    text = client.get("/web/lists/us-ccl?as_of=2024-01-01").text
    assert "3 · Electronics" in text and "/web/lists/us-ccl/groups/3A?as_of=2024-01-01" in text
    group = client.get("/web/lists/us-ccl/groups/3A?as_of=2024-01-01").text
    assert "/web/lists/us-ccl/entries/3A090?as_of=2024-01-01" in group and "3A001" in group
    before = client.get("/web/lists/us-ccl/groups/3A?as_of=2022-01-01").text
    assert "entries/3A090?" not in before  # 3A090 came into force on 2022-10-07


def test_an_entry_as_in_force_on_two_dates(client: TestClient) -> None:
    late = client.get("/web/lists/us-ccl/entries/3A090?as_of=2025-06-01").text
    early = client.get("/web/lists/us-ccl/entries/3A090?as_of=2023-01-01").text
    assert "3A090.c" in late and "3A090.c" not in early.split("<h2>History</h2>")[0]
    assert "performance_density" in late and "tpp &gt;= 4800" in late
    gone = client.get("/web/lists/us-ccl/entries/3A090?as_of=2022-01-01").text
    assert "3A090 is not in force on 2022-01-01" in gone
    assert late.count('href="/web/lists/us-ccl/entries/3A090?as_of=20') >= 5  # a link per dated version


def test_the_diff_between_two_dates_shows_before_and_after(client: TestClient) -> None:
    page = client.get("/web/lists/us-ccl/entries/3A090/diff?from=2023-01-01&to=2025-02-01")
    assert page.status_code == 200 and "<html" in page.text
    fragment = client.get("/web/lists/us-ccl/entries/3A090/diff?from=2023-01-01&to=2025-02-01", headers=HTMX).text
    assert "<html" not in fragment
    assert 'class="diff-del"' in fragment and 'class="diff-add"' in fragment
    same = client.get("/web/lists/us-ccl/entries/3A090/diff?from=2024-01-01&to=2024-01-02", headers=HTMX).text
    assert "No differences" in same
    whole = client.get("/web/lists/us-ccl/diff?from=2022-01-01&to=2024-01-01").text
    assert "/web/lists/us-ccl/entries/3A090?as_of=2024-01-01" in whole.split("<h2>Added</h2>")[1]


def test_search_ranks_and_marks_and_htmx_gets_the_hits_alone(client: TestClient) -> None:
    page = client.get("/web/lists/us-ccl/search?q=lithography").text
    assert "<html" in page and "<mark>" in page
    fragment = client.get("/web/lists/us-ccl/search?q=%22extreme+ultraviolet%22", headers=HTMX).text
    assert "<html" not in fragment and "hit" in fragment
    assert "No text of the list" in client.get("/web/lists/us-ccl/search?q=zzqxv", headers=HTMX).text


def test_errors_are_pages_with_the_api_status(client: TestClient) -> None:
    missing = client.get("/web/lists/no-such-list")
    assert missing.status_code == 404 and "no control list" in missing.text and "no-such-list" in missing.text
    assert client.get("/web/lists/us-ccl/entries/3A9999").status_code in (404, 422)
    bad = client.get("/web/lists/us-ccl?as_of=yesterday")
    assert bad.status_code == 422 and "as_of" in bad.text and "<html" in bad.text


def test_pages_are_served_without_a_cdn(client: TestClient) -> None:
    home = client.get("/").text
    assert '<script src="/static/htmx-2.0.11.min.js"' in home and "https://" not in home.split("</head>")[0]
    htmx = client.get("/static/htmx-2.0.11.min.js")
    assert htmx.status_code == 200 and "htmx" in htmx.text[:200]
    assert client.get("/static/../pyproject.toml").status_code == 404
    assert "/web/lists" not in client.get("/openapi.json").json()["paths"]


def test_pages_and_the_api_keep_to_their_own_paths(client: TestClient) -> None:
    assert client.get("/web/lists/us-ccl/search?q=lithography").headers["content-type"].startswith("text/html")
    assert client.get("/lists/us-ccl/search?q=lithography").headers["content-type"].startswith("application/json")
    assert client.get("/").headers["content-type"].startswith("text/html")
    assert client.get("/web/").text == client.get("/").text
