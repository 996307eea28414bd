"""The organisation's scorecard: every journey and team with its level, effort and
health, journeys in their tree with what rolls up to each parent.

``cxmap score`` prints it and the handbook's scorecard page shows it; both only
format what is worked out here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from cxmap.experience import Effort, effort
from cxmap.facts import display_name
from cxmap.findings import Severity
from cxmap.hierarchy import Hierarchy, hierarchy
from cxmap.linter import Report
from cxmap.maturity import LADDER, Criterion, Level, Place, Score, Scorer
from cxmap.project import JourneyDocument, Project
from cxmap.summary import summaries, unread


@dataclass(frozen=True)
class Health:
    """Findings by severity, and the emotions stated, of one journey or a tree of them."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    emotions: tuple[int, ...] = ()

    @property
    def average(self) -> float | None:
        return sum(self.emotions) / len(self.emotions) if self.emotions else None

    @property
    def lowest(self) -> int | None:
        return min(self.emotions) if self.emotions else None


@dataclass(frozen=True)
class JourneyCard:
    doc: JourneyDocument
    depth: int
    """0 for a journey that is part of no other."""
    own: Score
    rolled: Score
    """The level of the journey with every journey below it: the lowest of them."""
    effort: Effort
    health: Health
    rolled_health: Health
    children: tuple[str, ...]
    ancestors: tuple[str, ...]
    """Its parent, that one's parent, and so on."""

    @property
    def id(self) -> str:
        return self.doc.model.id

    @property
    def has_children(self) -> bool:
        return bool(self.children)


@dataclass(frozen=True)
class TeamCard:
    id: str
    name: str
    score: Score | None
    """``None`` when the team owns no journey and no touch point."""
    journeys: int
    touchpoints: int


@dataclass
class Blocker:
    """A criterion that journeys miss for their next level."""

    level: Level
    criterion: Criterion
    journeys: list[JourneyCard]
    places: int
    """Findings and facts to fix, over all those journeys, each once."""


