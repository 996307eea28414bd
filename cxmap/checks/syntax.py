"""CX001-CX003 and CX007: problems found while reading a file, before any strategy check."""

from __future__ import annotations

from cxmap.checks.registry import declare
from cxmap.findings import Severity

declare(
    "CX001",
    "yaml-syntax",
    Severity.ERROR,
    """The file cannot be read as YAML.

    Fires when the file is not valid YAML, is not UTF-8 text, holds more than one
    document, or is refused for safety: tags that would construct objects
    (`!!python/…`), aliases that expand too far, nesting deeper than the limit,
    a file larger than the limit, or a link to a place outside the project.

    Nothing else is checked in a file that cannot be read. Fix the spot the
    message points at; a YAML-aware editor shows most of these as you type.

    Your organisation: nothing is assumed; this is about the file, not the
    strategy.
    """,
)

declare(
    "CX002",
    "schema",
    Severity.ERROR,
    """A value has the wrong type, an unknown key, or a required key is missing.

    Journey and organisation files follow a fixed format, so that every team
    reads them the same way and cxmap can draw and publish them. Unknown keys are
    errors because a misspelt key (`ownr:`) would otherwise be ignored in
    silence; the message suggests the key you probably meant.

    Values are read by YAML 1.2: `yes`, `no`, `on` and `off` are text, not
    booleans (write `true`/`false`), and dates stay `YYYY-MM-DD`. Ids are
    lowercase slugs, durations a number and a unit (`4h`, `2d`).

    The rest of a file with schema errors is still checked: the broken key or
    list item is left out and the other checks run on what remains.

    Your organisation: nothing is assumed. The format has no fixed
    departments, channels or stages: every organisation declares its own in
    `organization.yaml`, and journeys refer to them by id.
    """,
)

declare(
    "CX003",
    "duplicate-key",
    Severity.ERROR,
    """A mapping repeats a key.

    YAML parsers disagree on which of two equal keys wins, and a repeated key is
    almost always a copy-and-paste slip that hides an edit.

    cxmap reports the second occurrence and uses the first value.

    Your organisation: nothing is assumed; this is about the file, not the
    strategy.

    Fix it by merging the two entries or renaming one.
    """,
)

declare(
    "CX007",
    "flow-comma",
    Severity.WARNING,
    """A comma inside `[ ]` cut a text in two.

    In a list written on one line, `[a, b]`, every comma starts a new item. A
    text with a comma in it therefore becomes two items, without any error:
    `backstage: [Checks drawings, fee and ownership]` holds the two items
    "Checks drawings" and "fee and ownership".

    Fires when an unquoted item that starts with a capital letter is followed
    by unquoted items that start with a small letter: that reads like one
    sentence that the commas cut. Lists of ids (`[web, email]`), of codes
    (`[CX305, CX202]`) and of texts that each start with a capital
    (`[Long wait, No updates]`) are not reported, nor are quoted items.

    Your organisation: nothing is assumed; this is about the file, not the
    strategy.

    If it is one text, put it in quotes:
    `backstage: ["Checks drawings, fee and ownership"]`, or write the list one
    item per line, each after a `- `. If the items are meant as they are,
    start each with a capital letter, or accept the finding with
    `ignore: [CX007]`.

    The same slip inside `{ }`, as in
    `{text: Forms, permits and fees, within: 2d}`, leaves a piece that YAML
    reads as a key; cxmap reports it as an unknown key (CX002) and says which
    text the comma ended.
    """,
)
