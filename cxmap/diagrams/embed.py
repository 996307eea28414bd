"""A rendered SVG made ready for a web page: never shown too small, and printable.

On screen a diagram is as wide as its frame, but never smaller than the size at
which its smallest text (:data:`~cxmap.diagrams.common.SMALL` points) is
:data:`LEGIBLE_PX` CSS pixels, nor larger than its natural size. The page's
stylesheet reads both bounds from custom properties on the ``<svg>`` and lets a
wider diagram scroll inside its frame.

On paper the frame cannot scroll, and a whole journey shrunk to the width of a
page would be too small to read. So the diagram is also cut into *tiles* at its
grid (between stages where possible, between lanes), each small enough to print
at :data:`PAPER_SCALE` on a page of A4 landscape; a tile whose cells are all
empty is left out (the first stays: it holds the legend). A tile is a small
``<svg>`` that shows part of the diagram through ``<use>``: the row titles and the
column headings, then its own cells. Nothing is drawn twice; the tiles carry ``hidden``
and ``aria-hidden``, and only the print stylesheet shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cxmap.diagrams.canvas import Grid
from cxmap.diagrams.common import SMALL

PX_PER_PT = 4 / 3
LEGIBLE_PX = 10.5
"""The smallest text of a diagram on screen, in CSS pixels."""
PAPER_SCALE = 0.7
"""The scale tiles print at: the smallest text prints at 7 points."""
PAPER_WIDTH_PX = 1047
"""The printable width of A4 landscape with margins of 10 mm (277 mm), in CSS pixels."""
PAPER_HEIGHT_PX = 640
"""The height a tile may take on such a page: 190 mm, less a line for its heading."""

_OPENING = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"')
_GRAPH = re.compile(
    r'<g id="([^"]+)" class="graph" transform="scale\(1 1\) rotate\(0\) '
    r'translate\(([-\d.]+) ([-\d.]+)\)"'
)

Span = tuple[float, float]


def for_page(svg: bytes, prefix: str, grid: Grid) -> str:
    """The SVG as markup for a page: no XML prolog or comments, ids unique, sized, tiled."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r'\bid="(?!cxmap-)', f'id="{prefix}-', text)
    text = "\n".join(line for line in text.splitlines() if line.strip())
    opening, place = _OPENING.search(text), _placement(text)
    if opening is None or place is None:  # not an SVG of Graphviz's: leave it as it is
        return text
    natural = place.width * PX_PER_PT
    legible = natural * LEGIBLE_PX / (SMALL * PX_PER_PT)
    sizes = (
        f' class="cxmap-svg" style="--cxmap-natural: {natural:.0f}px;'
        f' --cxmap-legible: {legible:.0f}px"'
    )
    text = text[: opening.start()] + opening.group(0)[:-1] + sizes + text[opening.end() - 1 :]
    parts = [(across, down) for across in place.columns(grid) for down in place.rows(grid)]
    tiles = [
        place.tile(f"{prefix}-tile{number}", grid, across, down, first=number == 0)
        for number, (across, down) in enumerate(parts)
        if number == 0 or _holds(grid, across, down)
    ]
    return text + "\n" + "\n".join(tiles)


def split(
    start: float,
    end: float,
    edges: tuple[float, ...],
    room: float,
    preferred: frozenset[float] = frozenset(),
) -> list[Span]:
    """``start`` to ``end`` cut at ``edges`` into as few spans of at most ``room`` as can
    be, as even as can be.

    A gap between edges wider than ``room`` is a span of its own; nothing to split
    (a journey without touch points) is one empty span.
    """
    if end <= start:
        return [(start, end)]
    spans = _greedy(start, end, edges, room, preferred)
    low, high = (end - start) / len(spans), room
    for _ in range(24):  # the smallest room that needs no more spans: the most even ones
        middle = (low + high) / 2
        if len(_greedy(start, end, edges, middle, preferred)) > len(spans):
            low = middle
        else:
            high = middle
    return _greedy(start, end, edges, high, preferred)


