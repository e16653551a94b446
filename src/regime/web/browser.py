"""Debian's Chromium driven by Playwright: where it is and how it is launched (tests and screenshots).

Playwright's own browser download cannot be used here; the system Chromium (``apt-get install
chromium``) is launched headless, without sandbox, GPU or background networking, and with a fresh
profile each time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def launch(playwright: Playwright) -> Browser:
    """Chromium, headless; each context it opens starts with no cookies or storage."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
