"""What a page that MkDocs builds is made from, as text that can be hashed.

:mod:`cxmap.mkdocs_cache` keys each cached result by these: every setting and
package version (:func:`config_key`), the shape of the navigation
(:func:`shape_of`) and the page's place in it (:func:`place_of`).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from cxmap.cache import code_version, digest

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pygments")

_VOLATILE = frozenset({"site_dir", "config_file_path", "docs_dir"})
"""Settings that name where a build happens, not what it makes."""


def config_key(config: MkDocsConfig) -> str:
    """A hash of every setting, package version and theme file that shapes a page."""
    settings = {key: value for key, value in config.items() if key not in _VOLATILE}
    versions = [f"{name}=={_version(name)}" for name in PACKAGES]
    return digest(code_version(), *versions, stable(settings), _theme_files(config))


def stable(value: Any) -> str:
    """``value`` as text that is the same in every run for the same settings."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, default=str)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, BasePlugin):
        return {"plugin": type(value).__qualname__, "config": _plain(dict(value.config))}
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(stable(item) for item in value)
    if isinstance(value, Path):
        return value.as_posix()
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _theme_files(config: MkDocsConfig) -> str:
    """The size and time of each file of the theme's folders outside installed packages."""
    stamps = []
    for folder in config.theme.dirs:
        if "site-packages" in Path(folder).parts or "dist-packages" in Path(folder).parts:
            continue  # an installed theme: its version is in the key
        for path in sorted(Path(folder).rglob("*")):
            with contextlib.suppress(OSError):
                if path.is_file():
                    status = path.stat()
                    stamps.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return digest(*stamps)


def shape_of(items: list[Any]) -> list[Any]:
    return [
        [
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            shape_of(getattr(item, "children", None) or []),
        ]
        for item in items
    ]


def place_of(page: Page) -> list[Any]:
    """What the theme shows of the page's place: neighbours, parents, addresses."""
    parents = []
    parent = page.parent
    while parent is not None:
        parents.append(parent.title)
        parent = parent.parent

    def link(other: Page | None) -> list[Any] | None:
        return None if other is None else [other.url, other.title]

    return [
        page.url,
        page.title,
        page.is_homepage,
        page.canonical_url,
        page.edit_url,
        page.abs_url,
        link(page.previous_page),
        link(page.next_page),
        parents,
        str(page.file.inclusion),
    ]
