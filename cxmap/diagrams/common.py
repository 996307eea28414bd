"""What every view needs: names, colours, links and the findings of a journey."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from cxmap.diagrams.canvas import Canvas
from cxmap.diagrams.dot import FONT, Graph, HtmlLabel, Value, html
from cxmap.facts import Kind, display_name
from cxmap.findings import Finding, Severity
from cxmap.model import TouchPoint
from cxmap.project import JourneyDocument, Project

DEFAULT_LINK = "#tp-{touchpoint}"

# ColorBrewer's five-class PuOr: diverging, and distinct for the common forms of
# colour blindness. Orange is negative, purple positive; the number is printed too.
EMOTION_FILL = {-2: "#e66101", -1: "#fdb863", 0: "#f7f7f7", 1: "#b2abd2", 2: "#5e3c99"}
EMOTION_TEXT = {-2: "#000000", -1: "#000000", 0: "#000000", 1: "#000000", 2: "#ffffff"}
EMOTION_WORDS = {-2: "very bad", -1: "bad", 0: "neutral", 1: "good", 2: "great"}
NO_EMOTION_FILL = "#ffffff"
FLAG_COLOR = "#b2182b"
LINE_COLOR = "#4d4d4d"
LANE_FILLS = ("#f2f4f7", "#e6ebf2")
WRAP = 26


@dataclass
class JourneyView:
    """A journey with everything a view looks up while drawing it."""

    project: Project
    doc: JourneyDocument
    findings: list[Finding] = field(default_factory=list)
    link: str = DEFAULT_LINK

    @property
    def journey_id(self) -> str:
        return self.doc.model.id

    def _title(self, kind: Kind, key: str | None) -> str:
        return display_name(self.project, kind, key)

    def team(self, key: str | None) -> str:
        return self._title("team", key)

    def stage(self, key: str | None) -> str:
        return self._title("stage", key)

    def department(self, key: str | None) -> str:
        return self._title("department", key)

    def channel(self, key: str) -> str:
        return self._title("channel", key)

    def errors(self, touchpoint: TouchPoint) -> list[Finding]:
        return [
            finding
            for finding in self.findings
            if finding.touchpoint == touchpoint.id and finding.severity is Severity.ERROR
        ]

    def url(self, touchpoint: TouchPoint) -> str:
        return self.link.format(journey=self.journey_id, touchpoint=touchpoint.id)

    def tooltip(self, touchpoint: TouchPoint) -> str:
        expectation = touchpoint.expectation
        if expectation is None or expectation.is_empty:
            return f"{touchpoint.name}: no expectation stated"
        return f"{touchpoint.name}. The customer expects: {expectation}"


def node_names(touchpoints: list[TouchPoint]) -> list[str]:
    """A unique, readable node name per touch point (duplicate ids get a suffix)."""
    names: list[str] = []
    for touchpoint in touchpoints:
        name, count = f"tp-{touchpoint.id}", 2
        while name in names:
            name, count = f"tp-{touchpoint.id}-{count}", count + 1
        names.append(name)
    return names


def lines(text: str, width: int = WRAP) -> str:
    """User text wrapped to ``width`` and escaped, lines joined by ``<BR/>``."""
    return "<BR/>".join(html(line) for line in textwrap.wrap(text, width) or [""])


def emotion_colors(emotion: int | None) -> tuple[str, str]:
    if emotion is None:
        return NO_EMOTION_FILL, "#000000"
    return EMOTION_FILL[emotion], EMOTION_TEXT[emotion]


def legend(title: str) -> HtmlLabel:
    """The diagram's title and the emotion key, as an HTML-like graph label."""
    cells = "".join(
        f'<TD BGCOLOR="{EMOTION_FILL[value]}"><FONT COLOR="{EMOTION_TEXT[value]}" '
        f'POINT-SIZE="9">{value:+d} {EMOTION_WORDS[value]}</FONT></TD>'
        for value in sorted(EMOTION_FILL)
    )
    return HtmlLabel(
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">'
        '<TR><TD COLSPAN="7" BORDER="0">'
        f'<FONT POINT-SIZE="16"><B>{html(title)}</B></FONT></TD></TR>'
        f'<TR><TD BORDER="0"><FONT POINT-SIZE="9">Emotion:</FONT></TD>{cells}'
        f'<TD BORDER="0"><FONT POINT-SIZE="9" COLOR="{FLAG_COLOR}">'
        "&#9888; = error findings</FONT></TD></TR></TABLE>"
    )


