"""Issue 14, "A handbook for staff": the handbook opened in Chromium as staff would open it.

Two handbooks, each built and served once per module: the example (this repository's
journeys/) and a synthetic organisation of 300 journeys and 60 teams
(tests/scale_project.py, built with cxmap's default MkDocs configuration). One Chromium
(Debian's, through Playwright: tests/browsing.py) opens, at 1400x1000 and at 390x844, the
home page, a journey, a team, a channel, the promise ledger, coverage, the dashboard and
the findings of each, and the tests assert on what is rendered:

1. no console errors, and the page's main heading is the one it is about;
2. no horizontal page scroll at either width (wide content scrolls in its own frame);
   the coverage heatmap scrolls in its frame to its last department, and the index
   tables (journeys, teams, dashboard, ledger) show every column at 1400 px unscrolled;
3. the index tables sort (a click on a column heading reorders the rows and sets
   ``aria-sort``) and filter (typing hides the rows that do not match, and the count
   says how many show);
4. the search finds a touch point by its name: a result shown (not folded under "more on
   this page") leads to its section;
5. at 300 journeys no page carries every page's link: fewer than ``MAX_NAV_LINKS`` links
   in the navigation sidebar, and a team page and a journey page (without the inline
   SVG of their charts and diagrams) smaller than ``MAX_PAGE_BYTES``;
6. axe-core reports no violation of impact serious or critical on any generated page
   kind of the example, in the light and in the dark colour scheme.

axe-core's ``axe.min.js`` is found at ``CXMAP_AXE_JS`` (``.ci/run`` installs it with npm);
without it the accessibility tests skip, except in CI, where they fail. Screenshots of
every page looked at, and the measured sizes of the 300-journey handbook
(``handbook-scale-measures-*.txt``), are saved under tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import scale_project
import yaml
from browsing import ARTIFACTS, DESKTOP, PHONE, browser, build_site, served, sync_api
from helpers import REPO, MakeProject, check, write_yaml

pytestmark = pytest.mark.browser

__all__ = ["browser"]  # the fixture of tests/browsing.py this module uses

MAX_NAV_LINKS = 150
"""At most this many links in the navigation sidebar (``.md-nav--primary a``) of a page."""
MAX_PAGE_BYTES = 100_000
"""A team or journey page of the 300-journey handbook, without its inline SVG, is smaller
than this: a navigation that listed all 300 journeys, 60 teams and the rest would add
some 75 kB to every page."""
AXE_IMPACTS = ("serious", "critical")
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
SEARCH_ATTEMPTS = 6
SEARCH_WAIT_MS = 10_000
SEARCH_READY_MS = 60_000


# -- the two handbooks -------------------------------------------------------------------


@dataclass
class Site:
    """A built and served handbook, and the pages of it that the tests open."""

    name: str
    folder: Path
    url: str
    pages: dict[str, tuple[str, str]]
    """What a page is (``"team"``) -> its path under the site (``teams/x/``) and the main
    heading it must show."""
    searched: tuple[str, str]
    """A touch point that the search must find: its name, and its section's anchor."""
    build_seconds: float = 0.0
    looks: dict[tuple[str, str], Looked] = field(default_factory=dict)


@dataclass(frozen=True)
class Looked:
    """What Chromium showed of one page at one width."""

    heading: str
    console_errors: list[str]
    scroll_width: int
    viewport_width: int
    nav_links: int
    wider_than_the_screen: list[str]
    """What reaches beyond the right edge of the screen (tag, class, right edge in px)."""


def _example_pages() -> dict[str, tuple[str, str]]:
    def name(file: str, kind: str) -> str:
        loaded = yaml.safe_load((REPO / "journeys" / file).read_text(encoding="utf-8"))
        return str(loaded[kind]["title" if kind == "journey" else "name"])

    organization = yaml.safe_load(
        (REPO / "journeys" / "organization.yaml").read_text(encoding="utf-8")
    )["organization"]
    team = next(t for t in organization["teams"] if t["id"] == "rider-care")
    channel = next(c for c in organization["channels"] if c["id"] == "phone")
    return _pages(
        home=organization["name"],
        journey=("journeys/repair-and-warranty/", name("repair-and-warranty.yaml", "journey")),
        team=("teams/rider-care/", team["name"]),
        channel=("channels/phone/", channel["name"]),
    )


COUNCIL = REPO / "examples" / "council"
"""The second example organisation, a district council."""


