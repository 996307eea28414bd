"""Derived facts of measured service: what is delivered against what is committed.

The service-quality gaps model (Parasuraman, Zeithaml and Berry, 1985) tells apart
the gap between what customers expect and what the organisation commits to (CX104,
see :func:`cxmap.facts.expectation_gap`), the gap between the standard and what is
delivered, and the gap the customer finally feels, between expectation and
delivery. This module answers the second and third from the KPIs that measure a
standard, and whether the standards along a promise fit the time it gives.
Checks turn these facts into findings; the handbook only formats them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxmap.facts import journey_order, kpi_on_target
from cxmap.measurements import Measurement
from cxmap.model import Commitment, Duration, Journey, Kpi, Promise, TouchPoint
from cxmap.model.types import Better
from cxmap.project import Project


@dataclass(frozen=True)
class KpiReading:
    """A KPI with its actual: the one in the file, else the latest measurement."""

    kpi: Kpi
    actual: float | None
    series: tuple[Measurement, ...]
    """Its measurements, oldest first."""
    better: Better = "higher"
    """Which way is better (see :func:`better_way`)."""

    @property
    def latest(self) -> Measurement | None:
        return self.series[-1] if self.series else None

    @property
    def measured(self) -> bool:
        """Whether the actual is the latest measurement (the file sets none)."""
        return self.kpi.actual is None and self.latest is not None

    @property
    def source(self) -> str:
        """Where a measured actual comes from, for messages: `` (measured DATE, FILE:LINE)``."""
        latest = self.latest
        if not self.measured or latest is None:
            return ""
        return f" (measured {latest.date.isoformat()}, {latest.place})"

    @property
    def on_target(self) -> bool | None:
        """Whether the actual meets the target; ``None`` unless both are known (CX402)."""
        return kpi_on_target(self.kpi, self.actual, self.better)


def is_stale(reading: KpiReading, max_age: Duration, today: dt.date) -> bool:
    """Whether the KPI's latest measurement is older than ``max_age`` (CX405)."""
    latest = reading.latest
    return latest is not None and (today - latest.date).total_seconds() > max_age.seconds


def better_way(kpi: Kpi, touchpoint: TouchPoint) -> Better:
    """Which way a KPI is better: as it says, else by what it measures.

    A KPI that measures a response time (``within``) is better lower, one that
    measures a lead time (``ahead``) better higher, and any other KPI higher.
    """
    if "better" in kpi.model_fields_set or kpi.measures != "standard":
        return kpi.better
    standard = touchpoint.standard
    return "lower" if standard is not None and standard.within is not None else "higher"


def kpi_reading(project: Project, journey: str, touchpoint: TouchPoint, kpi: Kpi) -> KpiReading:
    measurements = project.measurements
    series = measurements.series(journey, touchpoint.id, kpi.keys) if measurements else ()
    actual = kpi.actual if kpi.actual is not None else series[-1].value if series else None
    return KpiReading(kpi, actual, series, better_way(kpi, touchpoint))


def kpi_readings(project: Project, journey: str, touchpoint: TouchPoint) -> list[KpiReading]:
    return [kpi_reading(project, journey, touchpoint, kpi) for kpi in touchpoint.kpis]


@dataclass(frozen=True)
class Delivered:
    """The time a KPI measures as delivered, against the time the standard commits to."""

    reading: KpiReading
    time: Duration
    committed: Duration
    lead_time: bool
    """The standard is a lead time (``ahead``): at least, not at most."""

    @property
    def gap(self) -> bool:
        """The delivery gap: slower than the response time, or shorter than the lead time."""
        return self.time < self.committed if self.lead_time else self.time > self.committed


def committed_time(standard: Commitment | None) -> Duration | None:
    if standard is None:
        return None
    return standard.within if standard.within is not None else standard.ahead


def delivered(reading: KpiReading, touchpoint: TouchPoint) -> Delivered | None:
    """What a KPI that measures the touch point's standard says is delivered."""
    unit, standard = reading.kpi.time_unit, touchpoint.standard
    committed = committed_time(standard)
    if reading.kpi.measures != "standard" or unit is None or reading.actual is None:
        return None
    if committed is None or standard is None:
        return None
    time = Duration.of(reading.actual, unit, decimals=4)  # as measured, not rounded
    return Delivered(reading, time, committed, standard.ahead is not None)


def delivered_times(project: Project, journey: str, touchpoint: TouchPoint) -> list[Delivered]:
    """What each KPI that measures the touch point's standard says is delivered."""
    found = (
        delivered(reading, touchpoint) for reading in kpi_readings(project, journey, touchpoint)
    )
    return [item for item in found if item is not None]


@dataclass(frozen=True)
class ServiceGaps:
    """Expected, committed and delivered times of one touch point, and which gaps are open."""

    expected: Duration | None
    committed: Duration | None
    delivered: Delivered | None
    """The worst measured delivery, when a KPI measures the standard."""

    @property
    def expectation_gap(self) -> bool:
        """The standard is slower than the customer expects (CX104)."""
        return _slower(self.committed, self.expected)

    @property
    def delivery_gap(self) -> bool:
        """What is delivered falls short of the standard (CX404)."""
        return self.delivered is not None and self.delivered.gap

    @property
    def customer_gap(self) -> bool:
        """What is delivered is slower than the customer expects."""
        return self.delivered is not None and _slower(self.delivered.time, self.expected)


