"""Errors that stop a command, and the one table of exit codes."""

from __future__ import annotations

EXIT_OK = 0
"""Nothing at error level (warnings allowed unless --strict)."""
EXIT_FINDINGS = 1
"""Findings at error level, or any finding with --strict."""
EXIT_USAGE = 2
"""A bad flag, a missing project, a broken cxmap.yaml."""
EXIT_INTERNAL = 3
"""A bug in cxmap itself: never the answer to bad input."""
EXIT_INTERRUPTED = 130


class CxmapError(Exception):
    """An error the user can fix; its message is shown as is, without a traceback."""

    exit_code = EXIT_USAGE


class ProjectNotFound(CxmapError):
    """The project directory, or its journeys directory, does not exist."""


class ConfigError(CxmapError):
    """``cxmap.yaml`` is unreadable or invalid."""
