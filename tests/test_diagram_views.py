"""What each view draws: order, columns, marks, unknown emotions, the target state.

These read the DOT source of the views (positions, labels, edges); what a browser
shows of the rendered SVG is tested in tests/test_browser_diagrams.py.
"""

from __future__ import annotations

import html
import itertools
import re

import pytest
from helpers import MakeProject, check

from cxmap.diagrams import VIEWS, JourneyView, blueprint, describe, emotion, journey_map, views_of
from cxmap.diagrams.common import characters, heading, node_height, node_rows, wrap

# Stage "buy": a -> b -> c, with c listed first; b is in another lane (service) than
# a and c (marketing). Stage "support": d without emotion, then e; f is internal.
JOURNEY = """\
journey:
  id: j
  title: J
  stages: [buy, support]
  touchpoints:
    - {id: c, name: Third, stage: buy, department: marketing, emotion: 1}
    - {id: a, name: First, stage: buy, department: marketing, emotion: 1, next: [b],
       moment_of_truth: true}
    - {id: b, name: Second, stage: buy, department: service, emotion: -1, next: [c]}
    - id: d
      name: Fourth
      stage: support
      department: service
      next: [e]
      to_be: {emotion: 2, channels: [chat], standard: {text: Fast, within: 1h}}
    - {id: e, name: Fifth, stage: support, department: service, emotion: 2, next: [f]}
    - {id: f, name: Sixth, stage: support, owner: lab, audience: internal,
       customer: support-desk, emotion: 0}
"""


@pytest.fixture
def view(make_project: MakeProject) -> JourneyView:
    report = check(make_project({"j.yaml": JOURNEY}))
    (doc,) = report.project.journeys
    return JourneyView(report.project, doc, report.findings)


def positions(source: str) -> dict[str, tuple[float, float]]:
    """Each node's pinned position, by node name."""
    found = re.findall(r'^\s*"([^"]+)" \[.*?pos="([-\d.]+),([-\d.]+)"', source, re.MULTILINE)
    return {name: (float(x), float(y)) for name, x, y in found}


def node_line(source: str, name: str) -> str:
    return next(line for line in source.splitlines() if line.strip().startswith(f'"{name}" ['))


def shown(source: str, name: str) -> str:
    """The text of a node's label as it reads: no markup, entities decoded, lines joined."""
    rest, depth = node_line(source, name).split("label=<", 1)[1], 1
    end = 0
    while depth:  # the label ends at the ">" that closes its "<"
        depth += {"<": 1, ">": -1}.get(rest[end], 0)
        end += 1
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rest[: end - 1])).split())


def test_touch_points_are_in_the_order_the_customer_meets_them(view: JourneyView) -> None:
    assert [tp.id for tp in view.touchpoints] == ["a", "b", "c", "d", "e", "f"]


def test_the_map_spreads_a_lane_left_to_right_but_keeps_other_lanes_in_the_column(
    view: JourneyView,
) -> None:
    places = positions(journey_map.build(view).source)
    a, b, c = places["tp-a"], places["tp-b"], places["tp-c"]
    assert a[0] == b[0]  # b is in another lane: same column as a
    assert c[0] == a[0] + journey_map.PITCH  # c comes after a in a's lane: one column on
    assert journey_map.steps(view, view.touchpoints) == [0, 0, 1, 0, 1, 1]


def test_the_map_draws_only_the_lanes_the_journey_uses(view: JourneyView) -> None:
    source = journey_map.build(view).source
    titles = re.findall(r'"lane-\d+" \[label=<<B>(.*?)</B>>', source)
    assert titles == ["Marketing", "Customer Service", "Research &amp;<BR/>Development"]


def test_stacked_boxes_do_not_overlap(make_project: MakeProject) -> None:
    many = "\n".join(
        f"    - {{id: t{n}, name: Step number {n} of a long stage, stage: buy, owner: web-team}}"
        for n in range(5)
    )
    root = make_project(
        {"j.yaml": f"journey:\n  id: j\n  title: J\n  stages: [buy]\n  touchpoints:\n{many}\n"}
    )
    report = check(root)
    (doc,) = report.project.journeys
    view = JourneyView(report.project, doc)
    places = positions(journey_map.build(view).source)
    ys = sorted(places[f"tp-t{n}"][1] for n in range(5))
    tall = max(node_height(view, tp) for tp in view.touchpoints)
    assert all(low - high >= tall for high, low in itertools.pairwise(ys))
    assert len({places[f"tp-t{n}"][0] for n in range(5)}) == 1  # one column, stacked


def test_the_blueprint_follows_next_not_the_file(view: JourneyView) -> None:
    places = positions(blueprint.build(view).source)
    xs = [places[f"tp-{key}"][0] for key in "abcdef"]
    assert xs == sorted(xs) and len(set(xs)) == 6


