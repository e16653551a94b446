"""``python -m regime.web.screenshots [FOLDER]``: a PNG of every page, on the demonstration world.

``make screenshots`` runs it into ``docs/screenshots/``. The service runs on a temporary store
seeded by ``regime.web.demo`` (and a slice of the screening list); Chromium visits each page as a
user would — searching, submitting forms, signing in — and saves what it shows.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import FilePayload, FloatRect, Page, sync_playwright

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.web.browser import launch
from regime.web.demo import CHIPS, World, build_world, small_services
from regime.web.live import serving

Step = Callable[[Page], None]
LAPTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
TALLEST = 2200  # px: long pages are cut here (the README shows their top)
FROM = {"determine": "#result", "classify": "#result"}  # pages shown from their result down


def _top(page: Page, selector: str | None) -> float:
    """Where the picture starts: the top of the page, or a little above ``selector``."""
    box = page.locator(selector).bounding_box() if selector else None
    return max(0.0, box["y"] - 120) if box else 0.0


BATCH = (
    "name,country,reference\nHuawei Technologies,CN,order-1\nAcme Tools GmbH,DE,order-2\nRosoboronexport,RU,order-3\n"
)


def _signed_in(token: str, path: str) -> Step:
    def step(page: Page) -> None:
        page.goto(f"/web/signin?next={path}")
        page.get_by_label("Access token").fill(token)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"**{path}")

    return step


def _search(page: Page) -> None:
    page.goto("/web/lists/us-ccl/search")
    page.get_by_label("Words to find").fill("lithography")
    page.wait_for_selector("#hits li")


def _batch(page: Page) -> None:
    page.goto("/web/screen")
    upload: FilePayload = {"name": "parties.csv", "mimeType": "text/csv", "buffer": BATCH.encode()}
    page.get_by_label("CSV file").set_input_files(files=[upload])
    page.get_by_role("button", name="Screen the file").click()
    page.wait_for_selector("text=names hit a list")


def _pages(world: World) -> list[tuple[str, Step, dict[str, int]]]:
    us, nl = world.tokens["us_expert"], world.tokens["nl_officer"]
    proposal = f"/web/regime/{CHIPS}/proposals/{world.proposal}"

    def go(path: str) -> Step:
        return lambda page: (page.goto(path), None)[1]

    return [
        ("home", go("/"), LAPTOP),
        ("lists-browse", go("/web/lists/us-ccl"), LAPTOP),
        ("lists-search", _search, LAPTOP),
        ("lists-entry", go("/web/lists/us-ccl/entries/3A090"), LAPTOP),
        ("lists-entry-diff", go("/web/lists/us-ccl/entries/3A090/diff?from=2023-01-01&to=2025-02-01"), LAPTOP),
        ("lists-entry-phone", go("/web/lists/us-ccl/entries/3A090"), PHONE),
        ("classify", go("/web/classify?item=nvidia-h20&list=us-ccl"), LAPTOP),
        ("determine", go("/web/determine?item=nvidia-h100-sxm&destination=China&all_members=on"), LAPTOP),
        ("screen-phone", go("/web/screen?name=Huawei+Technologies&country=CN"), PHONE),
        ("screen", go("/web/screen?name=Huawei+Technologies&country=CN"), LAPTOP),
        ("screen-batch", _batch, LAPTOP),
        ("regime", go(f"/web/regime/{CHIPS}"), LAPTOP),
        ("proposal", _signed_in(us, proposal), LAPTOP),
        ("position", _signed_in(us, f"{proposal}/positions/US"), LAPTOP),
        ("agenda", _signed_in(us, f"/web/regime/{CHIPS}/agenda"), LAPTOP),
        ("denials", _signed_in(nl, f"/web/regime/{CHIPS}/denials"), LAPTOP),
        ("consultations", _signed_in(nl, f"/web/regime/{CHIPS}/consultations"), LAPTOP),
        ("audit", _signed_in(us, f"/web/regime/{CHIPS}/audit"), LAPTOP),
        ("assess", go("/web/assess"), LAPTOP),
        ("assess-effort", go("/web/assess/chip-alliance"), LAPTOP),
        ("coverage", go("/web/coverage?members=US,JP,NL"), LAPTOP),
        ("divergence", go("/web/divergence"), LAPTOP),
        ("headroom", go("/web/headroom?amend=lower-tpp-2400"), LAPTOP),
    ]


def take(folder: Path) -> list[Path]:
    """Serve the demonstration world and save a screenshot of each page into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="regime-screens-"))
    world = build_world(work)
    app = create_app(Settings(db_url=world.store.url, migrate=False, load_regimes=False), store=world.store)
    app.state.web = small_services(work)
    saved = []
    with serving(app) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, step, viewport in _pages(world):
            context = browser.new_context(base_url=url, viewport=viewport)  # type: ignore[arg-type]
            context.set_default_timeout(120_000)
            page = context.new_page()
            step(page)
            page.wait_for_load_state("networkidle")
            path = folder / f"{name}.png"
            top = _top(page, FROM.get(name))
            height = min(int(page.evaluate("document.documentElement.scrollHeight")) - top, TALLEST)
            clip: FloatRect = {"x": 0, "y": top, "width": viewport["width"], "height": height}
            page.screenshot(path=str(path), full_page=True, clip=clip)
            saved.append(path)
            print(f"{path}  {page.url.removeprefix(url)}")
            context.close()
        browser.close()
    world.store.dispose()
    return saved


if __name__ == "__main__":
    take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
