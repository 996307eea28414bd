"""Issue 13, "Diagrams people can read": what Chromium shows of every journey diagram.

Every diagram (the three views, each Material tab clicked so that its panel shows) of
every journey page of two handbooks: the example (this repository's journeys/) and a
synthetic project with one journey of 30 touch points across 7 stages
(tests/synthetic_journey.py). Each site is built and served once per module; one
Chromium (Debian's, through Playwright: tests/browsing.py) opens every page. What a page
shows at a width is gathered once (``Looker``) and the tests assert on those figures:

1. the text of every SVG ``<text>`` is the journey's text: no entity or escape shows;
   every touch point's name (wrapped over lines or not) is in its node, every stage
   is named, and the map names the departments' lanes;
2. no text leaves the box of its node; stage labels do not overlap;
3. at 1400x1000 the smallest text renders at ``MIN_TEXT_PX`` CSS px or more;
4. no horizontal page scroll at 1400x1000 and at 390x844;
5. a diagram wider than its frame scrolls (or pans) inside the frame;
6. each diagram has a keyboard-operable "full screen" control;
7. moments of truth, internal touch points and unknown emotions are shown as such;
8. printed on A4 landscape, every view shows in parts that each fit a page and print
   their smallest text at ``PRINT_MIN_PX`` or more (PDF, then PNGs of the first pages).

Screenshots of every diagram tab at both widths, and the printed first pages, are saved
under tests/artifacts/ (ignored by git) for a person to look at.

The marks and selectors the lead may still settle are the constants below.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from browsing import ARTIFACTS, DESKTOP, PHONE, browser, build_site, served, sync_api
from helpers import REPO
from synthetic_journey import JOURNEY_ID as SYNTHETIC_JOURNEY
from synthetic_journey import write_project

pytestmark = pytest.mark.browser

__all__ = ["browser"]  # the fixture of tests/browsing.py this module uses

# -- what the lead aligns the diagrams with ----------------------------------------------

FULL_SCREEN_BUTTON = "button.cxmap-fullscreen"
"""The "full screen" control, one in each diagram's tab panel."""
FULL_SCREEN_VIEW = "dialog[open]"
"""What that control opens: the diagram in place, over the page."""
MOMENT_OF_TRUTH_MARK = "★"
"""Shown in the node of every moment of truth, in no other touch point's node."""
MOMENT_OF_TRUTH_LEGEND = f"{MOMENT_OF_TRUTH_MARK} moment of truth"
"""The legend's explanation of the mark (whitespace aside)."""
UNKNOWN_EMOTION_TEXT = "emotion ?"
"""Shown in the emotion curve for a touch point without ``emotion``."""
DIAGRAM_FRAME = ".cxmap-diagram"
"""The frame a diagram scrolls or pans in: the nearest ancestor of its ``<svg>`` matching this."""
PANNABLE_FRAME = "[data-cxmap-pannable]"
"""A frame that pans its diagram itself (drag or keys) instead of scrolling."""
MIN_TEXT_PX = 10.0
"""The smallest legible diagram text on a 1400 px screen, in CSS px."""
TOLERANCE_PX = 1.0
OPEN_TIMEOUT_MS = 3000
"""How long the full-screen view may take to open or close after a key press."""
PRINT_MARGIN_MM = 10.0
"""The margin of the A4 landscape page the tests print on, on every side."""

VIEWS = ("map", "target", "blueprint", "emotion")
"""Every view; a journey shows ``target`` only when a touch point has ``to_be``."""
TOUCHPOINT_VIEWS = ("map", "target", "blueprint")
"""The views that draw each touch point as a box of its own."""
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
A4_LANDSCAPE_MM = (297.0, 210.0)
CSS_PX_PER_MM = 96 / 25.4
PRINT_WIDTH_PX = (A4_LANDSCAPE_MM[0] - 2 * PRINT_MARGIN_MM) * CSS_PX_PER_MM
PRINT_HEIGHT_PX = (A4_LANDSCAPE_MM[1] - 2 * PRINT_MARGIN_MM) * CSS_PX_PER_MM

ESCAPED = re.compile(
    r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)"  # an entity left undecoded
    r"|\\[A-Za-z]"  # a Graphviz escape: \N, \G, \n, \l, \r ...
    r"|\ufffd"  # a character lost in decoding
)
"""What must never show in diagram text: an entity or escape instead of its character.

An ``&`` in the text itself ("Claims & Assistance", "R&D") is no entity: a named entity
needs its ``;``, a numeric one (``&#45``) shows with or without it."""


