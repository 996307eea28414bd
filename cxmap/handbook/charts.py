"""Small charts for the handbook's tables: SVG written at build time, with words for all.

Each chart is one line of inline SVG that fits a table cell: no request to any
other site, no script. It is an image with a name (``role="img"`` and
``aria-label``) that says in words what it shows, and a ``<title>`` for the
tooltip, so colour and shape are never the only carriers of its meaning.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from cxmap.backlog import QUADRANTS, Item, counted
from cxmap.delivered import KpiReading
from cxmap.diagrams.common import EMOTION_FILL, FLAG_COLOR, LINE_COLOR
from cxmap.handbook.inline import inline_svg
from cxmap.model import TouchPoint

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


def kpi_bar(reading: KpiReading) -> Markup:
    """The actual as a bar against the target as a line; words say whether it meets it."""
    kpi, actual, on_target = reading.kpi, reading.actual, reading.on_target
    if actual is None and kpi.target is None:
        return Markup("—")
    unit = f" {kpi.unit}" if kpi.unit else ""
    name = kpi.label or "The KPI"
    words = [name]
    if actual is not None:
        words.append(f"is {_number(actual)}{unit}")
    if kpi.target is not None:
        words.append(
            f"against a target of {_number(kpi.target)}{unit} ({reading.better} is better)"
        )
    if on_target is not None:
        words.append("— on target" if on_target else "— off target")
    width, height, full = 120, 18, 112
    top = max(abs(actual or 0), abs(kpi.target or 0)) * 1.15 or 1
    body = f'<rect x="4" y="4" width="{full}" height="10" fill="#eef0f3"/>'
    if actual is not None:
        length = max(min(actual / top, 1), 0) * full
        color = LINE_COLOR if on_target is None else ON_TARGET if on_target else OFF_TARGET
        body += f'<rect x="4" y="4" width="{length:.1f}" height="10" fill="{color}"/>'
    if kpi.target is not None:
        x = 4 + max(min(kpi.target / top, 1), 0) * full
        body += (
            f'<line x1="{x:.1f}" y1="1" x2="{x:.1f}" y2="17" stroke="currentColor"'
            ' stroke-width="2"/>'
        )
    return _svg(width, height, " ".join(words) + ".", body)


def kpi_trend(reading: KpiReading) -> Markup:
    """The KPI's measurements over time as a small line, with its target as a dashed line.

    Dates run left to right in proportion; the latest value is the larger dot. The
    words name the first and latest values, the lowest and highest, and the target.
    """
    series = reading.series
    if len(series) < 2:
        return Markup("—")
    kpi = reading.kpi
    width, height, pad = 168, 44, 5
    values = [row.value for row in series]
    scale = values + ([kpi.target] if kpi.target is not None else [])
    low, high = min(scale), max(scale)
    if high == low:
        low, high = low - 1, high + 1
    first, last = series[0].date.toordinal(), series[-1].date.toordinal()
    span = max(last - first, 1)

    def x(ordinal: int) -> float:
        return pad + (ordinal - first) / span * (width - 2 * pad)

    def y(value: float) -> float:
        return pad + (high - value) / (high - low) * (height - 2 * pad)

    points = " ".join(f"{x(row.date.toordinal()):.1f},{y(row.value):.1f}" for row in series)
    body = ""
    if kpi.target is not None:
        body += (
            f'<line x1="{pad}" y1="{y(kpi.target):.1f}" x2="{width - pad}"'
            f' y2="{y(kpi.target):.1f}" stroke="currentColor" stroke-opacity=".65"'
            ' stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
    on_target = reading.on_target
    color = "currentColor" if on_target is None else ON_TARGET if on_target else OFF_TARGET
    body += f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="1.4"/>'
    end = series[-1]
    body += (
        f'<circle cx="{x(end.date.toordinal()):.1f}" cy="{y(end.value):.1f}" r="3.6"'
        f' fill="{color}" stroke="#000" stroke-width=".6"/>'
    )
    return _svg(width, height, _trend_words(reading), body)


def _trend_words(reading: KpiReading) -> str:
    series, kpi = reading.series, reading.kpi
    unit = f" {kpi.unit}" if kpi.unit else ""
    values = [row.value for row in series]
    words = (
        f"{kpi.label or 'The KPI'}, {len(series)} measurements from "
        f"{series[0].date.isoformat()} ({_number(values[0])}{unit}) to "
        f"{series[-1].date.isoformat()} ({_number(values[-1])}{unit}); "
        f"lowest {_number(min(values))}{unit}, highest {_number(max(values))}{unit}"
    )
    if kpi.target is not None:
        words += f"; target {_number(kpi.target)}{unit} (dashed line), {reading.better} is better"
    return words + "."


_LABELLED_CELLS = {(5, 1), (5, 3), (2, 1), (2, 3)}
"""The cells (value, effort) that hold a quadrant's name."""

