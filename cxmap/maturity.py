"""Maturity levels: how far a journey, or a team's part of the service, has come.

The ladder has five levels above level 0, each a set of criteria. A criterion is
either a set of checks that must report nothing in scope, or a fact of the model
that must hold for every touch point or journey in scope. A level is reached when
its criteria and those of every level below it hold. What is missing for the next
level is the list of places where its criteria fail: each finding, or each touch
point or journey the fact fails for, located like a finding.

Findings count as the project's configuration has them: a check turned ``off``
in ``cxmap.yaml`` turns its criterion off, and a finding set aside with ``ignore``
does not count against the level (someone decided it).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from cxmap.delivered import kpi_readings
from cxmap.facts import has_target
from cxmap.findings import Finding, Mark
from cxmap.linter import Report
from cxmap.model import TouchPoint
from cxmap.project import JourneyDocument, Project


@dataclass(frozen=True)
class Place:
    """Where a criterion fails: a finding, or a touch point or journey a fact fails for."""

    file: str
    line: int
    column: int
    journey: str
    touchpoint: str | None
    message: str
    code: str | None = None
    """The check that found it; ``None`` for a fact of the model."""


@dataclass(frozen=True)
class Part:
    """What a score looks at in one journey: some of its touch points, and perhaps the
    journey as a whole (its owner, its review, its moments of truth)."""

    doc: JourneyDocument
    touchpoints: tuple[TouchPoint, ...]
    whole: bool
    made_of_others: bool = False
    """Other journeys name it as their parent."""


Fact = Callable[[Project, Sequence[Part]], Iterator[Place]]


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    """What holds when it is met, in words for the handbook."""
    codes: tuple[str, ...] = ()
    fact: Fact | None = None


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    summary: str
    criteria: tuple[Criterion, ...]


def _place(part: Part, at: Mark, message: str, touchpoint: TouchPoint | None = None) -> Place:
    return Place(
        part.doc.file,
        at[0],
        at[1],
        part.doc.model.id,
        touchpoint.id if touchpoint is not None else None,
        message,
    )


def _customers(part: Part) -> list[TouchPoint]:
    return [tp for tp in part.doc.model.touchpoints if not tp.is_internal]


def _mapped(project: Project, parts: Sequence[Part]) -> Iterator[Place]:
    """A journey with no touch points that is not made of others maps nothing."""
    for part in parts:
        journey = part.doc.model
        if not part.whole or journey.touchpoints or part.made_of_others:
            continue
        yield _place(
            part,
            journey.value_at("touchpoints"),
            f"journey {journey.id!r} maps no touch points: map what the customer meets, "
            "or name it as the parent of journeys that do",
        )


def _moments_named(project: Project, parts: Sequence[Part]) -> Iterator[Place]:
    for part in parts:
        journey = part.doc.model
        customers = _customers(part)
        if part.whole and customers and not any(tp.moment_of_truth for tp in customers):
            yield _place(
                part,
                journey.value_at("id"),
                f"journey {journey.id!r} marks no moment of truth: set moment_of_truth: true "
                "where the customer makes up their mind",
            )


def _moments_measured(project: Project, parts: Sequence[Part]) -> Iterator[Place]:
    for part, tp in _touchpoints(parts):
        if tp.moment_of_truth and not any(kpi.target is not None for kpi in tp.kpis):
            yield _place(
                part,
                tp.mark,
                f"moment of truth {tp.id!r} has no KPI with a target",
                tp,
            )


def _kpis_measured(project: Project, parts: Sequence[Part]) -> Iterator[Place]:
    measured = False
    for part, tp in _touchpoints(parts):
        for index, reading in enumerate(kpi_readings(project, part.doc.model.id, tp)):
            if reading.kpi.target is None:
                continue
            if reading.actual is not None:
                measured = True
                continue
            yield _place(
                part,
                tp.value_at("kpis", index),
                f"KPI {reading.kpi.label!r} of touch point {tp.id!r} has a target "
                "but no actual, in the file or the measurements",
                tp,
            )
    owned = list(_touchpoints(parts))
    if owned and not measured:
        part, first = owned[0]
        yield _place(
            part,
            first.mark,
            "no KPI here has both a target and an actual: nothing shows that the standards are met",
            first,
        )


def _target_state(project: Project, parts: Sequence[Part]) -> Iterator[Place]:
    """Each whole journey records a target state; a team's touch points elsewhere, one."""
    wholes = [part for part in parts if part.whole and part.doc.model.touchpoints]
    for part in wholes:
        journey = part.doc.model
        if not has_target(journey):
            yield _place(
                part,
                journey.value_at("id"),
                f"journey {journey.id!r} records no target state: add to_be where it must change",
            )
    owned = list(_touchpoints(parts))
    if not wholes and owned and not any(tp.to_be is not None for _, tp in owned):
        part, first = owned[0]
        yield _place(
            part,
            first.mark,
            "none of these touch points records a target state: add to_be where one must change",
            first,
        )