def _slower(time: Duration | None, limit: Duration | None) -> bool:
    return time is not None and limit is not None and time > limit


def service_gaps(project: Project, journey: str, touchpoint: TouchPoint) -> ServiceGaps | None:
    """The three response times of a touch point side by side; ``None`` without a delivery.

    Only response times (``within``) meet an expectation; a lead time is compared
    with its own standard alone.
    """
    delivered = delivered_times(project, journey, touchpoint)
    if not delivered:
        return None
    worst = max(
        delivered, key=lambda item: (item.gap, item.time.seconds * (-1 if item.lead_time else 1))
    )
    expectation = touchpoint.expectation
    expected = expectation.within if expectation is not None and not worst.lead_time else None
    return ServiceGaps(expected, worst.committed, worst)


@dataclass(frozen=True)
class PromiseChain:
    """The slowest way from where a promise's time starts to a touch point that keeps it."""

    promise: Promise
    gives: Duration
    starts_at: TouchPoint
    """``starts_at`` of the promise, else the touch point that makes it."""
    steps: tuple[TouchPoint, ...]
    """The touch points whose standards count, in order: after the one where the time
    starts, up to and including the one that keeps it (the one that does both, alone)."""
    paths: int
    """How many ways lead from where it is made to where it is kept."""

    @property
    def seconds(self) -> float:
        """What the standards on the way add up to, in seconds."""
        return sum(time.seconds for time in map(step_time, self.steps) if time is not None)

    @property
    def total(self) -> Duration:
        """What the standards on the way add up to: in the unit of the promise, or in a
        smaller one when rounding would hide that it is longer than the promise."""
        exact = Duration.of(self.seconds, "s")
        for unit in dict.fromkeys([self.gives.unit, "h", "m", "s"]):
            total = Duration.of(exact.in_unit(unit), unit)
            if not self.over or total.text != Duration.of(self.gives.in_unit(unit), unit).text:
                return total
        return total

    @property
    def untimed(self) -> tuple[TouchPoint, ...]:
        """Steps whose standard gives no response time: the chain may take longer."""
        return tuple(step for step in self.steps if step_time(step) is None)

    @property
    def over(self) -> bool:
        return self.seconds > self.gives.seconds


def step_time(touchpoint: TouchPoint) -> Duration | None:
    """What a touch point adds to a promise's time: its standard's response time."""
    standard = touchpoint.standard
    return standard.within if standard is not None else None


def promise_chain(journey: Journey, promise: Promise) -> PromiseChain | None:
    """The slowest chain of the promise, when it gives a time and is kept after it starts.

    The time starts at ``starts_at``, else at each touch point that makes the
    promise. The chain follows ``next`` forward in journey order (see
    :func:`cxmap.facts.journey_order`): a step back to an earlier touch point is a
    loop, not counted again; a journey that uses no ``next`` goes in journey order.
    Where the way branches, the path whose standards add up to most counts.
    """
    if promise.within is None:
        return None
    start = journey.touchpoint_ids.get(promise.starts_at or "")
    makers = (
        [start]
        if start is not None
        else [tp for tp in journey.touchpoints if promise.id in tp.promises]
    )
    keepers = [tp.id for tp in journey.touchpoints if promise.id in tp.keeps]
    order = [tp.id for tp in journey_order(journey)]
    uses_next = any(tp.next for tp in journey.touchpoints)
    slowest: PromiseChain | None = None
    for maker in makers:
        for keeper in dict.fromkeys(keepers):
            found = _slowest_path(maker.id, keeper, order, journey, uses_next)
            if found is None:
                continue
            path, paths = found
            steps = path[1:] if len(path) > 1 else path
            chain = PromiseChain(
                promise,
                promise.within,
                maker,
                tuple(journey.touchpoint_ids[step] for step in steps),
                paths,
            )
            if slowest is None or chain.seconds > slowest.seconds:
                slowest = chain
    return slowest


_MANY = 10**6


def _slowest_path(
    start: str, goal: str, order: list[str], journey: Journey, uses_next: bool
) -> tuple[list[str], int] | None:
    """The path from ``start`` to ``goal``, forward in journey ``order``, whose steps'
    times add up to most, and how many such paths there are (up to a million)."""
    position = {touchpoint: index for index, touchpoint in enumerate(order)}
    first, last = position[start], position[goal]
    if first > last:
        return None
    ids = journey.touchpoint_ids
    best: dict[str, tuple[float, list[str], int]] = {}
    for index in range(last, first - 1, -1):
        node = order[index]
        weight = (step_time(ids[node]) or Duration("0s")).seconds
        if node == goal:
            best[node] = (weight, [node], 1)
            continue
        following = ids[node].next if uses_next else order[index + 1 : index + 2]
        options = [
            best[step]
            for step in dict.fromkeys(following)
            if step in best and position[step] > index
        ]
        if options:
            total, path, _ = max(options, key=lambda option: option[0])
            paths = min(sum(option[2] for option in options), _MANY)
            best[node] = (weight + total, [node, *path], paths)
    found = best.get(start)
    return (found[1], found[2]) if found is not None else None