# -- the journeys, as their YAML files say ---------------------------------------------


def title_case(key: str) -> str:
    return " ".join(part.capitalize() for part in key.split("-"))


@dataclass(frozen=True)
class Touch:
    id: str
    name: str
    stage: str
    emotion: int | None
    moment_of_truth: bool
    serves: str | None
    """The name of the team an internal touch point serves; None for customer ones."""

    @property
    def href(self) -> str:
        return f"#tp-{self.id}"


@dataclass(frozen=True)
class Journey:
    site: str
    id: str
    title: str
    touchpoints: tuple[Touch, ...]
    stages: tuple[str, ...]
    """The names of the stages that have touch points, in order."""
    departments: tuple[str, ...]
    """The names of the departments the touch points belong to."""
    has_target: bool
    """Whether any touch point records a target state (``to_be``)."""
    parts: tuple[str, ...] = ()
    """The titles of the journeys it is made of, at any depth: their tree is drawn."""

    @property
    def has_parts(self) -> bool:
        return bool(self.parts)

    @property
    def views(self) -> tuple[str, ...]:
        drawn = tuple(view for view in VIEWS if view != "target" or self.has_target)
        return (drawn if self.touchpoints else ()) + (("parts",) if self.has_parts else ())

    @property
    def label(self) -> str:
        return f"{self.site}/{self.id}"

    @property
    def path(self) -> str:
        return f"journeys/{self.id}/"

    def diagram(self, view: str) -> str:
        return f'[data-cxmap-diagram="{self.id}/{view}"]'


def _documents(project: Path) -> Iterator[dict[str, Any]]:
    for path in sorted((project / "journeys").rglob("*.yaml")):
        yield yaml.safe_load(path.read_text(encoding="utf-8"))


def read_journeys(site: str, project: Path) -> dict[str, Journey]:
    """Every journey of ``project``, with the names the organisation gives its ids."""
    documents = list(_documents(project))
    org = next(d["organization"] for d in documents if "organization" in d)

    def names(kind: str) -> dict[str, str]:
        return {e["id"]: e.get("name") or title_case(e["id"]) for e in org.get(kind, [])}

    teams, departments, stages = names("teams"), names("departments"), names("stages")
    team_department = {t["id"]: t["department"] for t in org["teams"]}
    journeys: dict[str, Journey] = {}
    datas = [d["journey"] for d in documents if "journey" in d]

    def parts(key: str) -> tuple[str, ...]:
        children = [d for d in datas if d.get("parent") == key]
        return tuple(t for d in children for t in (d["title"], *parts(d["id"])))

    for document in documents:
        if "journey" not in document:
            continue
        data = document["journey"]
        touches = tuple(
            Touch(
                id=tp["id"],
                name=tp["name"],
                stage=tp["stage"],
                emotion=tp.get("emotion"),
                moment_of_truth=bool(tp.get("moment_of_truth")),
                serves=teams.get(tp["customer"], title_case(tp["customer"]))
                if tp.get("audience") == "internal" and tp.get("customer")
                else None,
            )
            for tp in data["touchpoints"]
        )
        used_stages = [s for s in data["stages"] if any(t.stage == s for t in touches)]
        used_departments = dict.fromkeys(
            tp.get("department") or team_department.get(tp.get("owner", ""), "")
            for tp in data["touchpoints"]
        )
        journeys[data["id"]] = Journey(
            site=site,
            id=data["id"],
            title=data["title"],
            touchpoints=touches,
            stages=tuple(stages.get(s, title_case(s)) for s in used_stages),
            departments=tuple(
                departments.get(d, title_case(d)) for d in used_departments if d != ""
            ),
            has_target=any("to_be" in tp for tp in data["touchpoints"]),
            parts=parts(data["id"]),
        )
    return journeys


SYNTHETIC_ROOT = "synthetic"
EXAMPLE = read_journeys("example", REPO)
EXAMPLE_JOURNEYS = sorted(EXAMPLE)
PAGES = [("example", key) for key in EXAMPLE_JOURNEYS] + [("synthetic", SYNTHETIC_JOURNEY)]
PAGE_IDS = [f"{site}/{key}" for site, key in PAGES]