def _touchpoints(parts: Sequence[Part]) -> Iterator[tuple[Part, TouchPoint]]:
    for part in parts:
        for tp in part.touchpoints:
            yield part, tp


LADDER: tuple[Level, ...] = (
    Level(
        1,
        "Owned",
        "Someone answers for every part, and knows what the customer expects.",
        (
            Criterion(
                "valid",
                "The file reads without errors, and every id it names exists.",
                ("CX001", "CX002", "CX003", "CX004", "CX005", "CX206"),
            ),
            Criterion(
                "mapped",
                "The journey maps its touch points, or is made of journeys that do.",
                fact=_mapped,
            ),
            Criterion(
                "owned", "The journey and every touch point have an owning team.", ("CX101",)
            ),
            Criterion(
                "expected",
                "Every touch point says what its customer expects; internal ones name that "
                "customer.",
                ("CX102", "CX306"),
            ),
        ),
    ),
    Level(
        2,
        "Committed",
        "Standards the organisation can be held to, and the moments that matter measured.",
        (
            Criterion(
                "standards",
                "Every touch point commits to a standard; on the front line, with a time.",
                ("CX103", "CX406"),
            ),
            Criterion(
                "moments-named",
                "The journey marks its moments of truth.",
                fact=_moments_named,
            ),
            Criterion(
                "moments-measured",
                "Every moment of truth has a KPI with a target.",
                fact=_moments_measured,
            ),
        ),
    ),
    Level(
        3,
        "Reliable",
        "Promises kept, a way up for every problem, and a journey that is easy to go through.",
        (
            Criterion(
                "promises-kept",
                "Every promise is kept, in the time it gives.",
                ("CX301", "CX307"),
            ),
            Criterion(
                "expectations-met",
                "No standard is slower than what the customer expects.",
                ("CX104",),
            ),
            Criterion(
                "ways-up",
                "The front line can escalate, and complaints have a path.",
                ("CX302", "CX303"),
            ),
            Criterion(
                "recovered",
                "Bad moments have a recovery, and the journey ends well.",
                ("CX304", "CX308"),
            ),
            Criterion("low-effort", "The journey asks no more effort than max_effort.", ("CX207",)),
        ),
    ),
    Level(
        4,
        "Delivering",
        "The numbers show that the standards are met.",
        (
            Criterion(
                "kpis-measured",
                "KPIs with targets are measured: each has an actual, and there is at least one.",
                fact=_kpis_measured,
            ),
            Criterion(
                "on-target",
                "KPIs meet their targets, and what is delivered meets the standard.",
                ("CX402", "CX404"),
            ),
            Criterion("fresh", "Measurements are recent.", ("CX405",)),
        ),
    ),
    Level(
        5,
        "Improving",
        "A target state to work towards, and a review on time.",
        (
            Criterion(
                "target-state",
                "The journey records a target state (to_be).",
                fact=_target_state,
            ),
            Criterion(
                "reviewed", "The journey was reviewed within review_every.", ("CX401", "CX403")
            ),
        ),
    ),
)

TOP = LADDER[-1].number


def level_name(number: int) -> str:
    """``Owned``, ``Committed``, …; level 0 is ``Started``."""
    return LADDER[number - 1].name if number > 0 else "Started"


@dataclass(frozen=True)
class Gap:
    """A criterion not met, and where."""

    level: Level
    criterion: Criterion
    places: tuple[Place, ...]


@dataclass(frozen=True)
class Score:
    """The level reached, and what each level above still misses."""

    level: int
    gaps: tuple[Gap, ...] = ()

    @property
    def name(self) -> str:
        return level_name(self.level)

    @property
    def next(self) -> Level | None:
        return LADDER[self.level] if self.level < TOP else None

    @property
    def missing(self) -> tuple[Gap, ...]:
        """What the next level needs: its criteria that are not met."""
        return tuple(gap for gap in self.gaps if gap.level.number == self.level + 1)


