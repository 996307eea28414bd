from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
import yaml

from cxmap import yamlsource
from cxmap.linter import Report, lint

EXAMPLES = Path(__file__).parent / "examples"
ORGANIZATION = (EXAMPLES / "organization.yaml").read_text(encoding="utf-8")
REPO = Path(__file__).parent.parent

MakeProject = Callable[..., Path]

QUIET = "rules:\n  CX103: off\n  CX106: off\n  CX204: off\n  CX303: off\n  CX401: off\n"
"""Configuration that silences the strategy checks a minimal journey trips."""


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml's C parser and with the pure-Python one."""
    if request.param == "libyaml":
        if not yamlsource.WITH_LIBYAML:
            pytest.skip("PyYAML was built without libyaml")
    else:
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    return str(request.param)


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Write a project: ``journeys`` maps file names to contents (text or bytes)."""

    def make(
        journeys: Mapping[str, str | bytes] | None = None,
        organization: str | bytes | None = ORGANIZATION,
        config: str | None = None,
    ) -> Path:
        root = tmp_path / "project"
        folder = root / "journeys"
        folder.mkdir(parents=True, exist_ok=True)
        files = dict(journeys or {})
        if organization is not None:
            files["organization.yaml"] = organization
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if config is not None:
            (root / "cxmap.yaml").write_text(config, encoding="utf-8")
        return root

    return make


def check(root: Path, **options: object) -> Report:
    return lint(root, **options)  # type: ignore[arg-type]


def found(report: Report) -> set[tuple[str, int, int]]:
    return {(f.code, f.line, f.column) for f in report.findings}


def run_cli(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cxmap`` as a user would, in a subprocess."""
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cxmap", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
