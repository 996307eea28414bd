"""``cxmap serve``: a live preview; editing a journey rebuilds the affected pages."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve

from cxmap.commands.build import show_mkdocs_log
from cxmap.commands.site import mkdocs_config_file
from cxmap.config import CONFIG_FILE
from cxmap.linter import lint


def run(project_dir: Path, dev_addr: str | None) -> int:
    report = lint(project_dir)
    show_mkdocs_log()
    watch = [str(project_dir / report.project.config.journeys_dir)]
    if (project_dir / CONFIG_FILE).exists():
        watch.append(str(project_dir / CONFIG_FILE))
    with mkdocs_config_file(report) as config_file:
        serve(config_file=str(config_file), livereload=True, watch=watch, dev_addr=dev_addr)
    return 0
