"""The journey map: stages as columns, departments as swimlanes, touch points as nodes.

Positions are computed here (see :mod:`canvas`): the lanes follow the
organisation's order and the columns line up. A stage whose touch points follow
each other along ``next`` gets one sub-column per step, so the flow inside a
stage reads left to right; touch points at the same step of the same lane and
stage are stacked.
"""

from __future__ import annotations

from cxmap.diagrams.canvas import Canvas
from cxmap.diagrams.common import (
    LANE_FILLS,
    JourneyView,
    lines,
    next_edges,
    node_names,
    pinned_graph,
    touchpoint_node,
)
from cxmap.diagrams.dot import HtmlLabel, html
from cxmap.model import TouchPoint

NO_DEPARTMENT = ""


def _depths(touchpoints: list[TouchPoint]) -> dict[int, int]:
    """Each touch point's column within its stage: its longest ``next`` path in the stage."""
    index = {touchpoint.id: position for position, touchpoint in enumerate(touchpoints)}
    depth = dict.fromkeys(range(len(touchpoints)), 0)
    for _ in range(len(touchpoints)):  # at most n rounds; cycles stop growing then
        changed = False
        for position, touchpoint in enumerate(touchpoints):
            for following in touchpoint.next:
                target = index.get(following)
                if target is None or touchpoints[target].stage != touchpoint.stage:
                    continue
                if target != position and depth[target] < depth[position] + 1:
                    depth[target] = min(depth[position] + 1, len(touchpoints))
                    changed = True
        if not changed:
            break
    return depth


MAX_STEPS = 8
"""Sub-columns a stage may take; longer flows wrap to the stage's first column."""


def columns(view: JourneyView) -> tuple[list[str], list[int], list[int]]:
    """The stages drawn, each one's first column, and each touch point's column."""
    touchpoints = view.doc.model.touchpoints
    stages = list(dict.fromkeys([*view.doc.model.stages, *(tp.stage for tp in touchpoints)]))
    depth = _depths(touchpoints)
    starts, column = [], [0] * len(touchpoints)
    offset = 0
    for stage in stages:
        starts.append(offset)
        members = [i for i, tp in enumerate(touchpoints) if tp.stage == stage]
        for i in members:
            column[i] = offset + depth[i] % MAX_STEPS
        offset += min(max((depth[i] for i in members), default=0) + 1, MAX_STEPS)
    return stages, starts, column


def lanes(view: JourneyView) -> list[str]:
    """Departments with touch points, in the organisation's order; unknown ones last."""
    used = [view.project.department_of(tp) or NO_DEPARTMENT for tp in view.doc.model.touchpoints]
    org = view.project.organization
    known = [d.id for d in org.model.departments] if org is not None else []
    return [d for d in known if d in used] + sorted(set(used) - set(known))


LABEL_WIDTH = 150
PITCH = 210
HEADER = 44
PADDING = 28


def estimated_height(touchpoint: TouchPoint) -> float:
    """Roughly how tall :func:`node_label` makes the node, in points."""
    small_lines = 1 + (1 if touchpoint.emotion is not None else 0)
    if touchpoint.channels:
        small_lines += len(", ".join(touchpoint.channels)) // 24 + 1
    name_lines = len(touchpoint.name) // 20 + 1
    return 20 + 14 * name_lines + 12 * small_lines


def build(view: JourneyView) -> str:
    """The DOT source of the journey map."""
    journey = view.doc.model
    touchpoints = journey.touchpoints
    names = node_names(touchpoints)
    stages, starts, column = columns(view)
    width = max([*column, *starts, -1]) + 1
    lane_ids = lanes(view)
    lane_of = [view.project.department_of(tp) or NO_DEPARTMENT for tp in touchpoints]

    right = LABEL_WIDTH + max(width, 1) * PITCH
    top: float = HEADER
    placed: dict[int, tuple[float, float]] = {}
    lane_boxes: list[tuple[str, float, float]] = []
    for lane in lane_ids:
        members = [i for i in range(len(touchpoints)) if lane_of[i] == lane]
        cells: dict[int, list[int]] = {}
        for i in members:
            cells.setdefault(column[i], []).append(i)
        row = max(estimated_height(touchpoints[i]) for i in members) + PADDING
        height = max(len(cell) for cell in cells.values()) * row + PADDING
        for col, cell in cells.items():
            for level, i in enumerate(cell):
                placed[i] = (LABEL_WIDTH + (col + 0.5) * PITCH, top + (level + 0.5) * row + 14)
        lane_boxes.append((lane, top, height))
        top += height
    canvas = Canvas(right, top)
    for number, (_, lane_top, height) in enumerate(lane_boxes):
        canvas.rectangle(0, lane_top, right, lane_top + height, LANE_FILLS[number % 2], "#c8ced8")
    for start in starts[1:]:
        x = LABEL_WIDTH + start * PITCH
        canvas.line(x, 0, x, top, "#9aa5b8")

    graph = pinned_graph(f"{journey.id}-map", canvas, f"{journey.title} — journey map")
    for number, (stage, start, span) in enumerate(
        zip(stages, starts, _spans(starts, width), strict=True)
    ):
        graph.node(
            f"stage-{number}",
            label=HtmlLabel(f"<B>{html(view.stage(stage))}</B>"),
            shape="plaintext",
            style="",
            fontsize=13,
            pos=canvas.pos(LABEL_WIDTH + (start + span / 2) * PITCH, HEADER / 2),
        )
    for number, (lane, lane_top, height) in enumerate(lane_boxes):
        title = view.department(lane) if lane else "No department"
        graph.node(
            f"lane-{number}",
            label=HtmlLabel(f"<B>{lines(title, 18)}</B>"),
            shape="plaintext",
            style="",
            fontsize=12,
            pos=canvas.pos(LABEL_WIDTH / 2, lane_top + height / 2),
        )
    for i, touchpoint in enumerate(touchpoints):
        touchpoint_node(graph, view, touchpoint, names[i], canvas.pos(*placed[i]))
    next_edges(graph, touchpoints, names)
    return graph.source()


def _spans(starts: list[int], width: int) -> list[int]:
    ends = [*starts[1:], width]
    return [end - start for start, end in zip(starts, ends, strict=True)]