def _council_pages() -> dict[str, tuple[str, str]]:
    def loaded(file: str) -> Any:
        return yaml.safe_load((COUNCIL / "journeys" / file).read_text(encoding="utf-8"))

    organization = loaded("organization.yaml")["organization"]
    team = next(t for t in organization["teams"] if t["id"] == "contact-centre")
    channel = next(c for c in organization["channels"] if c["id"] == "phone")
    return _pages(
        home=organization["name"],
        journey=("journeys/pothole-report/", loaded("pothole-report.yaml")["journey"]["title"]),
        team=("teams/contact-centre/", team["name"]),
        channel=("channels/phone/", channel["name"]),
    )


def _scale_pages() -> dict[str, tuple[str, str]]:
    journey = scale_project.journey(21)  # "Getting a smart meter installed for a family home"
    team_id, team_name = scale_project.DEPARTMENTS[2][2][0]
    channel_id, channel_name, _ = scale_project.CHANNELS[2]
    return _pages(
        home=scale_project.ORGANIZATION_NAME,
        journey=(f"journeys/{journey['id']}/", journey["title"]),
        team=(f"teams/{team_id}/", team_name),
        channel=(f"channels/{channel_id}/", channel_name),
    )


def _pages(
    home: str, journey: tuple[str, str], team: tuple[str, str], channel: tuple[str, str]
) -> dict[str, tuple[str, str]]:
    return {
        "home": ("", home),
        "journey": journey,
        "team": team,
        "channel": channel,
        "ledger": ("promises/", "Promise ledger"),
        "kpis": ("kpis/", "KPIs"),
        "scorecard": ("scorecard/", "Scorecard"),
        "opportunities": ("opportunities/", "Opportunities"),
        "coverage": ("coverage/", "Coverage"),
        "dashboard": ("dashboard/", "Dashboard"),
        "findings": ("findings/", "Findings"),
    }


@contextlib.contextmanager
def built_and_served(
    name: str,
    project: Path,
    folder: Path,
    pages: dict[str, tuple[str, str]],
    searched: tuple[str, str],
) -> Iterator[Site]:
    """The handbook of ``project`` built into ``folder`` and served while in use."""
    started = time.perf_counter()
    built = build_site(project, folder)
    seconds = time.perf_counter() - started
    with served(built) as url:
        yield Site(name, built, url, pages, searched, seconds)


EXAMPLES = {
    "example": (REPO, _example_pages, ("Warranty decision", "tp-warranty-decision")),
    "council": (COUNCIL, _council_pages, ("Reporting by phone", "tp-report-by-phone")),
}
"""The example organisations: project, the pages the tests open, the touch point searched."""


def _example_site(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Site]:
    project, pages, searched = EXAMPLES[name]
    folder = tmp_path_factory.mktemp(name) / "site"
    with built_and_served(name, project, folder, pages(), searched) as site:
        yield site


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from _example_site(tmp_path_factory, "example")


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from _example_site(tmp_path_factory, "council")


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = scale_project.write_project(tmp_path_factory.mktemp("scale") / "project")
    folder = tmp_path_factory.mktemp("scale") / "site"
    searched = scale_project.SEARCHED_TOUCHPOINT
    with built_and_served("scale", project, folder, _scale_pages(), searched) as site:
        yield site


@pytest.fixture(params=["example", "council", "scale"])
def site(request: pytest.FixtureRequest) -> Site:
    found: Site = request.getfixturevalue(str(request.param))
    return found


@contextlib.contextmanager
def opened(browser: Any, viewport: dict[str, int], color_scheme: str = "light") -> Iterator[Any]:
    """A fresh page that records console errors in ``page.console_errors``."""
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()


