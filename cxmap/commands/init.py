"""``cxmap init``: scaffold a small project that checks clean; never overwrite a file.

Into a folder that already holds journeys, the example journeys are left out, so
that they never mix with the user's own.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from cxmap.clock import today
from cxmap.commands.shared import echo
from cxmap.config import MEASUREMENTS_FILE, Config
from cxmap.discovery import YAML_SUFFIXES
from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.linter import load_project_config
from cxmap.paths import ORGANIZATION_FILES, SCHEMAS_DIR, ProjectPaths
from cxmap.schema import dumps, schemas
from cxmap.suggest import did_you_mean

if TYPE_CHECKING:
    from importlib.abc import Traversable

# Files of the scaffold whose name in the project differs.
RENAMED = {"pre-commit-config.yaml": ".pre-commit-config.yaml"}
JOURNEYS = "journeys/"
SCHEMA_LINK = f"$schema=../{SCHEMAS_DIR}/"
"""The schema links of the scaffold's journey files, one folder below the project."""


def _walk(folder: Traversable, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.update(_walk(entry, f"{name}/"))
        elif not entry.name.startswith((".", "__")):
            found[RENAMED.get(name, name)] = entry.read_text(encoding="utf-8")
    return found


EXAMPLES = {"cycles": "journeys", "council": "examples/council/journeys"}
"""Each example organisation, by name, and its journeys folder in the repository."""
DEFAULT_EXAMPLE = "cycles"


def arguments(directory: Path | None, example: str | None) -> tuple[Path, str | None]:
    """The target folder and example of ``cxmap init [DIRECTORY] [--example [NAME]]``.

    ``--example DIR`` (before names were added) still means the default example in DIR.
    """
    if example is not None and example not in EXAMPLES:
        if directory is None:
            return Path(example), DEFAULT_EXAMPLE
        choices = ", ".join(EXAMPLES)
        raise CxmapError(
            f"--example: no example called {example!r}{did_you_mean(example, EXAMPLES)}; "
            f"choose one of {choices}"
        )
    if directory is None:
        raise CxmapError("init: name the folder to create the project in (cxmap init DIR)")
    return directory, example


def example_journeys(name: str = DEFAULT_EXAMPLE) -> Traversable:
    """An example organisation: inside the wheel, or in the repository."""
    packaged = resources.files("cxmap") / "examples" / name / "journeys"
    if packaged.is_dir():
        return packaged
    folder: Traversable = resources.files("cxmap") / ".."
    for part in EXAMPLES[name].split("/"):
        folder = folder / part
    return folder


def project_files(example: str | None = None) -> dict[str, str]:
    """Every file of a new project, by path relative to it."""
    files = {
        path: text.replace("{today}", today().isoformat())
        for path, text in _walk(resources.files("cxmap") / "scaffold").items()
    }
    if example:
        files = {path: text for path, text in files.items() if not path.startswith("journeys/")}
        files.update(_walk(example_journeys(example), "journeys/"))
        files.pop(MEASUREMENTS_FILE, None)  # the scaffold's rows name its own journeys
        measurements = example_journeys(example) / ".." / MEASUREMENTS_FILE
        if measurements.is_file():
            files[MEASUREMENTS_FILE] = measurements.read_text(encoding="utf-8")
    files.update({f"{SCHEMAS_DIR}/{name}": dumps(schema) for name, schema in schemas().items()})
    return files


def run(target: Path, example: str | None = None) -> int:
    if target.exists() and not target.is_dir():
        raise CxmapError(f"{str(target)!r} is a file, not a folder")
    files = project_files(example)
    paths, unreadable = _project_paths(target)
    folder = _folder_with_journeys(paths)
    if unreadable or folder is not None:
        # Journey files of the user's that share a name with an example are listed as kept.
        files = {
            path: text
            for path, text in files.items()
            if not path.startswith(JOURNEYS) or (target / path).exists()
        }
        files.pop(MEASUREMENTS_FILE, None)  # its rows name journeys that are not written
        files = _moved(files, "docs", paths.docs_dir, paths)
    else:
        files = _moved(files, "journeys", paths.journeys, paths)
        files = _moved(files, "docs", paths.docs_dir, paths)
    files[".gitignore"] = gitignore(paths)
    created, kept = [], []
    try:
        for relative, text in sorted(files.items()):
            path = target / relative
            if path.exists():
                kept.append(relative)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
            created.append(relative)
    except OSError as exc:
        raise CxmapError(f"cannot write to {str(target)!r}: {exc.strerror}") from None
    for relative in created:
        echo(f"created {relative}")
    for relative in kept:
        echo(f"kept    {relative} (it exists already)")
    if unreadable:
        echo(
            "skipped the example journeys: cxmap.yaml cannot be read, "
            "so where your journeys are is unknown"
        )
    elif folder is not None:
        echo(f"skipped the example journeys: {folder} holds journeys already")
    step = (
        "cxmap check" if target.resolve() == Path.cwd().resolve() else f"cd {target} && cxmap check"
    )
    echo(f"\nNext: {step}")
    return 0


def _project_paths(target: Path) -> tuple[ProjectPaths, bool]:
    """The places of the project in ``target``, and whether its cxmap.yaml is unreadable."""
    defaults = ProjectPaths(target, Config())
    if not defaults.config_file.exists() and not defaults.config_file.is_symlink():
        return defaults, False
    try:
        return ProjectPaths(target, load_project_config(target)), False
    except CxmapError:
        return defaults, True


def _folder_with_journeys(paths: ProjectPaths) -> str | None:
    """The journeys folder (configured, or the default one) that holds journey files."""
    candidates = [paths.journeys, ProjectPaths(paths.root, Config()).journeys]
    for folder in candidates:
        if any(path.exists() for path in (folder / name for name in ORGANIZATION_FILES)):
            return _shown(folder, paths.root)
        if _holds_yaml(folder):
            return _shown(folder, paths.root)
    return None


def _holds_yaml(folder: Path) -> bool:
    # os.walk does not follow links, so a link loop cannot keep it going.
    for _, _, names in os.walk(folder):
        if any(name.endswith(YAML_SUFFIXES) for name in names):
            return True
    return False


def _shown(folder: Path, root: Path) -> str:
    return Path(os.path.relpath(folder, root)).as_posix() + "/"


def _moved(files: dict[str, str], folder: str, place: Path, paths: ProjectPaths) -> dict[str, str]:
    """``files`` with those under ``folder/`` moved to ``place`` (when inside the project)."""
    relative = Path(os.path.relpath(place.absolute(), paths.root.absolute())).as_posix()
    if relative == folder or relative == "." or relative.startswith(".."):
        return files
    link = f"$schema={paths.schema_folder_from(place)}"
    moved: dict[str, str] = {}
    for path, text in files.items():
        if path.startswith(f"{folder}/"):
            path = f"{relative}/{path[len(folder) + 1 :]}"
            text = text.replace(SCHEMA_LINK, link)
        moved[path] = text
    return moved


def gitignore(paths: ProjectPaths) -> str:
    """A ``.gitignore`` for what cxmap and MkDocs write into a project."""
    lines = ["# Written by cxmap build (the handbook, and its folders while it builds)"]
    site = Path(os.path.relpath(paths.site_dir.absolute(), paths.root.absolute()))
    if site != Path() and not site.as_posix().startswith(".."):
        parent = "" if site.parent == Path() else f"{site.parent.as_posix()}/"
        lines += [f"/{site.as_posix()}/", f"/{parent}.{site.name}.building-*/"]
        lines += [f"/{parent}.{site.name}.old-*/"]
    lines += [
        "# Caches of Material for MkDocs' plugins; cxmap's diagram cache is outside",
        "# the project (~/.cache/cxmap, or CXMAP_CACHE_DIR)",
        "/.cache/",
    ]
    return "\n".join(lines) + "\n"
