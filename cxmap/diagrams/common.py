"""What every view needs: names, colours, text sizes, marks, links and the findings of a journey."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

from cxmap.diagrams.canvas import Canvas
from cxmap.diagrams.dot import FONT, Graph, HtmlLabel, Value, html
from cxmap.facts import (
    Kind,
    display_name,
    journey_order,
    target_changes,
    target_channels,
    target_emotion,
)
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
TARGET_COLOR = "#01665e"
LANE_FILLS = ("#f2f4f7", "#e6ebf2")
LANE_STROKE = "#c8ced8"
STAGE_LINE = "#9aa5b8"

# Text sizes in points. Every text of every view is SMALL or larger: the handbook
# never shows a diagram so small that SMALL drops below a legible size on screen.
SMALL = 10
NAME = 11
ROW_TITLE = 12
STAGE = 13
TITLE = 16

MOMENT_OF_TRUTH = "&#9733;"
"""The star that marks a moment of truth."""
FLAG = "&#9888;"
"""The warning sign that marks error findings."""
CHANGE = "&#916;"
"""The delta that marks what the target state changes."""
UNKNOWN = "?"
"""Shown where a touch point states no emotion."""


@dataclass
class JourneyView:
    """A journey with everything a view looks up while drawing it."""

    project: Project
    doc: JourneyDocument
    findings: list[Finding] = field(default_factory=list)
    link: str = DEFAULT_LINK
    target: bool = False
    """Draw the target state (``to_be``) instead of today's, marking what changes."""

    @property
    def journey_id(self) -> str:
        return self.doc.model.id

    @property
    def touchpoints(self) -> list[TouchPoint]:
        """The touch points in the order the customer meets them."""
        return journey_order(self.doc.model)

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

    def emotion_of(self, touchpoint: TouchPoint) -> int | None:
        return target_emotion(touchpoint) if self.target else touchpoint.emotion

    def channels_of(self, touchpoint: TouchPoint) -> list[str]:
        return target_channels(touchpoint) if self.target else list(touchpoint.channels)

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


# -- text ------------------------------------------------------------------------------


def wrap(text: str, width: int) -> list[str]:
    """User text in lines of at most ``width`` characters (long words are cut)."""
    return textwrap.wrap(" ".join(text.split()), max(width, 4)) or [""]


def lines(text: str, width: int) -> str:
    """User text wrapped to ``width`` characters and escaped, lines joined by ``<BR/>``."""
    return "<BR/>".join(html(line) for line in wrap(text, width))


def characters(space: float, size: float, bold: bool = False) -> int:
    """How many characters of text at ``size`` points fit in ``space`` points, at worst.

    DejaVu Sans, the font the diagrams ask for, is among the widest of the common
    sans-serif fonts: what fits in it fits in the fallbacks too.
    """
    return max(int(space / (size * (0.66 if bold else 0.6))), 4)


def line_height(size: float) -> float:
    """The height of one line of text at ``size`` points, as Graphviz lays it out.

    Measured on Graphviz's output for DejaVu Sans, rounded up: an estimate a
    little too tall leaves a little space, one too short makes boxes overlap."""
    return math.ceil(size) + 1


def sized(text: str, size: int, bold: bool = False) -> str:
    """Markup for text at ``size`` points."""
    inner = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size}">{inner}</FONT>'


def emotion_colors(emotion: int | None) -> tuple[str, str]:
    if emotion is None:
        return NO_EMOTION_FILL, "#000000"
    return EMOTION_FILL[emotion], EMOTION_TEXT[emotion]


def emotion_words(emotion: int | None) -> str:
    return f"emotion {UNKNOWN}" if emotion is None else f"emotion {emotion:+d}"


# -- the legend --------------------------------------------------------------------------

Mark = tuple[str, str]
"""A mark of a view and what it means, both as label markup."""

MOMENT_OF_TRUTH_MARK: Mark = (MOMENT_OF_TRUTH, "moment of truth")
ERROR_MARK: Mark = (f'<FONT COLOR="{FLAG_COLOR}">{FLAG}</FONT>', "error findings (codes)")
INTERNAL_MARK: Mark = ("- - -", "dashed box: internal touch point, serving a team")
NEXT_MARK: Mark = ("&#8594;", "next touch point")
CHANGE_MARK: Mark = (CHANGE, "what the target state changes (today &#8594; target)")


def legend(title: str, marks: list[Mark]) -> HtmlLabel:
    """The diagram's title, the emotion key and what each of the view's marks means."""
    emotions = "".join(
        f'<TD BGCOLOR="{EMOTION_FILL[value]}" BORDER="1">'
        f'<FONT COLOR="{EMOTION_TEXT[value]}">{value:+d} {EMOTION_WORDS[value]}</FONT></TD>'
        for value in sorted(EMOTION_FILL)
    )
    emotions += f'<TD BGCOLOR="{NO_EMOTION_FILL}" BORDER="1">{UNKNOWN} not stated</TD>'
    keys = '<TD WIDTH="14"></TD>'.join(
        f'<TD>{mark}</TD><TD ALIGN="LEFT">{meaning}</TD>' for mark, meaning in marks
    )
    row = (
        '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">'
        "<TR>{}</TR></TABLE></TD></TR>"
    )
    return HtmlLabel(
        f'<FONT POINT-SIZE="{SMALL}">'
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT">{sized(html(title), TITLE, bold=True)}</TD></TR>'
        + row.format(f"<TD>Emotion:</TD>{emotions}")
        + (row.format(keys) if marks else "")
        + "</TABLE></FONT>"
    )


# -- graphs and nodes --------------------------------------------------------------------

