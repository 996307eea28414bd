"""``cxmap fmt``: journey and organisation files in one canonical style."""

from __future__ import annotations

from pathlib import Path

from cxmap.errors import CxmapError


def run(paths: tuple[Path, ...], *, check: bool, show_diff: bool, color: bool) -> int:
    raise CxmapError("fmt is not written yet")