def test_the_emotion_curve_breaks_at_an_unknown_emotion_and_says_so(view: JourneyView) -> None:
    source = emotion.build(view).source
    assert 'label="?"' in node_line(source, "tp-d")
    assert "emotion ?" in node_line(source, "tp-d-caption")
    edges = re.findall(r'^\s*"(tp-[a-f])" -> "(tp-[a-f])"', source, re.MULTILINE)
    assert edges == [("tp-a", "tp-b"), ("tp-b", "tp-c"), ("tp-e", "tp-f")]
    # The target curve: only d gives a target emotion, so there is no dashed edge.
    assert '"tp-d-to-be"' in source and '-> "tp-d-to-be"' not in source


def test_the_emotion_curve_shows_whole_names_and_marks(make_project: MakeProject) -> None:
    name = "Pays the settlement into the customer's account at last"
    root = make_project({"j.yaml": JOURNEY.replace("name: Third", f"name: {name}")})
    report = check(root)
    view = JourneyView(report.project, report.project.journeys[0])
    source = emotion.build(view).source
    assert shown(source, "tp-c-caption") == name
    assert shown(source, "tp-a-caption") == "\u2605 moment of truth First"


@pytest.mark.parametrize("kind", ["map", "blueprint"])
def test_boxes_mark_moments_of_truth_and_internal_touch_points(
    view: JourneyView, kind: str
) -> None:
    source = VIEWS[kind].draw(view).source
    assert shown(source, "tp-a").startswith("\u2605 moment of truth First")
    assert "\u2605" not in shown(source, "tp-b")
    assert 'style="rounded,filled,dashed"' in node_line(source, "tp-f")
    assert "internal: serves Support Desk" in shown(source, "tp-f")
    assert "dashed box: internal touch point" in source  # the legend explains the mark


def test_the_target_map_shows_target_values_and_marks_each_change(view: JourneyView) -> None:
    today = shown(journey_map.build(view).source, "tp-d")
    target = shown(journey_map.build_target(view).source, "tp-d")
    assert "emotion ?" in today and "\u0394" not in today
    assert "emotion +2" in target and "Live chat" in target
    assert "\u0394 emotion: ? \u2192 +2" in target
    assert "\u0394 standard: none \u2192 within 1h" in target
    assert "\u0394 channels:  \u2192 chat".replace("  ", " ") in target
    assert views_of(view.doc.model) == ["map", "target", "blueprint", "emotion"]


def test_a_journey_without_a_target_state_has_no_target_map(make_project: MakeProject) -> None:
    plain = "\n".join(line for line in JOURNEY.splitlines() if "to_be" not in line)
    report = check(make_project({"j.yaml": plain}))
    assert views_of(report.project.journeys[0].model) == ["map", "blueprint", "emotion"]


@pytest.mark.parametrize("kind", sorted(VIEWS))
def test_stage_headings_fit_their_columns(make_project: MakeProject, kind: str) -> None:
    long = "Finding out what is needed before the application"
    org_root = make_project({"j.yaml": JOURNEY})
    organization = (org_root / "journeys" / "organization.yaml").read_text()
    organization = organization.replace(
        "- {id: buy, name: Purchase}", f"- {{id: buy, name: {long}}}"
    )
    root = make_project({"j.yaml": JOURNEY}, organization=organization)
    report = check(root)
    view = JourneyView(report.project, report.project.journeys[0])
    label = node_line(VIEWS[kind].draw(view).source, "stage-0")
    lines = re.sub(r"<B>|</B>", "", label.split("label=<", 1)[1].split("> shape=", 1)[0])
    widest = max(len(line) for line in lines.split("<BR/>"))
    space = {
        "map": 2 * journey_map.PITCH,
        "target": 2 * journey_map.PITCH,
        "blueprint": 3 * blueprint.PITCH,
        "emotion": 3 * emotion.STEP,
    }[kind]
    assert widest <= characters(space - 12, 13, bold=True)
    assert " ".join(lines.split("<BR/>")) == long


def test_text_helpers() -> None:
    assert wrap("a  b\nc", 10) == ["a b c"]
    assert wrap("", 10) == [""]
    assert max(len(line) for line in wrap("x" * 50, 8)) == 8
    assert heading("Short", 200)[1] == 1
    assert heading("A much longer stage name than fits", 60)[1] > 1


def test_rows_and_heights_grow_with_the_text(view: JourneyView) -> None:
    a, f = view.doc.model.touchpoint_ids["a"], view.doc.model.touchpoint_ids["f"]
    assert node_rows(view, a)[0].lines == ["&#9733; moment of truth"]
    assert node_height(view, f) > node_height(view, view.doc.model.touchpoint_ids["c"])


def test_the_description_counts_unknown_emotions(view: JourneyView) -> None:
    text = describe(view, "emotion")
    assert "6 touch points" in text and "1 touch points state no emotion" in text
    assert "worst at 'Second' (emotion -1)" in text
