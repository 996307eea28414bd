"""SVG for the page: sizes for the screen, tiles for paper, and the splitting behind them."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, MakeProject, check

from cxmap.diagrams import JourneyView, diagram
from cxmap.diagrams.canvas import Grid
from cxmap.diagrams.common import SMALL
from cxmap.diagrams.embed import (
    LEGIBLE_PX,
    PAPER_HEIGHT_PX,
    PAPER_SCALE,
    PAPER_WIDTH_PX,
    PX_PER_PT,
    for_page,
    split,
)
from cxmap.diagrams.render import render

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


# -- split --------------------------------------------------------------------------------

EDGES = tuple(float(edge) for edge in range(10, 100, 10))


def test_split_covers_the_whole_span_in_order_without_gaps() -> None:
    spans = split(0, 100, EDGES, 35)
    assert spans[0][0] == 0 and spans[-1][1] == 100
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= 35 for start, end in spans)


def test_split_uses_as_few_spans_as_can_be_and_evens_them_out() -> None:
    assert split(0, 100, EDGES, 60) == [(0, 50), (50, 100)]
    assert split(0, 100, EDGES, 100) == [(0, 100)]
    assert split(0, 100, (), 60) == [(0, 100)]  # no edge: one span, however wide
    assert split(40, 40, (), 60) == [(40, 40)]  # nothing to split: one empty span


def test_split_cuts_at_edges_only_and_lets_a_wide_gap_be_a_span_of_its_own() -> None:
    spans = split(0, 100, (70.0,), 30)
    assert spans == [(0, 70), (70, 100)]


def test_split_prefers_a_stage_cut_that_fills_half_the_room() -> None:
    assert split(0, 100, EDGES, 60, frozenset({40.0})) == [(0, 40), (40, 100)]
    # A preferred cut at 10 would fill less than half the room: it is passed by.
    assert split(0, 100, EDGES, 60, frozenset({10.0}))[0] != (0, 10)


# -- for_page ----------------------------------------------------------------------------


def rendered(make_project: MakeProject, kind: str = "map") -> tuple[str, Grid]:
    report = check(make_project({"full.yaml": FULL}))
    doc = report.project.journeys[0]
    job, grid = diagram(JourneyView(report.project, doc, report.findings), kind, "svg")
    return for_page(render(job), f"returns-{kind}", grid), grid


def test_the_svg_carries_its_natural_and_its_legible_width(make_project: MakeProject) -> None:
    markup, _ = rendered(make_project)
    opening = re.search(r"<svg\b[^>]*>", markup)
    assert opening is not None

    def number(pattern: str) -> float:
        found = re.search(pattern, opening[0])
        assert found is not None, pattern
        return float(found[1])

    width_pt = number(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)')
    natural = number(r"--cxmap-natural: (\d+)px")
    legible = number(r"--cxmap-legible: (\d+)px")
    assert 'class="cxmap-svg"' in opening[0]
    assert natural == pytest.approx(width_pt * PX_PER_PT, abs=1)
    # At the legible width, text of SMALL points shows at LEGIBLE_PX CSS pixels.
    assert SMALL * PX_PER_PT * legible / natural == pytest.approx(LEGIBLE_PX, abs=0.02)
    assert not markup.startswith("<?xml") and "<!--" not in markup


def test_ids_are_prefixed_and_unique(make_project: MakeProject) -> None:
    markup, _ = rendered(make_project)
    ids = re.findall(r'\bid="([^"]+)"', markup)
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("returns-map-", "cxmap-")) for i in ids)


def wrapped(markup: str) -> ET.Element:
    return ET.fromstring(f'<div xmlns:xlink="http://www.w3.org/1999/xlink">{markup}</div>')


@pytest.mark.parametrize("kind", ["map", "target", "blueprint", "emotion"])
def test_tiles_cover_the_drawing_and_each_fits_a_page(make_project: MakeProject, kind: str) -> None:
    markup, grid = rendered(make_project, kind)
    root = wrapped(markup)
    main, *tiles = list(root)
    assert tiles, "every diagram has at least one tile for print"
    graph = main.find(f"{SVG}g")
    assert graph is not None and graph.get("class") == "graph"
    x, bottom = (
        float(v)
        for v in re.findall(r"translate\(([-\d.]+) ([-\d.]+)\)", graph.get("transform", ""))[0]
    )
    covered: list[tuple[float, float, float, float]] = []
    for tile in tiles:
        assert tile.get("class") == "cxmap-print-tile"
        assert tile.get("hidden") is not None and tile.get("aria-hidden") == "true"
        _, _, width, height = (float(v) for v in (tile.get("viewBox") or "").split())
        assert width * PX_PER_PT * PAPER_SCALE <= PAPER_WIDTH_PX + 1
        assert height * PX_PER_PT * PAPER_SCALE <= PAPER_HEIGHT_PX + 1
        uses = tile.findall(f"{SVG}g/{SVG}use")
        assert len(uses) == 4 and all(u.get("href") == f"#{graph.get('id')}" for u in uses)
        body = tile.find(f"{SVG}defs/{SVG}clipPath[4]/{SVG}rect")
        assert body is not None
        left, top = float(body.get("x", 0)), float(body.get("y", 0))
        covered.append(
            (left, top, left + float(body.get("width", 0)), top + float(body.get("height", 0)))
        )
    # The tiles' own cells, together, are the whole canvas past the titles and headings.
    canvas_left, canvas_top = x + grid.titles, bottom - grid.height + grid.header
    canvas_right, canvas_bottom = x + grid.width, bottom
    xs = sorted({(c[0], c[2]) for c in covered})
    ys = sorted({(c[1], c[3]) for c in covered})
    assert xs[0][0] == pytest.approx(canvas_left, abs=0.01) and xs[-1][1] >= canvas_right
    assert ys[0][0] == pytest.approx(canvas_top, abs=0.01) and ys[-1][1] >= canvas_bottom
    assert all(a[1] >= b[0] - 0.01 for a, b in itertools.pairwise(xs))
    assert all(a[1] >= b[0] - 0.01 for a, b in itertools.pairwise(ys))
    assert len(covered) == len(xs) * len(ys)  # every column band with every row band


def test_a_wide_journey_prints_in_several_tiles(make_project: MakeProject) -> None:
    steps = "\n".join(
        f"    - {{id: s{n}, name: Step {n}, stage: support, owner: support-desk, next: [s{n + 1}]}}"
        for n in range(12)
    )
    journey = f"journey:\n  id: wide\n  title: Wide\n  stages: [support]\n  touchpoints:\n{steps}\n"
    report = check(make_project({"wide.yaml": journey}))
    view = JourneyView(report.project, report.project.journeys[0])
    job, grid = diagram(view, "blueprint", "svg")
    tiles = wrapped(for_page(render(job), "wide-blueprint", grid))[1:]
    assert len(tiles) >= 3
    assert len(set(grid.cuts)) == 11


def test_an_svg_that_is_not_graphviz_s_is_left_alone() -> None:
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    svg += b'<!-- x --><g id="a"/></svg>'
    markup = for_page(svg, "p", Grid(0, 0, 10, 10))
    assert markup == '<svg xmlns="http://www.w3.org/2000/svg"><g id="p-a"/></svg>'


def test_the_same_diagram_gives_the_same_markup(make_project: MakeProject) -> None:
    assert rendered(make_project)[0] == rendered(make_project)[0]


def test_a_part_of_the_map_with_nothing_in_it_is_not_printed(make_project: MakeProject) -> None:
    def step(key: str, stage: str, department: str, follows: str | None = None) -> str:
        then = f", next: [{follows}]" if follows else ""
        return f"    - {{id: {key}, name: {key}, stage: {stage}, department: {department}{then}}}"

    rows = [step(f"m{n}", "aware", "marketing", f"m{n + 1}" if n < 4 else None) for n in range(5)]
    rows += [step(f"s{n}", "aware", "sales") for n in range(3)]
    rows += [step(f"c{n}", "support", "service") for n in range(3)]
    rows += [step(f"r{n}", "support", "rnd", f"r{n + 1}" if n < 4 else None) for n in range(5)]
    journey = "journey:\n  id: d\n  title: D\n  stages: [aware, support]\n  touchpoints:\n"
    report = check(make_project({"d.yaml": journey + "\n".join(rows) + "\n"}))
    view = JourneyView(report.project, report.project.journeys[0])
    job, grid = diagram(view, "map", "svg")
    place_columns = sorted({x for x, _ in grid.boxes})
    assert len(place_columns) == 10  # five steps in each stage's lane
    tiles = wrapped(for_page(render(job), "d-map", grid))[1:]
    # Three bands across and two down (marketing and sales, then service and R&D): the
    # first band has nothing in the lower lanes (the aware stage), the last nothing in
    # the upper ones (support): four of the six parts are printed.
    assert len(tiles) == 4


@pytest.mark.parametrize("kind", ["map", "blueprint", "emotion"])
def test_a_journey_without_touch_points_has_one_tile(make_project: MakeProject, kind: str) -> None:
    empty = "journey:\n  id: e\n  title: E\n  stages: [support]\n  touchpoints: []\n"
    report = check(make_project({"e.yaml": empty}))
    job, grid = diagram(JourneyView(report.project, report.project.journeys[0]), kind, "svg")
    assert len(wrapped(for_page(render(job), f"e-{kind}", grid))) == 2  # the diagram, a tile
