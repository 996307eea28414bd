"""The parts of a journey: the journeys it is made of, as a tree of linked boxes.

A pinned layout (see :mod:`canvas`): one row per journey, depth first, each box
indented under its parent with an elbow line to it. A box names the journey, its
maturity level, its effort and its customers' average emotion, and links to its page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cxmap.diagrams.canvas import ENGINE, Canvas, Drawing, Grid
from cxmap.diagrams.common import (
    LANE_FILLS,
    LANE_STROKE,
    LINE_COLOR,
    NAME,
    SMALL,
    characters,
    line_height,
    pinned_graph,
    wrap,
)
from cxmap.diagrams.dot import FONT, HtmlLabel, html
from cxmap.diagrams.render import Job
from cxmap.scorecard import JourneyCard, Scorecard

BOX = 320
"""Points: the width of a journey's box."""
INDENT = 40
"""Points a part is indented under the journey it belongs to."""
GAP = 14
"""Points between rows."""
MARGIN = 16
TITLE_WRAP = characters(BOX - 20, NAME, bold=True)


@dataclass(frozen=True)
class Part:
    """One journey of the tree, as its box shows it."""

    id: str
    title: str
    depth: int
    """0 for the journey whose parts these are."""
    facts: str
    """``level 2 Committed · effort 14 · emotion +0.3``."""
    url: str


def _label(part: Part) -> tuple[HtmlLabel, float]:
    lines = wrap(part.title, TITLE_WRAP)
    markup = "<BR/>".join(html(line) for line in lines)
    label = HtmlLabel(f'<B>{markup}</B><BR/><FONT POINT-SIZE="{SMALL}">{html(part.facts)}</FONT>')
    return label, len(lines) * line_height(NAME) + line_height(SMALL) + 16


def build(name: str, title: str, parts: Sequence[Part]) -> Drawing:
    """The DOT source of the tree of ``parts``, depth first as given."""
    labels = [_label(part) for part in parts]
    deepest = max((part.depth for part in parts), default=0)
    width = 2 * MARGIN + deepest * INDENT + BOX
    tops: list[float] = []
    y: float = MARGIN
    for _, height in labels:
        tops.append(y)
        y += height + GAP
    canvas = Canvas(width, y - GAP + MARGIN)
    lefts = [MARGIN + part.depth * INDENT for part in parts]
    middles = [top + height / 2 for top, (_, height) in zip(tops, labels, strict=True)]
    parents: list[int] = []
    for index, part in enumerate(parts):
        del parents[part.depth :]
        if parents:
            above = parents[-1]
            elbow = lefts[above] + INDENT / 2
            canvas.line(elbow, tops[above] + labels[above][1], elbow, middles[index], LINE_COLOR)
            canvas.line(elbow, middles[index], lefts[index], middles[index], LINE_COLOR)
        parents.append(index)
    # The background is read when the graph is made: every line is drawn by now.
    graph = pinned_graph(
        name,
        canvas,
        HtmlLabel(f"<B>{html(title)}</B>"),
        node={"fontname": FONT, "fontsize": NAME, "shape": "box", "style": "rounded,filled"},
    )
    boxes = []
    for index, (part, (label, height)) in enumerate(zip(parts, labels, strict=True)):
        graph.node(
            f"part-{index}",
            label=label,
            width=BOX / 72,
            height=height / 72,
            fixedsize=True,
            fillcolor=LANE_FILLS[min(part.depth, 1)],
            color=LANE_STROKE if part.depth else LINE_COLOR,
            pos=canvas.pos(lefts[index] + BOX / 2, middles[index]),
            URL=part.url,
            target="_top",
            tooltip=f"{part.title}: {part.facts}",
        )
        boxes.append((lefts[index] + BOX / 2, middles[index]))
    cuts = tuple(top - GAP / 2 for top in tops[1:])
    return Drawing(
        graph.source(), Grid(0, 0, width, canvas.height, row_cuts=cuts, boxes=tuple(boxes))
    )


PARTS = "parts"
"""The view of a journey made of others: the tree of its parts (not in ``VIEWS``: it
needs the other journeys, and only the handbook draws it)."""


def _page_link(file_links: str) -> str:
    """How a journey's page links to another's: as the diagram's file does, except that a
    page at ``journeys/ID.html`` (no directory URLs) is a folder above the file."""
    link = file_links.split("#", 1)[0]
    return link if link.endswith("/") else link.removeprefix("../")


def file_version(svg: bytes, file_links: str) -> bytes:
    """The tree as its own file, ``journeys/ID/parts.svg``, whose links start a folder down."""
    page = _page_link(file_links)
    own = file_links.split("#", 1)[0]
    if page == own:
        return svg
    return svg.replace(b'xlink:href="', b'xlink:href="../')


def parts_diagrams(
    scorecard: Scorecard, file_links: str
) -> Iterator[tuple[tuple[str, str], Job, Grid]]:
    """The tree of parts of every journey that others name as their parent, as a
    rendering job keyed ``(journey, "parts")``; its nodes link like ``file_links``."""
    if not scorecard.has_tree:
        return
    cards = scorecard.journeys
    link = _page_link(file_links)
    for index, card in enumerate(cards):
        if not card.children:
            continue
        below = []
        for other in cards[index + 1 :]:
            if other.depth <= card.depth:
                break
            below.append(other)
        parts = [
            Part(
                item.id,
                item.doc.model.title,
                item.depth - card.depth,
                _part_facts(item),
                link.format(journey=item.id, touchpoint=""),
            )
            for item in (card, *below)
        ]
        journey = card.doc.model
        drawing = build(f"{journey.id}-parts", "The journeys it is made of", parts)
        words = "; ".join(f"{part.title} ({part.facts})" for part in parts[1:])
        description = f"The journeys that {journey.title!r} is made of, as a tree: {words}."
        name = f"cxmap-{journey.id}-{PARTS}"
        title = f"{journey.title} — its parts"
        job = Job(drawing.source, "svg", name, title, description, ENGINE)
        yield (journey.id, PARTS), job, drawing.grid


def _part_facts(card: JourneyCard) -> str:
    facts = [f"level {card.own.level} {card.own.name}"]
    if card.doc.model.touchpoints:
        facts.append(f"effort {card.effort.total}")
    else:
        facts.append(f"made of {len(card.children)}")
    average = card.rolled_health.average
    if average is not None:
        facts.append(f"emotion {average:+.1f}")
    return " · ".join(facts)
