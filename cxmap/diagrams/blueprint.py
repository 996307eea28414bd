"""The service blueprint: one column per touch point, five lanes, three lines.

From top to bottom: physical evidence, customer actions, the line of
interaction, front stage (the touch points), the line of visibility, back stage,
the line of internal interaction, support processes. Columns follow the order in
which the customer meets the touch points (stages, then ``next``). A pinned
layout (see :mod:`canvas`), so the lanes and lines always run straight across.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from cxmap.diagrams.canvas import Canvas, Drawing, Grid
from cxmap.diagrams.common import (
    ERROR_MARK,
    INTERNAL_MARK,
    LANE_FILLS,
    LANE_STROKE,
    LINE_COLOR,
    MOMENT_OF_TRUTH_MARK,
    NEXT_MARK,
    NODE_WIDTH,
    SMALL,
    STAGE,
    STAGE_LINE,
    JourneyView,
    characters,
    heading,
    heading_height,
    legend,
    line_height,
    lines,
    next_edges,
    node_height,
    node_names,
    pinned_graph,
    row_title,
    stage_runs,
    touchpoint_node,
    wrap,
)
from cxmap.diagrams.dot import HtmlLabel
from cxmap.model import TouchPoint

TITLES = 150
PITCH = 190
LINE_HEIGHT = 26
CELL_WRAP = characters(NODE_WIDTH - 12, SMALL)
GAP = 14

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
    if not items:
        return 0
    text = sum(len(wrap(item, CELL_WRAP)) * line_height(SMALL) + 6 for item in items)
    return text + 2 + 2 * 0.04 * 72 + 4


def _cell_label(items: list[str]) -> HtmlLabel:
    rows = "".join(f"<TR><TD>{lines(item, CELL_WRAP)}</TD></TR>" for item in items)
    return HtmlLabel(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{rows}</TABLE>'
    )


def build(view: JourneyView) -> Drawing:
    """The DOT source of the service blueprint."""
    journey = view.doc.model
    touchpoints = view.touchpoints
    names = node_names(touchpoints)
    runs = stage_runs(touchpoints)
    stage_labels = [
        heading(view.stage(stage), (last - first + 1) * PITCH) for stage, first, last in runs
    ]
    header = heading_height(max((count for _, count in stage_labels), default=1), STAGE)

    rows: list[tuple[str, str, Items | None, float, float]] = []
    top = header
    for key, title, items in LANES:
        if items is None and key != "front":
            height: float = LINE_HEIGHT
        elif items is None:
            height = max((node_height(view, tp) for tp in touchpoints), default=40) + 2 * GAP
        else:
            tallest = max((_cell_height(items(tp)) for tp in touchpoints), default=0)
            height = max(tallest + 2 * GAP, 44)
        rows.append((key, title, items, top, height))
        top += height
    right = TITLES + max(len(touchpoints), 1) * PITCH
    canvas = Canvas(right, top)
    fills = iter(LANE_FILLS * len(LANES))
    for key, _, items, row_top, height in rows:
        middle = row_top + height / 2
        if items is None and key != "front":
            canvas.line(TITLES - 10, middle, right, middle, LINE_COLOR)
        else:
            canvas.rectangle(0, row_top, right, row_top + height, next(fills), LANE_STROKE)
    for _, first, _ in runs[1:]:
        x = TITLES + first * PITCH
        canvas.line(x, 0, x, top, STAGE_LINE)

    graph = pinned_graph(
        f"{journey.id}-blueprint",
        canvas,
        legend(
            f"{journey.title} — service blueprint",
            [MOMENT_OF_TRUTH_MARK, INTERNAL_MARK, NEXT_MARK, ERROR_MARK],
        ),
    )
    for number, ((label, _), (_, first, last)) in enumerate(zip(stage_labels, runs, strict=True)):
        graph.node(
            f"stage-{number}",
            label=label,
            shape="plaintext",
            style="",
            fontsize=STAGE,
            pos=canvas.pos(TITLES + (first + last + 1) / 2 * PITCH, header / 2),
        )
    for key, title, items, row_top, height in rows:
        middle = row_top + height / 2
        is_line = items is None and key != "front"
        row_title(graph, f"{key}-title", title, canvas.pos(TITLES / 2, middle), italic=is_line)
        if is_line:
            continue
        for position, touchpoint in enumerate(touchpoints):
            where = canvas.pos(TITLES + (position + 0.5) * PITCH, middle)
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
                    margin="0.06,0.04",
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
    cuts = tuple(TITLES + number * PITCH for number in range(1, len(touchpoints)))
    stage_cuts = frozenset(TITLES + first * PITCH for _, first, _ in runs[1:])
    row_cuts = tuple(row_top for _, _, _, row_top, _ in rows[1:])
    boxes = tuple(
        (TITLES + (position + 0.5) * PITCH, row_top + height / 2)
        for key, _, items, row_top, height in rows
        for position, touchpoint in enumerate(touchpoints)
        if key == "front" or (items is not None and items(touchpoint))
    )
    grid = Grid(TITLES, header, right, top, cuts, stage_cuts, row_cuts, boxes)
    return Drawing(graph.source(), grid)
