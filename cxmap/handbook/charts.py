"""Small charts for the handbook's tables: SVG written at build time, with words for all.

Each chart is one line of inline SVG that fits a table cell: no request to any
other site, no script. It is an image with a name (``role="img"`` and
``aria-label``) that says in words what it shows, and a ``<title>`` for the
tooltip, so colour and shape are never the only carriers of its meaning.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from cxmap.diagrams.common import EMOTION_FILL, FLAG_COLOR, LINE_COLOR
from cxmap.handbook.inline import inline_svg
from cxmap.model import Kpi, TouchPoint

ON_TARGET = "#1a7f37"
OFF_TARGET = FLAG_COLOR


def _svg(width: int, height: int, words: str, body: str) -> Markup:
    label = escape(words, quote=True)
    return inline_svg(
        f'<svg class="cxmap-chart" xmlns="http://www.w3.org/2000/svg" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{label}">'
        f"<title>{label}</title>{body}</svg>"
    )


def _number(value: float) -> str:
    return f"{value:g}"


def emotion_line(touchpoints: list[TouchPoint]) -> Markup:
    """The emotion at each touch point, in journey order, as a small line; ``?`` gaps."""
    if not touchpoints:
        return Markup("—")
    step, width, height = 13, max(len(touchpoints) * 13 + 8, 48), 40

    def y(value: int) -> float:
        return 20 - value * 8

    points: list[str] = []
    segment: list[str] = []
    segments: list[list[str]] = []
    for position, touchpoint in enumerate(touchpoints):
        x = 4 + position * step + step / 2
        if touchpoint.emotion is None:
            points.append(f'<circle cx="{x:g}" cy="20" r="2.6" fill="none" stroke="{LINE_COLOR}"/>')
            segments.append(segment)
            segment = []
            continue
        segment.append(f"{x:g},{y(touchpoint.emotion):g}")
        fill = EMOTION_FILL[touchpoint.emotion]
        points.append(
            f'<circle cx="{x:g}" cy="{y(touchpoint.emotion):g}" r="3.4" fill="{fill}"'
            ' stroke="#000" stroke-width=".6"/>'
        )
    segments.append(segment)
    line = '<polyline points="{}" fill="none" stroke="currentColor" stroke-width="1.2"/>'
    lines = "".join(line.format(" ".join(part)) for part in segments if len(part) > 1)
    neutral = f'<line x1="0" y1="20" x2="{width}" y2="20" stroke="#bbb" stroke-width=".8"/>'
    return _svg(width, height, _emotion_words(touchpoints), neutral + lines + "".join(points))


def _emotion_words(touchpoints: list[TouchPoint]) -> str:
    values = ", ".join("?" if tp.emotion is None else f"{tp.emotion:+d}" for tp in touchpoints)
    words = f"Emotion at each touch point, in journey order: {values}"
    felt = [tp for tp in touchpoints if tp.emotion is not None]
    if felt:
        low = min(felt, key=lambda tp: tp.emotion or 0)
        words += f". Lowest: {low.emotion:+d} at {low.name}"
    return words + "."


def kpi_bar(kpi: Kpi, on_target: bool | None) -> Markup:
    """The actual as a bar against the target as a line; words say whether it meets it."""
    if kpi.actual is None and kpi.target is None:
        return Markup("—")
    unit = f" {kpi.unit}" if kpi.unit else ""
    name = kpi.name or "The KPI"
    words = [name]
    if kpi.actual is not None:
        words.append(f"is {_number(kpi.actual)}{unit}")
    if kpi.target is not None:
        words.append(f"against a target of {_number(kpi.target)}{unit} ({kpi.better} is better)")
    if on_target is not None:
        words.append("— on target" if on_target else "— off target")
    width, height, full = 120, 18, 112
    top = max(abs(kpi.actual or 0), abs(kpi.target or 0)) * 1.15 or 1
    body = f'<rect x="4" y="4" width="{full}" height="10" fill="#eef0f3"/>'
    if kpi.actual is not None:
        length = max(min(kpi.actual / top, 1), 0) * full
        color = LINE_COLOR if on_target is None else ON_TARGET if on_target else OFF_TARGET
        body += f'<rect x="4" y="4" width="{length:.1f}" height="10" fill="{color}"/>'
    if kpi.target is not None:
        x = 4 + max(min(kpi.target / top, 1), 0) * full
        body += (
            f'<line x1="{x:.1f}" y1="1" x2="{x:.1f}" y2="17" stroke="currentColor"'
            ' stroke-width="2"/>'
        )
    return _svg(width, height, " ".join(words) + ".", body)
