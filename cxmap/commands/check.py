"""``cxmap check``: validate a project and report the findings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.linter import lint, parse_codes
from cxmap.reporters import REPORTERS


def run(
    project_dir: Path,
    *,
    output_format: str = "text",
    strict: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    color: bool = False,
) -> int:
    report = lint(
        project_dir,
        select=parse_codes(select, "--select"),
        ignore=parse_codes(ignore, "--ignore"),
        strict=strict,
    )
    output = REPORTERS[output_format](report, color)
    if output:
        echo(output, color=color)
    return report.exit_code
