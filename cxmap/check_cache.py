"""``cxmap check`` with a cache: a journey file that did not change is not read again.

What a check finds in one journey depends only on that journey, the organisation
and the configuration (see :attr:`cxmap.checks.registry.Check.run`); what it finds
by comparing journeys depends on their summaries (:mod:`cxmap.summary`). So each
journey file's findings and summary are kept in a :class:`~cxmap.cache.DiskCache`,
keyed by the file's bytes, the organisation file's bytes, the measurements file's
bytes, the configuration, the day (the review checks count from it) and cxmap's
own code. A run reads the organisation and the changed files, checks those, takes
the rest from the cache, then compares all journeys and settles the findings as
:func:`cxmap.linter.lint` does. The findings are the same, finding for finding.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cxmap import clock
from cxmap.cache import Store, code_version, digest
from cxmap.checks import all_checks
from cxmap.discovery import SourceFile, read
from cxmap.findings import Finding, located
from cxmap.linter import Report, collector_paused, load_project_config, settle
from cxmap.project import JourneyDocument, Project, read_file, second_organization, start_loading
from cxmap.summary import JourneySummary
from cxmap.yamlsource import Limits, Problem


@dataclass
class JourneyRecord:
    """What checking one journey file on its own found."""

    findings: list[Finding]
    summary: JourneySummary | None
    """``None`` when the file holds no journey that could be read."""


PARALLEL_FROM = 24
"""Files to check, at least, before they are checked on every core."""


def lint_cached(
    root: Path,
    store: Store,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
) -> Report:
    """:func:`cxmap.linter.lint`, reading only the journey files ``store`` has not seen.

    With :class:`~cxmap.cache.NoCache` every file is read; either way the journey
    files are checked on every core when there are many.
    """
    config = load_project_config(root)
    with collector_paused():
        start = start_loading(root, config)
        project = start.project
        journeys = [file for file, is_org in start.files if not is_org]
        org_bytes = b""
        for file, is_org in start.files:
            if is_org and not second_organization(project, file):
                org_bytes = _read_organization(project, file, start.limits) or org_bytes
        findings = _organization_findings(project, {file.name for file in journeys})
        context = digest(
            "check",
            code_version(),
            org_bytes,
            project.measurements.digest if project.measurements is not None else "",
            config.model_dump_json(),
            repr(start.limits),
            clock.today().isoformat(),
        )
        records = _records(project, journeys, start.limits, store, context)
        store.prune()
        project.summaries = [record.summary for record in records if record.summary]
        for record in records:
            findings += record.findings
        for item in all_checks():
            if item.across is not None:
                findings.extend(item.across(project.summaries, project))
        return settle(project, findings, select, ignore, strict)


def _read_organization(project: Project, file: SourceFile, limits: Limits) -> bytes | None:
    raw = read(file, project.root, limits)
    if isinstance(raw, Problem):
        project.findings.append(located(raw.code, raw.message, file.name, raw.mark))
        return None
    reading = read_file(file, raw, True, limits)
    project.findings += reading.findings
    project.organization = reading.organization
    return raw if reading.organization is not None else None


def _organization_findings(project: Project, journey_files: set[str]) -> list[Finding]:
    """What reading found so far, and what the checks find in the organisation and config."""
    findings = list(project.findings)
    alone = Project(project.root, project.config, project.organization, [], [], project.files)
    for item in all_checks():
        if item.run is not None:
            findings += [
                f for f in item.run(alone) if f.file not in journey_files and f.journey is None
            ]
    return findings


def _records(
    project: Project, files: list[SourceFile], limits: Limits, store: Store, context: str
) -> list[JourneyRecord]:
    """Each journey file's record, from the store or checked now."""
    records: list[JourneyRecord | None] = []
    missing: list[tuple[int, str, SourceFile, bytes]] = []
    for file in files:
        raw = read(file, project.root, limits)
        if isinstance(raw, Problem):
            records.append(
                JourneyRecord([located(raw.code, raw.message, file.name, raw.mark)], None)
            )
            continue
        key = digest(context, file.name, raw)
        cached = store.get(key)
        records.append(cached if isinstance(cached, JourneyRecord) else None)
        if records[-1] is None:
            missing.append((len(records) - 1, key, file, raw))
    checked = _check_all(project, [(file, raw) for _, _, file, raw in missing], limits)
    for (index, key, _, _), record in zip(missing, checked, strict=True):
        store.put(key, record)
        records[index] = record
    return [record for record in records if record is not None]


_WORK: tuple[Project, Limits] | None = None
"""What a worker process checks files against; set before the workers are forked."""


def _check_all(
    project: Project, files: list[tuple[SourceFile, bytes]], limits: Limits
) -> list[JourneyRecord]:
    global _WORK
    cores = os.cpu_count() or 1
    if (
        len(files) < PARALLEL_FROM
        or cores < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [_check_file(project, file, raw, limits) for file, raw in files]
    _WORK = (project, limits)
    try:
        # Forked workers start with the project read so far; each sends back only
        # the findings and the summary of its files, which are small.
        with multiprocessing.get_context("fork").Pool(min(cores, len(files))) as pool:
            return pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (cores * 4)))
    finally:
        _WORK = None


def _check_in_worker(item: tuple[SourceFile, bytes]) -> JourneyRecord:
    assert _WORK is not None
    project, limits = _WORK
    return _check_file(project, item[0], item[1], limits)


def _check_file(project: Project, file: SourceFile, raw: bytes, limits: Limits) -> JourneyRecord:
    reading = read_file(file, raw, False, limits)
    record = JourneyRecord(reading.findings, None)
    if reading.journey is not None:
        record.findings += _journey_findings(project, reading.journey)
        record.summary = JourneySummary.of(reading.journey)
    return record


def _journey_findings(project: Project, doc: JourneyDocument) -> list[Finding]:
    """What the checks find in one journey on its own."""
    alone = Project(project.root, project.config, project.organization, [doc], [], [doc.file])
    alone.measurements = project.measurements
    return [
        finding
        for item in all_checks()
        if item.run is not None
        for finding in item.run(alone)
        # the organisation's and the configuration's findings are made once, not per journey
        if finding.file == doc.file or finding.journey == doc.model.id
    ]