class Scorecard:
    """Every journey and team of a checked project, scored."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.project: Project = report.project
        self.scorer = Scorer(report, lambda doc: bool(self._children(doc)))

    def _sort_key(self, doc: JourneyDocument) -> tuple[int, str, str]:
        """Journeys in the order a lifecycle runs: by the stage they start in, then title."""
        org = self.project.organization
        stages = [stage.id for stage in org.model.stages] if org is not None else []
        first = doc.model.stages[0] if doc.model.stages else None
        position = stages.index(first) if first in stages else len(stages)
        return position, doc.model.title.casefold(), doc.file

    @cached_property
    def tree(self) -> Hierarchy:
        # In file order, as the checks read them: with a repeated id (CX004) the first counts.
        return hierarchy((doc.model.id, doc.model.parent) for doc in self.project.journeys)

    @cached_property
    def _by_id(self) -> dict[str, JourneyDocument]:
        return {doc.model.id: doc for doc in reversed(self.project.journeys)}

    def _in_tree(self, doc: JourneyDocument) -> bool:
        """Whether the journey has its place in the tree: a second one of an id has none."""
        return self._by_id.get(doc.model.id) is doc

    def _children(self, doc: JourneyDocument) -> list[JourneyDocument]:
        if not self._in_tree(doc):
            return []
        children = [self._by_id[key] for key in self.tree.children_of.get(doc.model.id, [])]
        return sorted(children, key=self._sort_key)

    @cached_property
    def journeys(self) -> tuple[JourneyCard, ...]:
        """Every journey, depth first: each parent followed by the journeys it is made of.

        A journey whose id another journey already uses (CX004) is listed as a root.
        """
        roots = [
            doc
            for doc in self.project.journeys
            if not self._in_tree(doc) or self.tree.is_root(doc.model.id)
        ]
        waiting = [(doc, 0) for doc in sorted(roots, key=self._sort_key, reverse=True)]
        cards: list[JourneyCard] = []
        while waiting:  # depth first, without recursion: a tree may be deep
            doc, depth = waiting.pop()
            children = self._children(doc)
            cards.append(self._card(doc, depth, children))
            waiting.extend((child, depth + 1) for child in reversed(children))
        return tuple(cards)

    def _card(
        self, doc: JourneyDocument, depth: int, children: list[JourneyDocument]
    ) -> JourneyCard:
        below = self._below(doc)
        rolled = self.scorer.journey([doc, *below]) if below else None
        # A journey made only of others is as far along as they are.
        own = rolled if rolled and not doc.model.touchpoints else self.scorer.journey([doc])
        return JourneyCard(
            doc,
            depth,
            own,
            rolled or own,
            effort(doc.model),
            self._health([doc]),
            self._health([doc, *below]),
            tuple(child.model.id for child in children),
            tuple(self.tree.ancestors(doc.model.id)) if self._in_tree(doc) else (),
        )

    @property
    def unread(self) -> list[str]:
        """The journey files that could not be read: they are at no level at all."""
        return unread(summaries(self.project), self.project)

    @cached_property
    def _by_file(self) -> dict[str, JourneyCard]:
        return {card.doc.file: card for card in self.journeys}

    def _below(self, doc: JourneyDocument) -> list[JourneyDocument]:
        """The journeys ``doc`` is made of, at any depth."""
        if not self._in_tree(doc):
            return []
        return [self._by_id[key] for key in self.tree.descendants(doc.model.id)]

    def card_of(self, doc: JourneyDocument) -> JourneyCard:
        return self._by_file[doc.file]

    @cached_property
    def blockers(self) -> list[Blocker]:
        """The criteria that hold journeys back from their next level, most first."""
        held: dict[str, Blocker] = {}
        places: dict[str, set[Place]] = {}
        for card in self.journeys:
            if not card.doc.model.touchpoints:
                continue  # made only of others: held back by them, counted there
            for gap in card.own.missing:
                found = held.setdefault(gap.criterion.id, Blocker(gap.level, gap.criterion, [], 0))
                found.journeys.append(card)
                unique = places.setdefault(gap.criterion.id, set())
                unique.update(gap.places)
                found.places = len(unique)
        return sorted(
            held.values(), key=lambda b: (-len(b.journeys), b.level.number, b.criterion.id)
        )

    @cached_property
    def _severities(self) -> dict[str, Counter[Severity]]:
        found: dict[str, Counter[Severity]] = {}
        for finding in self.report.findings:
            found.setdefault(finding.file, Counter())[finding.severity] += 1
        return found

    def _health(self, docs: Sequence[JourneyDocument]) -> Health:
        counts: Counter[Severity] = Counter()
        for doc in docs:
            counts.update(self._severities.get(doc.file, Counter()))
        emotions = tuple(
            tp.emotion for doc in docs for tp in doc.model.touchpoints if tp.emotion is not None
        )
        return Health(
            counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], emotions
        )

    @cached_property
    def teams(self) -> tuple[TeamCard, ...]:
        """Every team of the organisation, in its order."""
        org = self.project.organization
        if org is None:
            return ()
        cards = []
        for team in org.model.teams:
            touchpoints = sum(
                tp.owner == team.id for doc in self.project.journeys for tp in doc.model.touchpoints
            )
            journeys = sum(doc.model.owner == team.id for doc in self.project.journeys)
            cards.append(
                TeamCard(
                    team.id,
                    display_name(self.project, "team", team.id),
                    self.scorer.team(team.id, self._below),
                    journeys,
                    touchpoints,
                )
            )
        return tuple(cards)

    def team(self, team: str) -> TeamCard | None:
        return next((card for card in self.teams if card.id == team), None)

    @property
    def has_tree(self) -> bool:
        """Whether some journey is part of another."""
        return self.tree.has_links

    @property
    def journey_levels(self) -> dict[int, int]:
        """How many journeys are at each level, from 0 up; a file that cannot be read, at 0."""
        return _count([*(card.own.level for card in self.journeys), *(0 for _ in self.unread)])

    @property
    def team_levels(self) -> dict[int, int]:
        """How many teams that own something are at each level, from 0 up."""
        return _count(card.score.level for card in self.teams if card.score is not None)


def _count(levels: Iterable[int]) -> dict[int, int]:
    counts = Counter(levels)
    return {number: counts.get(number, 0) for number in range(len(LADDER) + 1)}
