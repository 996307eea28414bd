"""The example handbook in headless Chromium (Debian's, driven by Playwright).

No browser is downloaded: Playwright launches /usr/bin/chromium. Screenshots are
saved to tests/artifacts/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

from typing import Any

import pytest
from browsing import ARTIFACTS, browser, page, site_url, sync_api

pytestmark = pytest.mark.browser

__all__ = ["browser", "page", "site_url"]  # the fixtures this module's tests use


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
    blueprint = page.locator('[data-cxmap-diagram$="/blueprint"] > svg.cxmap-svg')
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