def squash(text: str) -> str:
    """Text without any whitespace: wrapped lines compare equal to the unwrapped text."""
    return re.sub(r"\s+", "", text)


def words(text: str) -> str:
    return " ".join(text.split())


# -- the sites and what their pages show -----------------------------------------------


@dataclass(frozen=True)
class Handbook:
    url: str
    journeys: dict[str, Journey]


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Handbook]]:
    """Both sites, each built once and served for the whole module."""
    synthetic = write_project(tmp_path_factory.mktemp(SYNTHETIC_ROOT) / "project")
    with contextlib.ExitStack() as stack:
        sites: dict[str, Handbook] = {}
        for name, project in (("example", REPO), ("synthetic", synthetic)):
            site = build_site(project, tmp_path_factory.mktemp(name) / "site")
            url = stack.enter_context(served(site))
            sites[name] = Handbook(url, read_journeys(name, project))
        yield sites


FACTS = """([diagram, frameSelector, pannable]) => {
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const href = a => a.getAttribute('href')
    || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
  const scale = t => { const m = t.getScreenCTM(); return m ? Math.hypot(m.a, m.b) : 0; };
  const text = t => ({content: t.textContent, box: box(t),
                      px: parseFloat(getComputedStyle(t).fontSize) * scale(t)});
  const placeholder = document.querySelector(diagram);
  const svg = placeholder && placeholder.querySelector('svg');
  if (!svg) return null;
  const frame = svg.parentElement.closest(frameSelector) || placeholder;
  const nodes = Array.from(svg.querySelectorAll('g.node')).map(g => {
    const title = g.querySelector(':scope > title');
    const shape = g.querySelector('polygon, path, ellipse');
    return {title: title ? title.textContent : '',
            links: Array.from(g.querySelectorAll('a')).map(href),
            shape: shape ? box(shape) : null,
            texts: Array.from(g.querySelectorAll('text')).map(text)};
  });
  const loose = Array.from(svg.querySelectorAll('text'))
    .filter(t => !t.closest('g.node')).map(text);
  const before = frame.scrollLeft;
  frame.scrollLeft = before + 40;
  const scrolls = frame.scrollLeft !== before;
  frame.scrollLeft = before;
  const svgTitle = svg.querySelector('title');
  return {nodes, loose, title: svgTitle ? svgTitle.textContent : '',
          svg: box(svg), frame: box(frame), frameClass: frame.className,
          frameClientWidth: frame.clientWidth, frameScrollWidth: frame.scrollWidth,
          overflowX: getComputedStyle(frame).overflowX, scrolls,
          pannable: frame.matches(pannable),
          pageScrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth};
}"""
"""Everything the tests need of one shown diagram, in one round trip."""

TAB_INDEX = """(diagram) => {
  const block = document.querySelector(diagram).closest('.tabbed-block');
  return block ? Array.from(block.parentElement.children).indexOf(block) : -1;
}"""


SCROLL_TO_TABS = """(diagram) => {
  const placeholder = document.querySelector(diagram);
  (placeholder.closest('.tabbed-set') || placeholder).scrollIntoView({block: 'start'});
  const header = document.querySelector('.md-header');
  if (header) window.scrollBy(0, -header.getBoundingClientRect().height);
}"""
"""For the screenshots: the diagram's tabs at the top of the screen, below Material's header."""


@dataclass
class Shown:
    """What one journey page showed at one viewport size: the facts of each view's diagram."""

    diagrams: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    """Views whose diagram (an <svg> in its placeholder) is not on the page."""
    page_widths: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per view (its tab shown): document scrollWidth and window innerWidth; "" on load."""


def show_tab(page: Any, journey: Journey, view: str) -> None:
    """Click the Material tab that holds ``view``'s diagram and wait until it shows."""
    diagram = page.locator(journey.diagram(view))
    index = page.evaluate(TAB_INDEX, journey.diagram(view))
    if index >= 0:
        tabs = page.locator(".tabbed-set", has=diagram).last
        tabs.locator(":scope > .tabbed-labels > label").nth(index).click()
    diagram.locator("svg").first.wait_for(state="visible")


