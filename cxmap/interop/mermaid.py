"""Mermaid ``journey`` diagrams: read one into a cxmap journey, write one from it.

The syntax, line by line: ``journey``; ``title``; ``accTitle: …``; ``accDescr: …``
or ``accDescr { … }`` over several lines; ``section NAME``; tasks written
``NAME: SCORE: ACTOR, ACTOR`` (actors optional, a trailing colon allowed); ``%%``
comments. A score from 1 to 5 is an emotion from -2 to 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cxmap.facts import journey_stages
from cxmap.model import Journey
from cxmap.model.types import SLUG_MAX, slugify
from cxmap.project import Project

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"#(\d+);")


class MermaidError(ValueError):
    """The text is not a Mermaid journey; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Task:
    name: str
    score: int
    actors: list[str]
    line: int


@dataclass
class Section:
    name: str
    tasks: list[Task] = field(default_factory=list)


@dataclass
class MermaidJourney:
    title: str = ""
    accessible_title: str = ""
    description: str = ""
    sections: list[Section] = field(default_factory=list)


def _text(value: str) -> str:
    """Mermaid text as plain text: ``<br>`` variants become spaces, ``#58;`` a colon."""
    value = _BREAK.sub(" ", value)
    value = _ENTITY.sub(lambda match: chr(int(match.group(1))), value)
    return " ".join(value.split())


def parse(text: str) -> MermaidJourney:
    """Read a Mermaid journey; :class:`MermaidError` says where it is not one."""
    journey = MermaidJourney()
    lines = text.splitlines()
    seen_header = False
    number = 0
    while number < len(lines):
        raw = lines[number]
        number += 1
        line = raw.split("%%", 1)[0].strip() if not raw.strip().startswith("%%") else ""
        if not line:
            continue
        if not seen_header:
            if line != "journey":
                raise MermaidError("a Mermaid journey starts with the line 'journey'", number)
            seen_header = True
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "title":
            journey.title = _text(rest)
        elif line.startswith("accTitle"):
            journey.accessible_title = _text(line.partition(":")[2])
        elif line.startswith("accDescr") and line.rstrip().endswith("{"):
            body = []
            while number < len(lines) and "}" not in lines[number]:
                body.append(lines[number].strip())
                number += 1
            if number >= len(lines):
                raise MermaidError("accDescr { … } is not closed with }", number)
            body.append(lines[number].split("}", 1)[0].strip())
            number += 1
            journey.description = _text(" ".join(body))
        elif line.startswith("accDescr"):
            journey.description = _text(line.partition(":")[2])
        elif keyword == "section":
            journey.sections.append(Section(_text(rest)))
        else:
            if not journey.sections:
                journey.sections.append(Section(""))
            journey.sections[-1].tasks.append(_task(line, number))
    if not seen_header:
        raise MermaidError("the file holds no Mermaid journey", 1)
    return journey


def _task(line: str, number: int) -> Task:
    parts = line.split(":")
    if len(parts) < 2:
        raise MermaidError(f"a task is 'name: score: actors', not {line!r}", number)
    name, score_text = parts[0], parts[1].strip()
    try:
        score = int(score_text)
    except ValueError:
        raise MermaidError(f"the score of task {name.strip()!r} is not a number", number) from None
    actors = [_text(a) for a in ":".join(parts[2:]).split(",") if a.strip()]
    return Task(_text(name), score, actors, number)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, count = slug, 2
    while candidate in taken:
        suffix = f"-{count}"
        candidate, count = slug[: SLUG_MAX - len(suffix)].rstrip("-") + suffix, count + 1
    taken.add(candidate)
    return candidate


def to_journey(parsed: MermaidJourney, fallback_id: str) -> tuple[dict[str, Any], list[str]]:
    """The journey as cxmap data, and warnings (scores clamped)."""
    warnings: list[str] = []
    stage_ids: list[str] = []
    taken_stages: set[str] = set()
    taken_points: set[str] = set()
    touchpoints: list[dict[str, Any]] = []
    title = parsed.title or parsed.accessible_title or fallback_id
    for number, section in enumerate(parsed.sections, start=1):
        stage = _unique(slugify(section.name, f"stage-{number}"), taken_stages)
        stage_ids.append(stage)
        for task in section.tasks:
            emotion = min(max(task.score, 1), 5) - 3
            if not 1 <= task.score <= 5:
                warnings.append(
                    f"line {task.line}: score {task.score} of {task.name!r} is outside 1..5; "
                    f"emotion set to {emotion:+d}"
                )
            point: dict[str, Any] = {
                "id": _unique(slugify(task.name, "touchpoint"), taken_points),
                "name": task.name or f"Task on line {task.line}",
                "stage": stage,
                "emotion": emotion,
            }
            if task.actors:
                point["actors"] = task.actors
            touchpoints.append(point)
    journey: dict[str, Any] = {"id": slugify(title, fallback_id), "title": title}
    if parsed.description:
        journey["description"] = parsed.description
    journey["stages"] = stage_ids
    journey["touchpoints"] = touchpoints
    return {"journey": journey}, warnings


def _escape(text: str) -> str:
    """Text for a Mermaid task or section: colons and '#' as numeric codes."""
    return " ".join(text.replace("#", "#35;").replace(":", "#58;").split())


def from_journey(journey: Journey, project: Project) -> str:
    """A Mermaid journey of ``journey``: stages as sections, emotions as scores 1..5."""
    org = project.organization
    lines = ["journey", f"  title {_escape(journey.title)}"]
    for stage in journey_stages(journey):
        members = [tp for tp in journey.touchpoints if tp.stage == stage]
        if not members:
            continue
        found = org.model.stage_ids.get(stage) if org is not None else None
        lines.append(f"  section {_escape(found.title if found else stage)}")
        for tp in members:
            score = (tp.emotion if tp.emotion is not None else 0) + 3
            actors = tp.actors or ([tp.owner] if tp.owner else [])
            who = ", ".join(_escape(actor).replace(",", "#44;") for actor in actors)
            lines.append(f"    {_escape(tp.name)}: {score}" + (f": {who}" if who else ""))
    return "\n".join(lines) + "\n"
