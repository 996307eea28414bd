"""Pinned layouts: positions computed here, backgrounds drawn with xdot operations.

Every view is a grid: a column of row titles on the left, then columns left to
right (stages, steps, touch points). Letting Graphviz place nodes cannot promise
the rows' order or straight columns, so the views put every node at a computed
position, draw the rows as a ``_background`` of rectangles and lines, and leave
only the edges to Graphviz: ``neato -n2`` keeps the positions as given and routes
the edges around the nodes.

Coordinates here are in points and grow downwards from the top-left corner;
Graphviz's grow upwards, so everything is flipped once the height is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cxmap.diagrams.dot import Graph

PINNED = {"overlap": "true", "splines": "true", "sep": "+6", "outputorder": "edgesfirst"}
"""Graph attributes of a pinned layout; render it with ``neato -n2`` (:data:`ENGINE`)."""

ENGINE = "neato-n2"


def _color(operation: str, color: str) -> str:
    return f"{operation} {len(color) + 1} -{color}"


@dataclass(frozen=True)
class Grid:
    """How a drawing's canvas divides into rows and columns, in points.

    Row titles (``0`` to ``titles`` across) and the column headings (``0`` to
    ``header`` down) belong to every part of the drawing; the rest may be cut,
    for print, across at ``cuts`` (best at ``stage_cuts``) and down at ``row_cuts``.
    ``boxes`` are the centres of what is drawn in the cells: a part without any is
    left out.
    """

    titles: float
    header: float
    width: float
    height: float
    cuts: tuple[float, ...] = ()
    stage_cuts: frozenset[float] = frozenset()
    row_cuts: tuple[float, ...] = ()
    boxes: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Drawing:
    """A view's DOT source, and how its canvas divides into rows and columns."""

    source: str
    grid: Grid


@dataclass
class Canvas:
    """A drawing area: background shapes, and the positions of pinned nodes."""

    width: float
    height: float
    shapes: list[tuple[str, list[tuple[float, float]], str, str]] = field(default_factory=list)

    def pos(self, x: float, y: float) -> str:
        """A pinned Graphviz position for the point ``(x, y)`` of this canvas."""
        return f"{x:g},{self.height - y:g}"

    def rectangle(
        self, x0: float, y0: float, x1: float, y1: float, fill: str, stroke: str = ""
    ) -> None:
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        self.shapes.append(("P", corners, fill, stroke or fill))

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str) -> None:
        self.shapes.append(("L", [(x0, y0), (x1, y1)], "", color))

    def background(self) -> str:
        """The shapes as an xdot ``_background`` attribute."""
        operations = []
        for kind, points, fill, stroke in self.shapes:
            coords = " ".join(f"{x:g} {self.height - y:g}" for x, y in points)
            operations.append(_color("c", stroke))
            if fill:
                operations.append(_color("C", fill))
            operations.append(f"{kind} {len(points)} {coords}")
        return " ".join(operations)

    def graph_attributes(self) -> dict[str, str | bool]:
        return {**PINNED, "_background": self.background()}

    def frame(self, graph: Graph) -> None:
        """Invisible corner nodes, so that the drawing's bounds include the background."""
        for name, x, y in (("corner-0", 0, 0), ("corner-1", self.width, self.height)):
            graph.node(name, style="invis", shape="point", width=0.01, pos=self.pos(x, y))