class Looker:
    """Opens journey pages in the module's Chromium, once per page and viewport size."""

    def __init__(self, browser: Any, handbooks: dict[str, Handbook]) -> None:
        self.browser = browser
        self.handbooks = handbooks
        self._seen: dict[tuple[str, str, str], Shown] = {}

    def journey(self, site: str, key: str) -> Journey:
        return self.handbooks[site].journeys[key]

    def url(self, journey: Journey) -> str:
        return f"{self.handbooks[journey.site].url}/{journey.path}"

    @contextlib.contextmanager
    def opened(self, journey: Journey, viewport: dict[str, int]) -> Iterator[Any]:
        context = self.browser.new_context(viewport=viewport)
        context.set_default_timeout(20000)
        try:
            page = context.new_page()
            page.goto(self.url(journey))
            page.wait_for_load_state("load")
            yield page
        finally:
            context.close()

    def shown(self, journey: Journey, width: str) -> Shown:
        key = (journey.site, journey.id, width)
        if key not in self._seen:
            self._seen[key] = self._look(journey, width)
        return self._seen[key]

    def _look(self, journey: Journey, width: str) -> Shown:
        shown = Shown()
        ARTIFACTS.mkdir(exist_ok=True)
        with self.opened(journey, WIDTHS[width]) as page:
            shown.page_widths[""] = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            for view in journey.views:
                if page.locator(f"{journey.diagram(view)} svg").count() == 0:
                    shown.missing.append(view)
                    continue
                show_tab(page, journey, view)
                facts = page.evaluate(FACTS, [journey.diagram(view), DIAGRAM_FRAME, PANNABLE_FRAME])
                shown.diagrams[view] = facts
                shown.page_widths[view] = (facts["pageScrollWidth"], facts["innerWidth"])
                page.evaluate(SCROLL_TO_TABS, journey.diagram(view))
                name = f"diagram-{journey.site}-{journey.id}-{WIDTHS[width]['width']}-{view}.png"
                page.screenshot(path=str(ARTIFACTS / name))
        return shown


@pytest.fixture(scope="module")
def looker(browser: Any, handbooks: dict[str, Handbook]) -> Looker:
    return Looker(browser, handbooks)


def shown_at(looker: Looker, site: str, key: str, width: str = "desktop") -> tuple[Journey, Shown]:
    journey = looker.journey(site, key)
    shown = looker.shown(journey, width)
    assert not shown.missing, f"{journey.label}: no diagram on the page for {shown.missing}"
    return journey, shown


# -- reading the facts -------------------------------------------------------------------


def node_text(node: dict[str, Any]) -> str:
    return " ".join(text["content"] for text in node["texts"])


def nodes_of(diagram: dict[str, Any], touch: Touch) -> list[dict[str, Any]]:
    """The nodes that link to the touch point's section of the page."""
    return [n for n in diagram["nodes"] if any(link.endswith(touch.href) for link in n["links"])]


def box_node(diagram: dict[str, Any], touch: Touch) -> dict[str, Any] | None:
    """The touch point's box: the linked node with a shape and the touch point's name."""
    for node in nodes_of(diagram, touch):
        if node["shape"] is not None and squash(touch.name) in squash(node_text(node)):
            return node
    return None


def touchpoint_hrefs(journey: Journey) -> tuple[str, ...]:
    return tuple(touch.href for touch in journey.touchpoints)


def other_text(diagram: dict[str, Any], journey: Journey) -> str:
    """All text of the diagram outside the touch points' nodes (titles, legend, lanes)."""
    hrefs = touchpoint_hrefs(journey)
    parts = [text["content"] for text in diagram["loose"]]
    for node in diagram["nodes"]:
        if not any(link.endswith(hrefs) for link in node["links"]):
            parts += [text["content"] for text in node["texts"]]
    return " ".join(parts)


def short(text: str, limit: int = 80) -> str:
    text = words(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outside(inner: list[float], outer: list[float]) -> list[str]:
    """How far ``inner`` sticks out of ``outer``, side by side (empty when it does not)."""
    sides = []
    for name, amount in (
        ("left", outer[0] - inner[0]),
        ("top", outer[1] - inner[1]),
        ("right", inner[2] - outer[2]),
        ("bottom", inner[3] - outer[3]),
    ):
        if amount > TOLERANCE_PX:
            sides.append(f"{name} by {amount:.1f} px")
    return sides


def overlap(a: list[float], b: list[float]) -> bool:
    return (
        min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE_PX
        and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE_PX
    )


def union(boxes: list[list[float]]) -> list[float]:
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]


