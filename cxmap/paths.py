"""Every path of a project, derived from one place that knows its configuration.

:class:`ProjectPaths` answers where the journeys, the hand-written pages and the
site are, and whether a command may write a folder: generated output never
replaces the project, its sources, or a folder that cxmap did not write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from cxmap.config import CONFIG_FILE, Config
from cxmap.errors import CxmapError

if TYPE_CHECKING:
    from cxmap.project import Project

ORGANIZATION_FILES = ("organization.yaml", "organization.yml")
"""The names the organisation file may have, directly in the journeys folder."""
MKDOCS_FILE = "mkdocs.yml"
DEFAULT_DOCS_DIR = "docs"
DEFAULT_SITE_DIR = "site"
SCHEMAS_DIR = "schemas"
"""Where ``cxmap init`` puts the JSON Schemas that editors validate journeys with."""
SITE_MARKER = ".cxmap-site"
"""Left in a site that ``cxmap build`` wrote, so that the next build may replace it."""
PAGES_MARKER = ".cxmap-pages"
"""Left in a folder that ``cxmap pages`` wrote, so that the next run may replace it."""

_MAX_INHERIT = 10


@dataclass(frozen=True)
class ProjectPaths:
    """The places of the project at ``root`` with the configuration ``config``."""

    root: Path
    config: Config

    @classmethod
    def of(cls, project: Project) -> ProjectPaths:
        return cls(project.root, project.config)

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def journeys(self) -> Path:
        return self.root / self.config.journeys_dir

    @property
    def organization_files(self) -> tuple[Path, ...]:
        return tuple(self.journeys / name for name in ORGANIZATION_FILES)

    @property
    def schemas(self) -> Path:
        return self.root / SCHEMAS_DIR

    def schema_folder_from(self, folder: Path) -> str:
        """The schemas folder as a link from a file in ``folder``: ``../schemas/``."""
        relative = os.path.relpath(self.schemas.absolute(), folder.absolute())
        return Path(relative).as_posix() + "/"

    @property
    def diagram_cache(self) -> Path:
        """Rendered diagrams, shared by every project of the user (see :func:`diagram_cache`)."""
        return diagram_cache()

    @property
    def measurements(self) -> Path:
        """The KPI measurements file (it need not exist)."""
        return self.root / self.config.measurements.file

    def watched(self) -> list[Path]:
        """What a live preview watches besides the hand-written pages: journeys,
        cxmap.yaml and the measurements file."""
        paths = (self.journeys, self.config_file, self.measurements)
        return [path for path in paths if _exists(path)]

    @property
    def mkdocs_file(self) -> Path:
        return self.root / MKDOCS_FILE

    @cached_property
    def _mkdocs(self) -> dict[str, Any]:
        return read_mkdocs_settings(self.mkdocs_file)

    @property
    def docs_dir(self) -> Path:
        """The hand-written pages: ``docs_dir`` of ``mkdocs.yml``, or ``docs``."""
        return self._setting("docs_dir", DEFAULT_DOCS_DIR)

    @property
    def site_dir(self) -> Path:
        """Where the site goes by default: ``site_dir`` of ``mkdocs.yml``, or ``site``."""
        return self._setting("site_dir", DEFAULT_SITE_DIR)

    @property
    def site_dir_configured(self) -> bool:
        return isinstance(self._mkdocs.get("site_dir"), str)

    def _setting(self, key: str, default: str) -> Path:
        value = self._mkdocs.get(key)
        # MkDocs reads these paths relative to the folder of mkdocs.yml.
        return self.mkdocs_file.parent / (value if isinstance(value, str) else default)

    def check_output(
        self, target: Path, *, what: str, marker: str, suggestion: str, setting: str = ""
    ) -> Path:
        """The resolved ``target``, or a :class:`CxmapError` saying why it may not be written.

        ``what`` names the output in the message ("the site"), ``marker`` is the file
        that marks an earlier output of the same command, ``setting`` says where the
        target came from when the user did not type it.
        """
        where = f"{str(target)!r}{f' ({setting})' if setting else ''}"
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):
            raise CxmapError(f"refusing to write {what} into {where}: it is a link loop") from None
        reason = self.protected(resolved)
        advice = f"choose a folder of its own, such as {suggestion!r}"
        if reason is None:
            reason = self._occupied(resolved, marker)
            advice = "choose an empty or new folder"
        if reason is not None:
            raise CxmapError(f"refusing to write {what} into {where}: {reason}; {advice}")
        return resolved

    def protected(self, target: Path) -> str | None:
        """Why writing (or replacing) the folder ``target`` would destroy project files."""
        resolved = _real(target)
        root = _real(self.root)
        journeys = _real(self.journeys)
        docs = _real(self.docs_dir)
        journeys_name = "the project's journeys folder"
        if "journeys_dir" in self.config.model_fields_set:
            journeys_name += " (journeys_dir in cxmap.yaml)"
        setting = "docs_dir in mkdocs.yml" if "docs_dir" in self._mkdocs else DEFAULT_DOCS_DIR
        docs_name = f"the project's folder of hand-written pages ({setting})"
        if resolved == root:
            return "it is the project folder"
        if resolved == journeys:
            return f"it is {journeys_name}"
        if resolved == docs:
            return f"it is {docs_name}"
        if resolved.is_relative_to(journeys):
            return f"it is inside {journeys_name}"
        if resolved.is_relative_to(docs):
            return f"it is inside {docs_name}"
        if root.is_relative_to(resolved):
            return "it is a folder above the project, and replacing it would delete the project"
        if journeys.is_relative_to(resolved):
            return f"it holds {journeys_name}"
        if docs.is_relative_to(resolved):
            return f"it holds {docs_name}"
        home = _home()
        if home is not None and resolved == home:
            return "it is your home folder"
        if home is not None and home.is_relative_to(resolved):
            return "it is a folder above your home folder"
        return None

    def _occupied(self, resolved: Path, marker: str) -> str | None:
        """Why ``resolved`` holds something that an output must not replace."""
        if not resolved.exists():
            return None
        if not resolved.is_dir():
            return "it is a file, not a folder"
        try:
            entries = [entry.name for entry in resolved.iterdir()]
        except OSError as exc:
            return f"it cannot be read ({exc.strerror})"
        if not entries or marker in entries:
            return None
        # A site that an older cxmap or a plain `mkdocs build` wrote to the default
        # place carries no marker; MkDocs itself would replace it there.
        if marker == SITE_MARKER and resolved == _real(self.site_dir) and _is_mkdocs_site(resolved):
            return None
        return f"it is not empty and was not written by cxmap (it has no {marker} file)"


def diagram_cache() -> Path:
    """``CXMAP_CACHE_DIR``, or ``cxmap/diagrams`` in the user's cache folder.

    Diagrams are cached by a hash of what was drawn, so projects can share one cache,
    and it stays out of the project (and out of git).
    """
    configured = os.environ.get("CXMAP_CACHE_DIR")
    if configured:
        return Path(configured)
    return _user_cache() / "diagrams"


def cache_folder(kind: str) -> Path:
    """Where cxmap keeps the ``kind`` of cache (``pages``, ``check``) beside the diagrams.

    Under ``CXMAP_CACHE_DIR`` it is a subfolder of that folder; otherwise
    ``cxmap/KIND`` in the user's cache folder.
    """
    configured = os.environ.get("CXMAP_CACHE_DIR")
    if configured:
        return Path(configured) / kind
    return _user_cache() / kind


def _user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cxmap"


def _real(path: Path) -> Path:
    """``path`` with every link resolved (as far as a link loop allows)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _home() -> Path | None:
    try:
        return _real(Path.home())
    except (RuntimeError, KeyError, OSError):
        return None