def _artifact(*parts: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    name = "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts)
    return str(ARTIFACTS / f"handbook-{name}.png")


_FACTS = """() => {
  const heading = document.querySelector('.md-content h1');
  const wide = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > window.innerWidth + 1) {
      let inside = false;  // inside a frame that scrolls or clips it: not the page's problem
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        const name = element.className.baseVal ?? element.className;
        wide.push(element.tagName.toLowerCase() + '.' + name + ' right=' + Math.round(box.right));
      }
    }
  }
  return {
    heading: heading ? heading.textContent.replace(/\\u00b6$/, '').trim() : '',
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
    navLinks: document.querySelectorAll('.md-nav--primary a').length,
    wide: wide.slice(0, 5),
  };
}"""


def look(browser: Any, site: Site, kind: str, width: str) -> Looked:
    """Open page ``kind`` of ``site`` at ``width`` once; what it showed, for every test."""
    if (kind, width) not in site.looks:
        path, _ = site.pages[kind]
        with opened(browser, WIDTHS[width]) as page:
            page.goto(f"{site.url}/{path}")
            page.wait_for_load_state("networkidle")
            facts = page.evaluate(_FACTS)
            page.screenshot(
                path=_artifact(site.name, kind, width), full_page=site.name == "example"
            )
            site.looks[kind, width] = Looked(
                heading=facts["heading"],
                console_errors=list(page.console_errors),
                scroll_width=facts["scrollWidth"],
                viewport_width=facts["viewportWidth"],
                nav_links=facts["navLinks"],
                wider_than_the_screen=facts["wide"],
            )
    return site.looks[kind, width]


KINDS = ("home", "journey", "team", "channel", "ledger", "coverage", "dashboard", "findings")


# -- 1. and 2. every page loads, shows its heading and fits the screen --------------------


@pytest.mark.parametrize("kind", KINDS)
def test_page_loads_without_console_errors_and_shows_its_heading(
    browser: Any, site: Site, kind: str
) -> None:
    looked = look(browser, site, kind, "desktop")
    assert looked.console_errors == [], f"{site.name} {kind}: {looked.console_errors}"
    assert looked.heading == site.pages[kind][1]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_does_not_scroll_sideways(browser: Any, site: Site, kind: str, width: str) -> None:
    looked = look(browser, site, kind, width)
    assert looked.scroll_width <= looked.viewport_width + 1, (
        f"{site.name} {kind} at {width}: the page is {looked.scroll_width} px wide on a "
        f"{looked.viewport_width} px screen; beyond the edge: {looked.wider_than_the_screen}"
    )


_TABLE_FRAME = """(selector) => {
  const table = document.querySelector(selector);
  if (!table) return null;
  let frame = table.parentElement;
  while (frame && frame !== document.body
         && !['auto', 'scroll'].includes(getComputedStyle(frame).overflowX)) {
    frame = frame.parentElement;
  }
  if (frame === document.body) frame = null;
  const width = table.getBoundingClientRect().width;
  const fits = width <= (frame || table.parentElement).clientWidth + 1;
  const facts = {table: Math.round(width),
                 frame: frame ? frame.clientWidth : null, fits, lastShown: true, last: ''};
  if (frame) {
    frame.scrollLeft = frame.scrollWidth;
    const cells = table.tHead.rows[0].cells;
    const last = cells[cells.length - 1].getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    facts.last = cells[cells.length - 1].textContent.trim();
    facts.lastShown = last.left >= box.left - 1 && last.right <= box.right + 1;
  }
  return facts;
}"""


def test_coverage_heatmap_scrolls_inside_its_own_frame(browser: Any, site: Site) -> None:
    with opened(browser, DESKTOP) as page:
        page.goto(f"{site.url}/coverage/")
        page.wait_for_load_state("networkidle")
        facts = page.evaluate(_TABLE_FRAME, ".md-content table")
        page.screenshot(path=_artifact(site.name, "coverage", "scrolled"))
    assert facts is not None, f"{site.name}: the coverage page has no table"
    assert facts["fits"] or facts["frame"] is not None, (
        f"{site.name}: the heatmap ({facts['table']} px) is cut off, and nothing scrolls it"
    )
    assert facts["lastShown"], f"scrolled to the end, {facts['last']!r} does not show"


TWELVE = [
    f"{name} department"
    for name in (
        "Brand",
        "Sales",
        "Contact",
        "Field",
        "Billing",
        "Network",
        "Digital",
        "Metering",
        "Business",
        "Regulation",
        "Legal",
        "Research",
    )
]
"""Twelve departments, the most the issue asks the heatmap to stay readable with."""

_STAGE_IN_VIEW = """() => {
  const table = document.querySelector('.md-content table');
  const frame = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  frame.scrollLeft = frame.scrollWidth;
  const stage = table.tBodies[0].rows[0].cells[0].getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  return stage.left >= box.left - 1 && stage.right <= box.right + 1;
}"""

_CELL_TEXT = """() => Array.from(document.querySelectorAll('.md-content .cxmap-heat'))
  .map(cell => parseFloat(getComputedStyle(cell).fontSize))"""


def test_coverage_heatmap_of_twelve_departments_reads_in_its_frame(
    browser: Any, make_project: MakeProject, tmp_path: Path
) -> None:
    slugs = [name.split()[0].lower() for name in TWELVE]
    organization = {
        "name": "Twelve",
        "departments": [{"id": s, "name": n} for s, n in zip(slugs, TWELVE, strict=True)],
        "teams": [{"id": f"{s}-team", "department": s} for s in slugs],
        "stages": [{"id": "first"}, {"id": "second"}],
    }
    touchpoints = [
        {
            "id": f"t-{s}",
            "name": f"Step of {s}",
            "stage": ["first", "second"][n % 2],
            "owner": f"{s}-team",
        }
        for n, s in enumerate(slugs)
    ]
    journey = {
        "id": "j",
        "title": "J",
        "owner": "brand-team",
        "stages": ["first", "second"],
        "touchpoints": touchpoints,
    }
    root = make_project({})
    write_yaml(root / "journeys" / "organization.yaml", "organization", organization)
    write_yaml(root / "journeys" / "j.yaml", "journey", journey)
    folder = build_site(root, tmp_path / "site")
    with served(folder) as url, opened(browser, DESKTOP) as page:
        page.goto(f"{url}/coverage/")
        page.wait_for_load_state("networkidle")
        facts = page.evaluate(_TABLE_FRAME, ".md-content table")
        stage_in_view = page.evaluate(_STAGE_IN_VIEW)
        sizes = page.evaluate(_CELL_TEXT)
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        page.screenshot(path=str(ARTIFACTS / "handbook-twelve-coverage-desktop.png"))
    assert facts is not None and (facts["fits"] or facts["frame"] is not None)
    assert facts["lastShown"], f"scrolled to the end, {facts['last']!r} does not show"
    assert not wide, "the coverage page scrolls sideways at 1400 px"
    assert stage_in_view, "scrolled to the last department, the stage names leave the frame"
    assert len(sizes) >= 24 and min(sizes) >= 12, f"heatmap text sizes {sorted(set(sizes))}"


INDEX_TABLES = ("journeys/", "teams/", "dashboard/", "promises/")


@pytest.mark.parametrize("path", INDEX_TABLES)
def test_index_table_shows_every_column_at_1400(browser: Any, site: Site, path: str) -> None:
    """At 1400 px a section's table shows whole: no column hidden until the table scrolls."""
    with opened(browser, DESKTOP) as page:
        page.goto(f"{site.url}/{path}")
        page.wait_for_load_state("networkidle")
        facts = page.evaluate(_TABLE_FRAME, ".cxmap-filter + table, .cxmap-filter + * table")
    assert facts is not None, f"{site.name} {path}: no index table"
    assert facts["fits"], (
        f"{site.name} /{path}: the table is {facts['table']} px wide in a {facts['frame']} px "
        "column; its last columns show only when it is scrolled"
    )


# -- 3. index tables sort and filter ------------------------------------------------------

_COLUMN = """(column) => {
  const table = document.querySelector('.cxmap-filter + table, .cxmap-filter + * table');
  const index = Array.from(table.tHead.rows[0].cells)
    .findIndex(cell => cell.textContent.trim() === column);
  const rows = Array.from(table.tBodies[0].rows).filter(row => !row.hidden);
  return rows.map(row => ({key: row.cells[0].textContent.trim(),
                           value: row.cells[index].textContent.trim()}));
}"""

_IN_ORDER = """([values, descending]) => values.every((value, i) => {
  if (i === 0) return true;
  const number = text => {
    const m = /^[+-]?\\d+(\\.\\d+)?/.exec(text);
    return m ? parseFloat(m[0]) : null;
  };
  const [a, b] = descending ? [value, values[i - 1]] : [values[i - 1], value];
  const x = number(a), y = number(b);
  if (x !== null && y !== null) return x <= y;
  return a.localeCompare(b, undefined, {sensitivity: 'base', numeric: true}) <= 0;
})"""

SORTED_TABLES = [
    ("journeys/", "Touch points"),
    ("journeys/", "Journey"),
    ("teams/", "Team"),
    ("teams/", "Touch points"),
]


@pytest.mark.parametrize(("path", "column"), SORTED_TABLES)
def test_index_table_sorts_by_a_column_heading(
    browser: Any, site: Site, path: str, column: str
) -> None:
    with opened(browser, DESKTOP) as page:
        page.goto(f"{site.url}/{path}")
        page.wait_for_load_state("networkidle")
        heading = page.locator("table th").filter(has_text=re.compile(rf"^\s*{column}\s*$"))
        assert heading.count() == 1, f"{site.name} {path}: no single column {column!r}"
        before = page.evaluate(_COLUMN, column)
        heading.locator("button").click()
        assert heading.get_attribute("aria-sort") == "ascending"
        ascending = page.evaluate(_COLUMN, column)
        ascending_in_order = page.evaluate(_IN_ORDER, [_values(ascending), False])
        heading.locator("button").click()
        assert heading.get_attribute("aria-sort") == "descending"
        descending = page.evaluate(_COLUMN, column)
        descending_in_order = page.evaluate(_IN_ORDER, [_values(descending), True])
        page.screenshot(path=_artifact(site.name, path, "sorted", column))
    assert sorted(_keys(ascending)) == sorted(_keys(before)), "sorting lost or added rows"
    assert _keys(ascending) != _keys(descending), "the rows did not reorder"
    assert ascending_in_order, f"not ascending by {column}: {_values(ascending)}"
    assert descending_in_order, f"not descending by {column}: {_values(descending)}"


def _keys(rows: list[dict[str, str]]) -> list[str]:
    """The rows' first cells, in the order shown."""
    return [row["key"] for row in rows]


def _values(rows: list[dict[str, str]]) -> list[str]:
    """The rows' cells of the sorted column, in the order shown."""
    return [row["value"] for row in rows]


FILTERS = {
    "example": [("journeys/", "warranty"), ("teams/", "service")],
    "council": [("journeys/", "pothole"), ("teams/", "planning")],
    "scale": [("journeys/", "smart meter"), ("teams/", "field")],
}

_ROWS = """() => Array.from(document.querySelectorAll(
  '.cxmap-filter + table tbody tr, .cxmap-filter + * table tbody tr'
)).map(row => ({shown: !row.hidden && row.getClientRects().length > 0,
                text: row.textContent.toLowerCase()}))"""


@pytest.mark.parametrize("which", [0, 1])
def test_index_table_filters_as_you_type(browser: Any, site: Site, which: int) -> None:
    path, words = FILTERS[site.name][which]
    with opened(browser, DESKTOP) as page:
        page.goto(f"{site.url}/{path}")
        page.wait_for_load_state("networkidle")
        box = page.locator(".cxmap-filter input")
        assert box.count() == 1, f"{site.name} {path}: no filter box"
        total = len(page.evaluate(_ROWS))
        box.press_sequentially(words)
        rows = page.evaluate(_ROWS)
        count = page.locator(".cxmap-filter [aria-live]").inner_text()
        page.screenshot(path=_artifact(site.name, path, "filtered"))
        box.fill("")
        after_clearing = page.evaluate(_ROWS)
    shown = [row["text"] for row in rows if row["shown"]]
    hidden = [row["text"] for row in rows if not row["shown"]]
    assert total > 1
    assert 0 < len(shown) < total
    assert all(all(word in text for word in words.split()) for text in shown)
    assert not any(all(word in text for word in words.split()) for text in hidden)
    assert count == f"{len(shown)} of {total} shown"
    assert all(row["shown"] for row in after_clearing)


# -- 4. search ------------------------------------------------------------------------------


_SHOWN_RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__link'))
  .filter(link => link.getClientRects().length > 0)
  .map(link => ({href: link.getAttribute('href'),
                 text: link.textContent.replace(/\\s+/g, ' ').trim()}))"""


def test_search_shows_a_touch_point_found_by_its_name(browser: Any, site: Site) -> None:
    """Typing a touch point's name shows a result that leads to its section, unfolded."""
    name, anchor = site.searched
    with opened(browser, DESKTOP) as page:
        page.goto(f"{site.url}/")
        page.wait_for_load_state("networkidle")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        search = page.locator("input.md-search__input")
        # The search worker loads the index first (the 300-journey one is megabytes), and
        # answers every keystroke in turn: the results of a part of the query ("the s")
        # can show before those of the whole. So: wait for the index, then give the whole
        # query as one keystroke (Material listens to keys, not to a filled value), again
        # if it went unanswered, and wait for its results.
        meta = page.locator(".md-search-result__meta")
        sync_api.expect(meta).not_to_contain_text("Initializing", timeout=SEARCH_READY_MS)
        for _ in range(SEARCH_ATTEMPTS):
            search.fill(name[:-1])
            search.press(name[-1])
            try:
                sync_api.expect(meta).to_contain_text("matching document", timeout=SEARCH_WAIT_MS)
                break
            except AssertionError:
                continue
        shown = page.evaluate(_SHOWN_RESULTS)
        page.screenshot(path=_artifact(site.name, "search"))
        errors = list(page.console_errors)
    leading = [link for link in shown if link["href"].endswith(f"#{anchor}")]
    assert leading, f"{site.name}: no shown result leads to #{anchor}; shown: " + "; ".join(
        f"{link['text'][:60]} -> {link['href']}" for link in shown[:6]
    )
    assert any(name.lower() in link["text"].lower() for link in leading)
    assert errors == []


# -- 5. at 300 journeys, pages do not carry every page's link ------------------------------


def _without_inline_svg(html: str) -> str:
    """``html`` without its ``<svg>`` elements (outermost ones, with what they hold)."""
    kept: list[str] = []
    depth = 0
    position = 0
    for tag in re.finditer(r"<svg\b|</svg\s*>", html):
        if tag.group().startswith("</"):
            depth -= 1
            if depth == 0:
                position = tag.end()
        else:
            if depth == 0:
                kept.append(html[position : tag.start()])
            depth += 1
    kept.append(html[position:] if depth == 0 else "")
    return "".join(kept)


@pytest.mark.parametrize("kind", KINDS)
def test_navigation_of_the_300_journey_handbook_stays_short(
    browser: Any, scale: Site, kind: str
) -> None:
    looked = look(browser, scale, kind, "desktop")
    assert looked.nav_links < MAX_NAV_LINKS, f"{kind}: {looked.nav_links} navigation links"


@pytest.mark.parametrize("kind", ["team", "journey"])
def test_team_and_journey_pages_of_the_300_journey_handbook_stay_small(
    browser: Any, scale: Site, kind: str
) -> None:
    path, _ = scale.pages[kind]
    html = (scale.folder / path / "index.html").read_text(encoding="utf-8")
    without_svg = _without_inline_svg(html)
    looked = look(browser, scale, kind, "desktop")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"handbook-scale-measures-{kind}.txt").write_text(
        f"{kind} /{path}: {len(html.encode())} bytes, {len(without_svg.encode())} without "
        f"inline SVG, {looked.nav_links} navigation links; "
        f"the 300-journey handbook built in {scale.build_seconds:.1f} s\n",
        encoding="utf-8",
    )
    assert len(without_svg.encode()) < MAX_PAGE_BYTES, (
        f"/{path} is {len(without_svg.encode())} bytes without its inline SVG"
    )