def report(problems: list[str], limit: int = 40) -> str:
    more = f"\n… and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problems:\n" + "\n".join(problems[:limit]) + more


every_page = pytest.mark.parametrize(("site", "key"), PAGES, ids=PAGE_IDS)
MAPPED = [(site, key) for site, key in PAGES if site != "example" or EXAMPLE[key].touchpoints]
every_mapped_page = pytest.mark.parametrize(
    ("site", "key"), MAPPED, ids=[f"{site}/{key}" for site, key in MAPPED]
)
"""The pages of journeys with touch points of their own, which draw an emotion curve."""


# -- 1. what the browser shows is what the file says -----------------------------------


@every_page
def test_diagram_text_shows_no_entity_or_escape(looker: Looker, site: str, key: str) -> None:
    journey, shown = shown_at(looker, site, key)
    problems = []
    for view, diagram in shown.diagrams.items():
        where = f"{journey.label} {view}"
        texts = [(f"node {n['title']!r}", t) for n in diagram["nodes"] for t in n["texts"]]
        texts += [("title or legend", t) for t in diagram["loose"]]
        for owner, text in texts:
            escape = ESCAPED.search(text["content"])
            if escape:
                problems.append(f"{where} {owner}: shows {text['content']!r} ({escape[0]!r})")
    assert not problems, report(problems)


@every_page
def test_diagram_text_shows_every_name(looker: Looker, site: str, key: str) -> None:
    """Every touch point's name in its node, every stage, and the map's department lanes;
    in the tree of a journey's parts, every part's title."""
    journey, shown = shown_at(looker, site, key)
    problems = []
    for view, diagram in shown.diagrams.items():
        where = f"{journey.label} {view}"
        if view == "parts":  # journeys, not touch points
            every_node = [squash(node_text(n)) for n in diagram["nodes"]]
            for title in (journey.title, *journey.parts):
                if not any(squash(title) in text for text in every_node):
                    problems.append(f"{where}: the part {title!r} not shown")
            continue
        for touch in journey.touchpoints:
            linked = nodes_of(diagram, touch)
            if not any(squash(touch.name) in squash(node_text(n)) for n in linked):
                texts = [short(node_text(n)) for n in linked] or ["no node links to it"]
                problems.append(
                    f"{where} touch point {touch.id!r}: name {touch.name!r} not shown;"
                    f" its nodes say {texts}"
                )
        every_node = [squash(node_text(n)) for n in diagram["nodes"]]
        every_node.append(squash(" ".join(t["content"] for t in diagram["loose"])))
        for stage in journey.stages:
            if not any(squash(stage) in text for text in every_node):
                problems.append(f"{where}: stage {stage!r} not shown")
        if view == "map":
            lanes = squash(other_text(diagram, journey))
            for department in journey.departments:
                if squash(department) not in lanes:
                    problems.append(f"{where}: department lane {department!r} not shown")
    assert not problems, report(problems)


# -- 2. text stays in its box ------------------------------------------------------------


@every_page
def test_no_text_leaves_its_node(looker: Looker, site: str, key: str) -> None:
    journey, shown = shown_at(looker, site, key)
    problems = []
    for view, diagram in shown.diagrams.items():
        for node in diagram["nodes"]:
            if node["shape"] is None:
                continue
            for text in node["texts"]:
                left, _, right, _ = text["box"]
                if right - left <= 0:
                    continue
                sides = outside(text["box"], node["shape"])
                if sides:
                    problems.append(
                        f"{journey.label} {view} node {node['title']!r}:"
                        f" {text['content']!r} leaves its box at the {', '.join(sides)}"
                    )
    assert not problems, report(problems)


@every_page
def test_stage_labels_do_not_overlap(looker: Looker, site: str, key: str) -> None:
    journey, shown = shown_at(looker, site, key)
    problems = []
    for view, diagram in shown.diagrams.items():
        labels: list[tuple[str, list[float]]] = []
        for node in diagram["nodes"]:
            boxes = [t["box"] for t in node["texts"] if t["box"][2] > t["box"][0]]
            if boxes and squash(node_text(node)) in {squash(s) for s in journey.stages}:
                labels.append((words(node_text(node)), union(boxes)))
        for number, (name, where) in enumerate(labels):
            for other, there in labels[number + 1 :]:
                if overlap(where, there):
                    problems.append(f"{journey.label} {view}: stage labels {name!r} and {other!r}")
    assert not problems, report(problems)


