"""Load a cxmap project: its configuration and every journey file, located.

Loading never stops at a bad file. Each file yields a document (a model, possibly
salvaged) and the findings met while reading it; later stages only see models.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from cxmap import clock
from cxmap.config import CONFIG_FILE, Config
from cxmap.discovery import SourceFile, discover, display_name, read
from cxmap.errors import ProjectNotFound
from cxmap.findings import START, Finding, Mark, Severity, located
from cxmap.measurements import Measurements, read_measurements
from cxmap.model import Journey, Organization, TouchPoint
from cxmap.paths import ORGANIZATION_FILES, ProjectPaths
from cxmap.suggest import did_you_mean
from cxmap.validation import validate
from cxmap.yamlpath import id_in
from cxmap.yamlsource import Limits, Node, Problem, YList, YMap, parse

if TYPE_CHECKING:
    from cxmap.readings import Readings
    from cxmap.summary import JourneySummary

M = TypeVar("M", bound=BaseModel)


@dataclass
class Document(Generic[M]):
    """A model read from one file, with what salvaging it left out."""

    file: str
    """Path relative to the project root, with forward slashes."""
    model: M
    pruned_ids: dict[str, set[str]] = field(default_factory=dict)
    placeholders: set[str] = field(default_factory=set)
    broken: set[tuple[str | None, str]] = field(default_factory=set)
    """Keys written with a wrong value (see :attr:`cxmap.validation.Validated.broken`)."""
    digest: str = ""
    """A hash of the file's bytes: what was drawn from an unchanged file can be reused."""

    def was_broken(self, key: str, item: str | None = None) -> bool:
        """Whether ``key`` (of the list item with id ``item``) was written but wrong."""
        return (item, key) in self.broken

    def known_ids(self, list_key: str, defined: Mapping[str, object]) -> set[str]:
        """Ids that exist in ``list_key``, including items dropped for schema errors."""
        return set(defined) | self.pruned_ids.get(list_key, set())


class OrganizationDocument(Document[Organization]):
    def finding(self, code: str, message: str, at: Mark) -> Finding:
        return located(code, message, self.file, at)


