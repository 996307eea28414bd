"""YAML's traps for people who write text, explained with the fix."""

from __future__ import annotations

from cxmap.yamlsource import YMap


def split_key_hint(container: YMap, key: str) -> str | None:
    """Why ``key`` of ``container`` is probably text that a comma split off, or ``None``."""
    return None
