"""``cxmap score``: the maturity level of every journey and team, and what the next needs."""

from __future__ import annotations

from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.errors import EXIT_FINDINGS
from cxmap.linter import lint
from cxmap.reporters.score import render_json, render_text
from cxmap.scorecard import Scorecard


def run(project_dir: Path, output_format: str = "text", fail_under: int | None = None) -> int:
    scorecard = Scorecard(lint(project_dir))
    echo(render_json(scorecard) if output_format == "json" else render_text(scorecard))
    if fail_under is None:
        return 0
    below = any(card.own.level < fail_under for card in scorecard.journeys)
    if below or (fail_under > 0 and scorecard.unread):
        return EXIT_FINDINGS
    return 0