# -- 6. axe-core -----------------------------------------------------------------------------

AXE_PAGES = {
    "home": "",
    "journey": "journeys/repair-and-warranty/",
    "journeys index": "journeys/",
    "team": "teams/rider-care/",
    "teams index": "teams/",
    "department": "departments/service/",
    "channel": "channels/phone/",
    "persona": "personas/daily-commuter/",
    "tag": "tags/warranty/",
    "tags index": "tags/",
    "ledger": "promises/",
    "kpis": "kpis/",
    "scorecard": "scorecard/",
    "opportunities": "opportunities/",
    "coverage": "coverage/",
    "dashboard": "dashboard/",
    "findings": "findings/",
    "check catalogue": "",  # where the example's catalogue is: see catalogue_path
}
SCHEMES = {"light": "default", "dark": "slate"}
"""Playwright's colour scheme -> Material's ``data-md-color-scheme`` it must choose."""


def catalogue_path(site: Site) -> str:
    """The check catalogue: generated at checks/, or the example's own reference/checks.md."""
    for path in ("checks/", "reference/checks/"):
        if (site.folder / path / "index.html").is_file():
            return path
    raise AssertionError("the handbook has no check catalogue")


@pytest.fixture(scope="module")
def axe_script() -> str:
    location = os.environ.get("CXMAP_AXE_JS")
    if not location:
        message = "CXMAP_AXE_JS does not name axe-core's axe.min.js (npm install axe-core@4)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must install it (.ci/run)")
        pytest.skip(message)
    return Path(location).read_text(encoding="utf-8")


