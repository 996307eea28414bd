""" "Did you mean …?" for misspelt keys, ids and codes."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping


def _normal(word: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", word.lower())


def closest(
    word: str, candidates: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """The candidate ``word`` most likely meant, or ``None``.

    ``aliases`` maps other spellings (display names) to candidates, so that
    ``Support Desk`` finds ``support-desk``.
    """
    options = sorted(set(candidates))  # sorted: the same answer whatever the input order
    if not options or not word:
        return None
    normal = _normal(word)
    for option in options:
        if _normal(option) == normal:
            return option
    for alias, option in sorted((aliases or {}).items()):
        if _normal(alias) == normal:
            return option
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(
    word: str, candidates: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str:
    """`` (did you mean 'x'?)`` or an empty string."""
    match = closest(word, candidates, aliases)
    return f" (did you mean {match!r}?)" if match is not None and match != word else ""
