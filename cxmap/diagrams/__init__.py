"""Journey diagrams drawn with Graphviz: the map, the target map, the blueprint, the curve.

Each view module turns a :class:`JourneyView` into a :class:`Drawing` (DOT source
and its columns); :mod:`render` turns DOT into SVG or PNG, and :mod:`embed` makes
an SVG ready for a web page (a legible size, bands for print).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cxmap.diagrams import blueprint, emotion, journey_map
from cxmap.diagrams.canvas import ENGINE, Drawing, Grid
from cxmap.diagrams.common import DEFAULT_LINK, JourneyView, emotion_words
from cxmap.diagrams.render import Job
from cxmap.facts import has_target
from cxmap.model import Journey


@dataclass(frozen=True)
class View:
    """A kind of diagram: its name in words, and what draws it."""

    words: str
    draw: Callable[[JourneyView], Drawing]
    target_only: bool = False
    """Drawn in the handbook only for journeys that record a target state."""


VIEWS: dict[str, View] = {
    "map": View("journey map", journey_map.build),
    "target": View("target map", journey_map.build_target, target_only=True),
    "blueprint": View("service blueprint", blueprint.build),
    "emotion": View("emotion curve", emotion.build),
}
"""Every view, by the name ``cxmap render --view`` takes, in the handbook's order.

All views are pinned layouts, rendered with :data:`~cxmap.diagrams.canvas.ENGINE`."""

__all__ = [
    "DEFAULT_LINK",
    "VIEWS",
    "Grid",
    "JourneyView",
    "View",
    "describe",
    "diagram",
    "job",
    "views_of",
]


def views_of(journey: Journey) -> list[str]:
    """The views the handbook shows for a journey: the target map only when it has one, and
    none for a journey without touch points of its own (one made of sub-journeys)."""
    if not journey.touchpoints:
        return []
    return [kind for kind, view in VIEWS.items() if not view.target_only or has_target(journey)]


def describe(view: JourneyView, kind: str) -> str:
    """A sentence for screen readers saying what the diagram shows."""
    journey = view.doc.model
    touchpoints = journey.touchpoints
    stages = ", ".join(view.stage(stage) for stage in journey.stages) or "no stages"
    text = (
        f"The {VIEWS[kind].words} of the journey {journey.title!r}: "
        f"{len(touchpoints)} touch points across the stages {stages}."
    )
    felt = [tp for tp in touchpoints if tp.emotion is not None]
    if felt:
        low = min(felt, key=lambda tp: tp.emotion or 0)
        high = max(felt, key=lambda tp: tp.emotion or 0)
        text += (
            f" The customer feels worst at {low.name!r} ({emotion_words(low.emotion)})"
            f" and best at {high.name!r} ({emotion_words(high.emotion)})."
        )
    unknown = len(touchpoints) - len(felt)
    if unknown:
        text += f" {unknown} touch points state no emotion."
    flagged = sum(1 for tp in touchpoints if view.errors(tp))
    if flagged:
        text += f" {flagged} touch points have error findings."
    return text


def diagram(view: JourneyView, kind: str, output_format: str) -> tuple[Job, Grid]:
    """The rendering job for one view of one journey, and the grid of its drawing."""
    drawing = VIEWS[kind].draw(view)
    title = f"{view.doc.model.title} — {VIEWS[kind].words}"
    name = f"cxmap-{view.doc.model.id}-{kind}"
    rendered = Job(drawing.source, output_format, name, title, describe(view, kind), ENGINE)
    return rendered, drawing.grid


def job(view: JourneyView, kind: str, output_format: str) -> Job:
    """The rendering job for one view of one journey."""
    return diagram(view, kind, output_format)[0]