_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              summary: (n.failureSummary || '').replace(/\\s+/g, ' ')})),
  }));
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_axe_finds_no_serious_violation(
    axe_script: str, browser: Any, example: Site, kind: str, scheme: str
) -> None:
    path = catalogue_path(example) if kind == "check catalogue" else AXE_PAGES[kind]
    with opened(browser, DESKTOP, color_scheme=scheme) as page:
        page.goto(f"{example.url}/{path}")
        page.wait_for_load_state("networkidle")
        chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert chosen == SCHEMES[scheme], f"the {scheme} scheme showed {chosen!r}"
        page.screenshot(path=_artifact("example", kind, scheme))
        page.add_script_tag(content=axe_script)
        violations = page.evaluate(_AXE)
    serious = [v for v in violations if v["impact"] in AXE_IMPACTS]
    described = [
        f"{v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s), e.g. "
        + "; ".join(f"{n['target']} {n['html']!r}: {n['summary']}" for n in v["nodes"][:3])
        for v in serious
    ]
    assert serious == [], f"/{path} in the {scheme} scheme:\n" + "\n".join(described)


# -- measured service: trends and gaps ---------------------------------------------------

_TRENDS = """() => Array.from(document.querySelectorAll('.md-content table tbody tr'))
  .map(row => {
    const chart = row.querySelector('svg.cxmap-chart[aria-label*="measurements from"]');
    const box = chart ? chart.getBoundingClientRect() : null;
    return {kpi: row.cells[0].textContent.trim(), status: row.cells[row.cells.length - 1]
              .textContent.trim(),
            label: chart ? chart.getAttribute('aria-label') : null,
            width: box ? box.width : 0, height: box ? box.height : 0};
  })"""


