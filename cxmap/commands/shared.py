"""What the commands share: printing, and for ``build`` and ``serve`` MkDocs' setup.

Commands print through :func:`echo`, so that click stays in the shells
(:mod:`cxmap.cli` and this module). Where output may be written is
:meth:`cxmap.paths.ProjectPaths.check_output`.
"""

from __future__ import annotations

import contextlib
import html
import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import yaml

from cxmap.linter import Report
from cxmap.paths import MKDOCS_FILE, ProjectPaths


def echo(text: str = "", *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Print a line to standard output, or to standard error with ``err``."""
    click.echo(text, err=err, nl=nl, color=color)


def show_mkdocs_log() -> None:
    """Let MkDocs' own messages (and cxmap's progress) reach the terminal."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_cxmap", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._cxmap = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    {"pymdownx.tabbed": {"alternate_style": True}},
]

THEME: dict[str, Any] = {
    "name": "material",
    "font": False,
    "features": [
        "navigation.tabs",
        "navigation.sections",
        "navigation.indexes",
        "navigation.top",
        "navigation.footer",
        "search.suggest",
        "search.highlight",
        "content.tabs.link",
        "toc.follow",
    ],
    "palette": [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "toggle": {"icon": "material/weather-night", "name": "Dark mode"},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "toggle": {"icon": "material/weather-sunny", "name": "Light mode"},
        },
    ],
}


def default_config(report: Report, docs_dir: Path) -> dict[str, Any]:
    """The MkDocs configuration of a project that has no ``mkdocs.yml``."""
    org = report.project.organization
    # MkDocs themes print the site name without escaping it.
    name = html.escape(org.model.name if org is not None else "Customer-service", quote=False)
    project = str(report.project.root.resolve())
    plugins: list[Any] = ["search", "tags", {"cxmap": {"project": project}}]
    return {
        "site_name": f"{name} handbook",
        "docs_dir": str(docs_dir.resolve()),
        "theme": THEME,
        "plugins": plugins,
        "markdown_extensions": MARKDOWN_EXTENSIONS,
    }


@contextlib.contextmanager
def mkdocs_config_file(report: Report) -> Iterator[Path]:
    """The project's ``mkdocs.yml``, or a temporary one with the built-in defaults."""
    paths = ProjectPaths.of(report.project)
    if paths.mkdocs_file.is_file():
        yield paths.mkdocs_file
        return
    with tempfile.TemporaryDirectory(prefix="cxmap-mkdocs-") as scratch:
        docs = paths.docs_dir
        if not docs.is_dir():
            docs = Path(scratch) / "docs"
            docs.mkdir()
        path = Path(scratch) / MKDOCS_FILE
        config = default_config(report, docs)
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        yield path
