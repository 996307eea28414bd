"""Read YAML into plain data that remembers where every key and value came from.

The reader walks the parser's event stream itself instead of using a PyYAML
constructor, so that it can

* resolve scalars by the YAML 1.2 core schema (``yes``, ``no``, ``on`` stay text;
  dates stay text for the model to parse),
* refuse what a journey file never needs before it costs anything: tags that
  would construct objects, several documents, runaway alias expansion, deep
  nesting,
* report a repeated key at its second occurrence instead of keeping one silently,
* record the 1-based position of every key, value and list item,
* remember what YAML's traps need (``cxmap.yamltraps``): which mappings and lists
  were written in flow style, ``{ }`` and ``[ ]``, and which keys had no ``:``.

libyaml's C parser is used when PyYAML was built with it; positions are the same
with the pure-Python parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from cxmap.findings import START, Mark
from cxmap.yamltraps import explain_syntax, split_items, split_lines, written_without_colon

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

WITH_LIBYAML = _Loader.__name__.startswith("C")


class YMap(dict[str, Any]):
    """A mapping that knows its own position and those of its keys and values.

    ``flow`` says it was written as ``{ }``; ``bare_keys`` holds its keys written
    without ``:`` (``{a, b: c}`` gives ``a`` a null value).
    """

    __slots__ = ("bare_keys", "flow", "key_marks", "mark", "value_marks")

    def __init__(self, mark: Mark = START, flow: bool = False) -> None:
        super().__init__()
        self.mark = mark
        self.flow = flow
        self.bare_keys: frozenset[str] = frozenset()
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}

    def key_at(self, key: str) -> Mark:
        return self.key_marks.get(key, self.mark)

    def value_at(self, key: str) -> Mark:
        return self.value_marks.get(key, self.mark)


class YList(list[Any]):
    """A sequence that knows its own position and those of its items.

    ``flow`` says it was written as ``[ ]``.
    """

    __slots__ = ("flow", "item_marks", "mark")

    def __init__(self, mark: Mark = START, flow: bool = False) -> None:
        super().__init__()
        self.mark = mark
        self.flow = flow
        self.item_marks: list[Mark] = []

    def item_at(self, index: int) -> Mark:
        if 0 <= index < len(self.item_marks):
            return self.item_marks[index]
        return self.mark


Node = YMap | YList | str | int | float | bool | None


@dataclass(frozen=True)
class Limits:
    """What a single file may cost before it is refused (see the security page)."""

    max_file_size: int = 4 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 256
    max_nodes: int = 1_000_000
    """Nodes the document may expand to, counting every alias at its full size."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file's YAML, as a check code and a located message.

    ``path`` holds the keys and indexes leading to the mapping concerned, when known.
    """

    code: str
    message: str
    mark: Mark = START
    path: tuple[str | int, ...] = ()


@dataclass
class Source:
    """A parsed file: its data (``None`` when it cannot be read) and its problems."""

    data: Node = None
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False


class _Refused(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


_CORE_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}
_PLAIN_STARTS = frozenset("~nNtTfF+-.0123456789")
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def resolve_plain(text: str) -> str | int | float | bool | None:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _PLAIN_STARTS:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:
        if _INT.fullmatch(text):
            return int(text)
        if _OCT.fullmatch(text):
            return int(text[2:], 8)
        if _HEX.fullmatch(text):
            return int(text[2:], 16)
    except ValueError:  # more digits than Python converts: keep the text
        return text
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


def _tag_refused(tag: str, event: ev.Event) -> _Refused:
    shown = "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag
    return _Refused(f"the tag {shown} is not allowed: cxmap reads plain data only", _mark(event))


def _mark(event: ev.Event) -> Mark:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else START


def _scalar(event: ev.ScalarEvent) -> str | int | float | bool | None:
    tag = event.tag
    if tag is None or tag == "!":
        return resolve_plain(event.value) if event.implicit[0] else event.value
    if tag not in _SCALAR_TAGS:
        raise _tag_refused(tag, event)
    if tag == f"{_CORE_TAG}str":
        return event.value
    value = resolve_plain(event.value)
    wanted = tag[len(_CORE_TAG) :]
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "null": value is None,
    }[wanted]
    if not ok:
        raise _Refused(f"{event.value!r} is not a valid !!{wanted}", _mark(event))
    return float(value) if wanted == "float" and value is not None else value


def _check_container_tag(event: ev.CollectionStartEvent, kind: str) -> None:
    if event.tag is not None and event.tag not in ("!", f"{_CORE_TAG}{kind}"):
        raise _tag_refused(event.tag, event)


MERGE_KEY = "<<"


def _relocated(value: Node, mark: Mark) -> Node:
    """A copy of ``value`` whose every position is ``mark``, where an alias puts it."""
    if isinstance(value, YMap):
        copy = YMap(mark, value.flow)
        copy.bare_keys = value.bare_keys
        for key, item in value.items():
            copy[key] = _relocated(item, mark)
            copy.key_marks[key] = mark
            copy.value_marks[key] = mark
        return copy
    if isinstance(value, YList):
        items = YList(mark, value.flow)
        for item in value:
            items.append(_relocated(item, mark))
            items.item_marks.append(mark)
        return items
    return value


class _Frame:
    """A mapping or sequence under construction."""

    __slots__ = (
        "anchor",
        "bad_key",
        "bare",
        "container",
        "is_map",
        "key",
        "key_end",
        "key_mark",
        "merges",
        "texts",
        "weight",
    )

    def __init__(self, container: YMap | YList, anchor: str | None) -> None:
        self.container = container
        self.is_map = isinstance(container, YMap)
        self.anchor = anchor
        self.weight = 1
        self.key: str | None = None
        self.key_mark: Mark = START
        self.key_end: tuple[int, int] | None = None
        """Where the key's text ends (0-based), to tell ``{a, b: c}`` from ``{a: , b: c}``."""
        self.bare = False
        self.bad_key = False
        self.merges: list[tuple[YMap, Mark]] = []
        self.texts: list[str | None] = []
        """For a flow list: each item's text when it is a plain string (see CX007)."""

    @property
    def awaits_key(self) -> bool:
        return self.is_map and self.key is None and not self.bad_key


