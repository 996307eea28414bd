"""cxmap.yaml: severities, off, journeys_dir, limits, and located config errors."""

from __future__ import annotations

import pytest
from helpers import EXAMPLES, MakeProject, check

from cxmap.errors import ConfigError
from cxmap.findings import Severity

LOADING = ("CX0", "CX101", "CX102")

ORPHAN = (
    (EXAMPLES / "journeys-good" / "minimal.yaml")
    .read_text(encoding="utf-8")
    .replace("      owner: support-desk\n", "")
)


def test_defaults_without_a_config_file(make_project: MakeProject) -> None:
    report = check(make_project({"a.yaml": ORPHAN}), select=LOADING)
    assert report.project.config.journeys_dir == "journeys"
    assert str(report.project.config.review_every) == "365d"
    assert [(f.code, f.severity) for f in report.findings] == [("CX101", Severity.ERROR)]


@pytest.mark.parametrize("key", ["CX101", "missing-owner"])
def test_rules_change_severity_by_code_or_name(make_project: MakeProject, key: str) -> None:
    report = check(
        make_project({"a.yaml": ORPHAN}, config=f"rules:\n  {key}: warning\n"), select=LOADING
    )
    assert [(f.code, f.severity) for f in report.findings] == [("CX101", Severity.WARNING)]
    assert report.exit_code == 0
    strict = check(
        make_project({"a.yaml": ORPHAN}, config=f"rules:\n  {key}: warning\n"),
        select=LOADING,
        strict=True,
    )
    assert strict.exit_code == 1


def test_rules_off_removes_findings(make_project: MakeProject) -> None:
    report = check(make_project({"a.yaml": ORPHAN}, config="rules: {CX101: off}\n"), select=LOADING)
    assert report.findings == []


def test_journeys_dir(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": ORPHAN})
    (root / "journeys").rename(root / "strategy")
    (root / "cxmap.yaml").write_text("journeys_dir: strategy\n", encoding="utf-8")
    assert [f.file for f in check(root, select=LOADING).findings] == ["strategy/a.yaml"]


def test_limits_are_configurable(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": ORPHAN}, config="limits:\n  max_file_size: 1024\n")
    (root / "journeys" / "big.yaml").write_text("journey:\n" + "# padding\n" * 200)
    codes = {(f.file, f.code) for f in check(root, select=LOADING).findings}
    assert ("journeys/big.yaml", "CX001") in codes


@pytest.mark.parametrize(
    "config, message",
    [
        ("rules:\n  CX999: error\n", "cxmap.yaml:2:3: rules: unknown check 'CX999'"),
        ("rules:\n  missing-ownr: off\n", "(did you mean 'missing-owner'?)"),
        (
            "rules:\n  CX101: loud\n",
            "cxmap.yaml:2:10: 'CX101' must be one of error, warning, info, off",
        ),
        (
            "journey_dir: x\n",
            "cxmap.yaml:1:1: unknown key 'journey_dir' (did you mean 'journeys_dir'?)",
        ),
        ("journeys_dir: ../elsewhere\n", "cxmap.yaml:1:15: journeys_dir must be a folder inside"),
        (
            "measurements:\n  file: /srv/kpis.csv\n",
            "cxmap.yaml:2:9: measurements: file must be a file inside the project",
        ),
        (
            "measurements: {max_age: often}\n",
            "cxmap.yaml:1:25: 'max_age': 'often' is not a duration",
        ),
        ("review_every: 1 year\n", "cxmap.yaml:1:15: 'review_every': '1 year' is not a duration"),
        ("rules: [\n", "cxmap.yaml:2:1: "),
        ("- a\n", "cxmap.yaml:1:1: cxmap.yaml must be a mapping"),
        ("rules: {}\nrules: {}\n", "cxmap.yaml:2:1: duplicate key 'rules'"),
    ],
)
def test_bad_config_is_a_located_config_error(
    make_project: MakeProject, config: str, message: str
) -> None:
    root = make_project({"a.yaml": ORPHAN}, config=config)
    with pytest.raises(ConfigError) as raised:
        check(root, select=LOADING)
    assert message in str(raised.value)
