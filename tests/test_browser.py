"""The example handbook in headless Chromium (Debian's, driven by Playwright).

No browser is downloaded: Playwright launches /usr/bin/chromium. Screenshots are
saved to tests/artifacts/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

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

pytestmark = pytest.mark.browser

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

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: CI must install Debian's chromium")
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("handbook") / "site"
    with cxmap_state_restored():  # module-scoped: no ``cli`` fixture here
        assert main(["build", str(REPO), "--site-dir", str(site)]) == 0
    assert (site / "journeys" / "repair-and-warranty" / "index.html").is_file()
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.console_errors = []
    opened.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    yield opened
    context.close()


def test_journey_page_shows_the_inline_diagram_and_a_click_lands_on_the_section(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/journeys/repair-and-warranty/")
    diagram = page.locator(".cxmap-diagram svg").first
    diagram.wait_for(state="visible")
    assert diagram.get_attribute("role") == "img"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "journey-page.png"))
    node = page.locator(
        "xpath=//*[contains(@class, 'cxmap-diagram')]//*[local-name()='a']"
        "[@*[local-name()='href']='#tp-warranty-decision']"
    ).first
    node.click()
    page.wait_for_function("location.hash === '#tp-warranty-decision'")
    section = page.locator("#tp-warranty-decision")
    assert section.is_visible()
    assert section.inner_text().startswith("Warranty decision")
    assert (
        page.evaluate("document.getElementById('tp-warranty-decision').getBoundingClientRect().top")
        < 300
    )
    assert page.console_errors == []


def test_the_other_diagram_tabs_show(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/journeys/repair-and-warranty/")
    page.get_by_text("Service blueprint", exact=True).first.click()
    blueprint = page.locator(".cxmap-diagram svg").nth(1)
    blueprint.wait_for(state="visible")
    assert "service blueprint" in (blueprint.locator("title").first.text_content() or "").lower()
    page.screenshot(path=str(ARTIFACTS / "blueprint-tab.png"))


def test_search_finds_a_touch_point_by_name(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__item").first
    # A query typed while the search worker still loads its index can go unanswered
    # on a busy machine: type it again until the results show, for up to a minute.
    for _ in range(6):
        search.fill("")
        search.press_sequentially("Warranty decision")
        try:
            result.wait_for(state="visible", timeout=10000)
            break
        except sync_api.TimeoutError:
            continue
    assert "Warranty decision" in page.locator(".md-search-result").inner_text()
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    assert page.console_errors == []


def test_team_page_lists_what_it_owns(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/teams/rider-care/")
    owned = page.locator("#what-we-own ~ div table, #what-we-own ~ table").first
    owned.wait_for(state="visible")
    text = owned.inner_text()
    assert "Reporting the fault to Rider Care" in text
    page.get_by_role("link", name="Reporting the fault to Rider Care").first.click()
    page.wait_for_url("**/journeys/repair-and-warranty/#tp-report-problem")
    assert page.console_errors == []


def test_no_console_errors_across_the_generated_pages(page: Any, site_url: str) -> None:
    for path in (
        "",
        "journeys/",
        "promises/",
        "coverage/",
        "findings/",
        "channels/phone/",
        "departments/service/",
        "personas/daily-commuter/",
        "strategy/",
    ):
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_dark_mode_toggle(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/journeys/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.evaluate(scheme) != before
    page.screenshot(path=str(ARTIFACTS / "dark-mode.png"))
