"""Run the checks on a project and settle each finding's fate.

Reading a project and running checks *collect* findings; this module applies the
project's configuration (severity per code, ``off``), the ``ignore:`` lists of
journeys and touch points and the command line's ``--select``/``--ignore``, then
hands a sorted :class:`Report` to whichever reporter was asked for.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxmap.checks import REGISTRY, all_checks, known_codes
from cxmap.config import Config, load_config
from cxmap.errors import EXIT_FINDINGS, EXIT_OK, CxmapError, ProjectNotFound
from cxmap.findings import Finding, Severity
from cxmap.project import Project, load_project
from cxmap.readings import Readings
from cxmap.suggest import did_you_mean
from cxmap.summary import summaries
from cxmap.suppressions import Suppressions


@dataclass
class Report:
    """The findings that survived configuration and filtering, sorted by place.

    ``checks`` are the codes that ran (not switched off or filtered out);
    ``strict`` makes every finding fail the run.
    """

    project: Project
    findings: list[Finding]
    checks: list[str]
    strict: bool = False

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(finding.severity for finding in self.findings)
        return {
            "files": len(self.project.files),
            "journeys": self.project.journey_count,
            "touchpoints": self.project.touchpoint_count,
            "error": counts[Severity.ERROR],
            "warning": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
        }

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` makes the run fail."""
        return self.strict or finding.severity is Severity.ERROR

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if any(map(self.fails, self.findings)) else EXIT_OK


def parse_codes(values: Iterable[str], option: str) -> tuple[str, ...]:
    """Split ``--select``/``--ignore`` values (codes, prefixes such as CX3, or names)."""
    table = known_codes()
    codes = []
    for value in values:
        for item in value.replace(" ", ",").split(","):
            if not item:
                continue
            code = table.get(item, item.upper())
            if not any(known.startswith(code) for known in REGISTRY):
                raise CxmapError(
                    f"{option}: {item!r} matches no check{did_you_mean(item, table)} "
                    "(see 'cxmap rules')"
                )
            codes.append(code)
    return tuple(codes)


def collect(project: Project) -> list[Finding]:
    """Every finding of the project, at its check's default severity."""
    findings = list(project.findings)
    journeys = summaries(project)
    for item in all_checks():
        if item.run is not None:
            findings.extend(item.run(project))
        if item.across is not None:
            findings.extend(item.across(journeys, project))
    return findings


def settle(
    project: Project,
    findings: Iterable[Finding],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
) -> Report:
    """Apply suppressions, configuration and filters; sort what remains."""
    rules = project.config.rules
    enabled = {
        code
        for code in REGISTRY
        if rules.get(code) != "off"
        and (not select or code.startswith(tuple(select)))
        and not (ignore and code.startswith(tuple(ignore)))
    }
    suppressions = Suppressions(summaries(project))
    visible = [finding for finding in findings if not suppressions.hides(finding)]
    visible += suppressions.unused(set(REGISTRY))
    kept = []
    for finding in visible:
        if finding.code not in enabled:
            continue
        level = rules.get(finding.code)
        severity = Severity(level) if level else REGISTRY[finding.code].severity
        if finding.at_most is not None and finding.at_most.rank > severity.rank:
            severity = finding.at_most
        kept.append(dataclasses.replace(finding, severity=severity))
    kept.sort(key=lambda finding: finding.sort_key)
    return Report(project, kept, sorted(enabled), strict)


def lint(
    root: Path,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
    readings: Readings | None = None,
) -> Report:
    """Read, check and settle the project at ``root``; unchanged files from ``readings``."""
    config = load_project_config(root)
    with collector_paused():
        project = load_project(root, config, readings)
        return settle(project, collect(project), select, ignore, strict)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector in the block.

    Reading a project makes millions of small objects and no garbage cycles; the
    collector would walk them all again and again, which doubled the time of a check.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_project_config(root: Path) -> Config:
    if not root.is_dir():
        raise ProjectNotFound(f"project directory {str(root)!r} does not exist")
    return load_config(root, known_codes())