GRAPH_FONT = {"fontname": FONT}
BOX_NODES: dict[str, Value] = {
    "fontname": FONT,
    "fontsize": SMALL,
    "shape": "box",
    "style": "rounded,filled",
    "margin": "0.06,0.04",
}
ARROWS: dict[str, Value] = {"color": LINE_COLOR, "arrowsize": 0.7, "penwidth": 1.2}


def pinned_graph(
    name: str,
    canvas: Canvas,
    title: HtmlLabel,
    node: dict[str, Value] = BOX_NODES,
    edge: dict[str, Value] = ARROWS,
    **graph: Value,
) -> Graph:
    """A view's graph: its canvas, its legend at the top left, and the canvas's corners."""
    created = Graph(
        name,
        {
            **GRAPH_FONT,
            **canvas.graph_attributes(),
            **graph,
            "labelloc": "t",
            "labeljust": "l",
            "label": title,
            "bgcolor": "white",
            "pad": 0.3,
        },
        node,
        edge,
    )
    canvas.frame(created)
    return created


def heading(text: str, space: float, size: int = STAGE) -> tuple[HtmlLabel, int]:
    """A bold heading wrapped to fit ``space`` points across, and its number of lines."""
    wrapped = wrap(text, characters(space - 12, size, bold=True))
    markup = "<BR/>".join(html(line) for line in wrapped)
    return HtmlLabel(f"<B>{markup}</B>"), len(wrapped)


def heading_height(count: int, size: int = STAGE) -> float:
    """The height of a band of headings of ``count`` lines."""
    return count * line_height(size) + 20


NODE_WIDTH = 160
"""Points; the map and the blueprint draw touch points this wide."""
NAME_WRAP = characters(NODE_WIDTH - 14, NAME, bold=True)
SMALL_WRAP = characters(NODE_WIDTH - 14, SMALL)


@dataclass(frozen=True)
class Row:
    """A row of a touch point's box: escaped lines of text, their size and weight."""

    lines: list[str]
    size: int = SMALL
    bold: bool = False

    def markup(self) -> str:
        text = "<BR/>".join(self.lines)
        text = f"<B>{text}</B>" if self.bold else text
        return text if self.size == SMALL else sized(text, self.size)

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size) + 2 * CELL_PADDING


def node_rows(view: JourneyView, touchpoint: TouchPoint) -> list[Row]:
    """The text of a touch point's box, top to bottom."""

    def text(words: str, width: int = SMALL_WRAP, mark: str = "") -> Row:
        lines = [html(line) for line in wrap(words, width - (2 if mark else 0))]
        if mark:
            lines[0] = f"{mark} {lines[0]}"
        return Row(lines)

    rows: list[Row] = []
    if touchpoint.moment_of_truth:
        rows.append(Row([f"{MOMENT_OF_TRUTH} moment of truth"], bold=True))
    rows.append(Row([html(line) for line in wrap(touchpoint.name, NAME_WRAP)], NAME, bold=True))
    rows.append(text(view.team(touchpoint.owner) or "no owner"))
    if touchpoint.is_internal:
        served = view.team(touchpoint.customer) if touchpoint.customer else "a team not named"
        rows.append(text(f"internal: serves {served}"))
    channels = view.channels_of(touchpoint)
    if channels:
        rows.append(text(", ".join(view.channel(channel) for channel in channels)))
    rows.append(text(emotion_words(view.emotion_of(touchpoint))))
    if view.target:
        for change in target_changes(touchpoint):
            words = f"{change.field}: {change.today} \u2192 {change.target}"
            rows.append(text(words, mark=CHANGE))
    errors = view.errors(touchpoint)
    if errors:
        rows.append(text(", ".join(sorted({finding.code for finding in errors})), mark=FLAG))
    return rows


CELL_PADDING = 1
NODE_MARGIN = 2 * 0.04 * 72
"""Points above and below the label: the ``margin`` of :data:`BOX_NODES`."""


def node_label(view: JourneyView, touchpoint: TouchPoint) -> HtmlLabel:
    body = "".join(f"<TR><TD>{row.markup()}</TD></TR>" for row in node_rows(view, touchpoint))
    return HtmlLabel(
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" '
        f'CELLPADDING="{CELL_PADDING}">{body}</TABLE>'
    )


def node_height(view: JourneyView, touchpoint: TouchPoint) -> float:
    """How tall :func:`node_label` makes the touch point's box, in points."""
    return sum(row.height for row in node_rows(view, touchpoint)) + NODE_MARGIN + 2


def touchpoint_node(
    graph: Graph, view: JourneyView, touchpoint: TouchPoint, name: str, where: str
) -> None:
    """A touch point's box: coloured by emotion, flagged by errors, linked, explained."""
    fill, text = emotion_colors(view.emotion_of(touchpoint))
    flagged = bool(view.errors(touchpoint))
    graph.node(
        name,
        label=node_label(view, touchpoint),
        fillcolor=fill,
        fontcolor=text,
        color=FLAG_COLOR if flagged else "#333333",
        penwidth=3 if flagged else 1.2,
        style="rounded,filled,dashed" if touchpoint.is_internal else "rounded,filled",
        width=round(NODE_WIDTH / 72, 3),
        pos=where,
        URL=view.url(touchpoint),
        target="_top",
        tooltip=view.tooltip(touchpoint),
    )


def row_title(graph: Graph, name: str, title: str, where: str, italic: bool = False) -> None:
    """The title of a row (a lane, a line of the blueprint) in the left column."""
    text = f"<I>{lines(title, 18)}</I>" if italic else f"<B>{lines(title, 18)}</B>"
    graph.node(
        name,
        label=HtmlLabel(text),
        shape="plaintext",
        style="",
        fontsize=SMALL if italic else ROW_TITLE,
        fontcolor=LINE_COLOR if italic else "#000000",
        pos=where,
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
