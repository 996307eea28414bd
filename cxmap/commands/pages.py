"""``cxmap pages``: the generated handbook pages as plain Markdown and SVG files."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.files import replace_folder
from cxmap.handbook.generate import generate
from cxmap.linter import lint
from cxmap.paths import PAGES_MARKER, ProjectPaths

MARKER = PAGES_MARKER


def run(project_dir: Path, output: Path) -> int:
    report = lint(project_dir)
    target = ProjectPaths.of(report.project).check_output(
        output, what="the pages", marker=MARKER, suggestion="pages"
    )
    site = generate(report, file_links="../{journey}.md#tp-{touchpoint}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.writing-", dir=target.parent))
    try:
        for path, text in site.pages.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_text(text, encoding="utf-8")
        for path, data in site.assets.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_bytes(data)
        (staging / MARKER).write_text("Written by cxmap pages; replaced on every run.\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_folder(target, staging)
    echo(f"wrote {len(site.pages)} pages and {len(site.assets)} files to {output}")
    return 0
