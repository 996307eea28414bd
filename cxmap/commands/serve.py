"""``cxmap serve``: a live preview; editing a journey rebuilds the affected pages.

MkDocs' server builds into a temporary folder of its own, so nothing in the
project (nor mkdocs.yml's ``site_dir``) is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve

from cxmap.commands.shared import mkdocs_config_file, show_mkdocs_log
from cxmap.linter import lint
from cxmap.mkdocs_plugin import handed_over
from cxmap.readings import Readings


def run(project_dir: Path, dev_addr: str | None, cache: bool = True) -> int:
    readings = Readings()
    report = lint(project_dir, readings=readings)
    show_mkdocs_log()
    # The plugin watches the journeys and cxmap.yaml (ProjectPaths.watched).
    with mkdocs_config_file(report) as config_file, handed_over(report, readings, cache=cache):
        serve(config_file=str(config_file), livereload=True, dev_addr=dev_addr)
    return 0