# -- 3. legible without zooming ----------------------------------------------------------


@every_page
def test_smallest_diagram_text_is_legible_at_1400_px(looker: Looker, site: str, key: str) -> None:
    journey, shown = shown_at(looker, site, key)
    sizes: list[tuple[float, str, str]] = []
    for view, diagram in shown.diagrams.items():
        for node in diagram["nodes"]:
            sizes += [(t["px"], view, f"{node['title']}: {t['content']}") for t in node["texts"]]
        sizes += [(t["px"], view, f"(legend) {t['content']}") for t in diagram["loose"]]
    assert sizes, f"{journey.label}: no diagram text at all"
    smallest = min(sizes)
    small = sorted(s for s in sizes if s[0] < MIN_TEXT_PX)
    per_view = {
        view: f"{min(s[0] for s in sizes if s[1] == view):.1f} px, {count} texts below"
        for view in shown.diagrams
        for count in [sum(1 for s in small if s[1] == view)]
    }
    assert not small, (
        f"{journey.label} at 1400x1000: smallest diagram text is {smallest[0]:.1f} CSS px"
        f" (< {MIN_TEXT_PX}) in the {smallest[1]}, {short(smallest[2])!r};"
        f" smallest per view: {per_view}"
    )


# -- 4. and 5. the page never gets wider than the screen -------------------------------


@every_page
@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_horizontal_page_scroll(looker: Looker, site: str, key: str, width: str) -> None:
    journey, shown = shown_at(looker, site, key, width)
    wide = {
        view or "on load": scroll
        for view, (scroll, inner) in shown.page_widths.items()
        if scroll > inner
    }
    inner = WIDTHS[width]["width"]
    assert not wide, (
        f"{journey.label} at {inner} px: the page scrolls sideways;"
        f" document scrollWidth with each tab shown: {wide} > innerWidth {inner}"
    )


@every_page
@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_wide_diagram_scrolls_inside_its_frame(
    looker: Looker, site: str, key: str, width: str
) -> None:
    journey, shown = shown_at(looker, site, key, width)
    problems = []
    for view, d in shown.diagrams.items():
        where = f"{journey.label} {view} at {d['innerWidth']} px"
        frame_left, _, frame_right, _ = d["frame"]
        if frame_right > d["innerWidth"] + TOLERANCE_PX or frame_left < -TOLERANCE_PX:
            problems.append(
                f"{where}: the frame {d['frameClass']!r} spans {frame_left:.0f}..{frame_right:.0f}"
                f" px, beyond the screen"
            )
        svg_width = d["svg"][2] - d["svg"][0]
        if svg_width <= d["frameClientWidth"] + TOLERANCE_PX or d["pannable"]:
            continue
        if d["overflowX"] not in ("auto", "scroll") or not d["scrolls"]:
            problems.append(
                f"{where}: the diagram is {svg_width:.0f} px wide in a frame of"
                f" {d['frameClientWidth']} px that neither scrolls (overflow-x"
                f" {d['overflowX']!r}, scrollLeft {'moves' if d['scrolls'] else 'stays'})"
                f" nor pans ({PANNABLE_FRAME})"
            )
    assert not problems, report(problems)


# -- 6. full screen, from the keyboard -------------------------------------------------


