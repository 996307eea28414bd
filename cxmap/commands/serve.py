"""``cxmap serve``: a live preview; editing a journey rebuilds the affected pages.

MkDocs' server builds into a temporary folder of its own, so nothing in the
project (nor mkdocs.yml's ``site_dir``) is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve

from cxmap.commands.build import show_mkdocs_log
from cxmap.commands.site import mkdocs_config_file
from cxmap.linter import lint
from cxmap.paths import ProjectPaths


def run(project_dir: Path, dev_addr: str | None) -> int:
    report = lint(project_dir)
    paths = ProjectPaths.of(report.project)
    show_mkdocs_log()
    watch = [str(paths.journeys)]
    if paths.config_file.exists():
        watch.append(str(paths.config_file))
    with mkdocs_config_file(report) as config_file:
        serve(config_file=str(config_file), livereload=True, watch=watch, dev_addr=dev_addr)
    return 0
