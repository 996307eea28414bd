"""The tree of a journey's parts, drawn for the handbook (cxmap.diagrams.parts)."""

from __future__ import annotations

import re

import pytest
from helpers import REPO, MakeProject, check

from cxmap.diagrams.parts import file_version, parts_diagrams
from cxmap.diagrams.render import render
from cxmap.scorecard import Scorecard


def test_only_journeys_with_parts_get_a_tree_and_it_names_every_part() -> None:
    report = check(REPO)
    drawn = {
        key: job
        for key, job, _ in parts_diagrams(Scorecard(report), "../{journey}/#tp-{touchpoint}")
    }
    assert sorted(drawn) == [("repair-and-warranty", "parts"), ("rider-lifecycle", "parts")]
    lifecycle = drawn[("rider-lifecycle", "parts")]
    titles = {doc.model.id: doc.model.title for doc in report.project.journeys}
    for key in ("discover-and-buy", "repair-and-warranty", "field-defect-escalation"):
        assert titles[key] in lifecycle.description
        assert f'URL="../{key}/"' in lifecycle.source
    assert "fleet-lease-renewal" not in lifecycle.source  # not a part of it
    svg = render(lifecycle).decode("utf-8")
    assert svg.count('class="node"') == 6 and "made of 4" in svg


@pytest.mark.parametrize(
    ("file_links", "url", "from_file"),
    [
        # journeys/life/ and journeys/life/parts.svg both link to journeys/part/
        ("../{journey}/#tp-{touchpoint}", "../part/", "../part/"),
        # journeys/life.html links to part.html; journeys/life/parts.svg to ../part.html
        ("../{journey}.html#tp-{touchpoint}", "part.html", "../part.html"),
    ],
)
def test_a_part_links_to_its_page_as_the_page_is_addressed(
    make_project: MakeProject, file_links: str, url: str, from_file: str
) -> None:
    life = "journey:\n  id: life\n  title: Life\n  stages: [buy]\n  touchpoints: []\n"
    part = life.replace("id: life", "id: part").replace(
        "title: Life", "title: Part\n  parent: life"
    )
    report = check(make_project({"life.yaml": life, "part.yaml": part}))
    ((key, job, grid),) = parts_diagrams(Scorecard(report), file_links)
    assert key == ("life", "parts")
    assert re.findall(r'URL="([^"]*)"', job.source)[1] == url
    assert len(grid.boxes) == 2 and grid.row_cuts
    svg = f'<a xlink:href="{url}">'.encode()
    assert file_version(svg, file_links) == f'<a xlink:href="{from_file}">'.encode()


def test_no_tree_without_parents(make_project: MakeProject) -> None:
    life = "journey:\n  id: life\n  title: Life\n  stages: [buy]\n  touchpoints: []\n"
    assert (
        list(parts_diagrams(Scorecard(check(make_project({"life.yaml": life}))), "{journey}")) == []
    )
