"""HTML inside Markdown: inline SVG that Markdown leaves alone.

An SVG written into a Markdown page (a diagram for ``cxmap pages``, a chart in a
table cell) passes through Markdown's inline processing, which could read ``*``,
``_``, ``[`` or ``|`` in its text and attribute values as markup. Each of them
becomes a character reference, which the browser turns back into the character.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters Markdown could act on, even inside an HTML block (some extensions do).
_MARKDOWN_ACTIVE = re.compile(r"[\[\]()*_`\\!#|{}~^=+:-]")
_TEXT_OR_VALUE = re.compile(r'(>[^<]+<)|("[^"]*")')

# Graphviz writes character references itself ("E&#45;mail"); they are kept whole,
# or their "#" would be escaped again and the browser would show "&#45;".
_REFERENCE_OR_ACTIVE = re.compile(r"(&#?[A-Za-z0-9]+;)|" + _MARKDOWN_ACTIVE.pattern)


def _neutral(match: re.Match[str]) -> str:
    return _REFERENCE_OR_ACTIVE.sub(
        lambda found: found.group(1) or f"&#{ord(found.group())};", match.group()
    )


def inline_svg(markup: str) -> Markup:
    """SVG (or other HTML) markup with nothing in it that Markdown could turn into markup."""
    return Markup(_TEXT_OR_VALUE.sub(_neutral, markup))
