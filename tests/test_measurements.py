"""The measurements file: good files are read row by row, bad ones get located findings.

The files are in tests/examples/measurements/; each is checked as the measurements file
of a project whose one journey is tests/examples/journeys-good/measured.yaml.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from helpers import EXAMPLES, MakeProject, check

from cxmap.cache import DiskCache
from cxmap.check_cache import lint_cached
from cxmap.delivered import kpi_reading
from cxmap.measurements import read_measurements

FILES = EXAMPLES / "measurements"
JOURNEY = EXAMPLES / "journeys-good" / "measured.yaml"
EPOCH = str(int(dt.datetime(2026, 12, 3, tzinfo=dt.timezone.utc).timestamp()))

EXPECTED = {
    "good.csv": [],
    "semicolons.csv": [],
    "bad-columns.csv": [
        ("CX002", 1, 1, "the measurements file has no column 'journey', 'kpi'"),
        ("CX002", 1, 6, "unknown column 'journy' (did you mean 'journey'?)"),
        ("CX002", 1, 30, "column 'value' appears twice"),
    ],
    "bad-rows.csv": [
        ("CX002", 2, 1, "'2026-11-31' is not a real date"),
        ("CX002", 3, 1, "'01/11/2026' is not a date: write it as YYYY-MM-DD"),
        ("CX002", 4, 38, "'n/a' is not a number"),
        ("CX002", 5, 38, "'95%' is not a number: write it without %"),
        ("CX002", 6, 38, "no value in this row"),
        ("CX002", 7, 40, "this row has 6 fields, the header names 5 columns (a value with"),
        ("CX002", 8, 32, "this row has 3 fields, the header names 5 columns"),
        ("CX002", 9, 12, "no journey in this row"),
        ("CX002", 10, 1, "2099-01-01 is in the future (today is 2026-12-03)"),
        (
            "CX004",
            12,
            1,
            "a second measurement of KPI 'days' of measured-well/answer on 2026-10-07",
        ),
        ("CX005", 13, 12, "unknown journey 'measured-wel' (did you mean 'measured-well'?)"),
        ("CX005", 14, 26, "unknown touch point 'answr' in journey 'measured-well' (did you"),
        ("CX005", 15, 33, "unknown KPI 'dayz' of touch point 'answer' (did you mean 'days'?)"),
        ("CX001", 16, 1, 'a quoted field is never closed: add the closing "'),
    ],
    "not-utf8.csv": [("CX001", 2, 38, "the measurements file is not UTF-8 text")],
}


def _project(make_project: MakeProject, csv: bytes, config: str | None = None) -> Path:
    root = make_project({JOURNEY.name: JOURNEY.read_bytes()}, config=config)
    (root / "measurements.csv").write_bytes(csv)
    return root


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_file_gives_exactly_its_findings(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = _project(make_project, (FILES / name).read_bytes())
    report = check(root, select=("CX0", "CX4"), ignore=("CX401",))
    got = [(f.code, f.line, f.column, f.message) for f in report.findings]
    want = EXPECTED[name]
    assert [g[:3] for g in got] == [w[:3] for w in want], got
    for (*_, message), (*_, start) in zip(got, want, strict=True):
        assert message.startswith(start), message
    assert all(f.file == "measurements.csv" for f in report.findings)


def test_the_latest_value_is_the_actual_unless_the_file_sets_one(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    report = check(_project(make_project, (FILES / "semicolons.csv").read_bytes()))
    doc = report.project.journeys[0]
    answer = doc.model.touchpoint_ids["answer"]
    days = kpi_reading(report.project, "measured-well", answer, answer.kpis[0])
    assert [row.value for row in days.series] == [0.9, 0.8]  # the decimal comma of ';' files
    assert days.actual == 0.8 and not days.measured  # the file says actual: 0.8
    ask = doc.model.touchpoint_ids["ask"]
    good = check(_project(make_project, (FILES / "good.csv").read_bytes()))
    by_name = kpi_reading(good.project, "measured-well", ask, ask.kpis[0])
    assert [row.value for row in by_name.series] == [4.5]  # named by its name, not its id
    assert by_name.actual == 4  # the file's actual still wins


def test_a_kpi_without_actual_takes_the_latest_measurement_and_may_miss_its_target(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    journey = JOURNEY.read_text(encoding="utf-8").replace(", actual: 0.8}", "}")
    root = make_project({JOURNEY.name: journey})
    (root / "measurements.csv").write_text(
        "date,journey,touchpoint,kpi,value\n"
        "2026-11-01,measured-well,answer,days,1.6\n"
        "2026-10-01,measured-well,answer,days,0.5\n",
        encoding="utf-8",
    )
    report = check(root, select=("CX402", "CX404"))
    assert [(f.code, f.line, f.message) for f in report.findings] == [
        (
            "CX402",
            39,
            "Days to answer of touch point 'answer' is 1.6 wd (measured 2026-11-01, "
            "measurements.csv:2), above its target of 1 wd",
        ),
        (
            "CX404",
            39,
            "Days to answer of touch point 'answer' is 1.6 working days (measured 2026-11-01, "
            "measurements.csv:2), slower than the standard's 1 working day",
        ),
    ]


def test_an_old_latest_measurement_is_stale_at_its_row(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    csv = b"date,journey,touchpoint,kpi,value\n2026-08-01,measured-well,answer,days,0.9\n"
    root = _project(make_project, csv, config="measurements: {max_age: 6w}\n")
    stale = [f for f in check(root).findings if f.code == "CX405"]
    assert [(f.file, f.line, f.column, f.touchpoint) for f in stale] == [
        ("measurements.csv", 2, 1, "answer")
    ]
    assert stale[0].message == (
        "the latest measurement of Days to answer of touch point 'answer' is from "
        "2026-08-01, 124 days ago: older than measurements.max_age (6w)"
    )
    patient = _project(make_project, csv, config="measurements: {max_age: 6mo}\n")
    assert [f.code for f in check(patient).findings if f.code == "CX405"] == []


def test_a_configured_measurements_file_that_is_missing_is_located_in_the_config(
    make_project: MakeProject,
) -> None:
    root = make_project(
        {JOURNEY.name: JOURNEY.read_bytes()}, config="measurements:\n  file: kpis.csv\n"
    )
    findings = [f for f in check(root).findings if f.file == "cxmap.yaml"]
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("CX002", 2, 9, "measurements: the file 'kpis.csv' does not exist")
    ]


def test_no_measurements_file_is_no_finding(make_project: MakeProject) -> None:
    report = check(make_project({JOURNEY.name: JOURNEY.read_bytes()}))
    assert report.project.measurements is None
    assert [f for f in report.findings if f.code.startswith("CX0")] == []


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "date,journey,touchpoint,kpi,value\n", 'a,"b\nc",d\n', ",,,,\n,,,,\n"],
)
def test_odd_files_never_break_the_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    result = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 4 * 1024 * 1024)
    assert result.rows == []
    assert all(f.file == "m.csv" and f.line >= 1 and f.column >= 1 for f in result.findings)


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(b"date,journey,touchpoint,kpi,value\n" + b"2026-01-01,a,b,c,1\n" * 1000)
    result = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 1024)
    assert [(f.code, f.message) for f in result.findings] == [
        ("CX001", "the measurements file is larger than 16,384 bytes")
    ]


def test_a_changed_measurements_file_changes_the_cached_check(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    journey = JOURNEY.read_text(encoding="utf-8").replace(", actual: 0.8}", "}")
    root = make_project({JOURNEY.name: journey})
    csv = root / "measurements.csv"
    store = DiskCache(tmp_path / "cache")
    csv.write_text("date,journey,touchpoint,kpi,value\n2026-11-01,measured-well,answer,days,0.5\n")
    assert [f.code for f in lint_cached(root, store, select=("CX404",)).findings] == []
    csv.write_text("date,journey,touchpoint,kpi,value\n2026-11-01,measured-well,answer,days,2\n")
    assert [f.code for f in lint_cached(root, store, select=("CX404",)).findings] == ["CX404"]
    assert lint_cached(root, store).findings == check(root).findings


def test_ignore_on_the_touch_point_hides_what_the_measurements_file_says_of_it(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    journey = JOURNEY.read_text(encoding="utf-8").replace(
        "      keeps: [answer-in-two-days]\n",
        "      keeps: [answer-in-two-days]\n      ignore: [CX405]\n",
    )
    root = make_project({JOURNEY.name: journey})
    (root / "measurements.csv").write_text(
        "date,journey,touchpoint,kpi,value\n2025-01-01,measured-well,answer,days,0.5\n",
        encoding="utf-8",
    )
    codes = [f.code for f in check(root).findings]
    assert "CX405" not in codes and "CX006" not in codes
    (root / "journeys" / JOURNEY.name).write_text(JOURNEY.read_text(encoding="utf-8"))
    assert "CX405" in [f.code for f in check(root).findings]


def test_rows_naming_one_kpi_by_id_and_by_name_on_one_date_are_duplicates(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    csv = (
        b"date,journey,touchpoint,kpi,value\n"
        b"2026-11-01,measured-well,ask,ack,4\n"
        b"2026-11-01,measured-well,ask,Minutes to acknowledge,4.5\n"
    )
    findings = check(_project(make_project, csv), select=("CX004",)).findings
    assert [(f.code, f.file, f.line, f.journey, f.touchpoint) for f in findings] == [
        ("CX004", "measurements.csv", 3, "measured-well", "ask")
    ]


def test_a_kpi_id_that_is_another_kpis_name_is_a_duplicate(make_project: MakeProject) -> None:
    """Rows may name a KPI by its id or its name, so no id or name may name two KPIs."""
    journey = JOURNEY.read_text(encoding="utf-8").replace(
        "      kpis:\n        - {id: days,",
        "      kpis:\n        - {id: replies, name: x}\n        - {id: x,",
    )
    root = make_project({JOURNEY.name: journey})
    found = [(f.code, f.line, f.message) for f in check(root, select=("CX004",)).findings]
    assert found == [
        (
            "CX004",
            40,
            "duplicate KPI id 'x' in touch point 'answer' "
            "(first defined at journeys/measured.yaml:39:31)",
        )
    ]


def test_a_semicolon_file_may_start_with_an_empty_line_and_a_blank_header_is_one_finding(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.csv"
    path.write_text("\ndate;journey;touchpoint;kpi;value\n2026-10-01;j;t;k;1,5\n")
    read = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 4 << 20)
    assert read.findings == [] and [row.value for row in read.rows] == [1.5]
    path.write_text(",,,,\n2026-10-01,j,t,k,1\n")
    read = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 4 << 20)
    assert [(f.line, f.column, f.message.split(":")[0]) for f in read.findings] == [
        (
            1,
            1,
            "the measurements file has no column 'date', 'journey', 'touchpoint', 'kpi', 'value'",
        )
    ]
    path.write_text("date,journey,,touchpoint,kpi,value\n")
    read = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 4 << 20)
    assert [(f.column, f.message) for f in read.findings] == [
        (14, "a column without a name: name it, or remove the column")
    ]


def test_a_schema_error_elsewhere_in_the_journey_keeps_its_rows_checked(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    journey = JOURNEY.read_text(encoding="utf-8").replace(
        "  owner: support-desk\n", "  owner: support-desk\n  status: finished\n", 1
    )
    root = make_project({JOURNEY.name: journey})
    (root / "measurements.csv").write_text(
        "date,journey,touchpoint,kpi,value\n2026-11-01,measured-well,answr,days,1\n"
    )
    codes = [(f.code, f.file) for f in check(root, select=("CX0",)).findings]
    assert codes == [("CX002", "journeys/measured.yaml"), ("CX005", "measurements.csv")]


def test_an_ignore_still_hides_its_own_files_findings_when_two_journeys_share_an_id(
    make_project: MakeProject,
) -> None:
    text = JOURNEY.read_text(encoding="utf-8")
    copy = text.replace("  owner: support-desk\n", "  owner: support-desk\n  ignore: [CX401]\n", 1)
    root = make_project({JOURNEY.name: text, "zz-copy.yaml": copy})
    findings = [(f.code, f.file) for f in check(root, select=("CX401", "CX006")).findings]
    assert findings == [("CX401", "journeys/measured.yaml")]


def test_random_files_give_located_findings_and_never_an_exception(tmp_path: Path) -> None:
    """A seeded sample of odd files (``make fuzz`` runs longer campaigns on journeys)."""
    alphabet = 'date,journey,touchpoint,kpi,value\n"\r;\t0123456789-.%e é\x00ab,,\n'
    rng = random.Random(17)
    path = tmp_path / "m.csv"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        if rng.random() < 0.5:
            text = "date,journey,touchpoint,kpi,value\n" + text
        data = text.encode("utf-8") + (
            bytes([rng.randint(128, 255)]) if rng.random() < 0.1 else b""
        )
        path.write_bytes(data)
        result = read_measurements(path, "m.csv", dt.date(2026, 12, 3), 4 << 20)
        assert all(f.line >= 1 and f.column >= 1 for f in result.findings), text
        assert all(row.line >= 2 for row in result.rows), text