READING_ERRORS = ("CX001", "CX002", "CX003")
"""Codes that, on the organisation file, leave every journey's references unchecked."""


@dataclass
class _FindingIndex:
    """The findings of each journey file, by touch point (``None``: the journey as a whole)."""

    by_file: dict[str, dict[str | None, list[Finding]]] = field(default_factory=dict)
    everywhere: tuple[Finding, ...] = ()
    """Findings that count against every score: an organisation file that cannot be read,
    or is missing, says nothing of any journey's teams, channels and stages."""

    @classmethod
    def of(cls, report: Report) -> _FindingIndex:
        project = report.project
        files = {doc.file: doc for doc in project.journeys}
        ids = {doc.model.id: doc.file for doc in reversed(project.journeys)}
        measurements = project.measurements.file if project.measurements is not None else None
        grouped: dict[str, dict[str | None, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        everywhere = []
        for finding in report.findings:
            # Findings in the measurements file belong to the journey their row names.
            file = finding.file if finding.file in files else ids.get(finding.journey or "")
            if file is not None:
                grouped[file][finding.touchpoint].append(finding)
            elif (
                finding.code in READING_ERRORS
                and finding.file != measurements
                and finding.file not in project.journey_files
            ):
                everywhere.append(finding)
        return cls({file: dict(found) for file, found in grouped.items()}, tuple(everywhere))

    def of_part(self, part: Part) -> Iterator[Finding]:
        found = self.by_file.get(part.doc.file, {})
        if part.whole:  # also those on touch points left out for schema errors
            for findings in found.values():
                yield from findings
            return
        for tp in part.touchpoints:
            yield from found.get(tp.id, [])


def score(project: Project, parts: Sequence[Part], findings: Iterator[Finding]) -> Score:
    """The level of what ``parts`` cover, given the findings on them."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.code].append(finding)
    gaps = []
    for level in LADDER:
        for criterion in level.criteria:
            places = [_finding_place(f) for code in criterion.codes for f in by_code.get(code, [])]
            if criterion.fact is not None:
                places += criterion.fact(project, parts)
            if places:
                places.sort(key=lambda p: (p.file, p.line, p.column, p.code or "", p.message))
                gaps.append(Gap(level, criterion, tuple(places)))
    failed = {gap.level.number for gap in gaps}
    reached = next((number - 1 for number in range(1, TOP + 1) if number in failed), TOP)
    return Score(reached, tuple(gaps))


def _finding_place(finding: Finding) -> Place:
    return Place(
        finding.file,
        finding.line,
        finding.column,
        finding.journey or "",
        finding.touchpoint,
        finding.message,
        finding.code,
    )


class Scorer:
    """Scores the journeys and teams of one checked project."""

    def __init__(
        self, report: Report, made_of_others: Callable[[JourneyDocument], bool] = lambda _: False
    ) -> None:
        self.report = report
        self.project = report.project
        self.made_of_others = made_of_others

    @cached_property
    def _findings(self) -> _FindingIndex:
        return _FindingIndex.of(self.report)

    def of_parts(self, parts: Sequence[Part]) -> Score:
        index = self._findings
        found = itertools.chain(
            index.everywhere, (finding for part in parts for finding in index.of_part(part))
        )
        return score(self.project, parts, found)

    def _whole(self, doc: JourneyDocument) -> Part:
        return Part(doc, tuple(doc.model.touchpoints), True, self.made_of_others(doc))

    def journey(self, docs: Sequence[JourneyDocument]) -> Score:
        """The level of journeys taken together: one, or one with all below it."""
        return self.of_parts([self._whole(doc) for doc in docs])

    def team(
        self, team: str, parts_of: Callable[[JourneyDocument], Sequence[JourneyDocument]]
    ) -> Score | None:
        """The level of what a team owns; ``None`` when it owns nothing.

        A journey the team answers for that has no touch points of its own stands for
        the journeys it is made of, ``parts_of`` it: the team answers for them whole.
        """
        parts: dict[str, Part] = {}
        for doc in self.project.journeys:
            owned = tuple(tp for tp in doc.model.touchpoints if tp.owner == team)
            if doc.model.owner == team:
                parts[doc.file] = self._whole(doc)
                if not doc.model.touchpoints:
                    for below in parts_of(doc):
                        parts[below.file] = self._whole(below)
            elif owned and doc.file not in parts:
                parts[doc.file] = Part(doc, owned, False)
        return self.of_parts(list(parts.values())) if parts else None
