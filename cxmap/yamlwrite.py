"""Writing data as YAML that cxmap reads back exactly (YAML 1.2 core schema).

PyYAML's emitter follows YAML 1.1, whose idea of which plain strings need quotes
differs from 1.2: ``0o17`` or ``+1`` stay unquoted and would come back as numbers.
Strings that the reader would not give back as the same string are quoted here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from cxmap.yamlsource import resolve_plain


class _Dumper(yaml.SafeDumper):
    pass


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if resolve_plain(value) != value or value != value.strip() or value == "":
        style = '"'
    if "\n" in value:
        style = "|" if value.endswith("\n") and value == value.rstrip(" ") else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value.isoformat())


_Dumper.add_representer(str, _string)
_Dumper.add_representer(dt.date, _date)


def dump(data: Any) -> str:
    """``data`` (plain dicts, lists, scalars) as block-style YAML text."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
