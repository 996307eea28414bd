"""What ``cxmap build``, ``serve`` and ``pages`` share: the MkDocs configuration
to use, and where a generated site may be written.
"""

from __future__ import annotations

import contextlib
import html
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from cxmap.errors import CxmapError
from cxmap.linter import Report

MKDOCS_FILE = "mkdocs.yml"

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
    root = report.project.root
    own = root / MKDOCS_FILE
    if own.is_file():
        yield own
        return
    with tempfile.TemporaryDirectory(prefix="cxmap-mkdocs-") as scratch:
        docs = root / "docs"
        if not docs.is_dir():
            docs = Path(scratch) / "docs"
            docs.mkdir()
        path = Path(scratch) / MKDOCS_FILE
        config = default_config(report, docs)
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        yield path


def check_output_folder(target: Path, root: Path) -> None:
    """Refuse to write a generated site over the project or the hand-written pages."""
    resolved = target.resolve()
    protected = [root.resolve(), (root / "docs").resolve()]
    journeys = [(root / "journeys").resolve()]
    for place in protected + journeys:
        if resolved == place or place.is_relative_to(resolved):
            raise CxmapError(
                f"refusing to write into {str(target)!r}: it would replace project files; "
                "choose a folder of its own, such as 'site'"
            )
    if resolved.is_relative_to(root.resolve() / "docs") or any(
        resolved.is_relative_to(place) for place in journeys
    ):
        raise CxmapError(f"refusing to write into {str(target)!r}, inside the project's sources")