@every_page
def test_each_diagram_opens_full_screen_from_the_keyboard(
    looker: Looker, site: str, key: str
) -> None:
    journey = looker.journey(site, key)
    problems = []
    with looker.opened(journey, DESKTOP) as page:
        for view in journey.views:
            where = f"{journey.label} {view}"
            diagram = page.locator(journey.diagram(view))
            if diagram.locator("svg").count() == 0:
                problems.append(f"{where}: no diagram on the page")
                continue
            show_tab(page, journey, view)
            title = diagram.locator("svg title").first.text_content() or ""
            tabs = page.locator(".tabbed-block", has=diagram)
            # Outside tabs, the tools come right before the diagram's frame.
            panel = tabs.last if tabs.count() else diagram.locator("xpath=preceding-sibling::*[1]")
            buttons = panel.locator(FULL_SCREEN_BUTTON)
            if buttons.count() != 1:
                problems.append(
                    f"{where}: {buttons.count()} {FULL_SCREEN_BUTTON!r} in the diagram's panel,"
                    " expected 1"
                )
                continue
            button = buttons.first
            button.focus()
            if not page.evaluate(f"document.activeElement.matches({FULL_SCREEN_BUTTON!r})"):
                problems.append(f"{where}: {FULL_SCREEN_BUTTON!r} takes no keyboard focus")
                continue
            page.keyboard.press("Enter")
            opened = page.locator(FULL_SCREEN_VIEW)
            try:
                opened.first.wait_for(state="visible", timeout=OPEN_TIMEOUT_MS)
            except sync_api.TimeoutError:
                problems.append(
                    f"{where}: Enter on the button shows no {FULL_SCREEN_VIEW!r} within"
                    f" {OPEN_TIMEOUT_MS} ms (the views after it not tried)"
                )
                break
            shown_title = opened.first.locator("svg title").first
            inside = shown_title.text_content() if shown_title.count() else None
            if inside != title:
                problems.append(
                    f"{where}: {FULL_SCREEN_VIEW!r} shows the diagram {inside!r}, not {title!r}"
                )
            size = opened.first.bounding_box()
            if size["width"] < 0.9 * DESKTOP["width"] or size["height"] < 0.9 * DESKTOP["height"]:
                problems.append(
                    f"{where}: {FULL_SCREEN_VIEW!r} is {size['width']:.0f}x{size['height']:.0f}"
                    f" px, not full screen on {DESKTOP['width']}x{DESKTOP['height']}"
                )
            page.screenshot(path=str(ARTIFACTS / f"fullscreen-{site}-{key}-{view}.png"))
            page.keyboard.press("Escape")
            try:
                opened.first.wait_for(state="hidden", timeout=OPEN_TIMEOUT_MS)
            except sync_api.TimeoutError:
                problems.append(f"{where}: Escape does not close {FULL_SCREEN_VIEW!r}")
                page.reload()
    assert not problems, report(problems)


# -- 7. complete and honest maps ---------------------------------------------------------


@every_page
def test_moments_of_truth_are_marked_and_explained(looker: Looker, site: str, key: str) -> None:
    journey, shown = shown_at(looker, site, key)
    problems = []
    for view in (view for view in TOUCHPOINT_VIEWS if view in journey.views):
        diagram = shown.diagrams[view]
        where = f"{journey.label} {view}"
        for touch in journey.touchpoints:
            node = box_node(diagram, touch)
            if node is None:
                problems.append(f"{where} touch point {touch.id!r}: no box with its name")
                continue
            marked = MOMENT_OF_TRUTH_MARK in node_text(node)
            if marked != touch.moment_of_truth:
                state = "is" if touch.moment_of_truth else "is not"
                problems.append(
                    f"{where} touch point {touch.id!r} {state} a moment of truth, but its node"
                    f" {'shows' if marked else 'lacks'} {MOMENT_OF_TRUTH_MARK!r}:"
                    f" {short(node_text(node))!r}"
                )
        legend = words(other_text(diagram, journey))
        if words(MOMENT_OF_TRUTH_LEGEND) not in legend:
            problems.append(
                f"{where}: the legend does not explain the mark ({MOMENT_OF_TRUTH_LEGEND!r}"
                f" not in {short(legend, 160)!r})"
            )
    assert not problems, report(problems)


@every_page
def test_internal_touch_points_name_the_team_they_serve(
    looker: Looker, site: str, key: str
) -> None:
    journey, shown = shown_at(looker, site, key)
    internal = [touch for touch in journey.touchpoints if touch.serves is not None]
    problems = []
    for view in (view for view in TOUCHPOINT_VIEWS if view in journey.views):
        for touch in internal:
            node = box_node(shown.diagrams[view], touch)
            text = node_text(node) if node is not None else ""
            if node is None or squash(touch.serves or "") not in squash(text):
                problems.append(
                    f"{journey.label} {view} internal touch point {touch.id!r}: its node"
                    f" does not name the team it serves, {touch.serves!r}: {short(text)!r}"
                )
    assert not problems, report(problems)


