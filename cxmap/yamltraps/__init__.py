"""YAML's traps for people who write text, explained with the fix.

People coming from spreadsheets write journeys as text, and YAML reads some text as
structure: inside ``[ ]`` and ``{ }`` a comma ends an item, a colon followed by a
space starts a key, a quote at the start of a value ends where the next quote is,
and indentation decides what belongs to what. This package explains those cases in
plain words, each with the fix:

* :func:`split_items`: a flow list whose text a comma cut in two (CX007),
* :func:`split_key_hint`: an unknown key that is text a comma cut off (CX002),
* :func:`explain_syntax`: the parser's error for the common mistakes (CX001).

It reads only the parser's error, its marks and the source lines around them.
:mod:`~cxmap.yamltraps.commas` holds the comma traps, :mod:`~cxmap.yamltraps.syntax`
the parser's errors (with :mod:`~cxmap.yamltraps.quotes`,
:mod:`~cxmap.yamltraps.indentation` and :mod:`~cxmap.yamltraps.lines`), and
:mod:`~cxmap.yamltraps.text` the helpers they share.
"""

from cxmap.yamltraps.commas import split_items, split_key_hint, written_without_colon
from cxmap.yamltraps.syntax import explain_syntax
from cxmap.yamltraps.text import Hint, Position, quote, split_lines

__all__ = [
    "Hint",
    "Position",
    "explain_syntax",
    "quote",
    "split_items",
    "split_key_hint",
    "split_lines",
    "written_without_colon",
]