def test_kpis_page_draws_each_kpis_trend_with_words(browser: Any, example: Site) -> None:
    """Every KPI of the example has a year of measurements: each row shows its trend, big
    enough to read, named in words, and the KPI that measures a standard its delivery gap."""
    with opened(browser, DESKTOP) as page:
        page.goto(f"{example.url}/kpis/")
        page.wait_for_load_state("networkidle")
        rows = page.evaluate(_TRENDS)
        assert page.console_errors == []
    assert len(rows) >= 20
    for row in rows:
        assert row["label"] is not None, f"{row['kpi']}: no trend chart"
        assert row["label"].startswith(row["kpi"]), row
        assert "12 measurements from 2025-12-01" in row["label"], row
        assert row["width"] >= 120 and row["height"] >= 30, row
    gaps = [row["kpi"] for row in rows if "delivery gap" in row["status"]]
    assert gaps == ["Working days to decision"]


def test_journey_page_shows_expected_committed_and_delivered_side_by_side(
    browser: Any, example: Site
) -> None:
    with opened(browser, PHONE) as page:
        page.goto(f"{example.url}/journeys/repair-and-warranty/#tp-warranty-decision")
        page.wait_for_load_state("networkidle")
        table = page.locator("table:has(th:text-is('We deliver'))").first
        cells = [text.strip() for text in table.locator("td").all_inner_texts()]
        flag = table.locator(".cxmap-gap-open").last
        colour = flag.evaluate("element => getComputedStyle(element).color")
        titles = page.locator(".admonition-title").all_inner_texts()
        width = page.evaluate("document.documentElement.scrollWidth")
    assert cells[0].startswith("A clear yes or no within two days")
    assert "Gap: slower than expected" in cells[1]
    assert "Gap: short of the standard and slower than expected" in cells[2]
    assert "6.5 working days (Working days to decision, measured 2026-11-01)" in cells[2]
    assert colour == "rgb(178, 24, 43)"
    assert "Delivery gap" in titles and "Customer gap" in titles
    assert width <= PHONE["width"]