class _Builder:
    def __init__(self, limits: Limits, raw: bytes = b"") -> None:
        self.limits = limits
        self.raw = raw
        self._lines: list[str] | None = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.documents = 0
        self.root: Node = None
        self.problems: list[Problem] = []

    def build(self, loader: Any) -> Node:
        """Build the located data from the events of ``loader`` (a PyYAML parser)."""
        # The hot loop of every check: events are told apart by exact class.
        check_event, get_event = loader.check_event, loader.get_event
        scalar_event = self._scalar_event
        while check_event():
            event = get_event()
            kind = type(event)
            if kind is ev.ScalarEvent:
                scalar_event(event)
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                self._split_items(self.stack[-1])
                frame = self.stack.pop()
                self._merge(frame)
                self._add(frame.container, frame.container.mark, frame.weight, frame.anchor)
            elif kind is ev.MappingStartEvent:
                _check_container_tag(event, "map")
                self._open(YMap(_mark(event), bool(event.flow_style)), event)
            elif kind is ev.SequenceStartEvent:
                _check_container_tag(event, "seq")
                self._open(YList(_mark(event), bool(event.flow_style)), event)
            elif kind is ev.AliasEvent:
                self._alias(event)
            elif kind is ev.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise _Refused(
                        "a journey file holds one YAML document; found a second one",
                        _mark(event),
                    )
        return self.root

    def _path(self) -> tuple[str | int, ...]:
        """Keys and indexes from the root to the mapping or list being built."""
        path: list[str | int] = []
        for frame in self.stack[:-1]:
            if isinstance(frame.container, YList):
                path.append(len(frame.container))
            elif frame.key is not None:
                path.append(frame.key)
        return tuple(path)

    def _problem(self, code: str, message: str, mark: Mark) -> None:
        self.problems.append(Problem(code, message, mark, self._path()))

    @property
    def lines(self) -> list[str]:
        """The source lines, cut only when a trap needs them."""
        if self._lines is None:
            self._lines = split_lines(self.raw.decode("utf-8", "replace"))
        return self._lines

    def _set_key(self, frame: _Frame, key: str, mark: Mark, end: tuple[int, int] | None) -> None:
        frame.key = key
        frame.key_mark = mark
        frame.key_end = end

    def _scalar_event(self, event: ev.ScalarEvent) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.key is None and frame.is_map and not frame.bad_key:
            if event.tag is not None and event.tag not in ("!", f"{_CORE_TAG}str"):
                raise _tag_refused(event.tag, event)
            end = event.end_mark
            key_end = (end.line, end.column) if end is not None else None
            self._set_key(frame, str(event.value), _mark(event), key_end)
            if event.anchor is not None:
                self.anchors[event.anchor] = (str(event.value), 1)
            return
        value = _scalar(event)
        start = event.start_mark
        if frame is not None and isinstance(frame.container, YMap) and frame.container.flow:
            frame.bare = (
                event.value == ""
                and not event.style
                and frame.key_end is not None
                and start is not None
                and written_without_colon(self.lines, frame.key_end, (start.line, start.column))
            )
        text = value if isinstance(value, str) and not event.style else None
        self._add(value, _mark(event), 1, event.anchor, text)

    def _split_items(self, frame: _Frame) -> None:
        """CX007 for a flow list whose text a comma cut in two."""
        container = frame.container
        if isinstance(container, YList) and container.flow and len(frame.texts) > 1:
            for message, mark in split_items(frame.texts, container.item_marks):
                self._problem("CX007", message, mark)

    def _open(self, container: YMap | YList, event: ev.CollectionStartEvent) -> None:
        if len(self.stack) >= self.limits.max_depth:
            raise _Refused(f"nesting is deeper than {self.limits.max_depth} levels", _mark(event))
        self.stack.append(_Frame(container, event.anchor))

    def _alias(self, event: ev.AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > self.limits.max_aliases:
            raise _Refused(f"more than {self.limits.max_aliases} aliases in one file", _mark(event))
        if event.anchor not in self.anchors:
            open_anchors = {frame.anchor for frame in self.stack}
            why = "is recursive" if event.anchor in open_anchors else "names no earlier anchor"
            raise _Refused(f"alias *{event.anchor} {why}", _mark(event))
        value, weight = self.anchors[event.anchor]
        self.expanded += weight
        if self.expanded > self.limits.max_nodes:
            raise _Refused(
                f"aliases expand to more than {self.limits.max_nodes} nodes", _mark(event)
            )
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.awaits_key and not isinstance(value, (YMap, YList)):
            self._set_key(frame, str(value), _mark(event), None)
            return
        self._add(_relocated(value, _mark(event)), _mark(event), weight, None)

    def _merge(self, frame: _Frame) -> None:
        """Apply ``<<`` merge keys: merged keys never override the mapping's own."""
        container = frame.container
        if not isinstance(container, YMap):
            return
        for source, mark in frame.merges:
            for key, value in source.items():
                if key not in container:
                    container[key] = value
                    container.key_marks[key] = mark
                    container.value_marks[key] = source.value_at(key)

    def _add(
        self, value: Node, mark: Mark, weight: int, anchor: str | None, text: str | None = None
    ) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, weight)
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        frame.weight += weight
        container = frame.container
        if isinstance(container, YList):
            container.append(value)
            container.item_marks.append(mark)
            if container.flow:
                frame.texts.append(text)
            return
        bare, frame.bare, frame.key_end = frame.bare, False, None
        if frame.bad_key:
            frame.bad_key = False
            return
        if frame.key is None:  # a mapping or sequence used as a key
            self._problem("CX002", "a key must be plain text", mark)
            frame.bad_key = True
            return
        key, frame.key = frame.key, None
        if key == MERGE_KEY:
            self._merge_source(frame, value, mark)
            return
        if key in container:
            first = container.key_marks[key]
            self._problem(
                "CX003",
                f"duplicate key {key!r} (first at line {first[0]}); only the first is used",
                frame.key_mark,
            )
            return
        container[key] = value
        container.key_marks[key] = frame.key_mark
        container.value_marks[key] = mark
        if bare:
            container.bare_keys |= {key}

    def _merge_source(self, frame: _Frame, value: Node, mark: Mark) -> None:
        sources = value if isinstance(value, YList) else [value]
        if not all(isinstance(source, YMap) for source in sources):
            self._problem("CX002", "'<<' merges a mapping or a list of mappings", mark)
            return
        frame.merges += [(source, frame.key_mark) for source in sources if isinstance(source, YMap)]


