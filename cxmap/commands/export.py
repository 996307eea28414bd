"""``cxmap export``: one journey as Mermaid, JSON or CSV, on standard output."""

from __future__ import annotations

from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.errors import CxmapError
from cxmap.interop import export, mermaid
from cxmap.linter import lint
from cxmap.suggest import did_you_mean


def run(project_dir: Path, journey_id: str | None, output_format: str, output: Path | None) -> int:
    report = lint(project_dir)
    if journey_id is None:
        raise CxmapError("--all is not written yet")  # TODO(import-sheet): the inventory
    doc = next((d for d in report.project.journeys if d.model.id == journey_id), None)
    if doc is None:
        known = [d.model.id for d in report.project.journeys]
        raise CxmapError(
            f"no journey {journey_id!r} in the project{did_you_mean(journey_id, known)}"
        )
    if output_format == "mermaid":
        text = mermaid.from_journey(doc.model, report.project)
    elif output_format == "json":
        text = export.to_json(doc.model)
    else:
        text = export.to_csv(doc.model, report.project)
    echo(text, nl=False)
    return 0
