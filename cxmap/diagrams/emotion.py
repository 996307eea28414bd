"""The emotion curve: how the customer feels at each touch point, in journey order.

A pinned layout (see :mod:`canvas`): stage bands and the neutral line in the
background, today's curve as solid straight edges between points, and the target
curve as dashed edges between neighbouring touch points that give
``to_be.emotion``. A touch point that states no emotion is drawn as a question
mark, and the curve is broken there rather than drawn through: nobody knows how
the customer feels at that step.
"""

from __future__ import annotations

from cxmap.diagrams.canvas import Canvas, Drawing, Grid
from cxmap.diagrams.common import (
    EMOTION_FILL,
    EMOTION_WORDS,
    ERROR_MARK,
    FLAG,
    FLAG_COLOR,
    LANE_FILLS,
    LINE_COLOR,
    MOMENT_OF_TRUTH,
    MOMENT_OF_TRUTH_MARK,
    SMALL,
    STAGE,
    TARGET_COLOR,
    UNKNOWN,
    JourneyView,
    Mark,
    characters,
    emotion_colors,
    emotion_words,
    heading,
    heading_height,
    legend,
    line_height,
    node_names,
    pinned_graph,
    stage_runs,
    wrap,
)
from cxmap.diagrams.dot import FONT, HtmlLabel, html
from cxmap.model import TouchPoint

LEFT = 110
"""Points: the column of axis labels."""
STEP = 120
"""Points between touch points."""
UNIT = 45
"""Points per step of emotion."""
TODAY_MARK: Mark = ("&#9679;", "today (solid line)")
TARGET_MARK: Mark = (f'<FONT COLOR="{TARGET_COLOR}">&#9670;</FONT>', "target (dashed line)")
CAPTION_WRAP = characters(STEP - 10, SMALL)


def caption(view: JourneyView, touchpoint: TouchPoint) -> tuple[HtmlLabel, int]:
    """The touch point's name under the curve, whole, and its number of lines."""
    rows = [html(line) for line in wrap(touchpoint.name, CAPTION_WRAP)]
    if touchpoint.moment_of_truth:
        rows.insert(0, f"<B>{MOMENT_OF_TRUTH} moment of truth</B>")
    if touchpoint.emotion is None:
        rows.append(f"<I>{emotion_words(None)}</I>")
    if view.errors(touchpoint):
        rows.append(f"{FLAG} {html(', '.join(sorted({f.code for f in view.errors(touchpoint)})))}")
    return HtmlLabel("<BR/>".join(rows)), len(rows)


def build(view: JourneyView) -> Drawing:
    """The DOT source of the emotion curve."""
    journey = view.doc.model
    touchpoints = view.touchpoints
    names = node_names(touchpoints)
    runs = stage_runs(touchpoints)
    stage_labels = [
        heading(view.stage(stage), (last - first + 1) * STEP) for stage, first, last in runs
    ]
    header = heading_height(max((count for _, count in stage_labels), default=1), STAGE)
    captions = [caption(view, touchpoint) for touchpoint in touchpoints]
    caption_height = max((count for _, count in captions), default=1) * line_height(SMALL) + 24
    plot_top, plot_bottom = header, header + 5 * UNIT
    right = LEFT + max(len(touchpoints), 1) * STEP
    canvas = Canvas(right, plot_bottom + caption_height)
    for number, (_, first, last) in enumerate(runs):
        x0, x1 = LEFT + first * STEP, LEFT + (last + 1) * STEP
        canvas.rectangle(x0, 0, x1, canvas.height, LANE_FILLS[number % 2])
    zero = plot_top + 2.5 * UNIT

    def x_of(position: int) -> float:
        return LEFT + (position + 0.5) * STEP

    def y_of(value: int) -> float:
        return zero - value * UNIT

    canvas.line(LEFT, zero, right, zero, "#999999")
    targets = [tp.to_be.emotion if tp.to_be is not None else None for tp in touchpoints]
    marks = [TODAY_MARK]
    if any(value is not None for value in targets):
        marks.append(TARGET_MARK)
    marks += [MOMENT_OF_TRUTH_MARK, ERROR_MARK]
    graph = pinned_graph(
        f"{journey.id}-emotion",
        canvas,
        legend(f"{journey.title} — emotion curve", marks),
        node={"fontname": FONT, "fontsize": SMALL},
        edge={"arrowhead": "none"},
        splines="false",
    )
    for number, ((label, _), (_, first, last)) in enumerate(zip(stage_labels, runs, strict=True)):
        graph.node(
            f"stage-{number}",
            label=label,
            shape="plaintext",
            fontsize=STAGE,
            pos=canvas.pos(LEFT + (first + last + 1) / 2 * STEP, header / 2),
        )
    for value in sorted(EMOTION_FILL):
        graph.node(
            f"axis{value:+d}",
            label=f"{value:+d} {EMOTION_WORDS[value]}",
            shape="plaintext",
            fontcolor=LINE_COLOR,
            pos=canvas.pos(LEFT / 2, y_of(value)),
        )
    previous: str | None = None
    previous_target: str | None = None
    for position, touchpoint in enumerate(touchpoints):
        name, x = names[position], x_of(position)
        flagged = bool(view.errors(touchpoint))
        label, _ = captions[position]
        graph.node(
            f"{name}-caption",
            label=label,
            shape="plaintext",
            fontcolor=FLAG_COLOR if flagged else "#000000",
            pos=canvas.pos(x, plot_bottom + caption_height / 2),
            URL=view.url(touchpoint),
            target="_top",
            tooltip=view.tooltip(touchpoint),
        )
        emotion = touchpoint.emotion
        link = {"URL": view.url(touchpoint), "target": "_top"}
        if emotion is None:
            graph.node(
                name,
                label=UNKNOWN,
                shape="circle",
                width=0.28,
                fixedsize=True,
                style="dashed,filled",
                fillcolor="white",
                color=LINE_COLOR,
                fontcolor=LINE_COLOR,
                pos=canvas.pos(x, zero),
                tooltip=f"{touchpoint.name}: {emotion_words(None)} (not stated)",
                **link,
            )
            previous = None
        else:
            fill, _ = emotion_colors(emotion)
            graph.node(
                name,
                label="",
                shape="circle",
                width=0.22,
                fixedsize=True,
                style="filled",
                fillcolor=fill,
                color="#000000",
                pos=canvas.pos(x, y_of(emotion)),
                tooltip=f"{view.tooltip(touchpoint)} ({emotion_words(emotion)})",
                **link,
            )
            if previous is not None:
                graph.edge(previous, name, color="#000000", penwidth=2)
            previous = name
        target = targets[position]
        if target is None:
            previous_target = None
            continue
        diamond = f"{name}-to-be"
        graph.node(
            diamond,
            label="",
            shape="diamond",
            width=0.2,
            height=0.2,
            fixedsize=True,
            style="filled",
            fillcolor=TARGET_COLOR,
            color=TARGET_COLOR,
            pos=canvas.pos(x + 10, y_of(target)),
            tooltip=f"{touchpoint.name}: target emotion {target:+d}",
        )
        if previous_target is not None:
            graph.edge(previous_target, diamond, color=TARGET_COLOR, style="dashed", penwidth=2)
        previous_target = diamond
    cuts = tuple(LEFT + number * STEP for number in range(1, len(touchpoints)))
    stage_cuts = frozenset(LEFT + first * STEP for _, first, _ in runs[1:])
    boxes = tuple((x_of(position), zero) for position in range(len(touchpoints)))
    grid = Grid(LEFT, header, right, canvas.height, cuts, stage_cuts, boxes=boxes)
    return Drawing(graph.source(), grid)
