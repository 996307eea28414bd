"""Paths as CI systems want them: relative to the repository root."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePosixPath

from cxmap.linter import Report


@lru_cache(maxsize=16)
def _repository_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def repository_path(report: Report, file: str) -> str:
    """``file`` (relative to the project) relative to the enclosing git repository.

    Without a repository, relative to the working directory when the project is
    below it, else relative to the project.
    """
    try:
        root = report.project.root.resolve()
        base = _repository_root(root) or Path.cwd().resolve()
        relative = root.relative_to(base)
    except (OSError, ValueError):  # no working directory, or the project lies outside it
        return file
    joined = PurePosixPath(relative.as_posix()) / file
    return os.path.normpath(joined.as_posix()).replace(os.sep, "/")
