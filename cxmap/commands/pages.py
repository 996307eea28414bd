"""``cxmap pages``: the generated handbook pages as plain Markdown and SVG files."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from cxmap.commands.site import check_output_folder
from cxmap.errors import CxmapError
from cxmap.files import replace_folder
from cxmap.handbook.generate import generate
from cxmap.linter import lint

MARKER = ".cxmap-pages"


def run(project_dir: Path, output: Path) -> int:
    report = lint(project_dir)
    check_output_folder(output, project_dir)
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists():
        raise CxmapError(
            f"{str(output)!r} is not empty and was not written by 'cxmap pages'; "
            "choose an empty or new folder"
        )
    site = generate(report, file_links="../{journey}.md#tp-{touchpoint}")
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.writing-", dir=output.parent))
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
    replace_folder(output, staging)
    click.echo(f"wrote {len(site.pages)} pages and {len(site.assets)} files to {output}")
    return 0