def _is_mkdocs_site(folder: Path) -> bool:
    return (folder / "sitemap.xml.gz").is_file() and (folder / "404.html").is_file()


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader that understands ``!ENV`` and ignores MkDocs' other tags."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # MkDocs' `!ENV NAME` and `!ENV [NAME, OTHER, default]`.
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    default = loader.construct_object(items[-1]) if len(items) > 1 else None
    names = items[:-1] if len(items) > 1 else items
    for name in names:
        if isinstance(name, yaml.ScalarNode) and str(name.value) in os.environ:
            return os.environ[str(name.value)]
    return default


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_MkDocsLoader.add_constructor("!ENV", _env_tag)
_MkDocsLoader.add_multi_constructor("", _unknown_tag)


def read_mkdocs_settings(path: Path) -> dict[str, Any]:
    """The top-level settings of ``mkdocs.yml`` (following ``INHERIT``), or ``{}``.

    A missing, unreadable or broken file gives ``{}``: MkDocs reports it when it
    builds, and the callers fall back to MkDocs' defaults meanwhile.
    """
    settings: dict[str, Any] = {}
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None and len(seen) < _MAX_INHERIT:
        seen.add(_real(current))
        data = _load(current)
        for key, value in data.items():
            settings.setdefault(key, value)
        parent = data.get("INHERIT")
        current = current.parent / parent if isinstance(parent, str) else None
        if current is not None and _real(current) in seen:
            current = None
    return settings


def _load(path: Path) -> dict[str, Any]:
    try:
        if not path.is_file():  # a folder, or a pipe that would never end
            return {}
        data = yaml.load(path.read_bytes(), Loader=_MkDocsLoader)
    except (OSError, yaml.YAMLError, RecursionError, UnicodeDecodeError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(key, str)}


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a path the system refuses, e.g. one too long: nothing to watch
        return False
