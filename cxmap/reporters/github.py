"""GitHub Actions workflow commands: annotations on the changed lines of a pull request."""

from __future__ import annotations

from cxmap.checks import REGISTRY
from cxmap.findings import Severity
from cxmap.linter import Report
from cxmap.reporters.paths import repository_path
from cxmap.reporters.text import printable, summary_line

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    lines = []
    for finding in report.findings:
        command = _COMMANDS[finding.severity]
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", printable(repository_path(report, finding.file))),
                ("line", finding.line),
                ("col", finding.column),
                ("title", f"{finding.code} {REGISTRY[finding.code].name}"),
            )
        )
        lines.append(f"::{command} {properties}::{escape_data(printable(finding.message))}")
    lines.append(summary_line(report))
    return "\n".join(lines)
