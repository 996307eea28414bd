"""What a journey asks of the customer (effort) and what they remember (peak and end)."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from cxmap.experience import effort, peak_end
from cxmap.model import Journey


def _journey(touchpoints: list[dict[str, Any]], stages: tuple[str, ...] = ("s",)) -> Journey:
    for item in touchpoints:
        item.setdefault("name", item["id"].title())
        item.setdefault("stage", stages[0])
    return Journey.model_validate(
        {"id": "j", "title": "J", "stages": list(stages), "touchpoints": touchpoints}
    )


def _ids(pairs: tuple[Any, ...]) -> list[tuple[str, str]]:
    return [(a.id, b.id) for a, b in pairs]


def test_without_next_every_customer_touch_point_is_on_the_path_in_journey_order() -> None:
    journey = _journey(
        [
            {"id": "a", "owner": "web", "channels": ["web"]},
            {"id": "b", "owner": "web", "channels": ["web", "app"]},  # shares web: no switch
            {"id": "c", "owner": "desk", "channels": ["phone"], "repeats": ["order number", "x"]},
            {"id": "d", "owner": "desk"},  # no channels: no switch can be told
        ]
    )
    found = effort(journey)
    assert [tp.id for tp in found.path] == ["a", "b", "c", "d"]
    assert _ids(found.channel_switches) == [("b", "c")]
    assert _ids(found.handoffs) == [("b", "c")]
    assert [tp.id for tp in found.repeats] == ["c"]  # once, however much it asks again
    assert found.total == 3
    assert found.words == "1 channel switch, 1 hand-off, 1 repeated question"


def test_with_next_the_hardest_branch_counts_and_internal_steps_are_passed_through() -> None:
    journey = _journey(
        [
            {"id": "start", "owner": "web", "channels": ["web"], "next": ["easy", "check"]},
            {"id": "easy", "owner": "web", "channels": ["web"], "next": ["end"]},
            {"id": "check", "owner": "back", "audience": "internal", "next": ["hard"]},
            {"id": "hard", "owner": "desk", "channels": ["phone"], "next": ["end"]},
            {"id": "end", "owner": "web", "channels": ["web"]},
        ]
    )
    found = effort(journey)
    assert [tp.id for tp in found.path] == ["start", "hard", "end"]
    assert _ids(found.channel_switches) == [("start", "hard"), ("hard", "end")]
    assert found.total == 4


def test_a_step_back_is_a_loop_and_is_left_out() -> None:
    journey = _journey(
        [
            {"id": "a", "owner": "x", "channels": ["web"], "next": ["b"]},
            {"id": "b", "owner": "y", "channels": ["phone"], "next": ["a", "c"]},
            {"id": "c", "owner": "y", "channels": ["phone"]},
        ]
    )
    assert [tp.id for tp in effort(journey).path] == ["a", "b", "c"]
    assert effort(journey).total == 2


def test_the_result_does_not_depend_on_the_order_of_next() -> None:
    rng = random.Random(18)
    owners, channels = ["x", "y", "z"], ["web", "phone", "mail"]
    for _ in range(200):
        size = rng.randint(1, 7)
        base = [
            {
                "id": f"t{i}",
                "owner": rng.choice(owners),
                "channels": [rng.choice(channels)],
                "next": [f"t{j}" for j in range(size) if j != i and rng.random() < 0.4],
                "repeats": ["x"] if rng.random() < 0.2 else [],
            }
            for i in range(size)
        ]
        totals = set()
        for _shuffle in range(3):
            shuffled = [
                dict(item, next=rng.sample(item["next"], len(item["next"]))) for item in base
            ]
            totals.add(effort(_journey(shuffled)).total)
        assert len(totals) == 1


def test_an_empty_or_internal_journey_asks_nothing() -> None:
    assert effort(_journey([])).total == 0
    internal = _journey([{"id": "a", "audience": "internal", "owner": "x", "customer": "y"}])
    found = effort(internal)
    assert found.path == () and found.total == 0


@pytest.mark.parametrize(
    ("emotions", "bad_end"),
    [((1, -1), "t1"), ((-1, 1), None), ((1, None), None), ((1, -2, None), "t1")],
)
def test_the_end_is_the_last_touch_point_that_states_an_emotion(
    emotions: tuple[int | None, ...], bad_end: str | None
) -> None:
    journey = _journey(
        [
            {"id": f"t{i}", **({"emotion": e} if e is not None else {}), "recovery": "r"}
            for i, e in enumerate(emotions)
        ]
    )
    found = peak_end(journey)
    assert (found.bad_end.id if found.bad_end else None) == bad_end
    assert bool(found) is (bad_end is not None)


def test_a_complaint_step_or_an_internal_one_is_not_the_end() -> None:
    journey = _journey(
        [
            {"id": "a", "emotion": 1},
            {"id": "complaint", "emotion": -2, "handles_complaints": True, "recovery": "r"},
            {"id": "hand-off", "emotion": -1, "audience": "internal", "customer": "x"},
        ]
    )
    assert not peak_end(journey)


def test_the_worst_moment_counts_when_it_matters_and_nobody_turns_it_around() -> None:
    journey = _journey(
        [
            {"id": "low", "emotion": -2, "moment_of_truth": True},
            {"id": "low-too", "emotion": -2},  # not a moment of truth
            {"id": "recovered", "emotion": -2, "moment_of_truth": True, "recovery": "r"},
            {"id": "milder", "emotion": -1, "moment_of_truth": True},  # not the worst
            {"id": "end", "emotion": 1},
        ]
    )
    found = peak_end(journey)
    assert [tp.id for tp in found.bad_peaks] == ["low"] and found.bad_end is None


def test_no_emotion_means_nothing_to_remember() -> None:
    assert not peak_end(_journey([{"id": "a"}, {"id": "b"}]))
    assert not peak_end(_journey([{"id": "a", "emotion": 0, "moment_of_truth": True}]))


def test_every_pair_of_path_steps_is_counted_once() -> None:
    journey = _journey(
        [
            {"id": f"t{i}", "owner": owner, "channels": [channel]}
            for i, (owner, channel) in enumerate(itertools.product("xy", ["web", "phone"]))
        ]
    )
    found = effort(journey)
    assert len(found.channel_switches) == 3 and len(found.handoffs) == 1
