"""Fixtures for the page tests: one world per test session, an HTTP client on it, and a live server.

The browser tests drive Debian's Chromium through Playwright against uvicorn on 127.0.0.1; one
browser per session, a fresh context (no cookies) per test. Without Chromium they skip, except in
CI (``CI=true``), where the Makefile installs it and a skip would hide a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, expect, sync_playwright

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.web.browser import CHROMIUM, launch
from regime.web.demo import World, build_world, small_services
from regime.web.live import serving

expect.set_options(timeout=30_000)  # the first decision on a date compiles the lists; CI machines are busy


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The seeded store (see ``world.py``)."""
    return build_world(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def app(world: World, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The service with its pages, on the world's store and the small screening list."""
    built = create_app(Settings(db_url=world.store.url, migrate=False, load_regimes=False), store=world.store)
    built.state.web = small_services(tmp_path_factory.mktemp("screening"))
    return built


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    """An in-process HTTP client (no redirects followed, so tests see them)."""
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1; yields its base URL."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (one per test session)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: `make browser` installs it (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser page (its own context: no cookies) on the live server."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    yield context.new_page()
    context.close()


def sign_in(page: Page, token: str, then: str) -> None:
    """Sign in through the form, as an official would, landing on ``then``."""
    page.goto(f"/web/signin?next={then}")
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{then}")