@every_mapped_page
def test_a_touch_point_without_emotion_shows_as_unknown_in_the_curve(
    looker: Looker, site: str, key: str
) -> None:
    journey, shown = shown_at(looker, site, key)
    diagram = shown.diagrams["emotion"]
    problems = []
    for touch in journey.touchpoints:
        linked = nodes_of(diagram, touch)
        text = " ".join(node_text(node) for node in linked)
        unknown = words(UNKNOWN_EMOTION_TEXT) in words(text)
        if touch.emotion is None and not unknown:
            problems.append(
                f"{journey.label} emotion touch point {touch.id!r} has no emotion, but"
                f" {UNKNOWN_EMOTION_TEXT!r} is not shown for it"
                f" ({len(linked)} nodes link to it: {short(text)!r})"
            )
        if touch.emotion is not None and unknown:
            problems.append(
                f"{journey.label} emotion touch point {touch.id!r} has emotion"
                f" {touch.emotion:+d}, but shows {UNKNOWN_EMOTION_TEXT!r}"
            )
    assert not problems, report(problems)


# -- 8. print ----------------------------------------------------------------------------

PRINT_MIN_PX = 8.0
"""The smallest legible text on paper, in CSS px (6 points)."""

PRINT_FACTS = """(diagram) => {
  const placeholder = document.querySelector(diagram);
  if (!placeholder) return null;
  const main = placeholder.querySelector('svg');
  const fonts = Array.from(main.querySelectorAll('text'))
    .map(t => parseFloat(t.getAttribute('font-size') || '14'));
  const shown = Array.from(placeholder.querySelectorAll(':scope > svg')).filter(s =>
    getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 0);
  return {smallestFont: Math.min(...fonts), shown: shown.map(s => {
    const r = s.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width, height: r.height,
            viewWidth: s.viewBox.baseVal.width};
  })};
}"""
"""The smallest font of a diagram (SVG user units) and every part of it shown in print."""


@every_page
def test_printed_on_a4_landscape_every_diagram_is_legible_and_fits_its_pages(
    looker: Looker, site: str, key: str, tmp_path: Path
) -> None:
    """Each view prints as one or more parts (tiles), each within a page, none too small."""
    journey = looker.journey(site, key)
    # Chromium prints at the page's content width: lay the page out at that size.
    viewport = {"width": round(PRINT_WIDTH_PX), "height": round(PRINT_HEIGHT_PX)}
    problems = []
    with looker.opened(journey, viewport) as page:
        page.emulate_media(media="print")
        for view in journey.views:
            where = f"{journey.label} {view} printed on A4 landscape"
            facts = page.evaluate(PRINT_FACTS, journey.diagram(view))
            if facts is None or not facts["shown"]:
                problems.append(f"{where}: nothing of the diagram is shown")
                continue
            for number, part in enumerate(facts["shown"]):
                scale = part["width"] / part["viewWidth"]
                smallest = facts["smallestFont"] * scale
                if part["left"] < -TOLERANCE_PX or part["right"] > PRINT_WIDTH_PX + TOLERANCE_PX:
                    problems.append(
                        f"{where}, part {number}: spans {part['left']:.0f}..{part['right']:.0f}"
                        f" px, beyond the printable width of {PRINT_WIDTH_PX:.0f} px"
                    )
                if part["height"] > PRINT_HEIGHT_PX:
                    problems.append(
                        f"{where}, part {number}: {part['height']:.0f} px tall, more than a page"
                        f" ({PRINT_HEIGHT_PX:.0f} px)"
                    )
                if smallest < PRINT_MIN_PX:
                    problems.append(
                        f"{where}, part {number}: its smallest text prints at {smallest:.1f} px"
                        f" (< {PRINT_MIN_PX})"
                    )
        pdf = tmp_path / f"{key}.pdf"
        margin = f"{PRINT_MARGIN_MM}mm"
        page.pdf(
            path=str(pdf),
            format="A4",
            landscape=True,
            print_background=True,
            margin={"top": margin, "right": margin, "bottom": margin, "left": margin},
        )
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is not None:  # pages 1 to 4, for a person to look at
        ARTIFACTS.mkdir(exist_ok=True)
        stem = ARTIFACTS / f"print-{site}-{key}"
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "4", str(pdf), str(stem)],
            check=True,
            timeout=60,
        )
    assert pdf.stat().st_size > 0
    assert not problems, report(problems)
