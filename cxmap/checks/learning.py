"""CX401-CX403: journeys are reviewed regularly and measured against targets."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.clock import today
from cxmap.delivered import kpi_readings
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def stale_review(project: Project) -> Iterable[Finding]:
    """A journey has not been reviewed for longer than `review_every`, or never.

    Customers, channels and teams change; a journey map that nobody has looked
    at for a year describes an organisation that no longer exists. Regular
    reviews keep the strategy honest.

    Fires when `reviewed` is missing, or older than `review_every` in
    `cxmap.yaml` (365 days by default). "Today" is the day the check runs, or
    the day of `SOURCE_DATE_EPOCH` when that is set.

    Your organisation: how often to review is yours to set with
    `review_every` in `cxmap.yaml` (for example `review_every: 6mo`); a
    regulated service may need a shorter cycle than a shop.

    Fix it by reviewing the journey with the teams that own it and updating
    `reviewed: YYYY-MM-DD`.
    """
    now = today()
    limit = project.config.review_every
    for doc in project.journeys:
        journey = doc.model
        if journey.reviewed is None:
            if doc.was_broken("reviewed"):
                continue  # its CX002 says what is wrong with the date
            yield doc.finding(
                "CX401",
                f"journey {journey.id!r} has never been reviewed: add reviewed: YYYY-MM-DD",
                journey.mark,
            )
            continue
        age = now - journey.reviewed  # negative for a future date, never over: CX403 says so
        if age.total_seconds() > limit.seconds:
            yield doc.finding(
                "CX401",
                f"journey {journey.id!r} was last reviewed {age.days} days ago "
                f"({journey.reviewed.isoformat()}), longer than review_every ({limit})",
                journey.value_at("reviewed"),
            )


def review_in_future(project: Project) -> Iterable[Finding]:
    """A journey's `reviewed` date lies in the future.

    `reviewed` records when the journey was last looked at with the teams that
    own it. A date that has not come yet is a typing slip (2062 for 2026, or the
    month and day swapped), and it would keep the journey from ever being
    reported as stale.

    "Today" is the day the check runs, or the day of `SOURCE_DATE_EPOCH` when
    that is set.

    Your organisation: nothing is assumed; it only compares dates.

    Fix it by writing the date of the last real review, as YYYY-MM-DD.
    """
    now = today()
    for doc in project.journeys:
        reviewed = doc.model.reviewed
        if reviewed is not None and reviewed > now:
            yield doc.finding(
                "CX403",
                f"journey {doc.model.id!r} says it was reviewed on {reviewed.isoformat()}, "
                f"which is in the future (today is {now.isoformat()}): "
                "write the date of the last review",
                doc.model.value_at("reviewed"),
            )


def _number(value: float) -> str:
    return f"{value:g}"


def kpi_below_target(project: Project) -> Iterable[Finding]:
    """A KPI's latest actual misses its target.

    KPIs turn a strategy into something that can be learned from. A KPI that
    misses its target is not a mistake in the file but a signal for the owning
    team, and the handbook shows it next to the touch point.

    Fires when a KPI has a `target` and an actual, and the actual is worse:
    lower than the target when `better: higher` (the default), higher when
    `better: lower`. The actual is `actual` in the file, else the latest value
    of the KPI in the measurements file.

    Your organisation: nothing is assumed about what is measured; each KPI
    says its own `target` and whether `better` is `higher` or `lower` (a
    waiting time is better lower).

    Act on it, or record newer figures (in the measurements file, or `actual`).
    """
    for doc, touchpoint in project.touchpoints():
        for index, reading in enumerate(kpi_readings(project, doc.model.id, touchpoint)):
            kpi, actual = reading.kpi, reading.actual
            if reading.on_target is not False or actual is None or kpi.target is None:
                continue
            unit = f" {kpi.unit}" if kpi.unit else ""
            name = kpi.label or f"KPI {index + 1}"
            yield doc.finding(
                "CX402",
                f"{name} of touch point {touchpoint.id!r} is {_number(actual)}{unit}"
                f"{reading.source}, "
                f"{'below' if reading.better == 'higher' else 'above'} its target of "
                f"{_number(kpi.target)}{unit}",
                kpi.mark,
                touchpoint,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX401", "stale-review", Severity.INFO, stale_review)
check("CX403", "review-in-future", Severity.WARNING, review_in_future)
check("CX402", "kpi-below-target", Severity.INFO, kpi_below_target)