class JourneyDocument(Document[Journey]):
    def finding(
        self,
        code: str,
        message: str,
        at: Mark,
        touchpoint: TouchPoint | None = None,
        *,
        at_most: Severity | None = None,
        related: tuple[tuple[str, str], ...] = (),
    ) -> Finding:
        return located(
            code,
            message,
            self.file,
            at,
            journey=self.model.id,
            touchpoint=touchpoint.id if touchpoint is not None else None,
            at_most=at_most,
            related=related,
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
    stale: set[str] = field(default_factory=set)
    """Files that cannot be read now, shown as last read well (a live preview's)."""
    summaries: list[JourneySummary] | None = None
    """What checks across journeys read of each (see :func:`cxmap.summary.summaries`)."""
    measurements: Measurements | None = None
    """The measurements file, when the project has one."""
    journey_files: list[str] = field(default_factory=list)
    """The journey files found, whether or not they could be read."""

    @property
    def touchpoint_count(self) -> int:
        if self.summaries is not None:
            return sum(len(summary.touchpoints) for summary in self.summaries)
        return sum(len(doc.model.touchpoints) for doc in self.journeys)

    @property
    def journey_count(self) -> int:
        return len(self.summaries) if self.summaries is not None else len(self.journeys)

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


@dataclass
class FileReading:
    """What reading one file gave: its findings, and its document if it has one."""

    findings: list[Finding]
    organization: OrganizationDocument | None = None
    journey: JourneyDocument | None = None

    @property
    def document(self) -> Document[Any] | None:
        return self.organization or self.journey


def load_project(root: Path, config: Config, readings: Readings | None = None) -> Project:
    """Read every file of the project at ``root`` (unchanged files from ``readings``)."""
    start = start_loading(root, config)
    project, limits = start.project, start.limits
    for file, is_org in start.files:
        if is_org and second_organization(project, file):
            continue
        reading = _reading(project.root, file, is_org, limits, readings)
        project.findings += reading.findings
        if reading.document is None and readings is not None:
            good = readings.last_good(file.name, is_org)
            if good is not None:
                reading = good
                project.stale.add(file.name)
        if reading.organization is not None:
            project.organization = reading.organization
        if reading.journey is not None:
            project.journeys.append(reading.journey)
    if readings is not None:
        readings.forget_others(set(project.files))
    return project


@dataclass
class Start:
    """A project before its files are read: what to read, and the findings so far."""

    project: Project
    files: list[tuple[SourceFile, bool]]
    """Every file to read, with whether it is the organisation file."""
    limits: Limits


def start_loading(root: Path, config: Config) -> Start:
    """Find the project's files; refuse a project that is not there."""
    if not root.is_dir():
        raise ProjectNotFound(f"project directory {str(root)!r} does not exist")
    journeys_dir = ProjectPaths(root, config).journeys
    if not journeys_dir.is_dir():
        raise ProjectNotFound(
            f"{str(root)!r} has no journeys directory {config.journeys_dir!r} "
            "(create it, or set journeys_dir in cxmap.yaml)"
        )
    try:
        next(journeys_dir.iterdir(), None)
    except OSError as exc:
        raise ProjectNotFound(
            f"the journeys directory {str(journeys_dir)!r} cannot be read: {exc.strerror}"
        ) from None
    project = Project(root, config, None, [], [], [])
    found = discover(root, journeys_dir)
    for where, problem in found.problems:
        project.findings.append(located(problem.code, problem.message, where, problem.mark))
    organization_files = [
        file
        for file in found.files
        if file.path.parent == journeys_dir and file.path.name in ORGANIZATION_FILES
    ]
    if not organization_files:
        expected = display_name(journeys_dir / ORGANIZATION_FILES[0], root)
        project.findings.append(
            located(
                "CX002",
                f"the project has no organization file: create {expected} "
                "with departments, teams and stages",
                expected,
            )
        )
    project.files = [file.name for file in found.files]
    project.journey_files = [file.name for file in found.files if file not in organization_files]
    files = [(file, file in organization_files) for file in found.files]
    project.measurements = _measurements(project)
    if project.measurements is not None:
        project.findings += project.measurements.findings
    return Start(project, files, config.limits.to_limits())


def _measurements(project: Project) -> Measurements | None:
    """Read the measurements file; a missing one is only a mistake when configured."""
    settings = project.config.measurements
    path = ProjectPaths(project.root, project.config).measurements
    name = settings.file.replace("\\", "/")
    try:
        found = path.is_file()
        what = "is not a file" if path.exists() else "does not exist"
    except OSError as exc:  # a path the system refuses, e.g. one too long
        found, what = False, f"cannot be read: {exc.strerror}"
    if found:
        return read_measurements(path, name, clock.today(), project.config.limits.max_file_size)
    if settings.required:
        project.findings.append(
            located(
                "CX002",
                f"measurements: the file {name!r} {what}",
                CONFIG_FILE,
                settings.value_at("file"),
            )
        )
    return None


def second_organization(project: Project, file: SourceFile) -> bool:
    """Whether an organisation was read already; then ``file`` gets a finding instead."""
    if project.organization is None:
        return False
    project.findings.append(
        located("CX004", "a second organization file; keep only one", file.name)
    )
    return True


def _reading(
    root: Path, file: SourceFile, is_org: bool, limits: Limits, readings: Readings | None
) -> FileReading:
    raw = read(file, root, limits)
    if isinstance(raw, Problem):
        return FileReading([located(raw.code, raw.message, file.name, raw.mark)])
    if readings is None:
        return read_file(file, raw, is_org, limits)
    key = hashlib.sha256(raw).hexdigest() + repr(limits)
    reading = readings.get(file.name, is_org, key)
    if reading is None:
        reading = read_file(file, raw, is_org, limits)
        document = reading.document
        if document is not None:
            document.digest = key
        readings.remember(file.name, is_org, key, reading)
    return reading


def read_file(file: SourceFile, raw: bytes, is_org: bool, limits: Limits) -> FileReading:
    """Parse and validate one file's bytes."""
    reading = FileReading([])
    source = parse(raw, limits)
    kind = "organization" if is_org else "journey"
    body = None if source.fatal else _body(source.data, kind, file.name, reading.findings)
    # Attribute problems to touch points now: validation may prune the lists.
    touchpoints = [_touchpoint_of(body, problem.path) for problem in source.problems]
    journey_id = None
    if body is not None and is_org:
        reading.organization = _organization(reading.findings, file.name, body)
    elif body is not None:
        reading.journey, journey_id = _journey(reading.findings, file, body)
    for problem, touchpoint in zip(source.problems, touchpoints, strict=True):
        reading.findings.append(
            located(
                problem.code,
                problem.message,
                file.name,
                problem.mark,
                journey=journey_id,
                touchpoint=touchpoint,
            )
        )
    return reading


def _organization(findings: list[Finding], file: str, body: YMap) -> OrganizationDocument | None:
    placeholders: dict[str, object] = {
        "name": "Organization",
        "departments": [],
        "teams": [],
        "stages": [],
    }
    result = validate(Organization, body, placeholders)
    findings += [located("CX002", e.message, file, e.mark) for e in result.errors]
    if result.model is None:
        return None
    return OrganizationDocument(
        file, result.model, result.pruned_ids, result.placeholders, result.broken
    )


def _journey(
    findings: list[Finding], file: SourceFile, body: YMap
) -> tuple[JourneyDocument | None, str]:
    """Validate a journey; return it and the id its findings carry."""
    stem = re.sub(r"[^a-z0-9-]+", "-", file.path.stem.lower()).strip("-")[:64] or "journey"
    placeholders: dict[str, object] = {
        "id": stem,
        "title": file.path.stem,
        "stages": [],
        "touchpoints": [],
    }
    written_id = _journey_id(body)
    result = validate(Journey, body, placeholders, item_key="touchpoints")
    journey_id = result.model.id if result.model is not None else written_id or stem
    findings += [
        located("CX002", e.message, file.name, e.mark, journey=journey_id, touchpoint=e.item)
        for e in result.errors
    ]
    if result.model is None:
        return None, journey_id
    document = JourneyDocument(
        file.name, result.model, result.pruned_ids, result.placeholders, result.broken
    )
    return document, journey_id


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


def _touchpoint_of(body: YMap | None, path: tuple[str | int, ...]) -> str | None:
    """The id of the touch point that a problem's ``path`` leads into, if any."""
    if body is None or path[:2] != ("journey", "touchpoints"):
        return None
    return id_in(body, path[1:3], "touchpoints")