def _greedy(
    start: float, end: float, edges: tuple[float, ...], room: float, preferred: frozenset[float]
) -> list[Span]:
    """Spans that end at the farthest edge within reach, or at the farthest preferred
    edge if that still fills half the room."""
    inner = sorted({edge for edge in edges if start < edge < end} | {end})
    spans: list[Span] = []
    while start < end:
        reach = [edge for edge in inner if start < edge <= start + room]
        if not reach:
            reach = [min(edge for edge in inner if edge > start)]
        good = [edge for edge in reach if edge in preferred or edge == end]
        stop = max(good) if good and max(good) - start >= room / 2 else max(reach)
        spans.append((start, stop))
        start = stop
    return spans


def _holds(grid: Grid, across: Span, down: Span) -> bool:
    """Whether anything is drawn in these cells (a grid that says nothing holds all)."""
    return not grid.boxes or any(
        across[0] <= x < across[1] and down[0] <= y < down[1] for x, y in grid.boxes
    )


@dataclass(frozen=True)
class _Placement:
    """Where Graphviz put the canvas in the SVG's user space (points)."""

    graph: str
    """The id of the group that holds the whole drawing."""
    width: float
    height: float
    x: float
    """Where the canvas's left edge is."""
    bottom: float
    """Where the canvas's bottom edge is."""

    def left(self, x: float) -> float:
        return self.x + x

    def top(self, grid: Grid, y: float) -> float:
        return self.bottom - grid.height + y

    def columns(self, grid: Grid) -> list[Span]:
        widest = PAPER_WIDTH_PX / (PAPER_SCALE * PX_PER_PT)
        room = widest - self.left(grid.titles) - self.x
        return split(grid.titles, grid.width, grid.cuts, room, grid.stage_cuts)

    def rows(self, grid: Grid) -> list[Span]:
        tallest = PAPER_HEIGHT_PX / (PAPER_SCALE * PX_PER_PT)
        room = tallest - self.top(grid, grid.header) - (self.height - self.bottom)
        return split(grid.header, grid.height, grid.row_cuts, room)

    def tile(self, name: str, grid: Grid, across: Span, down: Span, first: bool) -> str:
        """One tile: titles, headings and cells ``across`` x ``down`` of the canvas."""
        titles, header = self.left(grid.titles), self.top(grid, grid.header)
        top = 0.0 if first else self.top(grid, 0) - 4
        right = self.width - self.left(grid.width) if across[1] >= grid.width else 8.0
        below = self.height - self.bottom if down[1] >= grid.height else 4.0
        x0, x1 = self.left(across[0]), self.left(across[1]) + right
        y0, y1 = self.top(grid, down[0]), self.top(grid, down[1]) + below
        dx, dy = x0 - titles, y0 - header
        width, height = titles + (x1 - x0), header - top + (y1 - y0)
        parts = [  # clip (x0, y0, x1, y1) of the drawing, and where it moves
            ((0, top, titles, header), (0, 0)),
            ((x0, top, x1, header), (dx, 0)),
            ((0, y0, titles, y1), (0, dy)),
            ((x0, y0, x1, y1), (dx, dy)),
        ]
        clips, uses = [], []
        for number, ((a, b, c, d), (shift_x, shift_y)) in enumerate(parts):
            clips.append(
                f'<clipPath id="{name}-{number}"><rect x="{a:.2f}" y="{b:.2f}"'
                f' width="{c - a:.2f}" height="{d - b:.2f}"/></clipPath>'
            )
            uses.append(
                f'<g transform="translate({-shift_x:.2f} {-shift_y:.2f})">'
                f'<use href="#{self.graph}" clip-path="url(#{name}-{number})"/></g>'
            )
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" class="cxmap-print-tile"'
            f' viewBox="0 {top:.2f} {width:.2f} {height:.2f}"'
            f' width="{width:.0f}pt" height="{height:.0f}pt" hidden="hidden" aria-hidden="true"'
            f' focusable="false" style="--cxmap-paper: {width * PX_PER_PT * PAPER_SCALE:.0f}px">'
            f"<defs>{''.join(clips)}</defs>{''.join(uses)}</svg>"
        )


def _placement(text: str) -> _Placement | None:
    box, graph = _VIEWBOX.search(text), _GRAPH.search(text)
    if box is None or graph is None:
        return None
    return _Placement(
        graph=graph.group(1),
        width=float(box.group(3)),
        height=float(box.group(4)),
        x=float(graph.group(2)),
        bottom=float(graph.group(3)),
    )
