"""The parser's errors (CX001) explained in plain words, each with the fix.

:func:`explain_syntax` tries the explanations of :mod:`cxmap.yamltraps.quotes` and
:mod:`cxmap.yamltraps.indentation` in turn and keeps the first that fits. They read
only the parser's error, its marks and the source lines around them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import yaml

from cxmap.yamltraps.indentation import block_trouble, colon_or_deeper, missing_colon
from cxmap.yamltraps.lines import Error
from cxmap.yamltraps.quotes import backslash, flow_trouble, reserved_start, unclosed_quote
from cxmap.yamltraps.text import Hint


def explain_syntax(error: yaml.MarkedYAMLError, lines: Sequence[str]) -> Hint | None:
    """A plain explanation of a common mistake behind ``error``, with the fix, or ``None``.

    ``lines`` are the file's lines as :func:`split_lines` cuts them.
    """
    if error.problem_mark is None:
        return None
    opened = error.context_mark
    details = Error(
        error.problem or "",
        error.context or "",
        (error.problem_mark.line, error.problem_mark.column),
        (opened.line, opened.column) if opened is not None else None,
        lines,
    )
    for trap in _TRAPS:
        hint = trap(details)
        if hint is not None:
            message, mark = hint
            return f"{message} (parser: {details.problem})", mark
    return None


_TRAPS: tuple[Callable[[Error], Hint | None], ...] = (
    unclosed_quote,
    backslash,
    reserved_start,
    flow_trouble,
    colon_or_deeper,
    block_trouble,
    missing_colon,
)
