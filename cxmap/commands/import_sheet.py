"""``cxmap import-sheet``: a journey inventory (.xlsx or .csv) as journey files."""

from __future__ import annotations

from pathlib import Path

from cxmap.errors import CxmapError


def run(source: Path, output: Path | None, project: Path, force: bool) -> int:
    raise CxmapError("import-sheet is not written yet")
