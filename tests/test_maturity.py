"""Maturity levels of journeys and teams (cxmap.maturity, cxmap.scorecard)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import MakeProject, check

from cxmap.checks import REGISTRY
from cxmap.maturity import LADDER, Scorer, level_name
from cxmap.scorecard import Scorecard

RECENT = (dt.date.today() - dt.timedelta(days=30)).isoformat()

NOT_IN_THE_LADDER = {
    "CX006": "an unused ignore entry says nothing about the service",
    "CX007": "a comma trap is a CX002 in waiting, shown by the check",
    "CX105": "delight is the extra mile, not a level",
    "CX106": "about the organisation, not a journey or a team's part",
    "CX201": "coverage: shown on the coverage page",
    "CX202": "coverage: shown on the coverage page",
    "CX203": "coverage: shown on the coverage page",
    "CX204": "coverage: shown on the coverage page",
    "CX205": "a slip in next, shown by the check",
    "CX305": "compares journeys: no single journey or team can fix it alone",
}


def test_every_check_is_in_one_criterion_or_left_out_on_purpose() -> None:
    codes = [code for level in LADDER for c in level.criteria for code in c.codes]
    assert len(codes) == len(set(codes))
    assert set(codes) <= set(REGISTRY)
    assert set(codes) | set(NOT_IN_THE_LADDER) == set(REGISTRY)
    ids = [c.id for level in LADDER for c in level.criteria]
    assert len(ids) == len(set(ids))
    assert [level.number for level in LADDER] == [1, 2, 3, 4, 5]
    assert level_name(0) == "Started" and level_name(5) == "Improving"


COMPLETE = f"""\
journey:
  id: returns
  title: Returns
  owner: support-desk
  stages: [buy, support]
  reviewed: {RECENT}
  promises:
    - {{id: refund, text: Your money back in five days, within: 5d}}
  touchpoints:
    - id: page
      name: Returns page
      stage: buy
      owner: web-team
      channels: [web]
      expectation: Clear terms
      standard: Terms above the fold
      promises: [refund]
      emotion: 1
      next: [ask]
    - id: ask
      name: Return request
      stage: support
      owner: support-desk
      channels: [chat]
      moment_of_truth: true
      expectation: {{text: A reply today, within: 8h}}
      standard: {{text: A reply in four hours, within: 4h}}
      escalates_to: returns-team
      handles_complaints: true
      keeps: [refund]
      emotion: -1
      recovery: A prepaid label with the first reply
      kpis:
        - {{id: csat, name: CSAT, target: 4.5, actual: 4.6}}
      to_be:
        emotion: 1
      next: [thanks]
    - id: thanks
      name: Thank-you mail
      stage: support
      owner: support-desk
      channels: [web]
      expectation: A word that it is done
      standard: {{text: Sent with the refund, within: 1h}}
      emotion: 1
