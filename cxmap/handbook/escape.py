"""Escaping user text for the generated Markdown.

Every value a template prints goes through :func:`markdown_text` unless it is
:class:`~markupsafe.Markup` (generated links, inline SVG): HTML special characters
become entities and Markdown punctuation is backslash-escaped, so that a name
like ``<script>`` or ``**bold** [link](x)`` appears exactly as written and cannot
change the structure of the page.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup

# Characters that start Markdown syntax anywhere in a line ("<", ">" and "&" become
# entities). "(", "!" or "." are harmless once "[" is escaped, and list markers
# only matter where the value starts a line.
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]#|])")
_LIST_MARKER = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")


def markdown_text(value: Any) -> Any:
    """User text made literal for Markdown; other values (and Markup) pass through."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _escaped(value)


@lru_cache(maxsize=65536)
def _escaped(value: str) -> str:
    # Names of teams, channels and stages are printed thousands of times on big sites.
    flat = _SPACE.sub(" ", value)
    escaped = _PUNCTUATION.sub(r"\\\1", html.escape(flat, quote=False))
    return _LIST_MARKER.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(2)
    # "- x" becomes "\- x"; "1. x" becomes "1\. x" (the dot follows the match).
    return match.group(1) + ("\\" + marker if marker in "-+" else marker + "\\")


def yaml_string(value: str) -> Markup:
    """A string for YAML front matter (JSON strings are valid YAML).

    Themes print page titles and tags without escaping them, so the value is
    HTML-escaped first: the browser shows it as the text it was.
    """
    return Markup(json.dumps(html.escape(value, quote=False), ensure_ascii=True))
