"""Load a cxmap project: its configuration and every journey file, located.

Loading never stops at a bad file. Each file yields a document (a model, possibly
salvaged) and the findings met while reading it; later stages only see models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from cxmap.config import Config
from cxmap.errors import ProjectNotFound
from cxmap.findings import START, Finding, Mark, located
from cxmap.model import Journey, Organization, TouchPoint
from cxmap.suggest import did_you_mean
from cxmap.validation import owner_ids, validate
from cxmap.yamlsource import Limits, Node, Problem, YList, YMap, parse

ORGANIZATION_FILES = ("organization.yaml", "organization.yml")
YAML_SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)


@dataclass
class Document(Generic[M]):
    """A model read from one file, with what salvaging it left out."""

    file: str
    """Path relative to the project root, with forward slashes."""
    model: M
    pruned_ids: dict[str, set[str]] = field(default_factory=dict)
    placeholders: set[str] = field(default_factory=set)

    def known_ids(self, list_key: str, defined: Mapping[str, object]) -> set[str]:
        """Ids that exist in ``list_key``, including items dropped for schema errors."""
        return set(defined) | self.pruned_ids.get(list_key, set())


class OrganizationDocument(Document[Organization]):
    def finding(self, code: str, message: str, at: Mark) -> Finding:
        return located(code, message, self.file, at)


class JourneyDocument(Document[Journey]):
    def finding(
        self, code: str, message: str, at: Mark, touchpoint: TouchPoint | None = None
    ) -> Finding:
        return located(
            code,
            message,
            self.file,
            at,
            journey=self.model.id,
            touchpoint=touchpoint.id if touchpoint is not None else None,
        )


@dataclass
class Project:
    """Everything read from a project directory."""

    root: Path
    config: Config
    organization: OrganizationDocument | None
    journeys: list[JourneyDocument]
    findings: list[Finding]
    """Findings met while reading files (CX001-CX003)."""
    files: list[str]

    @property
    def touchpoint_count(self) -> int:
        return sum(len(doc.model.touchpoints) for doc in self.journeys)

    def touchpoints(self) -> Iterator[tuple[JourneyDocument, TouchPoint]]:
        """Every touch point of every journey, in file and journey order."""
        for doc in self.journeys:
            for touchpoint in doc.model.touchpoints:
                yield doc, touchpoint

    def department_of(self, touchpoint: TouchPoint) -> str | None:
        """The touch point's department, or else its owning team's."""
        if touchpoint.department:
            return touchpoint.department
        if self.organization is None or not touchpoint.owner:
            return None
        team = self.organization.model.team_ids.get(touchpoint.owner)
        return team.department if team is not None else None

    def is_staffed(self, channel: str) -> bool:
        if self.organization is None:
            return False
        found = self.organization.model.channel_ids.get(channel)
        return found is not None and found.staffed


def discover(journeys_dir: Path) -> list[Path]:
    """The YAML files below ``journeys_dir``, hidden ones left out, in a stable order."""
    found = []
    for path in journeys_dir.rglob("*"):
        relative = path.relative_to(journeys_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix in YAML_SUFFIXES and not path.is_dir():
            found.append(path)
    return sorted(found, key=lambda path: path.relative_to(journeys_dir).as_posix())


def load_project(root: Path, config: Config) -> Project:
    """Read every file of the project at ``root``."""
    if not root.is_dir():
        raise ProjectNotFound(f"project directory {str(root)!r} does not exist")
    journeys_dir = root / config.journeys_dir
    if not journeys_dir.is_dir():
        raise ProjectNotFound(
            f"{str(root)!r} has no journeys directory {config.journeys_dir!r} "
            "(create it, or set journeys_dir in cxmap.yaml)"
        )
    limits = config.limits.to_limits()
    project = Project(root, config, None, [], [], [])
    resolved_root = root.resolve()
    paths = discover(journeys_dir)
    has_org = any(path.parent == journeys_dir and path.name in ORGANIZATION_FILES for path in paths)
    if not has_org:
        project.findings.append(
            located(
                "CX002",
                "the project has no organization file: create "
                f"{config.journeys_dir}/organization.yaml with departments, teams and stages",
                f"{config.journeys_dir}/organization.yaml",
            )
        )
    for path in paths:
        file = path.relative_to(root).as_posix()
        project.files.append(file)
        is_org = path.parent == journeys_dir and path.name in ORGANIZATION_FILES
        if is_org and project.organization is not None:
            project.findings.append(
                located("CX004", "a second organization file; keep only one", file)
            )
            continue
        _load_file(project, path, file, is_org, limits, resolved_root)
    return project


def _read(path: Path, resolved_root: Path, limits: Limits) -> bytes | Problem:
    try:
        real = path.resolve()
        if not real.is_relative_to(resolved_root):
            return Problem("CX001", "the file links to a place outside the project; refused")
        size = real.stat().st_size
        if size > limits.max_file_size:
            return Problem(
                "CX001",
                f"the file is {size:,} bytes, more than the limit of {limits.max_file_size:,} "
                "(limits.max_file_size in cxmap.yaml)",
            )
        return real.read_bytes()
    except OSError as exc:
        return Problem("CX001", f"the file cannot be read: {exc.strerror or exc}")


def _load_file(
    project: Project, path: Path, file: str, is_org: bool, limits: Limits, root: Path
) -> None:
    raw = _read(path, root, limits)
    if isinstance(raw, Problem):
        project.findings.append(located(raw.code, raw.message, file, raw.mark))
        return
    source = parse(raw, limits)
    kind = "organization" if is_org else "journey"
    body = None if source.fatal else _body(source.data, kind, file, project.findings)
    journey_id = _journey_id(body) if kind == "journey" else None
    for problem in source.problems:
        touchpoint = _touchpoint_at(body, problem.mark) if kind == "journey" else None
        project.findings.append(
            located(
                problem.code,
                problem.message,
                file,
                problem.mark,
                journey=journey_id,
                touchpoint=touchpoint,
            )
        )
    if body is None:
        return
    if is_org:
        _add_organization(project, file, body)
    else:
        _add_journey(project, path, file, body)


def _add_organization(project: Project, file: str, body: YMap) -> None:
    placeholders: dict[str, object] = {
        "name": "Organization",
        "departments": [],
        "teams": [],
        "stages": [],
    }
    result = validate(Organization, body, placeholders)
    project.findings += [located("CX002", e.message, file, e.mark) for e in result.errors]
    if result.model is not None:
        project.organization = OrganizationDocument(
            file, result.model, result.pruned_ids, result.placeholders
        )


def _add_journey(project: Project, path: Path, file: str, body: YMap) -> None:
    stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-")[:64] or "journey"
    placeholders: dict[str, object] = {
        "id": stem,
        "title": path.stem,
        "stages": [],
        "touchpoints": [],
    }
    journey_id = _journey_id(body)
    result = validate(Journey, body, placeholders)
    project.findings += [
        located(
            "CX002",
            e.message,
            file,
            e.mark,
            journey=journey_id,
            touchpoint=owner_ids(body, e.loc, "touchpoints"),
        )
        for e in result.errors
    ]
    if result.model is not None:
        project.journeys.append(
            JourneyDocument(file, result.model, result.pruned_ids, result.placeholders)
        )


def _body(data: Node, kind: str, file: str, findings: list[Finding]) -> YMap | None:
    """The mapping under the file's one top-level key, or ``None`` with a finding."""
    other = "journey" if kind == "organization" else "organization"

    def fail(message: str, at: Mark = START) -> None:
        findings.append(located("CX002", message, file, at))

    if data is None:
        fail(f"the file is empty: it should hold a mapping under '{kind}:'")
        return None
    if not isinstance(data, YMap):
        fail(f"the file holds {_shape(data)}; it should hold a mapping under '{kind}:'")
        return None
    for key in data:
        if key == kind:
            continue
        if key == other and kind == "journey":
            fail("only the organization file may hold 'organization:'", data.key_at(key))
        elif key == other:
            fail("a journey belongs in a file of its own", data.key_at(key))
        else:
            hint = did_you_mean(key, [kind])
            fail(
                f"unknown top-level key {key!r}{hint}; the file holds only '{kind}:'",
                data.key_at(key),
            )
    if kind not in data:
        if not data:
            fail(f"the file holds an empty mapping; it should hold a mapping under '{kind}:'")
        return None
    body = data[kind]
    if not isinstance(body, YMap):
        fail(f"'{kind}' must be a mapping, not {_shape(body)}", data.value_at(kind))
        return None
    return body


def _shape(value: Node) -> str:
    if value is None:
        return "nothing"
    return "a list" if isinstance(value, YList) else "a single value"


def _journey_id(body: YMap | None) -> str | None:
    value = body.get("id") if body is not None else None
    return value if isinstance(value, str) else None


def _touchpoint_at(body: YMap | None, mark: Mark) -> str | None:
    """The id of the touch point whose mapping holds ``mark``, judged by position."""
    if body is None:
        return None
    items = body.get("touchpoints")
    if not isinstance(items, YList) or mark < body.value_at("touchpoints"):
        return None
    later_keys = [at for at in body.key_marks.values() if at > body.key_at("touchpoints")]
    if later_keys and mark >= min(later_keys):
        return None
    found = None
    for item, at in zip(items, items.item_marks, strict=True):
        if at > mark:
            break
        found = item
    item_id = found.get("id") if isinstance(found, YMap) else None
    return item_id if isinstance(item_id, str) else None
