"""The small helpers both halves of :mod:`cxmap.yamltraps` use.

The hint type and positions, the file cut into lines as YAML cuts them, a text
written as a quoted scalar, and a line without its comment.
"""

from __future__ import annotations

import re

from cxmap.findings import Mark

Hint = tuple[str, Mark]
"""A message and the 1-based line and column it points at."""

Position = tuple[int, int]
"""A 0-based line and column, as the parser's marks count them."""

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_COMMENT = re.compile(r"(?:^|\s)#")


def split_lines(text: str) -> list[str]:
    """``text`` cut into lines where YAML sees line breaks, so that marks index them."""
    return _LINE_BREAK.split(text)


def quote(text: str) -> str:
    """``text`` as a one-line YAML quoted scalar: double quotes unless it holds ``"`` or ``\\``."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def strip_comment(text: str) -> str:
    found = _COMMENT.search(text)
    return (text[: found.start()] if found else text).rstrip()
