"""The journey map's swimlanes follow the organisation, not the order of first use."""

from __future__ import annotations

import re

from helpers import MakeProject, check

from cxmap.diagrams.common import JourneyView
from cxmap.diagrams.journey_map import build, lanes

# The example organisation lists marketing, sales, service, rnd (in that order).
JOURNEY = """journey:
  id: j
  title: J
  stages: [support]
  touchpoints:
    - {id: a, name: A, stage: support, department: rnd}
    - {id: b, name: B, stage: support, owner: support-desk}
    - {id: c, name: C, stage: support, department: zeta}
    - {id: d, name: D, stage: support, department: marketing}
    - {id: e, name: E, stage: support, department: alpha}
    - {id: f, name: F, stage: support}
    - {id: g, name: G, stage: support, department: rnd}
"""


def view(make_project: MakeProject) -> JourneyView:
    report = check(make_project({"j.yaml": JOURNEY}))
    (doc,) = report.project.journeys
    return JourneyView(report.project, doc)


def test_lanes_follow_the_organisation_and_unknown_ones_come_last(
    make_project: MakeProject,
) -> None:
    # First use would give rnd, service, zeta, marketing, alpha, "" (no department).
    assert lanes(view(make_project)) == ["marketing", "service", "rnd", "", "alpha", "zeta"]


def test_the_drawn_lanes_are_in_the_same_order_top_down(make_project: MakeProject) -> None:
    source = build(view(make_project)).source
    drawn = re.findall(r'"lane-(\d+)" \[label=<<B>(.*?)</B>>.*?pos="75,([\d.]+)"', source)
    assert [(int(number), title) for number, title, _ in drawn] == [
        (0, "Marketing"),
        (1, "Customer Service"),
        (2, "Research &amp;<BR/>Development"),
        (3, "No department"),
        (4, "Alpha"),
        (5, "Zeta"),
    ]
    heights = [float(y) for _, _, y in drawn]
    assert heights == sorted(heights, reverse=True)  # the first lane is drawn on top
