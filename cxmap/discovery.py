"""Finding and reading a project's journey files without trusting the file system.

Hidden files and folders are left out; links may point anywhere inside the
project but not outside it; folders that cannot be read, link loops, pipes and
devices become findings instead of hangs or crashes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cxmap.yamlsource import Limits, Problem

YAML_SUFFIXES = (".yaml", ".yml")


def display_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, safe to print as text."""
    relative = Path(os.path.relpath(path, root)).as_posix()
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(frozen=True)
class SourceFile:
    path: Path
    name: str
    """Relative to the project root, as findings and reports show it."""


@dataclass
class Discovery:
    files: list[SourceFile] = field(default_factory=list)
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    """Folders that could not be walked, by display name."""


def discover(root: Path, journeys_dir: Path) -> Discovery:
    """Every YAML file below ``journeys_dir``, in a stable order."""
    found = Discovery()
    real_root = root.resolve()
    real_journeys = journeys_dir.resolve()
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        where = display_name(Path(error.filename or journeys_dir), root)
        reason = error.strerror or str(error)
        found.problems.append((where, Problem("CX001", f"the folder cannot be read: {reason}")))

    for folder, folders, names in os.walk(journeys_dir, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        if not Path(real).is_relative_to(real_root):
            message = "the folder links to a place outside the project; refused"
            found.problems.append((display_name(Path(folder), root), Problem("CX001", message)))
            folders[:] = []
            continue
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and not _duplicate_view(Path(folder) / name, real_journeys)
        )
        for name in names:
            if not name.startswith(".") and name.endswith(YAML_SUFFIXES):
                path = Path(folder) / name
                found.files.append(SourceFile(path, display_name(path, root)))
    found.files.sort(key=lambda file: file.name)
    return found


def _duplicate_view(folder: Path, real_journeys: Path) -> bool:
    """A link to a folder that the walk reaches anyway, inside the journeys folder."""
    return folder.is_symlink() and folder.resolve().is_relative_to(real_journeys)


def read(file: SourceFile, root: Path, limits: Limits) -> bytes | Problem:
    """The file's bytes, or the reason it is refused."""
    try:
        real = file.path.resolve(strict=True)
    except RuntimeError:
        return Problem("CX001", "the file is a link that loops back to itself; refused")
    except OSError as exc:
        return Problem("CX001", f"the file cannot be read: {exc.strerror or exc}")
    if not real.is_relative_to(root.resolve()):
        return Problem("CX001", "the file links to a place outside the project; refused")
    try:
        status = real.stat()
        if not stat.S_ISREG(status.st_mode):
            return Problem("CX001", "not a regular file (a folder, pipe or device); refused")
        if status.st_size > limits.max_file_size:
            return Problem(
                "CX001",
                f"the file is {status.st_size:,} bytes, more than the limit of "
                f"{limits.max_file_size:,} (limits.max_file_size in cxmap.yaml)",
            )
        return real.read_bytes()
    except OSError as exc:
        return Problem("CX001", f"the file cannot be read: {exc.strerror or exc}")
