"""The handbook's journey health: counts per severity, and emotions where 0 is a value."""

from __future__ import annotations

import pytest
from helpers import MakeProject, check

from cxmap.handbook.content import Handbook
from cxmap.handbook.generate import journey_index
from cxmap.scorecard import Health


def journey(*emotions: int | None) -> str:
    points = "".join(
        f"    - {{id: t{n}, name: T{n}, stage: support, owner: support-desk, expectation: x"
        + ("" if emotion is None else f", emotion: {emotion}")
        + "}\n"
        for n, emotion in enumerate(emotions)
    )
    return (
        "journey:\n  id: j\n  title: J\n  owner: support-desk\n  stages: [support]\n"
        "  touchpoints:\n" + points
    )


@pytest.mark.parametrize(
    ("emotions", "health", "row"),
    [
        ((0, 1, None), Health(0, 4, 4, (0, 1)), "\\+0.5, +0"),
        ((0, None, 0), Health(0, 4, 4, (0, 0)), "\\+0.0, +0"),
        ((-2, 2, 1), Health(0, 5, 4, (-2, 2, 1)), "\\+0.3, -2"),
        ((None, None), Health(0, 3, 4, ()), "—"),
    ],
)
def test_every_emotion_counts_including_zero(
    make_project: MakeProject, emotions: tuple[int | None, ...], health: Health, row: str
) -> None:
    report = check(make_project({"j.yaml": journey(*emotions)}))
    (doc,) = report.project.journeys
    assert Handbook(report).health(doc) == health
    table = journey_index(report, "index.md").splitlines()
    points = len(emotions)
    assert table[4] == (
        f"| [J](journeys/j.md) | [Support Desk](teams/support-desk.md) | draft "
        '| <span class="cxmap-level" data-level="1">1 Owned</span> '
        f"| Customer Service | Support | {points} "
        f"| 0 errors, {health.warnings} warnings, 4 info | — | {row} |"
    )


def test_average_and_lowest_of_no_emotions() -> None:
    assert Health().average is None
    assert Health().lowest is None
    assert Health(emotions=[0]).average == 0.0
    assert Health(emotions=[0]).lowest == 0
    assert Health(emotions=[1, 0, 2]).lowest == 0
