"""CX404-CX406: what is delivered meets the standard, and the measurements are current."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cxmap.checks.registry import check
from cxmap.clock import today
from cxmap.delivered import (
    Delivered,
    committed_time,
    delivered_times,
    is_stale,
    kpi_readings,
)
from cxmap.findings import Finding, Severity, located
from cxmap.model import TouchPoint
from cxmap.project import JourneyDocument, Project


def delivery_gap(project: Project) -> Iterable[Finding]:
    """What is delivered is slower than the standard the organisation commits to.

    A standard is a promise to ourselves: "we reply within 4 hours". The
    service-quality gaps model (Parasuraman, Zeithaml and Berry, 1985) calls the
    distance between the standard and what the customer actually gets the
    delivery gap. The customer never reads the standard; they live the delivery.

    A KPI says that it measures the touch point's standard with
    `measures: standard` and a time `unit` (`h`, `d`, `wd`, `minutes`, ...).
    Fires when its actual (`actual`, else the latest value in the measurements
    file) is slower than `standard.within`, or, for a lead time, shorter than
    `standard.ahead`. A KPI that measures a standard which gives no time has
    nothing to compare with (CX406).

    Your organisation: nothing is assumed about how you measure; the KPI's own
    unit and the touch point's own standard decide. Measure the same thing the
    standard commits to (the time to a first reply, not to a resolution).

    Fix the delivery (staffing, hand-offs, systems), or, if the standard can
    never be met, change the standard and what it tells customers.
    """
    for doc, touchpoint in project.touchpoints():
        for delivered in delivered_times(project, doc.model.id, touchpoint):
            if delivered.gap:
                yield doc.finding(
                    "CX404",
                    _gap_message(touchpoint, delivered),
                    delivered.reading.kpi.mark,
                    touchpoint,
                )


def measure_without_time(project: Project) -> Iterable[Finding]:
    """A KPI measures the touch point's standard, but the standard gives no time.

    `measures: standard` says that a KPI's values are the time the standard
    commits to, as delivered, so that the delivery gap of the service-quality gaps
    model (CX404) can be seen. A standard is only a standard when it can be
    measured; one in words only ("a friendly answer"), or none at all, gives
    nothing to hold the measurements against, and the gap would stay hidden.

    Fires for each KPI with `measures: standard` on a touch point whose
    `standard` has neither `within` nor `ahead`.

    Your organisation: nothing is assumed; the touch point's own standard
    decides.

    Give the standard its time (`within: 4h`), or remove `measures` when the KPI
    counts something else (a share, a score).
    """
    for doc, touchpoint in project.touchpoints():
        yield from _untimed_standard(doc, touchpoint)


def _untimed_standard(doc: JourneyDocument, touchpoint: TouchPoint) -> Iterator[Finding]:
    if committed_time(touchpoint.standard) is not None:
        return
    written = "standard" in touchpoint.model_fields_set
    if doc.was_broken("standard", touchpoint.id) or (touchpoint.standard is None and written):
        return  # its CX002 says what is wrong with the standard (or that it is empty)
    for index, kpi in enumerate(touchpoint.kpis):
        if kpi.measures == "standard":
            yield doc.finding(
                "CX406",
                f"KPI {kpi.label or index + 1!r} measures the standard, but the standard of "
                f"touch point {touchpoint.id!r} gives no time: add within (or ahead) to "
                "the standard, or remove measures",
                touchpoint.value_at_path("kpis", index, "measures"),
                touchpoint,
            )


def _gap_message(touchpoint: TouchPoint, delivered: Delivered) -> str:
    reading = delivered.reading
    name, source = reading.kpi.label or "a KPI", reading.source
    if delivered.lead_time:
        return (
            f"{name} of touch point {touchpoint.id!r} is {delivered.time.words} ahead{source}, "
            f"shorter than the {delivered.committed.words} the standard commits to"
        )
    return (
        f"{name} of touch point {touchpoint.id!r} is {delivered.time.words}{source}, "
        f"slower than the standard's {delivered.committed.words}"
    )


def stale_measurement(project: Project) -> Iterable[Finding]:
    """A KPI's latest measurement is older than `measurements.max_age`.

    A strategy that keeps learning is steered by its numbers, and only while they
    are current: measuring is a loop of plan, do, check and act (Deming), and a
    check on last year's figures closes no loop. When the figures stop coming,
    the handbook keeps showing an old actual as if it were today's, and a KPI that
    looks on target may long have slipped.

    Fires for each KPI with rows in the measurements file whose latest row is
    older than `max_age` under `measurements:` in `cxmap.yaml` (3 months by
    default). It is reported at that row. "Today" is the day the check runs, or
    the day of `SOURCE_DATE_EPOCH` when that is set.

    Your organisation: set `max_age` to how often you measure, with some slack:
    `max_age: 6w` for monthly figures, `1y` for a yearly survey.

    Add the latest figures to the measurements file, or stop tracking the KPI.
    """
    measurements = project.measurements
    if measurements is None:
        return
    now = today()
    limit = project.config.measurements.max_age
    for doc, touchpoint in project.touchpoints():
        for reading in kpi_readings(project, doc.model.id, touchpoint):
            latest = reading.latest
            if latest is not None and is_stale(reading, limit, now):
                age = now - latest.date
                name = reading.kpi.label or "a KPI"
                yield located(
                    "CX405",
                    f"the latest measurement of {name} of touch point {touchpoint.id!r} is "
                    f"from {latest.date.isoformat()}, {age.days} days ago: older than "
                    f"measurements.max_age ({limit})",
                    measurements.file,
                    latest.at("date"),
                    journey=doc.model.id,
                    touchpoint=touchpoint.id,
                )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX404", "delivery-gap", Severity.WARNING, delivery_gap)
check("CX405", "stale-measurement", Severity.INFO, stale_measurement)
check("CX406", "measure-without-time", Severity.WARNING, measure_without_time)
