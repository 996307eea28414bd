"""Fixtures and hooks of the test suite; shared helpers live in ``helpers.py``."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from helpers import (
    ORGANIZATION,
    OUTER_ENVIRONMENT,
    Cli,
    CliResult,
    MakeProject,
    clear_cxmap_caches,
    cxmap_state_restored,
)

from cxmap import yamlsource
from cxmap.cli import main


def pytest_configure(config: pytest.Config) -> None:
    """One cache folder for the run, before any fixture builds a site.

    Session fixtures run before the per-test folder below is set; they write here,
    never into the cache of the machine's user.
    """
    os.environ["CXMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="cxmap-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("CXMAP_CACHE_DIR", ""), ignore_errors=True)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Each test starts without what earlier ones cached (before its fixtures set env)."""
    clear_cxmap_caches()


@pytest.fixture(autouse=True)
def private_cxmap_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder of the test's own (a test's fixtures may name another one).

    A result that one test cached, perhaps with a check patched, never answers for
    another; and no test writes into the cache of the machine's user.
    """
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cxmap-cache")))


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


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``cxmap ARGS`` in this process through ``cxmap.cli.main``, as the console script does.

    ``cli("check", str(root), cwd=folder, env={"FORCE_COLOR": "1"})`` returns a
    :class:`helpers.CliResult` with ``returncode``, ``stdout`` and ``stderr``. Like a
    fresh process, each call starts from the test's environment without
    ``FORCE_COLOR``, ``NO_COLOR`` and ``GITHUB_ACTIONS``, plus ``env``, in ``cwd``; the
    environment, the working directory, the MkDocs logger and cxmap's caches are put
    back afterwards, so calls do not leak into each other. Only what needs a real
    process (``tests/test_console_script.py``, ``cxmap serve``) starts one.
    """

    def run(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> CliResult:
        capsys.readouterr()  # what came before is not this command's output
        with monkeypatch.context() as patch:
            for name in OUTER_ENVIRONMENT:
                patch.delenv(name, raising=False)
            for name, value in (env or {}).items():
                patch.setenv(name, value)
            if cwd is not None:
                patch.chdir(cwd)
            with cxmap_state_restored():
                try:
                    returncode = main(list(args))
                finally:
                    captured = capsys.readouterr()
        return CliResult(returncode, captured.out, captured.err)

    return run
