"""Good example files check clean; each bad one yields exactly the findings it declares.

A bad example declares what it must produce in comment lines at its top::

    # expect: CX002 12:7 unknown key 'ownr' (did you mean 'owner'?)

(code, line:column, and the start of the message). Only the codes it is about are
compared: every CX0 code (reading, schema, references) and the codes it expects,
or those of a ``# select: CX1,CX305`` line. A good example is clean under every
check, or under those of its ``# select:`` line; a ``# with: companions/FILE.yaml``
line adds another file to its project, such as the journey it names as its parent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, MakeProject, check

from cxmap.linter import Report

EXPECT = re.compile(r"^# expect: (CX\d{3}) (\d+):(\d+)(?: (.*))?$", re.MULTILINE)
SELECT = re.compile(r"^# select: (.+)$", re.MULTILINE)
WITH = re.compile(r"^# with: (.+)$", re.MULTILINE)
"""Other files of ``tests/examples`` the example's project holds, e.g. a parent journey."""


def _select(text: str, expected: list[tuple[str, str, str, str]]) -> tuple[str, ...]:
    chosen = SELECT.search(text)
    if chosen:
        return tuple(code.strip() for code in chosen.group(1).split(","))
    return ("CX0", *sorted({code for code, *_ in expected}))


def _examples(folder: str) -> list[Path]:
    return sorted((EXAMPLES / folder).glob("*.yaml"))


@pytest.mark.parametrize("path", _examples("journeys-good"), ids=lambda path: path.stem)
def test_good_journey_has_no_schema_or_reference_findings(
    make_project: MakeProject, path: Path
) -> None:
    text = path.read_text(encoding="utf-8")
    chosen = SELECT.search(text)
    select = tuple(chosen.group(1).split(",")) if chosen else ()
    files = {path.name: path.read_bytes()}
    for companion in WITH.findall(text):
        other = EXAMPLES / companion.strip()
        files[other.name] = other.read_bytes()
    root = make_project(files)
    report = check(root, select=select)
    assert report.project.journeys, "the journey did not load"
    assert [(f.code, f.line, f.message) for f in report.findings] == []
    assert len(report.project.journeys) == len(files)


def _check_declared(make_project: MakeProject, path: Path, organization: bool) -> Report:
    """Check ``path`` as a journey (or the organisation) and compare with its header."""
    text = path.read_text(encoding="utf-8")
    expected = EXPECT.findall(text)
    assert expected, f"{path.name} declares no '# expect:' lines"
    if organization:
        root = make_project(organization=path.read_bytes())
    else:
        root = make_project({path.name: path.read_bytes()})
    report = check(root, select=_select(text, expected))
    got = sorted((f.code, f.line, f.column, f.message) for f in report.findings)
    want = sorted((code, int(line), int(col), message) for code, line, col, message in expected)
    assert [g[:3] for g in got] == [w[:3] for w in want], "\n".join(map(str, got))
    for (*_, message), (*_, prefix) in zip(got, want, strict=True):
        assert message.startswith(prefix)
    return report


@pytest.mark.parametrize("path", _examples("journeys-bad"), ids=lambda path: path.stem)
def test_bad_journey_yields_exactly_the_declared_findings(
    make_project: MakeProject, path: Path
) -> None:
    report = _check_declared(make_project, path, organization=False)
    assert all(f.file == f"journeys/{path.name}" for f in report.findings)


@pytest.mark.parametrize("path", _examples("organization-bad"), ids=lambda path: path.stem)
def test_bad_organization_yields_exactly_the_declared_findings(
    make_project: MakeProject, path: Path
) -> None:
    report = _check_declared(make_project, path, organization=True)
    assert all(f.file == "journeys/organization.yaml" for f in report.findings)
