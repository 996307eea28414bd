"""The service blueprint: one column per touch point, five lanes, three lines.

From top to bottom: physical evidence, customer actions, the line of
interaction, front stage (the touch points), the line of visibility, back stage,
the line of internal interaction, support processes. A pinned layout (see
:mod:`canvas`), so the lanes and lines always run straight across.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from itertools import pairwise

from cxmap.diagrams.canvas import Canvas
from cxmap.diagrams.common import (
    LANE_FILLS,
    LINE_COLOR,
    NODE_WIDTH,
    JourneyView,
    lines,
    next_edges,
    node_names,
    pinned_graph,
    stage_runs,
    touchpoint_node,
)
from cxmap.diagrams.dot import HtmlLabel, html
from cxmap.diagrams.journey_map import estimated_height
from cxmap.model import TouchPoint

LABEL_WIDTH = 150
PITCH = 190
HEADER = 44
LINE_HEIGHT = 26
CELL_WRAP = 24

Items = Callable[[TouchPoint], list[str]]

LANES: list[tuple[str, str, Items | None]] = [
    ("evidence", "Physical evidence", lambda tp: list(tp.physical_evidence)),
    ("customer", "Customer actions", lambda tp: [tp.customer_action] if tp.customer_action else []),
    ("interaction", "line of interaction", None),
    ("front", "Front stage", None),
    ("visibility", "line of visibility", None),
    ("back", "Back stage", lambda tp: list(tp.backstage)),
    ("internal", "line of internal interaction", None),
    ("support", "Support processes", lambda tp: list(tp.support_processes)),
]


def _cell_height(items: list[str]) -> float:
    return 14 + sum(13 * len(textwrap.wrap(item, CELL_WRAP) or [""]) + 4 for item in items)


def _cell_label(items: list[str]) -> HtmlLabel:
    rows = "".join(f"<TR><TD>{lines(item, CELL_WRAP)}</TD></TR>" for item in items)
    return HtmlLabel(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{rows}</TABLE>'
    )


def build(view: JourneyView) -> str:
    """The DOT source of the service blueprint."""
    journey = view.doc.model
    touchpoints = journey.touchpoints
    names = node_names(touchpoints)
    rows: list[tuple[str, str, Items | None, float, float]] = []
    top: float = HEADER
    for key, title, items in LANES:
        if items is None and key != "front":
            height: float = LINE_HEIGHT
        elif items is None:
            height = max((estimated_height(tp) for tp in touchpoints), default=40) + 28
        else:
            height = max((_cell_height(items(tp)) for tp in touchpoints), default=0) + 24
            height = max(height, 48)
        rows.append((key, title, items, top, height))
        top += height
    right = LABEL_WIDTH + max(len(touchpoints), 1) * PITCH
    canvas = Canvas(right, top)
    fills = iter(LANE_FILLS * len(LANES))
    for key, _, items, row_top, height in rows:
        middle = row_top + height / 2
        if items is None and key != "front":
            canvas.line(LABEL_WIDTH - 10, middle, right, middle, LINE_COLOR)
        else:
            canvas.rectangle(0, row_top, right, row_top + height, next(fills), "#c8ced8")
    runs = stage_runs(touchpoints)
    for _, first, _ in runs[1:]:
        x = LABEL_WIDTH + first * PITCH
        canvas.line(x, 0, x, top, "#9aa5b8")

    graph = pinned_graph(f"{journey.id}-blueprint", canvas, f"{journey.title} — service blueprint")
    for number, (stage, first, last) in enumerate(runs):
        graph.node(
            f"stage-{number}",
            label=HtmlLabel(f"<B>{html(view.stage(stage))}</B>"),
            shape="plaintext",
            style="",
            fontsize=13,
            pos=canvas.pos(LABEL_WIDTH + (first + last + 1) / 2 * PITCH, HEADER / 2),
        )
    for key, title, items, row_top, height in rows:
        middle = row_top + height / 2
        is_line = items is None and key != "front"
        graph.node(
            f"{key}-title",
            label=HtmlLabel(f"<I>{html(title)}</I>" if is_line else f"<B>{lines(title, 18)}</B>"),
            shape="plaintext",
            style="",
            fontsize=9 if is_line else 12,
            fontcolor=LINE_COLOR if is_line else "#000000",
            pos=canvas.pos(LABEL_WIDTH / 2, middle),
        )
        if is_line:
            continue
        for position, touchpoint in enumerate(touchpoints):
            where = canvas.pos(LABEL_WIDTH + (position + 0.5) * PITCH, middle)
            if key == "front":
                touchpoint_node(graph, view, touchpoint, names[position], where)
            elif items is not None and items(touchpoint):
                graph.node(
                    f"{key}-{position}",
                    label=_cell_label(items(touchpoint)),
                    fillcolor="white",
                    color="#8a94a6",
                    style="filled",
                    pos=where,
                    width=round(NODE_WIDTH / 72, 3),
                )
    for position, touchpoint in enumerate(touchpoints):
        front = names[position]
        chain = [
            f"customer-{position}" if touchpoint.customer_action else None,
            front,
            f"back-{position}" if touchpoint.backstage else None,
            f"support-{position}" if touchpoint.support_processes else None,
        ]
        present = [name for name in chain if name is not None]
        for upper, lower in pairwise(present):
            graph.edge(upper, lower, color="#8a94a6", arrowsize=0.5)
    next_edges(graph, touchpoints, names)
    return graph.source()
