"""The journey map: stages as columns, departments as swimlanes, touch points as boxes.

Positions are computed here (see :mod:`canvas`). Lanes are the departments the
journey uses, in the organisation's order, each as tall as its tallest stack of
boxes. Inside a stage, a touch point goes one column to the right of the touch
points of its own lane that come before it along ``next``, so a lane reads left
to right; a step into another lane may stay in the same column, which keeps the
map as narrow as the flow allows. Touch points in the same lane and column are stacked
in the order the customer meets them.
"""

from __future__ import annotations

from dataclasses import replace

from cxmap.diagrams.canvas import Canvas, Drawing, Grid
from cxmap.diagrams.common import (
    CHANGE_MARK,
    ERROR_MARK,
    INTERNAL_MARK,
    LANE_FILLS,
    LANE_STROKE,
    MOMENT_OF_TRUTH_MARK,
    NEXT_MARK,
    STAGE,
    STAGE_LINE,
    JourneyView,
    heading,
    heading_height,
    legend,
    next_edges,
    node_height,
    node_names,
    pinned_graph,
    row_title,
    touchpoint_node,
)
from cxmap.facts import journey_stages
from cxmap.model import TouchPoint

NO_DEPARTMENT = ""
TITLES = 150
"""Points: the column of lane titles."""
PITCH = 200
"""Points between the centres of two columns."""
GAP = 18
"""Points between stacked boxes, and above and below them in a lane."""


def lane_of(view: JourneyView, touchpoint: TouchPoint) -> str:
    return view.project.department_of(touchpoint) or NO_DEPARTMENT


def lanes(view: JourneyView) -> list[str]:
    """Departments with touch points, in the organisation's order; unknown ones last."""
    used = [lane_of(view, tp) for tp in view.doc.model.touchpoints]
    org = view.project.organization
    known = [d.id for d in org.model.departments] if org is not None else []
    return [d for d in known if d in used] + sorted(set(used) - set(known))


def steps(view: JourneyView, ordered: list[TouchPoint]) -> list[int]:
    """Each touch point's column within its stage (see the module's docstring).

    A touch point is one column to the right of every touch point of its own lane
    that comes before it along ``next`` inside the stage, however far back.
    """
    step = [0] * len(ordered)
    before: list[set[int]] = [set() for _ in ordered]
    for position, touchpoint in enumerate(ordered):
        for earlier in range(position):
            previous = ordered[earlier]
            if previous.stage == touchpoint.stage and touchpoint.id in previous.next:
                before[position] |= before[earlier] | {earlier}
        lane = lane_of(view, touchpoint)
        for earlier in before[position]:
            same_lane = lane_of(view, ordered[earlier]) == lane
            step[position] = max(step[position], step[earlier] + (1 if same_lane else 0))
    return step


def build(view: JourneyView) -> Drawing:
    """The journey map (today's state, or the target state when ``view.target``)."""
    journey = view.doc.model
    ordered = view.touchpoints
    names = node_names(ordered)
    stages = journey_stages(journey)
    step = steps(view, ordered)

    starts: list[int] = []
    column = [0] * len(ordered)
    offset = 0
    for stage in stages:
        starts.append(offset)
        members = [i for i, tp in enumerate(ordered) if tp.stage == stage]
        for i in members:
            column[i] = offset + step[i]
        offset += max((step[i] for i in members), default=0) + 1
    spans = [end - start for start, end in zip(starts, [*starts[1:], offset], strict=True)]

    right = TITLES + max(offset, 1) * PITCH
    stage_labels = [
        heading(view.stage(stage), span * PITCH) for stage, span in zip(stages, spans, strict=True)
    ]
    header = heading_height(max((count for _, count in stage_labels), default=1), STAGE)

    top = header
    placed: dict[int, tuple[float, float]] = {}
    lane_boxes: list[tuple[str, float, float]] = []
    for lane in lanes(view):
        cells: dict[int, list[int]] = {}
        for i, touchpoint in enumerate(ordered):
            if lane_of(view, touchpoint) == lane:
                cells.setdefault(column[i], []).append(i)
        height = GAP + max(
            sum(node_height(view, ordered[i]) + GAP for i in cell) for cell in cells.values()
        )
        for col, cell in cells.items():
            y = top + GAP
            for i in cell:
                tall = node_height(view, ordered[i])
                placed[i] = (TITLES + (col + 0.5) * PITCH, y + tall / 2)
                y += tall + GAP
        lane_boxes.append((lane, top, height))
        top += height

    canvas = Canvas(right, top)
    for number, (_, lane_top, height) in enumerate(lane_boxes):
        canvas.rectangle(0, lane_top, right, lane_top + height, LANE_FILLS[number % 2], LANE_STROKE)
    for start in starts[1:]:
        x = TITLES + start * PITCH
        canvas.line(x, 0, x, top, STAGE_LINE)

    state = "target map" if view.target else "journey map"
    marks = [MOMENT_OF_TRUTH_MARK, INTERNAL_MARK, NEXT_MARK, ERROR_MARK]
    if view.target:
        marks.insert(0, CHANGE_MARK)
    graph = pinned_graph(
        f"{journey.id}-{'target' if view.target else 'map'}",
        canvas,
        legend(f"{journey.title} — {state}", marks),
    )
    for number, ((label, _), start, span) in enumerate(
        zip(stage_labels, starts, spans, strict=True)
    ):
        graph.node(
            f"stage-{number}",
            label=label,
            shape="plaintext",
            style="",
            fontsize=STAGE,
            pos=canvas.pos(TITLES + (start + span / 2) * PITCH, header / 2),
        )
    for number, (lane, lane_top, height) in enumerate(lane_boxes):
        title = view.department(lane) if lane else "No department"
        row_title(graph, f"lane-{number}", title, canvas.pos(TITLES / 2, lane_top + height / 2))
    for i, touchpoint in enumerate(ordered):
        touchpoint_node(graph, view, touchpoint, names[i], canvas.pos(*placed[i]))
    next_edges(graph, ordered, names)
    cuts = tuple(TITLES + number * PITCH for number in range(1, offset))
    stage_cuts = frozenset(TITLES + start * PITCH for start in starts[1:])
    rows = tuple(lane_top for _, lane_top, _ in lane_boxes[1:])
    boxes = tuple(placed[i] for i in range(len(ordered)))
    grid = Grid(TITLES, header, right, top, cuts, stage_cuts, rows, boxes)
    return Drawing(graph.source(), grid)


def build_target(view: JourneyView) -> Drawing:
    """The journey map of the target state (``to_be``), marking what changes."""
    return build(replace(view, target=True))