_QUADRANT_FILL = {
    "Quick win": "#2da44e",
    "Big bet": "#2f6fd6",
    "Fill-in": "#8c959f",
    "Rethink": "#d4760a",
}


def value_effort(items: Sequence[Item]) -> Markup:
    """The sized opportunities on a grid of value (up) against effort (right).

    Each opportunity is a dot in its cell that links to its row of the backlog
    and names itself; the four quadrants are shaded and named. The dots of rows
    that a filter hides are hidden with them (``data-cxmap-for``).
    """
    cell, left, top, bottom = 60, 46, 8, 44
    size = cell * 5
    width, height = left + size + 10, top + size + bottom

    def x(effort: float) -> float:
        return left + (effort - 1) * cell

    def y(value: float) -> float:
        return top + (5 - value) * cell

    body = []
    for name, (low_value, high_value), (low_effort, high_effort) in (
        ("Quick win", (3, 5), (1, 2)),
        ("Big bet", (3, 5), (3, 5)),
        ("Fill-in", (1, 2), (1, 2)),
        ("Rethink", (1, 2), (3, 5)),
    ):
        x0, y0 = x(low_effort), y(high_value)
        w, h = (high_effort - low_effort + 1) * cell, (high_value - low_value + 1) * cell
        body.append(
            f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="{_QUADRANT_FILL[name]}"'
            ' fill-opacity=".14" stroke="currentColor" stroke-opacity=".35"/>'
            f'<text x="{x0 + 5}" y="{y0 + 16}" font-size="12" fill="currentColor"'
            f' font-weight="bold" aria-hidden="true">{name}</text>'
        )
    for step in range(1, 6):
        body.append(
            f'<text x="{left - 8}" y="{y(step) + cell / 2 + 4:g}" font-size="12"'
            f' text-anchor="end" fill="currentColor" aria-hidden="true">{step}</text>'
            f'<text x="{x(step) + cell / 2:g}" y="{top + size + 17}" font-size="12"'
            f' text-anchor="middle" fill="currentColor" aria-hidden="true">{step}</text>'
        )
    body.append(
        f'<text x="{left + size / 2:g}" y="{height - 6}" font-size="12" text-anchor="middle"'
        ' fill="currentColor" aria-hidden="true">Effort →</text>'
        f'<text transform="translate(14 {top + size / 2:g}) rotate(-90)" font-size="12"'
        ' text-anchor="middle" fill="currentColor" aria-hidden="true">Value →</text>'
    )
    cells: dict[tuple[int, int], list[Item]] = {}
    for item in items:
        if item.value is not None and item.effort is not None:
            cells.setdefault((item.value, item.effort), []).append(item)
    for (value, effort), members in sorted(cells.items()):
        # The quadrant's name sits in the top left cell of it: the dots stay below.
        room = 18 if (value, effort) in _LABELLED_CELLS else 0
        across = math.ceil(math.sqrt(len(members)))
        rows = math.ceil(len(members) / across)
        step_x, step_y = cell / (across + 1), (cell - room) / (rows + 1)
        # Never smaller than a dot one can point at; crowded dots overlap rather than shrink.
        radius = max(4.0, min(8.0, min(step_x, step_y) * 0.42))
        for position, item in enumerate(members):
            cx = x(effort) + step_x * (position % across + 1)
            cy = y(value) + room + step_y * (position // across + 1)
            words = escape(_opportunity_words(item), quote=True)
            body.append(
                f'<a href="#{item.anchor}" data-cxmap-for="{item.anchor}" aria-label="{words}">'
                f"<title>{words}</title>"
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}"'
                f' fill="{_QUADRANT_FILL[item.quadrant or "Fill-in"]}" stroke="currentColor"'
                ' stroke-width="1.2"/></a>'
            )
    counts = ", ".join(
        counted(name, count)
        for name, _ in QUADRANTS
        if (count := sum(item.quadrant == name for item in items))
    )
    sized = sum(len(members) for members in cells.values())
    label = escape(
        f"Value (up) against effort (right), each from 1 to 5, of {sized} sized "
        f"opportunities: {counts}. "
        "Each dot links to its row in the backlog.",
        quote=True,
    )
    return inline_svg(
        f'<svg class="cxmap-matrix" xmlns="http://www.w3.org/2000/svg" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" role="group"'
        f' aria-label="{label}">{"".join(body)}</svg>'
    )


def _opportunity_words(item: Item) -> str:
    return (
        f"#{item.rank} {item.opportunity.text} (value {item.value}, effort {item.effort}, "
        f"{item.quadrant}; {item.touchpoint.name} in {item.doc.model.title})"
    )
