"""The emotion curve: how the customer feels at each touch point, in journey order.

A pinned layout (see :mod:`canvas`): stage bands and the neutral line in the
background, the as-is curve as solid straight edges between points, and the
to-be curve as dashed edges where touch points give ``to_be.emotion``.
"""

from __future__ import annotations

import textwrap

from cxmap.diagrams.canvas import Canvas
from cxmap.diagrams.common import (
    EMOTION_FILL,
    EMOTION_WORDS,
    FLAG_COLOR,
    LANE_FILLS,
    LINE_COLOR,
    JourneyView,
    emotion_colors,
    node_names,
    pinned_graph,
    stage_runs,
)
from cxmap.diagrams.dot import FONT, HtmlLabel, html

LEFT = 110  # the axis labels
STEP = 120  # between touch points
UNIT = 45  # per emotion step
HEADER = 30
CAPTIONS = 60
TO_BE_COLOR = "#01665e"


def build(view: JourneyView) -> str:
    """The DOT source of the emotion curve."""
    journey = view.doc.model
    touchpoints = journey.touchpoints
    names = node_names(touchpoints)
    plot_top, plot_bottom = HEADER, HEADER + 5 * UNIT
    right = LEFT + max(len(touchpoints), 1) * STEP
    canvas = Canvas(right, plot_bottom + CAPTIONS)
    runs = stage_runs(touchpoints)
    for number, (_, first, last) in enumerate(runs):
        x0, x1 = LEFT + first * STEP, LEFT + (last + 1) * STEP
        canvas.rectangle(x0, 0, x1, plot_bottom, LANE_FILLS[number % 2])
    zero = plot_top + 2.5 * UNIT

    def x_of(position: int) -> float:
        return LEFT + (position + 0.5) * STEP

    def y_of(value: int) -> float:
        return zero - value * UNIT

    canvas.line(LEFT, zero, right, zero, "#999999")
    graph = pinned_graph(
        f"{journey.id}-emotion",
        canvas,
        f"{journey.title} — emotion curve",
        node={"fontname": FONT, "fontsize": 9},
        edge={"arrowhead": "none"},
        splines="false",
    )
    for number, (stage, first, last) in enumerate(runs):
        graph.node(
            f"stage-{number}",
            label=HtmlLabel(f"<B>{html(view.stage(stage))}</B>"),
            shape="plaintext",
            fontsize=11,
            pos=canvas.pos(LEFT + (first + last + 1) / 2 * STEP, HEADER / 2),
        )
    for value in sorted(EMOTION_FILL):
        graph.node(
            f"axis{value:+d}",
            label=f"{value:+d} {EMOTION_WORDS[value]}",
            shape="plaintext",
            fontcolor=LINE_COLOR,
            pos=canvas.pos(LEFT / 2, y_of(value)),
        )
    graph.node(
        "key",
        label=HtmlLabel(
            f'&#9679; as is (solid)<BR/><FONT COLOR="{TO_BE_COLOR}">&#9670; to be (dashed)</FONT>'
        ),
        shape="plaintext",
        pos=canvas.pos(LEFT / 2, HEADER / 2),
    )
    previous: str | None = None
    previous_to_be: str | None = None
    for position, touchpoint in enumerate(touchpoints):
        name, x = names[position], x_of(position)
        flagged = bool(view.errors(touchpoint))
        wrapped = textwrap.wrap(touchpoint.name, 18)
        if len(wrapped) > 3:
            wrapped = [*wrapped[:2], wrapped[2] + "…"]
        caption = "<BR/>".join(html(line) for line in wrapped)
        graph.node(
            f"{name}-caption",
            label=HtmlLabel(caption + ("<BR/>&#9888;" if flagged else "")),
            shape="plaintext",
            fontcolor=FLAG_COLOR if flagged else "#000000",
            pos=canvas.pos(x, plot_bottom + CAPTIONS / 2),
            URL=view.url(touchpoint),
            target="_top",
            tooltip=view.tooltip(touchpoint),
        )
        if touchpoint.emotion is not None:
            fill, _ = emotion_colors(touchpoint.emotion)
            graph.node(
                name,
                label="",
                shape="circle",
                width=0.22,
                fixedsize=True,
                style="filled",
                fillcolor=fill,
                color="#000000",
                pos=canvas.pos(x, y_of(touchpoint.emotion)),
                URL=view.url(touchpoint),
                target="_top",
                tooltip=f"{view.tooltip(touchpoint)} (emotion {touchpoint.emotion:+d})",
            )
            if previous is not None:
                graph.edge(previous, name, color="#000000", penwidth=2)
            previous = name
        to_be = touchpoint.to_be.emotion if touchpoint.to_be is not None else None
        if to_be is not None:
            target = f"{name}-to-be"
            graph.node(
                target,
                label="",
                shape="diamond",
                width=0.2,
                height=0.2,
                fixedsize=True,
                style="filled",
                fillcolor=TO_BE_COLOR,
                color=TO_BE_COLOR,
                pos=canvas.pos(x + 10, y_of(to_be)),
                tooltip=f"{touchpoint.name}: target emotion {to_be:+d}",
            )
            if previous_to_be is not None:
                graph.edge(previous_to_be, target, color=TO_BE_COLOR, style="dashed", penwidth=2)
            previous_to_be = target
    return graph.source()
