"""``cxmap diff``: what changed since a git revision, in strategy terms."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.errors import EXIT_FINDINGS, CxmapError
from cxmap.interop.diff import compare, render_markdown, render_text
from cxmap.linter import lint
from cxmap.paths import ProjectPaths


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise CxmapError("cxmap diff needs git, which is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CxmapError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return result.stdout


def _checkout(project_dir: Path, base: str, scratch: Path) -> Path:
    """The project as it was at ``base``, extracted into ``scratch``."""
    top = Path(_git(project_dir, "rev-parse", "--show-toplevel").decode().strip())
    relative = project_dir.resolve().relative_to(top.resolve()).as_posix()
    archive = _git(top, "archive", "--format=tar", base, "--", relative or ".")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        if hasattr(tarfile, "data_filter"):
            tar.extractall(scratch, members=members, filter="data")
        else:  # pragma: no cover - Pythons without extraction filters
            tar.extractall(scratch, members=members)
    return scratch / relative


def run(project_dir: Path, base: str, output_format: str, fail_on_new: bool) -> int:
    current = lint(project_dir)
    with tempfile.TemporaryDirectory(prefix="cxmap-diff-") as scratch:
        old_dir = _checkout(project_dir, base, Path(scratch))
        ProjectPaths(old_dir, current.project.config).journeys.mkdir(parents=True, exist_ok=True)
        previous = lint(old_dir)
    diff = compare(previous, current)
    render = render_markdown if output_format == "markdown" else render_text
    echo(render(diff, base))
    return EXIT_FINDINGS if fail_on_new and diff.new_errors else 0