GRAPH_FONT = {"fontname": FONT}
BOX_NODES: dict[str, Value] = {
    "fontname": FONT,
    "fontsize": 10,
    "shape": "box",
    "style": "rounded,filled",
}
ARROWS: dict[str, Value] = {"color": LINE_COLOR, "arrowsize": 0.7, "penwidth": 1.2}


def pinned_graph(
    name: str,
    canvas: Canvas,
    title: str,
    node: dict[str, Value] = BOX_NODES,
    edge: dict[str, Value] = ARROWS,
    **graph: Value,
) -> Graph:
    """A view's graph: its canvas, title and emotion key, and the canvas's corners."""
    created = Graph(
        name,
        {
            **GRAPH_FONT,
            **canvas.graph_attributes(),
            **graph,
            "labelloc": "t",
            "label": legend(title),
            "bgcolor": "white",
            "pad": 0.3,
        },
        node,
        edge,
    )
    canvas.frame(created)
    return created


def node_label(view: JourneyView, touchpoint: TouchPoint) -> HtmlLabel:
    rows = [f"<B>{lines(touchpoint.name, 24)}</B>"]
    small = '<FONT POINT-SIZE="9">{}</FONT>'
    rows.append(small.format(html(view.team(touchpoint.owner) or "no owner")))
    if touchpoint.channels:
        channels = ", ".join(view.channel(channel) for channel in touchpoint.channels)
        rows.append(small.format(lines(channels, 28)))
    if touchpoint.emotion is not None:
        rows.append(small.format(f"emotion {touchpoint.emotion:+d}"))
    errors = view.errors(touchpoint)
    if errors:
        names = sorted({finding.code for finding in errors})
        rows.append(f'<FONT POINT-SIZE="9"><B>&#9888; {html(", ".join(names))}</B></FONT>')
    body = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return HtmlLabel(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>'
    )


NODE_WIDTH = 160
"""Points; the map and the blueprint draw touch points this wide."""


def touchpoint_node(
    graph: Graph, view: JourneyView, touchpoint: TouchPoint, name: str, where: str
) -> None:
    """A touch point's box: coloured by emotion, flagged by errors, linked, explained."""
    fill, text = emotion_colors(touchpoint.emotion)
    flagged = bool(view.errors(touchpoint))
    graph.node(
        name,
        label=node_label(view, touchpoint),
        fillcolor=fill,
        fontcolor=text,
        color=FLAG_COLOR if flagged else "#333333",
        penwidth=3 if flagged else 1,
        width=round(NODE_WIDTH / 72, 3),
        pos=where,
        URL=view.url(touchpoint),
        target="_top",
        tooltip=view.tooltip(touchpoint),
    )


def stage_runs(touchpoints: list[TouchPoint]) -> list[tuple[str, int, int]]:
    """Consecutive touch points of one stage, as (stage, first index, last index)."""
    runs: list[tuple[str, int, int]] = []
    for position, touchpoint in enumerate(touchpoints):
        if runs and runs[-1][0] == touchpoint.stage:
            runs[-1] = (touchpoint.stage, runs[-1][1], position)
        else:
            runs.append((touchpoint.stage, position, position))
    return runs


def next_edges(graph: Graph, touchpoints: list[TouchPoint], names: list[str]) -> None:
    """An arrow for every ``next`` that names a touch point of the journey."""
    index = {touchpoint.id: position for position, touchpoint in enumerate(touchpoints)}
    for position, touchpoint in enumerate(touchpoints):
        for following in touchpoint.next:
            target = index.get(following)
            if target is not None:
                graph.edge(names[position], names[target])
