"""Text for people: ``path:line:col: CODE [severity] message``, grouped by file."""

from __future__ import annotations

from itertools import groupby

import click

from cxmap.findings import Severity
from cxmap.linter import Report

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}

# Control characters from user text must not reach a terminal or a CI log raw.
_CONTROLS = {
    code: f"\\x{code:02x}" for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if code != 0x0A
}


def printable(text: str) -> str:
    """``text`` with control characters (but newlines) shown as ``\\xNN``."""
    return text.translate(_CONTROLS)


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(report: Report) -> str:
    counts = report.summary
    scope = (
        f"{_plural(counts['files'], 'file')} "
        f"({_plural(counts['journeys'], 'journey')}, "
        f"{_plural(counts['touchpoints'], 'touch point')})"
    )
    if not report.findings:
        return f"All checks passed: {scope}."
    found = ", ".join(_plural(counts[severity.value], severity.value) for severity in Severity)
    return f"Found {found} in {scope}."


def render(report: Report, color: bool = False) -> str:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    blocks = []
    for _, group in groupby(report.findings, key=lambda finding: finding.file):
        lines = []
        for finding in group:
            place = style(f"{printable(finding.file)}:{finding.line}:{finding.column}:", bold=True)
            code = style(finding.code, fg=_COLORS[finding.severity], bold=True)
            severity = style(f"[{finding.severity.value}]", fg=_COLORS[finding.severity])
            lines.append(f"{place} {code} {severity} {printable(finding.message)}")
        blocks.append("\n".join(lines))
    closing = summary_line(report)
    if report.findings:
        closing = style(closing, bold=True)
    else:
        closing = style(closing, fg="green", bold=True)
    return "\n\n".join([*blocks, closing])