"""


def _scorecard(
    make_project: MakeProject, journeys: dict[str, str], config: str | None = None
) -> Scorecard:
    return Scorecard(check(make_project(journeys, config=config)))


def test_a_journey_that_meets_every_criterion_is_at_the_top(make_project: MakeProject) -> None:
    card = _scorecard(make_project, {"returns.yaml": COMPLETE})
    (journey,) = card.journeys
    assert (journey.own.level, journey.own.gaps) == (5, ())
    assert journey.own.next is None and journey.own.missing == ()


@pytest.mark.parametrize(
    ("old", "new", "level", "missing"),
    [
        ("  owner: support-desk\n  stages", "  stages", 0, ["owned"]),
        ("      owner: web-team\n", "      owner: web-tema\n", 0, ["valid"]),
        ("      expectation: Clear terms\n", "", 0, ["expected"]),
        ("      moment_of_truth: true\n", "", 1, ["moments-named"]),
        (
            "        - {id: csat, name: CSAT, target: 4.5, actual: 4.6}",
            "        - {id: csat}",
            1,
            ["moments-measured"],
        ),
        ("      keeps: [refund]\n", "", 2, ["promises-kept"]),
        ("      recovery: A prepaid label with the first reply\n", "", 2, ["recovered"]),
        ("      escalates_to: returns-team\n", "", 2, ["ways-up"]),
        ("target: 4.5, actual: 4.6", "target: 4.5", 3, ["kpis-measured"]),
        ("target: 4.5, actual: 4.6", "target: 4.5, actual: 4.1", 3, ["on-target"]),
        ("      to_be:\n        emotion: 1\n", "", 4, ["target-state"]),
        (f"  reviewed: {RECENT}\n", "", 4, ["reviewed"]),
    ],
)
def test_each_criterion_holds_a_journey_below_its_level(
    make_project: MakeProject, old: str, new: str, level: int, missing: list[str]
) -> None:
    assert old in COMPLETE
    card = _scorecard(make_project, {"returns.yaml": COMPLETE.replace(old, new)})
    (journey,) = card.journeys
    assert journey.own.level == level
    assert [gap.criterion.id for gap in journey.own.missing] == missing
    assert all(
        place.file == "journeys/returns.yaml" for g in journey.own.gaps for place in g.places
    )


def test_a_set_aside_finding_or_a_check_switched_off_does_not_count(
    make_project: MakeProject,
) -> None:
    unrecovered = COMPLETE.replace("      recovery: A prepaid label with the first reply\n", "")
    ignored = unrecovered.replace("      to_be:\n", "      ignore: [CX304, CX308]\n      to_be:\n")
    assert _scorecard(make_project, {"r.yaml": ignored}).journeys[0].own.level == 5
    off = _scorecard(
        make_project, {"r.yaml": unrecovered}, config="rules:\n  CX304: off\n  peak-end: off\n"
    )
    assert off.journeys[0].own.level == 5


def test_a_team_is_scored_on_what_it_owns_and_whole_on_the_journeys_it_answers_for(
    make_project: MakeProject,
) -> None:
    # support-desk answers for the journey: web-team's broken touch point counts for it too.
    broken = COMPLETE.replace("      expectation: Clear terms\n", "")
    card = _scorecard(make_project, {"returns.yaml": broken})
    web, desk, shop = card.team("web-team"), card.team("support-desk"), card.team("shop-team")
    assert web is not None and web.score is not None and web.score.level == 0
    assert desk is not None and desk.score is not None and desk.score.level == 0
    assert desk.journeys == 1 and desk.touchpoints == 2
    assert shop is not None and shop.score is None  # owns nothing
    assert card.team_levels == {0: 2, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    # A broken touch point of the journey's own team leaves web-team's part alone.
    broken = COMPLETE.replace("      expectation: A word that it is done\n", "")
    card = _scorecard(make_project, {"returns.yaml": broken})
    web, desk = card.team("web-team"), card.team("support-desk")
    assert web is not None and web.score is not None and web.score.level == 3  # no KPI
    assert desk is not None and desk.score is not None and desk.score.level == 0


def test_a_parent_rolls_up_the_lowest_level_and_all_findings(make_project: MakeProject) -> None:
    parent = (
        f"journey:\n  id: life\n  title: Life\n  owner: support-desk\n  stages: [buy]\n"
        f"  reviewed: {RECENT}\n  touchpoints: []\n"
    )
    weak = COMPLETE.replace("id: returns", "id: weak").replace("      keeps: [refund]\n", "")
    good = COMPLETE.replace("  title: Returns\n", "  title: Returns\n  parent: life\n")
    weak = weak.replace("  title: Returns\n", "  title: Weak\n  parent: returns\n")
    card = _scorecard(make_project, {"life.yaml": parent, "returns.yaml": good, "weak.yaml": weak})
    by_id = {item.id: item for item in card.journeys}
    assert [(item.id, item.depth) for item in card.journeys] == [
        ("life", 0),
        ("returns", 1),
        ("weak", 2),
    ]
    # Made only of others, the parent is as far along as they are.
    assert by_id["life"].own.level == by_id["life"].rolled.level == 2
    assert by_id["returns"].rolled.level == 2 and by_id["weak"].own.level == 2
    assert by_id["weak"].ancestors == ("returns", "life")
    assert by_id["life"].rolled_health.errors == by_id["weak"].health.errors > 0
    blockers = card.blockers
    # The parent, made only of others, is held back by "weak": counted there, once.
    assert [(b.criterion.id, len(b.journeys), b.places) for b in blockers] == [
        ("promises-kept", 1, 1)
    ]


def test_a_stale_measurement_counts_for_its_journey(make_project: MakeProject) -> None:
    root = make_project({"returns.yaml": COMPLETE.replace(", actual: 4.6", "")})
    (root / "measurements.csv").write_text(
        "date,journey,touchpoint,kpi,value\n2020-01-01,returns,ask,csat,4.7\n", encoding="utf-8"
    )
    (journey,) = Scorecard(check(root)).journeys
    assert journey.own.level == 3
    (gap,) = journey.own.missing
    assert gap.criterion.id == "fresh"
    assert gap.places[0].file == "measurements.csv" and gap.places[0].code == "CX405"


def test_a_team_without_a_journey_of_its_own_measures_and_improves_a_touch_point(
    make_project: MakeProject,
) -> None:
    card = _scorecard(make_project, {"returns.yaml": COMPLETE})
    web = card.team("web-team")
    assert web is not None and web.score is not None and web.score.level == 3
    assert [(g.criterion.id, g.places[0].touchpoint) for g in web.score.gaps] == [
        ("kpis-measured", "page"),
        ("target-state", "page"),
    ]
    planned = COMPLETE.replace(
        "      emotion: 1\n      next: [ask]",
        "      emotion: 1\n      to_be: {emotion: 2}\n"
        "      kpis: [{name: Views, target: 10, actual: 12}]\n      next: [ask]",
    )
    assert planned != COMPLETE
    web = _scorecard(make_project, {"returns.yaml": planned}).team("web-team")
    assert web is not None and web.score is not None and web.score.level == 5


def test_a_journey_without_touch_points_or_parts_maps_nothing(make_project: MakeProject) -> None:
    empty = (
        f"journey:\n  id: stub\n  title: Stub\n  owner: support-desk\n  stages: [buy]\n"
        f"  reviewed: {RECENT}\n  touchpoints: []\n"
    )
    (journey,) = _scorecard(make_project, {"stub.yaml": empty}).journeys
    assert journey.own.level == 0
    (gap,) = journey.own.missing
    assert gap.criterion.id == "mapped" and gap.places[0].line == 7


def test_the_scorer_scores_any_set_of_journeys(make_project: MakeProject) -> None:
    report = check(make_project({"returns.yaml": COMPLETE}))
    scorer = Scorer(report)
    assert scorer.journey(report.project.journeys).level == 5
    assert scorer.team("lab", lambda doc: []) is None


def test_a_touch_point_left_out_for_schema_errors_still_counts(make_project: MakeProject) -> None:
    pruned = COMPLETE.replace("      name: Returns page\n", "")  # a required key missing
    (journey,) = _scorecard(make_project, {"returns.yaml": pruned}).journeys
    assert journey.own.level == 0
    (gap,) = journey.own.missing
    assert gap.criterion.id == "valid" and gap.places[0].code == "CX002"


@pytest.mark.parametrize("organization", [None, "organization: [broken\n"])
def test_without_a_readable_organisation_no_journey_is_valid(
    make_project: MakeProject, organization: str | None
) -> None:
    root = make_project({"returns.yaml": COMPLETE}, organization=organization)
    (journey,) = Scorecard(check(root)).journeys
    assert journey.own.level == 0
    assert journey.own.missing[0].places[0].file == "journeys/organization.yaml"


def test_a_part_that_maps_nothing_holds_its_parent_back(make_project: MakeProject) -> None:
    part = (
        "journey:\n  id: later\n  title: Later\n  parent: returns\n  owner: support-desk\n"
        f"  stages: [buy]\n  reviewed: {RECENT}\n  touchpoints: []\n"
    )
    card = _scorecard(make_project, {"returns.yaml": COMPLETE, "later.yaml": part})
    by_id = {item.id: item for item in card.journeys}
    assert by_id["later"].own.level == 0
    assert by_id["returns"].own.level == 5 and by_id["returns"].rolled.level == 0


def test_with_a_repeated_id_the_first_file_has_the_place_in_the_tree(
    make_project: MakeProject,
) -> None:
    def journey(key: str, title: str, parent: str | None) -> str:
        line = f"  parent: {parent}\n" if parent else ""
        return (
            f"journey:\n  id: {key}\n  title: {title}\n{line}  owner: support-desk\n"
            "  stages: [buy]\n  touchpoints: []\n"
        )

    files = {
        "a.yaml": journey("x", "Zed", "q"),  # the first of id x: CX004 is on b.yaml
        "b.yaml": journey("x", "Alpha", "p"),
        "p.yaml": journey("p", "P", None),
        "q.yaml": journey("q", "Q", None),
        "y.yaml": journey("y", "Y", "x"),
    }
    card = _scorecard(make_project, files)
    tree = [(item.doc.file, item.depth) for item in card.journeys]
    assert tree == [
        ("journeys/b.yaml", 0),  # the second x stands alone
        ("journeys/p.yaml", 0),
        ("journeys/q.yaml", 0),
        ("journeys/a.yaml", 1),
        ("journeys/y.yaml", 2),
    ]
    by_file = {item.doc.file: item for item in card.journeys}
    assert by_file["journeys/y.yaml"].ancestors == ("x", "q")


def test_a_tree_deeper_than_pythons_stack_is_scored(make_project: MakeProject) -> None:
    depth = 1200
    files = {
        f"j{n}.yaml": (
            f"journey:\n  id: j{n}\n  title: J{n}\n"
            + (f"  parent: j{n - 1}\n" if n else "")
            + "  stages: [buy]\n  touchpoints: []\n"
        )
        for n in range(depth)
    }
    card = Scorecard(check(make_project(files), select=("CX0",)))
    assert len(card.tree.descendants("j0")) == depth - 1
    assert card.tree.ancestors(f"j{depth - 1}")[-1] == "j0"
