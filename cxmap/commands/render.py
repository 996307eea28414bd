"""``cxmap render``: draw one view of one journey to an SVG, PNG or DOT file."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from cxmap.commands.shared import echo
from cxmap.config import check_link_pattern
from cxmap.diagrams import VIEWS, JourneyView, job
from cxmap.diagrams.render import FORMATS, render
from cxmap.errors import EXIT_FINDINGS, CxmapError
from cxmap.files import write_atomically
from cxmap.linter import Report, lint
from cxmap.reporters.text import render as render_text
from cxmap.suggest import did_you_mean


def run(project_dir: Path, journey_id: str, view: str, output: Path, link: str | None) -> int:
    output_format = output.suffix.lstrip(".").lower()
    if output_format not in FORMATS:
        raise CxmapError(
            f"cannot tell the format of {str(output)!r}: end the name in .svg, .png or .dot"
        )
    report = lint(project_dir)
    pattern = link if link is not None else report.project.config.diagrams.link
    problem = check_link_pattern(pattern)
    if problem:
        raise CxmapError(f"--link: {problem}")
    doc = next((d for d in report.project.journeys if d.model.id == journey_id), None)
    if doc is None:
        return _not_found(report, journey_id)
    findings = [finding for finding in report.findings if finding.file == doc.file]
    data = render(job(JourneyView(report.project, doc, findings, pattern), view, output_format))
    try:
        write_atomically(output, data)
    except OSError as exc:
        raise CxmapError(f"cannot write {str(output)!r}: {exc.strerror}") from None
    echo(f"wrote {output} ({VIEWS[view].words} of {journey_id!r})")
    return 0


def _not_found(report: Report, journey_id: str) -> int:
    """Show why a journey's own file does not load, or say that there is no such journey."""
    file = next((f for f in report.project.files if PurePosixPath(f).stem == journey_id), None)
    unread = [finding for finding in report.findings if finding.file == file]
    if file is not None and unread:
        echo(f"cannot draw journey {journey_id!r}: {file} does not load", err=True)
        echo(render_text(Report(report.project, unread, report.checks), False), err=True)
        return EXIT_FINDINGS
    known = [doc.model.id for doc in report.project.journeys]
    raise CxmapError(f"no journey {journey_id!r} in the project{did_you_mean(journey_id, known)}")