# -- scorecards, the journey tree and the backlog ------------------------------------------

_DOTS = """() => Array.from(document.querySelectorAll('svg.cxmap-matrix a')).map(dot => {
  const box = dot.getBoundingClientRect();
  return {row: dot.getAttribute('data-cxmap-for'), label: dot.getAttribute('aria-label'),
          shown: getComputedStyle(dot).display !== 'none', width: box.width};
})"""

_BACKLOG_ROWS = """() => Array.from(document.querySelectorAll('table'))
  .find(table => table.tHead && table.tHead.textContent.includes('Quadrant'))
  .tBodies[0].rows"""


def _backlog_rows(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(
        f"() => Array.from(({_BACKLOG_ROWS})()).map(row => ({{"
        "id: row.querySelector('[id]').id, hidden: row.hidden,"
        "team: row.cells[5].textContent.trim(), journey: row.cells[6].textContent.trim()}))"
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_backlog_chart_shows_each_row_and_follows_the_team_and_journey_filters(
    browser: Any, example: Site, viewport: dict[str, int]
) -> None:
    with opened(browser, viewport) as page:
        page.goto(f"{example.url}/opportunities/")
        page.wait_for_load_state("networkidle")
        rows, dots = _backlog_rows(page), page.evaluate(_DOTS)
        chart = page.locator("svg.cxmap-matrix").bounding_box()
        teams = page.locator(".cxmap-filter select").first
        options = teams.locator("option").all_inner_texts()
        teams.select_option(options[1])
        chosen_rows, chosen_dots = _backlog_rows(page), page.evaluate(_DOTS)
        page.screenshot(path=_artifact("example", "backlog", options[1], str(viewport["width"])))
        # Back to every team, then one journey: the rows and dots of that journey.
        teams.select_option("All")
        journeys = page.locator(".cxmap-filter select").nth(1)
        titles = journeys.locator("option").all_inner_texts()
        journeys.select_option(titles[1])
        journey_rows, journey_dots = _backlog_rows(page), page.evaluate(_DOTS)
        assert page.console_errors == []
    assert len(rows) >= 10 and sorted(d["row"] for d in dots) == sorted(r["id"] for r in rows)
    assert all(d["shown"] and d["width"] >= 8 and d["label"] for d in dots)
    assert chart is not None and chart["width"] <= viewport["width"]
    assert options[0] == "All" and len(options) > 2
    shown = [r for r in chosen_rows if not r["hidden"]]
    assert shown and all(r["team"] == options[1] for r in shown)
    assert sorted(d["row"] for d in chosen_dots if d["shown"]) == sorted(r["id"] for r in shown)
    shown = [r for r in journey_rows if not r["hidden"]]
    assert titles[0] == "All" and shown and all(r["journey"] == titles[1] for r in shown)
    assert len(shown) < len(rows)
    assert sorted(d["row"] for d in journey_dots if d["shown"]) == sorted(r["id"] for r in shown)


def test_the_scorecard_shows_levels_the_tree_and_the_ladder(browser: Any, example: Site) -> None:
    with opened(browser, DESKTOP) as page:
        page.goto(f"{example.url}/scorecard/")
        page.wait_for_load_state("networkidle")
        badges = page.locator(".cxmap-level").all_inner_texts()
        nested = page.locator("td:has-text('↳')").count()
        ladder = [text.rstrip("¶").strip() for text in page.locator("h3").all_inner_texts()]
        width = page.evaluate("document.documentElement.scrollWidth")
    assert len(badges) >= 20 and all(re.fullmatch(r"[0-5] [A-Z][a-z]+", b) for b in badges)
    assert nested >= 4
    assert ladder[:5] == ["1 Owned", "2 Committed", "3 Reliable", "4 Delivering", "5 Improving"]
    assert width <= DESKTOP["width"]


def test_a_journey_page_says_where_it_belongs_and_what_its_next_level_needs(
    browser: Any, example: Site
) -> None:
    with opened(browser, PHONE) as page:
        page.goto(f"{example.url}/journeys/field-defect-escalation/")
        page.wait_for_load_state("networkidle")
        part_of = page.locator("li:has(strong:text-is('Part of:')) a").all_inner_texts()
        headings = [text.rstrip("¶").strip() for text in page.locator("h2").all_inner_texts()]
        level = page.locator("li:has(strong:text-is('Level:')) .cxmap-level").first.inner_text()
        width = page.evaluate("document.documentElement.scrollWidth")
    project = check(REPO).project
    titles = {doc.model.id: doc.model.title for doc in project.journeys}
    assert part_of == [titles["rider-lifecycle"], titles["repair-and-warranty"]]
    assert "Maturity" in headings and "Effort" in headings
    assert re.fullmatch(r"[0-5] [A-Z][a-z]+", level)
    assert width <= PHONE["width"]


# -- the council: services and roles ------------------------------------------------------

_SERVICE_ROWS = """() => Array.from(document.querySelectorAll('.md-content table tbody tr'))
  .map(row => ({name: row.cells[0].textContent.trim(),
                href: row.cells[0].querySelector('a')?.getAttribute('href') ?? null,
                standard: row.cells[row.cells.length - 1].textContent.trim()}))"""


def test_a_service_page_lists_every_touch_point_that_offers_it_with_its_standard(
    browser: Any, council: Site
) -> None:
    project = check(COUNCIL).project
    offering = [
        tp
        for doc in project.journeys
        for tp in doc.model.touchpoints
        if tp.service == "planning-application"
    ]
    assert len(offering) > 3
    with opened(browser, DESKTOP) as page:
        page.goto(f"{council.url}/services/")
        page.wait_for_load_state("networkidle")
        services = page.evaluate(_SERVICE_ROWS)
        page.goto(f"{council.url}/services/planning-application/")
        page.wait_for_load_state("networkidle")
        rows = page.evaluate(_SERVICE_ROWS)
        page.screenshot(path=_artifact("council", "service"), full_page=True)
        first = page.locator(".md-content table tbody tr a").first
        first.click()
        page.wait_for_load_state("networkidle")
        anchor = page.evaluate("location.hash")
        shown = page.locator(anchor).is_visible()
    assert project.organization is not None
    assert len(services) == len(project.organization.model.services)
    assert sorted(row["name"] for row in rows) == sorted(tp.name for tp in offering)
    timed = next(tp for tp in offering if tp.standard and tp.standard.measured_from)
    assert any(
        f"from {timed.standard.measured_from}" in row["standard"]
        for row in rows
        if row["name"] == timed.name
    )
    assert anchor.startswith("#tp-") and shown


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "path", ["services/", "services/highway-defect/", "departments/customer-contact/"]
)
def test_axe_finds_no_serious_violation_on_the_council_pages(
    axe_script: str, browser: Any, council: Site, path: str, scheme: str
) -> None:
    with opened(browser, DESKTOP, color_scheme=scheme) as page:
        page.goto(f"{council.url}/{path}")
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=axe_script)
        violations = page.evaluate(_AXE)
        text = page.inner_text(".md-content")
    serious = [v for v in violations if v["impact"] in AXE_IMPACTS]
    assert serious == [], f"/{path} in the {scheme} scheme: {serious}"
    if path.startswith("departments/"):
        assert "Role: front-line: answers customers who get in touch" in text
