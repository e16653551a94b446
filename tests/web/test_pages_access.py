"""Who sees what on the regime pages: sessions, CSRF, and one member never seeing another's private things."""

from __future__ import annotations

from fastapi.testclient import TestClient

from regime.web.demo import CHIPS, World

PROPOSALS = f"/web/regime/{CHIPS}/proposals"


def _client(client: TestClient, world: World, who: str) -> TestClient:
    """A client signed in as ``who`` (its cookie jar is the session)."""
    fresh = TestClient(client.app, follow_redirects=False)
    assert fresh.post("/web/signin", data={"token": world.tokens[who], "next": PROPOSALS}).status_code == 303
    return fresh


def test_member_pages_ask_for_a_session(client: TestClient) -> None:
    for path in (
        PROPOSALS,
        f"/web/regime/{CHIPS}/denials",
        f"/web/regime/{CHIPS}/consultations",
        f"/web/regime/{CHIPS}/audit",
    ):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/web/signin?next=")
    assert client.get(f"/web/regime/{CHIPS}").status_code == 200  # the public overview


def test_a_bad_token_or_a_forged_cookie_signs_nobody_in(client: TestClient) -> None:
    refused = client.post("/web/signin", data={"token": "rgm_not-a-token", "next": "/"})
    assert refused.status_code == 401 and "unknown or revoked token" in refused.text
    forged = TestClient(client.app, follow_redirects=False, cookies={"regime_session": "cmdtX2Zha2U.00"})
    assert forged.get(PROPOSALS).status_code == 303
    offsite = client.post("/web/signin", data={"token": "x", "next": "//evil.example"})
    assert "evil" not in offsite.headers.get("location", "")


def test_a_member_cannot_open_another_members_private_position(client: TestClient, world: World) -> None:
    nl = _client(client, world, "nl_expert")
    refused = nl.get(f"{PROPOSALS}/{world.proposal}/positions/US")
    assert refused.status_code == 403 and "US keeps 3A090.a" not in refused.text
    own = nl.get(f"{PROPOSALS}/{world.proposal}/positions/NL")
    assert own.status_code == 200 and "NL secret floor" in own.text
    us = _client(client, world, "us_expert")
    for path in (f"{PROPOSALS}/{world.proposal}", f"{PROPOSALS}/{world.proposal}/positions/US", PROPOSALS):
        assert "NL secret floor" not in us.get(path).text
    assert us.post(f"{PROPOSALS}/{world.proposal}/positions/NL", data={"minimum": "x"}).status_code == 403


def test_a_draft_is_seen_by_its_member_only(client: TestClient, world: World) -> None:
    us, nl = _client(client, world, "us_expert"), _client(client, world, "nl_expert")
    assert "Lithography tools below 193 nm" in us.get(PROPOSALS).text
    assert "Lithography tools below 193 nm" not in nl.get(PROPOSALS).text
    assert nl.get(f"{PROPOSALS}/{world.draft}").status_code == 404
    assert "Lithography tools below 193 nm" not in nl.get(f"/web/regime/{CHIPS}/audit").text


def test_another_regimes_pages_are_refused(client: TestClient, world: World) -> None:
    us = _client(client, world, "us_expert")
    answer = us.get("/web/regime/wassenaar/proposals")
    assert answer.status_code == 403 and "not of wassenaar" in answer.text


def test_a_vote_needs_the_pages_csrf_token_and_a_no_needs_a_reason(client: TestClient, world: World) -> None:
    us = _client(client, world, "us_expert")
    url = f"{PROPOSALS}/{world.proposal}/vote"
    assert us.post(url, data={"position": "yes", "csrf": "forged"}).status_code == 403
    page = us.get(f"{PROPOSALS}/{world.proposal}").text
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    no_reason = us.post(url, data={"position": "no", "csrf": csrf}, headers={"HX-Request": "true"})
    assert no_reason.status_code == 422 and "reason" in no_reason.text and "<html" not in no_reason.text
    voted = us.post(url, data={"position": "abstain", "csrf": csrf}, headers={"HX-Request": "true"})
    assert voted.status_code == 200 and "Your member's vote is recorded" in voted.text and "abstain" in voted.text


def test_signing_out_ends_the_session(client: TestClient, world: World) -> None:
    us = _client(client, world, "us_expert")
    csrf = us.get(PROPOSALS).text.split('name="csrf" value="')[1].split('"')[0]
    assert us.post("/web/signout", data={"csrf": csrf}).status_code == 303
    assert us.get(PROPOSALS).status_code == 303
