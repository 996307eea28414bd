"""``cxmap check``: validate a project and report the findings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cxmap.cache import DiskCache, NoCache
from cxmap.check_cache import lint_cached
from cxmap.commands.shared import echo
from cxmap.linter import parse_codes
from cxmap.paths import cache_folder
from cxmap.reporters import REPORTERS


def run(
    project_dir: Path,
    *,
    output_format: str = "text",
    strict: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    color: bool = False,
    cache: bool = True,
) -> int:
    selected = parse_codes(select, "--select")
    ignored = parse_codes(ignore, "--ignore")
    store = DiskCache(cache_folder("check")) if cache else NoCache()
    report = lint_cached(project_dir, store, selected, ignored, strict)
    output = REPORTERS[output_format](report, color)
    if output:
        echo(output, color=color)
    return report.exit_code
