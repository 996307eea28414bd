"""What the tests share that is not a fixture: example files, small helpers, the CLI runners.

Test modules import from here (``from helpers import ...``); ``conftest.py`` holds only
fixtures and hooks. ``tests/`` is on ``sys.path`` through ``pythonpath`` in
``[tool.pytest.ini_options]``, and as the folder of ``tests/fuzz_campaign.py``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from cxmap.linter import Report, lint

EXAMPLES = Path(__file__).parent / "examples"
ORGANIZATION = (EXAMPLES / "organization.yaml").read_text(encoding="utf-8")
REPO = Path(__file__).parent.parent

MakeProject = Callable[..., Path]

QUIET = "rules:\n  CX103: off\n  CX106: off\n  CX204: off\n  CX303: off\n  CX401: off\n"
"""Configuration that silences the strategy checks a minimal journey trips."""

OUTER_ENVIRONMENT = ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS")
"""Variables that change what cxmap prints; a test sets them itself or goes without."""


def check(root: Path, **options: object) -> Report:
    return lint(root, **options)  # type: ignore[arg-type]


def found(report: Report) -> set[tuple[str, int, int]]:
    return {(f.code, f.line, f.column) for f in report.findings}


# -- the command line ------------------------------------------------------------------


@dataclass(frozen=True)
class CliResult:
    """What one run of ``cxmap`` did: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


class Cli(Protocol):
    """The ``cli`` fixture: ``cli("check", str(root), env={...}, cwd=...)``."""

    def __call__(
        self, *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
    ) -> CliResult: ...


def clear_cxmap_caches() -> None:
    """Empty every ``functools`` cache of cxmap's modules.

    Some depend on the environment (the Graphviz version on ``PATH``, the diagram
    cache folder of ``CXMAP_CACHE_DIR``) or on the file system (the git repository
    around a project); a separate process would start without them.
    """
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "cxmap" or name.startswith("cxmap.")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


MKDOCS_LOGGER = "mkdocs"
"""The logger that ``show_mkdocs_log`` (``cxmap.commands``) gives a handler, marked
``_cxmap``, writing to the ``sys.stderr`` of the moment."""


def forget_cxmap_log_handlers() -> None:
    """Take the handlers ``cxmap build`` and ``serve`` attach off the MkDocs logger.

    In a process of its own each command gets a fresh one; in the tests' process an
    old one would keep writing to a stream that is no longer ``sys.stderr``.
    """
    logger = logging.getLogger(MKDOCS_LOGGER)
    for handler in list(logger.handlers):
        if getattr(handler, "_cxmap", False):
            logger.removeHandler(handler)


@contextlib.contextmanager
def cxmap_state_restored() -> Iterator[None]:
    """Around one in-process run of ``cxmap.cli.main``: start and end as a fresh process.

    No MkDocs log handler of an earlier run, the MkDocs logger's level put back, no
    cached value of cxmap's computed under another environment, and ``os.environ`` as
    it was (Material for MkDocs sets ``NO_MKDOCS_2_WARNING`` on import, for
    instance, which a later ``python -m mkdocs`` of a test would inherit). The ``cli`` fixture
    runs every command in it; a module-scoped fixture, which cannot use ``cli``, says
    ``with cxmap_state_restored(): assert main([...]) == 0`` (its output then shows in
    the report of a failing test's setup).
    """
    logger = logging.getLogger(MKDOCS_LOGGER)
    level = logger.level
    environment = dict(os.environ)
    forget_cxmap_log_handlers()
    clear_cxmap_caches()
    try:
        yield
    finally:
        forget_cxmap_log_handlers()
        logger.setLevel(level)
        for name in set(os.environ) - set(environment):
            del os.environ[name]
        os.environ.update(environment)
        clear_cxmap_caches()


def run_cli(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cxmap`` in a real process, as a user would.

    Only for what needs a process of its own (``tests/test_console_script.py``); every
    other test runs the command line in-process with the ``cli`` fixture.
    """
    environment = {k: v for k, v in os.environ.items() if k not in OUTER_ENVIRONMENT}
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


def write_yaml(path: Path, key: str, data: Any) -> None:
    """Write ``{key: data}`` as a YAML file (``organization`` or ``journey``), folders too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump({key: data}, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