def _decode_problem(raw: bytes) -> Problem | None:
    """Refuse bytes that are not UTF-8 text, pointing at the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem("CX001", "the file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        return Problem(
            "CX001", "the file contains NUL bytes: it is binary, not YAML text", _position(raw, nul)
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(
            "CX001",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            _position(raw, exc.start),
        )
    return None


def _position(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return (raw.count(b"\n", 0, offset) + 1, column)


def _yaml_error(exc: yaml.YAMLError, raw: bytes) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        text = raw.decode("utf-8")
        found = _NON_PRINTABLE.search(text)
        offset = found.start() if found else 0
        character = f"U+{ord(text[offset]):04X}" if found else "a character"
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return Problem(
            "CX001", f"{character} is a control character, not allowed in YAML", (line, column)
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Problem("CX001", str(exc))
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Problem("CX001", exc.problem or "invalid YAML")
    where = (mark.line + 1, mark.column + 1)
    message = exc.problem or "invalid YAML"
    text_lines = split_lines(raw.decode("utf-8", "replace"))
    source_line = text_lines[mark.line] if mark.line < len(text_lines) else ""
    if source_line[mark.column : mark.column + 1] == "\t":
        message = "a tab character cannot indent YAML; use spaces"
    elif (explained := explain_syntax(exc, text_lines)) is not None:
        message, where = explained
    elif exc.context and exc.context_mark is not None:
        message = f"{message} ({exc.context} at line {exc.context_mark.line + 1})"
    return Problem("CX001", message, where)


def parse(raw: bytes, limits: Limits | None = None) -> Source:
    """Parse one file's bytes into located data and the problems found on the way."""
    limits = limits or Limits()
    if len(raw) > limits.max_file_size:
        return Source(
            problems=[
                Problem(
                    "CX001",
                    f"the file is {len(raw):,} bytes, more than the limit of "
                    f"{limits.max_file_size:,} (limits.max_file_size in cxmap.yaml)",
                )
            ],
            fatal=True,
        )
    problem = _decode_problem(raw)
    if problem is not None:
        return Source(problems=[problem], fatal=True)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    builder = _Builder(limits, raw)
    loader = None
    try:
        loader = _Loader(raw)
        data = builder.build(loader)
    except _Refused as exc:
        return Source(problems=[Problem("CX001", exc.message, exc.mark)], fatal=True)
    except yaml.YAMLError as exc:
        problem = _yaml_error(exc, raw)
        if "maximum nesting depth" in str(exc):  # libyaml 0.2.6 looks ahead past our limit
            problem = Problem(
                "CX001", f"nesting is deeper than {limits.max_depth} levels", problem.mark
            )
        return Source(problems=[problem], fatal=True)
    finally:
        if loader is not None:
            loader.dispose()
    return Source(data=data, problems=builder.problems)
