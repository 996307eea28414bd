"""``cxmap build``: check, draw and build the handbook; replace the old site only on success."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from cxmap.commands.shared import echo, mkdocs_config_file, show_mkdocs_log
from cxmap.errors import EXIT_FINDINGS, CxmapError
from cxmap.files import replace_folder
from cxmap.findings import Severity
from cxmap.linter import lint
from cxmap.mkdocs_plugin import handed_over
from cxmap.paths import DEFAULT_SITE_DIR, SITE_MARKER, ProjectPaths
from cxmap.reporters.text import summary_line


def run(
    project_dir: Path, site_dir: Path | None, strict: bool, offline: bool, cache: bool = True
) -> int:
    report = lint(project_dir)
    paths = ProjectPaths.of(report.project)
    target = site_dir if site_dir is not None else paths.site_dir
    setting = "site_dir in mkdocs.yml" if site_dir is None and paths.site_dir_configured else ""
    # Write where the links lead, so that a site folder that is a link stays one.
    real_target = paths.check_output(
        target, what="the site", marker=SITE_MARKER, suggestion=DEFAULT_SITE_DIR, setting=setting
    )
    echo(f"cxmap check: {summary_line(report)}", err=True)
    if strict and report.count(Severity.ERROR):
        echo(
            "cxmap: --strict, and the journeys have error-level findings; "
            "the site was not built (run 'cxmap check' for the list)",
            err=True,
        )
        return EXIT_FINDINGS
    real_target.parent.mkdir(parents=True, exist_ok=True)
    show_mkdocs_log()
    staging = Path(
        tempfile.mkdtemp(prefix=f".{real_target.name}.building-", dir=real_target.parent)
    )
    try:
        with mkdocs_config_file(report) as config_file, handed_over(report, cache=cache):
            config = load_config(
                config_file=str(config_file),
                site_dir=str(staging),
                strict=strict,
                use_directory_urls=False if offline else None,
            )
            if offline:
                _add_offline_plugin(config)
            build(config)
        (staging / SITE_MARKER).write_text(
            "Written by cxmap build; the next build replaces this folder whole.\n",
            encoding="utf-8",
        )
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        echo(f"cxmap: the site was not built: {exc}", err=True)
        return EXIT_FINDINGS
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_folder(real_target, staging)
    echo(f"cxmap: built the handbook in {target}", err=True)
    return 0


def _add_offline_plugin(config: object) -> None:
    from material.plugins.offline.plugin import OfflinePlugin

    plugins = config.plugins  # type: ignore[attr-defined]
    if any(name.endswith("offline") for name in plugins):
        return
    plugin = OfflinePlugin()
    errors, _ = plugin.load_config({})
    if errors:
        raise CxmapError(f"cannot enable the offline plugin: {errors}")
    plugins["material/offline"] = plugin
