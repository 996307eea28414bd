"""What the browser tests share: Debian's Chromium driven by Playwright, and built sites served.

No browser is downloaded: Playwright launches /usr/bin/chromium (or ``CXMAP_CHROMIUM``).
Importing this module skips the importing test module when there is no Chromium or no
Playwright (and fails in CI, which must install Debian's chromium). Screenshots go to
tests/artifacts/ (ignored by git: tests/.gitignore) for a person to look at.

A test module takes the fixtures it needs with ``from browsing import browser, page``;
``build_site`` and ``served`` build and serve any other project.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, cxmap_state_restored

from cxmap.cli import main

CHROMIUM = Path(os.environ.get("CXMAP_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: CI must install Debian's chromium")
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_site(project: Path, site: Path) -> Path:
    """``cxmap build PROJECT --site-dir SITE`` in this process; it must exit 0."""
    with cxmap_state_restored():  # module-scoped fixtures cannot use ``cli``
        assert main(["build", str(project), "--site-dir", str(site)]) == 0
    assert (site / "index.html").is_file()
    return site


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve the folder ``site`` on a loopback port; yields its base URL (no slash at the end)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example handbook (this repository's journeys/), built once per module and served."""
    site = build_site(REPO, tmp_path_factory.mktemp("handbook") / "site")
    assert (site / "journeys" / "repair-and-warranty" / "index.html").is_file()
    with served(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per module."""
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page at 1400 by 1000 that records console errors in ``page.console_errors``."""
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    opened.console_errors = []
    opened.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    yield opened
    context.close()
