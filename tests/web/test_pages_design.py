"""The design pages' divergence section: every pair of members over the standard set, with its leaks and sources."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from regime.assess.diverge import cached_divergence, divergence_report


def test_the_divergence_page_shows_each_pair_of_members_with_leaks_and_sources(client: TestClient) -> None:
    page = client.get("/web/divergence", params={"as_of": "2025-03-03", "members": "US,NL,JP"})
    assert page.status_code == 200
    text = page.text
    assert "Between members, over the standard set" in text
    for pair in ("US / NL", "US / JP", "NL / JP"):
        assert f'<th scope="row">{pair}</th>' in text
    assert "determination engine on 2025-03-03" in text and "Reading: " in text
    assert "3A090.a RS" in text  # the U.S.-only chip control behind the leaks through the others
    counts = re.findall(r'<th scope="row">US / NL</th><td><strong>(\d+)</strong>', text)
    assert counts and int(counts[0]) > 0


def test_the_section_is_the_cached_report_for_those_members_and_that_date(client: TestClient) -> None:
    first = client.get("/web/divergence", params={"as_of": "2025-03-03", "members": "NL,JP"}).text
    web = client.app.state.web  # type: ignore[attr-defined]
    by_id = {m.id: m for m in web.members()}
    run = cached_divergence([by_id["nl"], by_id["jp"]], dt.date(2025, 3, 3), web.party_index(), web.catalogue())
    report = divergence_report(run)
    pair = report["pairs"][0]
    assert f'<th scope="row">NL / JP</th><td><strong>{pair["leaks"]}</strong>' in first
    assert "US / NL" not in first
    again = client.get("/web/divergence", params={"as_of": "2025-03-03", "members": "NL,JP"}).text
    assert again == first


def test_a_bad_member_list_is_named(client: TestClient) -> None:
    answer = client.get("/web/divergence", params={"members": "US"})
    assert answer.status_code == 422 and "two or more members" in answer.text
