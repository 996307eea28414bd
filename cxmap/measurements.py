"""The measurements file: dated values of KPIs, one row each, every field located.

A project may keep what it measures in a CSV file (``measurements.csv`` by
default, see :class:`cxmap.config.MeasurementsConfig`)::

    date,journey,touchpoint,kpi,value
    2026-11-01,returns,refund,refund-days,4.5

``kpi`` is the KPI's ``id`` or its ``name``. Columns may come in
any order, and a ``note`` column is allowed and ignored. Spreadsheets that write
``;`` or tabs between fields (and a decimal comma then) are read as well. Every
problem of the file becomes a finding at ``file:line:column``; whether a row names
a journey, touch point and KPI that exist is checked against the journeys (CX005).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cxmap.findings import Finding, Mark, located
from cxmap.suggest import did_you_mean

COLUMNS = ("date", "journey", "touchpoint", "kpi", "value")
"""The columns every measurements file has, in the order ``cxmap`` writes them."""
OPTIONAL_COLUMNS = ("note",)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SIZE_FACTOR = 16
"""A measurements file may be this many times ``limits.max_file_size``: it grows by
rows of a few dozen bytes, one per KPI and period."""


@dataclass(frozen=True, slots=True)
class Measurement:
    """One dated value of one KPI, with where each of its fields is written."""

    date: dt.date
    journey: str
    touchpoint: str
    kpi: str
    value: float
    file: str
    line: int
    columns: tuple[int, ...]
    """The 1-based column of each field of :data:`COLUMNS`, in that order."""

    def at(self, column: str = "date") -> Mark:
        return (self.line, self.columns[COLUMNS.index(column)])

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Measurements:
    """What a measurements file holds: its good rows, and its problems as findings."""

    file: str
    """Path relative to the project root, with forward slashes."""
    rows: list[Measurement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    digest: str = ""
    _series: dict[tuple[str, str, str], tuple[Measurement, ...]] = field(
        default_factory=dict, repr=False
    )

    def series(
        self, journey: str, touchpoint: str, names: tuple[str, ...]
    ) -> tuple[Measurement, ...]:
        """The measurements of one KPI (rows may call it by any of ``names``), oldest first."""
        if not self._series and self.rows:
            grouped: dict[tuple[str, str, str], list[Measurement]] = {}
            for row in self.rows:
                grouped.setdefault((row.journey, row.touchpoint, row.kpi), []).append(row)
            self._series = {
                key: tuple(sorted(rows, key=lambda row: (row.date, row.line)))
                for key, rows in grouped.items()
            }
        found = [row for name in names for row in self._series.get((journey, touchpoint, name), ())]
        if len(names) > 1:
            found.sort(key=lambda row: (row.date, row.line))
        return tuple(found)


def read_measurements(path: Path, name: str, today: dt.date, max_file_size: int) -> Measurements:
    """Read the measurements file at ``path``, shown as ``name`` in findings."""
    result = Measurements(name)
    limit = max_file_size * _SIZE_FACTOR
    try:
        if path.stat().st_size > limit:
            result.findings.append(
                located("CX001", f"the measurements file is larger than {limit:,} bytes", name)
            )
            return result
        raw = path.read_bytes()
    except OSError as exc:
        result.findings.append(located("CX001", f"cannot be read: {exc.strerror}", name))
        return result
    result.digest = hashlib.sha256(raw).hexdigest()
    text = _decode(raw, result)
    if text is not None:
        _read_rows(text, result, today)
    return result


def _decode(raw: bytes, result: Measurements) -> str | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        result.findings.append(
            located(
                "CX001",
                "the measurements file is not UTF-8 text: save it as CSV UTF-8",
                result.file,
                (line, column),
            )
        )
        return None
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        result.findings.append(
            located(
                "CX001", "the measurements file holds binary data, not CSV", result.file, (line, 1)
            )
        )
        return None
    return text


@dataclass
class _Field:
    text: str
    line: int
    column: int

    @property
    def mark(self) -> Mark:
        return (self.line, self.column)


class _Unclosed(Exception):
    def __init__(self, mark: Mark) -> None:
        self.mark = mark


def _records(text: str, delimiter: str) -> Iterator[list[_Field]]:
    """The records of CSV ``text``, each field with where it starts (RFC 4180 quoting)."""
    line, column, index, size = 1, 1, 0, len(text)
    record: list[_Field] = []
    while index <= size:
        start = _Field("", line, column)
        if index < size and text[index] == '"':
            opened = (line, column)
            index, column = index + 1, column + 1
            parts: list[str] = []
            while True:
                if index >= size:
                    raise _Unclosed(opened)
                char = text[index]
                if char == '"':
                    if text.startswith('""', index):
                        parts.append('"')
                        index, column = index + 2, column + 2
                        continue
                    index, column = index + 1, column + 1
                    break
                if char == "\n":
                    line, column = line + 1, 0
                parts.append(char)
                index, column = index + 1, column + 1
            start.text = "".join(parts)
        stop = index
        while stop < size and text[stop] not in (delimiter, "\n", "\r"):
            stop += 1
        start.text += text[index:stop]
        column += stop - index
        index = stop
        record.append(start)
        if index < size and text[index] == delimiter:
            index, column = index + 1, column + 1
            continue
        yield record
        record = []
        if index >= size:
            return
        index += 2 if text.startswith("\r\n", index) else 1
        line, column = line + 1, 1
        if index == size:
            return


def _delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in (",", ";", "\t"):
        if delimiter in header:
            return delimiter
    return ","


def _column_name(text: str) -> str:
    return re.sub(r"[\s_-]+", "", text.strip().casefold())


def _read_rows(text: str, result: Measurements, today: dt.date) -> None:
    delimiter = _delimiter(text)
    records = _records(text, delimiter)
    try:
        header = next((r for r in records if not _empty_line(r)), None)
        if header is None:
            return
        positions = _header(header, result)
        if positions is None:
            return
        first: dict[tuple[dt.date, str, str, str], Measurement] = {}
        for record in records:
            if _blank(record):
                continue
            row = _row(record, positions, len(header), delimiter, result, today)
            if row is None:
                continue
            key = (row.date, row.journey, row.touchpoint, row.kpi)
            earlier = first.setdefault(key, row)
            if earlier is not row:
                result.findings.append(duplicate(row, earlier))
                continue
            result.rows.append(row)
    except _Unclosed as exc:
        result.findings.append(
            located(
                "CX001",
                'a quoted field is never closed: add the closing "',
                result.file,
                exc.mark,
            )
        )


def duplicate(row: Measurement, earlier: Measurement) -> Finding:
    """The CX004 of a second row for one KPI and date."""
    return located(
        "CX004",
        f"a second measurement of KPI {row.kpi!r} of {row.journey}/{row.touchpoint} on "
        f"{row.date.isoformat()} (the first is at {earlier.place}): keep one row",
        row.file,
        row.at("date"),
        journey=row.journey,
        touchpoint=row.touchpoint,
    )


def _blank(record: list[_Field]) -> bool:
    """An empty row, or one of empty fields (spreadsheets save those)."""
    return all(not item.text.strip() for item in record)


def _empty_line(record: list[_Field]) -> bool:
    return len(record) == 1 and not record[0].text.strip()


def _header(header: list[_Field], result: Measurements) -> dict[str, int] | None:
    positions: dict[str, int] = {}
    known = COLUMNS + OPTIONAL_COLUMNS
    problems = 0
    unnamed = all(not item.text.strip() for item in header)
    for index, item in enumerate(header):
        name = _column_name(item.text)
        if not name:
            if not unnamed:  # a row of empty names: the missing columns say it all
                result.findings.append(
                    located(
                        "CX002",
                        "a column without a name: name it, or remove the column",
                        result.file,
                        item.mark,
                    )
                )
                problems += 1
            continue
        if name not in known:
            hint = did_you_mean(name, known)
            result.findings.append(
                located(
                    "CX002",
                    f"unknown column {item.text.strip()!r}{hint}; the columns are "
                    f"{', '.join(COLUMNS)} (and an optional note)",
                    result.file,
                    item.mark,
                )
            )
            problems += 1
        elif name in positions:
            result.findings.append(
                located("CX002", f"column {name!r} appears twice", result.file, item.mark)
            )
            problems += 1
        else:
            positions[name] = index
    missing = [name for name in COLUMNS if name not in positions]
    if missing:
        result.findings.append(
            located(
                "CX002",
                f"the measurements file has no column {', '.join(map(repr, missing))}: "
                f"its first row names the columns, {', '.join(COLUMNS)}",
                result.file,
                header[0].mark,
            )
        )
    return None if missing or problems else positions


def _row(
    record: list[_Field],
    positions: dict[str, int],
    width: int,
    delimiter: str,
    result: Measurements,
    today: dt.date,
) -> Measurement | None:
    if len(record) > width:
        extra = record[width]
        result.findings.append(
            located(
                "CX002",
                f"this row has {len(record)} fields, the header names {width} columns"
                + (" (a value with a comma needs quotes)" if delimiter == "," else ""),
                result.file,
                extra.mark,
            )
        )
        return None
    if len(record) < width:
        last = record[-1]
        result.findings.append(
            located(
                "CX002",
                f"this row has {len(record)} fields, the header names {width} columns",
                result.file,
                (last.line, last.column + len(last.text)),
            )
        )
        return None
    fields = {name: record[index] for name, index in positions.items()}
    problems = len(result.findings)
    date = _date(fields["date"], result, today)
    for name in ("journey", "touchpoint", "kpi"):
        if not fields[name].text.strip():
            result.findings.append(
                located("CX002", f"no {name} in this row", result.file, fields[name].mark)
            )
    value = _value(fields["value"], delimiter, result)
    if len(result.findings) > problems or date is None or value is None:
        return None
    return Measurement(
        date,
        fields["journey"].text.strip(),
        fields["touchpoint"].text.strip(),
        fields["kpi"].text.strip(),
        value,
        result.file,
        record[0].line,
        tuple(fields[name].column for name in COLUMNS),
    )


def _date(item: _Field, result: Measurements, today: dt.date) -> dt.date | None:
    text = item.text.strip()
    date = None
    if _DATE.match(text):
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            result.findings.append(
                located("CX002", f"{text!r} is not a real date", result.file, item.mark)
            )
            return None
    if date is None:
        result.findings.append(
            located(
                "CX002",
                f"{text!r} is not a date: write it as YYYY-MM-DD"
                if text
                else "no date in this row: write it as YYYY-MM-DD",
                result.file,
                item.mark,
            )
        )
        return None
    if date > today:
        result.findings.append(
            located(
                "CX002",
                f"{text} is in the future (today is {today.isoformat()}): "
                "write the date the value was measured",
                result.file,
                item.mark,
            )
        )
        return None
    return date


def _value(item: _Field, delimiter: str, result: Measurements) -> float | None:
    text = item.text.strip()
    number = text.replace(",", ".") if delimiter != "," and text.count(",") == 1 else text
    try:
        value = (
            float(number)
            if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", number)
            else None
        )
    except ValueError:  # pragma: no cover - the pattern admits only what float reads
        value = None
    if value is not None and math.isfinite(value):
        return value
    if not text:
        message = "no value in this row: leave out a row that has no measurement"
    elif text.endswith("%"):
        message = f"{text!r} is not a number: write it without %; the KPI's unit says it"
    else:
        message = f"{text!r} is not a number: write it as 4.5, with a point for decimals"
    result.findings.append(located("CX002", message, result.file, item.mark))
    return None
