"""What the handbook's pages are made of: target progress, tags, teams' promises, KPIs, charts."""

from __future__ import annotations

import re

from helpers import REPO, MakeProject, check

from cxmap.delivered import KpiReading
from cxmap.handbook.charts import emotion_line, kpi_bar, kpi_trend
from cxmap.handbook.content import Handbook
from cxmap.handbook.links import counted
from cxmap.model import Kpi

JOURNEY = """\
journey:
  id: j
  title: J
  owner: support-desk
  stages: [buy, support]
  tags: [Returns, "Digital & IT"]
  promises:
    - {id: kept, text: Kept promise}
    - {id: broken, text: Broken promise, description: Nobody keeps it}
  touchpoints:
    - id: a
      name: Shop page
      stage: buy
      owner: web-team
      promises: [kept, broken]
      tags: [digital & it]
      emotion: -1
      to_be: {emotion: 1}
      kpis: [{name: Conversion, target: 3, actual: 2.5, unit: "%"}]
    - id: b
      name: Return desk
      stage: support
      owner: support-desk
      keeps: [kept]
      tags: [Returns]
      emotion: 1
      to_be: {emotion: 1}
      kpis:
        - {name: Wait, target: 10, actual: 8, better: lower, unit: min}
        - {name: No figure, target: 1}
    - id: c
      name: Hand-off to the lab
      stage: support
      owner: support-desk
      audience: internal
      customer: lab
"""


def handbook(make_project: MakeProject) -> Handbook:
    return Handbook(check(make_project({"j.yaml": JOURNEY})))


def test_progress_counts_targets_reached_and_changes(make_project: MakeProject) -> None:
    hb = handbook(make_project)
    progress = hb.progress(hb.journeys[0])
    assert (progress.touchpoints, progress.with_target, progress.reached) == (3, 2, 1)
    assert (progress.to_go, progress.changes) == (1, 1)
    assert hb.progress() == progress  # the organisation is this one journey


def test_tags_are_gathered_and_get_distinct_page_names(make_project: MakeProject) -> None:
    tags = handbook(make_project).tags
    assert [(tag.name, tag.slug) for tag in tags] == [
        ("Digital & IT", "digital-it"),
        ("digital & it", "digital-it-2"),
        ("Returns", "returns"),
    ]
    returns = tags[2]
    assert [doc.model.id for doc in returns.journeys] == ["j"]
    assert [place.touchpoint.id for place in returns.places] == ["b"]


def test_a_team_sees_the_promises_it_makes_and_keeps(make_project: MakeProject) -> None:
    hb = handbook(make_project)
    assert [row.promise_id for row in hb.promises_made_by("web-team")] == ["kept", "broken"]
    assert [row.promise_id for row in hb.promises_kept_by("support-desk")] == ["kept"]
    assert [row.broken for row in hb.promises] == [False, True]
    assert hb.promises[1].description == "Nobody keeps it"


def test_a_team_sees_its_hand_offs_kpis_and_findings(make_project: MakeProject) -> None:
    hb = handbook(make_project)
    assert [p.touchpoint.id for p in hb.handoffs_from("support-desk")] == ["c"]
    assert [p.touchpoint.id for p in hb.served_by_others("lab")] == ["c"]
    rows = hb.kpis_of(hb.owned_by("support-desk"))
    assert [(row.kpi.name, row.on_target) for row in rows] == [("Wait", True), ("No figure", None)]
    assert hb.kpi_summary(hb.journeys[0]) == (1, 1)
    codes = {finding.code for finding in hb.findings_of_team("web-team")}
    assert "CX102" in codes  # the shop page states no expectation
    assert all(f.touchpoint in {None, "a"} for f in hb.findings_of_team("web-team"))


def test_departments_and_coverage_levels(make_project: MakeProject) -> None:
    hb = handbook(make_project)
    assert hb.departments_of(hb.journeys[0]) == ["marketing", "service"]
    assert max(hb.coverage.values()) == 2 and hb.coverage_step == 1
    assert [hb.coverage_level(n) for n in (0, 1, 2)] == [0, 1, 2]
    assert hb.coverage_levels == [(1, 1, 1), (2, 2, 2)]


def test_the_shades_of_the_heatmap_spread_over_the_fullest_cell() -> None:
    hb = Handbook(check(REPO))
    assert max(hb.coverage.values()) == 12 and hb.coverage_step == 4
    assert [hb.coverage_level(n) for n in (0, 1, 4, 5, 8, 9, 12)] == [0, 1, 1, 2, 2, 3, 3]
    assert hb.coverage_levels == [(1, 1, 4), (2, 5, 8), (3, 9, 12)]


def test_counted_words() -> None:
    assert counted(1, "warning") == "1 warning"
    assert counted(0, "warning") == "0 warnings"
    assert counted(2, "info", "info") == "2 info"


def test_charts_say_in_words_what_they_draw() -> None:
    hb = Handbook(check(REPO))
    doc = next(d for d in hb.journeys if d.model.id == "repair-and-warranty")
    line = str(emotion_line(hb.ordered(doc)))
    label = re.search(r'aria-label="([^"]+)"', line)
    assert label is not None
    assert "Emotion at each touch point, in journey order" in label[1]
    assert "\n" not in line and "|" not in line  # one line, safe in a Markdown table cell
    kpi = Kpi(name="CSAT", target=4.5, actual=4.1)
    bar = str(kpi_bar(KpiReading(kpi, 4.1, ())))
    assert "CSAT is 4.1 against a target of 4.5 &#40;higher is better&#41; — off target." in bar
    assert str(kpi_bar(KpiReading(Kpi(name="Empty"), None, ()))) == "—"
    assert str(kpi_trend(KpiReading(kpi, 4.1, ()))) == "—"
    assert str(emotion_line([])) == "—"
