"""The improvement backlog and its value-against-effort chart."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from helpers import MakeProject, check

from cxmap.backlog import backlog, quadrant
from cxmap.handbook.charts import value_effort

JOURNEY = """\
journey:
  id: returns
  title: Returns
  owner: support-desk
  stages: [support]
  touchpoints:
    - id: ask
      name: Ask
      stage: support
      owner: support-desk
      opportunities:
        - {text: Big idea, value: 5, effort: 5}
        - {text: Cheap idea, value: 2, effort: 1, owner: web-team}
        - Unsized idea
        - {text: Best idea, value: 4, effort: 1}
        - {text: Poor idea, value: 1, effort: 4}
    - id: later
      name: Later
      stage: support
      owner: returns-team
      opportunities:
        - {text: Tie with the best, value: 4, effort: 1}
"""


@pytest.mark.parametrize(
    ("value", "effort", "name"),
    [
        (3, 2, "Quick win"),
        (5, 1, "Quick win"),
        (3, 3, "Big bet"),
        (2, 2, "Fill-in"),
        (2, 3, "Rethink"),
    ],
)
def test_quadrants_split_at_a_value_of_3_and_an_effort_of_2(
    value: int, effort: int, name: str
) -> None:
    assert quadrant(value, effort) == name


def test_the_backlog_ranks_by_quadrant_then_value_per_effort_and_keeps_the_unsized_apart(
    make_project: MakeProject,
) -> None:
    project = check(make_project({"returns.yaml": JOURNEY})).project
    found = backlog(project)
    assert [(item.rank, item.opportunity.text) for item in found.ranked] == [
        (1, "Best idea"),
        (2, "Tie with the best"),  # a tie keeps journey order
        (3, "Big idea"),  # a big bet comes before a fill-in worth more per effort
        (4, "Cheap idea"),
        (5, "Poor idea"),
    ]
    assert [item.opportunity.text for item in found.unsized] == ["Unsized idea"]
    owners = {item.opportunity.text: item.owner for item in found.items}
    assert owners["Cheap idea"] == "web-team" and owners["Big idea"] == "support-desk"
    assert owners["Tie with the best"] == "returns-team"
    assert found.quadrant_counts == [
        ("Quick win", 2),
        ("Big bet", 1),
        ("Fill-in", 1),
        ("Rethink", 1),
    ]
    anchors = [item.anchor for item in found.items]
    assert anchors == [f"opp-{n}" for n in range(1, 7)]  # unique whatever the ids


def test_the_chart_links_every_dot_to_its_row_and_names_it(make_project: MakeProject) -> None:
    project = check(make_project({"returns.yaml": JOURNEY})).project
    ranked = backlog(project).ranked
    svg = str(value_effort(ranked))
    # Markdown-active characters are character references; the XML reads them back.
    tree = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    links = tree.findall(f"{ns}a")
    assert [link.get("data-cxmap-for") for link in links] == [
        item.anchor for item in sorted(ranked, key=lambda i: (i.value, i.effort))
    ]
    assert all(link.get("href") == f"#{link.get('data-cxmap-for')}" for link in links)
    best = next(link for link in links if link.get("data-cxmap-for") == ranked[0].anchor)
    assert best.get("aria-label") == "#1 Best idea (value 4, effort 1, Quick win; Ask in Returns)"
    label = tree.get("aria-label") or ""
    assert label.startswith(
        "Value (up) against effort (right), each from 1 to 5, of 5 sized opportunities: "
        "2 quick wins, 1 big bet, 1 fill-in, "
        "1 to rethink."
    )
    texts = [text.text for text in tree.iter(f"{ns}text")]
    assert {"Quick win", "Big bet", "Fill-in", "Rethink", "Effort →", "Value →"} <= set(texts)
    assert not re.search(r"font-size=\"([0-9])\"", svg)  # no text below 10 units


@pytest.mark.parametrize(
    ("value", "effort", "top"),
    [(3, 3, 128), (5, 1, 8 + 18)],  # in the top left cell of a quadrant, below its name
)
def test_many_opportunities_in_one_cell_stay_inside_it(
    make_project: MakeProject, value: int, effort: int, top: int
) -> None:
    many = "\n".join(
        f"        - {{text: Idea {n}, value: {value}, effort: {effort}}}" for n in range(30)
    )
    text = JOURNEY.split("      opportunities:\n")[0] + "      opportunities:\n" + many + "\n"
    project = check(make_project({"returns.yaml": text})).project
    tree = ElementTree.fromstring(str(value_effort(backlog(project).ranked)))
    circles = list(tree.iter("{http://www.w3.org/2000/svg}circle"))
    assert len(circles) == 30
    left = 46 + (effort - 1) * 60
    bottom = 8 + (6 - value) * 60
    for circle in circles:
        x, y, r = (float(circle.get(key, "0")) for key in ("cx", "cy", "r"))
        assert x - r >= left and x + r <= left + 60
        assert y - r >= top and y + r <= bottom
