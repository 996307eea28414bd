"""Journey diagrams drawn with Graphviz: the map, the service blueprint, the emotion curve.

Each view module turns a :class:`JourneyView` into DOT source; :mod:`render`
turns DOT into SVG or PNG.
"""

from __future__ import annotations

from collections.abc import Callable

from cxmap.diagrams import blueprint, emotion, journey_map
from cxmap.diagrams.canvas import ENGINE
from cxmap.diagrams.common import DEFAULT_LINK, JourneyView
from cxmap.diagrams.render import Job

VIEWS: dict[str, tuple[str, Callable[[JourneyView], str]]] = {
    "map": ("journey map", journey_map.build),
    "blueprint": ("service blueprint", blueprint.build),
    "emotion": ("emotion curve", emotion.build),
}
"""Each view: its name in words, and the function that writes its DOT source.

All views are pinned layouts, rendered with :data:`~cxmap.diagrams.canvas.ENGINE`."""

__all__ = ["DEFAULT_LINK", "VIEWS", "JourneyView", "describe", "job"]


def describe(view: JourneyView, kind: str) -> str:
    """A sentence for screen readers saying what the diagram shows."""
    journey = view.doc.model
    touchpoints = journey.touchpoints
    stages = ", ".join(view.stage(stage) for stage in journey.stages) or "no stages"
    text = (
        f"The {VIEWS[kind][0]} of the journey {journey.title!r}: "
        f"{len(touchpoints)} touch points across the stages {stages}."
    )
    felt = [tp for tp in touchpoints if tp.emotion is not None]
    if felt:
        low = min(felt, key=lambda tp: tp.emotion or 0)
        high = max(felt, key=lambda tp: tp.emotion or 0)
        text += (
            f" The customer feels worst at {low.name!r} ({low.emotion:+d})"
            f" and best at {high.name!r} ({high.emotion:+d})."
        )
    flagged = sum(1 for tp in touchpoints if view.errors(tp))
    if flagged:
        text += f" {flagged} touch points have error findings."
    return text


def job(view: JourneyView, kind: str, output_format: str) -> Job:
    """The rendering job for one view of one journey."""
    name, build = VIEWS[kind]
    title = f"{view.doc.model.title} — {name}"
    name = f"cxmap-{view.doc.model.id}-{kind}"
    return Job(build(view), output_format, name, title, describe(view, kind), ENGINE)
