"""Facts of measured service: promise chains and what is delivered against the standard."""

from __future__ import annotations

from typing import Any

from cxmap.delivered import Delivered, KpiReading, ServiceGaps, better_way, promise_chain
from cxmap.model import Duration, Journey, Kpi, TouchPoint


def _journey(touchpoints: list[dict[str, Any]], promise: dict[str, Any]) -> Journey:
    for item in touchpoints:
        item.setdefault("name", item["id"].title())
        item.setdefault("stage", "s")
    return Journey.model_validate(
        {
            "id": "j",
            "title": "J",
            "stages": ["s"],
            "promises": [promise],
            "touchpoints": touchpoints,
        }
    )


def _timed(within: str | None) -> dict[str, Any]:
    return {"standard": {"text": "x", "within": within}} if within else {"standard": "x"}


def test_the_slowest_branch_counts_and_the_chain_says_how_many_ways_there_are() -> None:
    journey = _journey(
        [
            {"id": "make", "promises": ["p"], "next": ["fast", "slow"], **_timed("1h")},
            {"id": "fast", "next": ["keep"], **_timed("2h")},
            {"id": "slow", "next": ["keep"], **_timed("1d")},
            {"id": "keep", "keeps": ["p"], **_timed("4h")},
        ],
        {"id": "p", "text": "P", "within": "1d"},
    )
    chain = promise_chain(journey, journey.promises[0])
    assert chain is not None
    assert [step.id for step in chain.steps] == ["slow", "keep"]  # the maker is not counted
    assert chain.paths == 2 and chain.seconds == Duration("28h").seconds and chain.over
    assert chain.total.text == "1.17d"  # in the promise's unit, rounded


def test_a_loop_is_walked_once_and_untimed_steps_are_named() -> None:
    journey = _journey(
        [
            {"id": "make", "promises": ["p"], "next": ["check"], **_timed(None)},
            {"id": "check", "next": ["fix"], **_timed(None)},
            {"id": "fix", "next": ["check", "keep"], **_timed("2d")},
            {"id": "keep", "keeps": ["p"], **_timed("1d")},
        ],
        {"id": "p", "text": "P", "within": "5d"},
    )
    chain = promise_chain(journey, journey.promises[0])
    assert chain is not None
    assert [step.id for step in chain.steps] == ["check", "fix", "keep"]
    assert [step.id for step in chain.untimed] == ["check"]
    assert chain.total == Duration("3d") and not chain.over and chain.paths == 1


def test_without_next_the_chain_goes_in_journey_order_from_starts_at() -> None:
    journey = _journey(
        [
            {"id": "make", "promises": ["p"], **_timed("3d")},
            {"id": "order", **_timed("1h")},
            {"id": "ship", **_timed("2d")},
            {"id": "keep", "keeps": ["p"], **_timed("1d")},
        ],
        {"id": "p", "text": "P", "within": "48h", "starts_at": "order"},
    )
    chain = promise_chain(journey, journey.promises[0])
    assert chain is not None and chain.starts_at.id == "order"
    assert [step.id for step in chain.steps] == ["ship", "keep"]
    assert chain.total == Duration("72h") and chain.over


def test_made_and_kept_in_one_place_the_chain_is_its_own_standard() -> None:
    journey = _journey(
        [{"id": "desk", "promises": ["p"], "keeps": ["p"], **_timed("2h")}],
        {"id": "p", "text": "P", "within": "1h"},
    )
    chain = promise_chain(journey, journey.promises[0])
    assert chain is not None and [step.id for step in chain.steps] == ["desk"] and chain.over


def test_no_chain_without_a_time_or_a_way_from_start_to_keeper() -> None:
    touchpoints = [
        {"id": "keep", "keeps": ["p"], "next": ["make"], **_timed("1h")},
        {"id": "make", "promises": ["p"], **_timed("1h")},
    ]
    untimed = _journey([dict(item) for item in touchpoints], {"id": "p", "text": "P"})
    assert promise_chain(untimed, untimed.promises[0]) is None
    backwards = _journey(touchpoints, {"id": "p", "text": "P", "within": "1d"})
    assert promise_chain(backwards, backwards.promises[0]) is None


def _delivered(time: str, committed: str, lead_time: bool = False) -> Delivered:
    reading = KpiReading(Kpi(name="t", unit="h", measures="standard"), 1, ())
    return Delivered(reading, Duration(time), Duration(committed), lead_time)


def test_the_three_gaps_open_and_close_on_their_own() -> None:
    slow = ServiceGaps(Duration("1d"), Duration("4h"), _delivered("6h", "4h"))
    assert (slow.expectation_gap, slow.delivery_gap, slow.customer_gap) == (False, True, False)
    late = ServiceGaps(Duration("2h"), Duration("4h"), _delivered("3h", "4h"))
    assert (late.expectation_gap, late.delivery_gap, late.customer_gap) == (True, False, True)
    assert _delivered("6w", "10w", lead_time=True).gap  # a reminder sent too late
    assert not _delivered("12w", "10w", lead_time=True).gap


def test_a_kpi_that_measures_the_standard_is_better_as_its_standard_says() -> None:
    response = TouchPoint(id="a", name="A", stage="s", standard={"within": "4h"})
    lead = TouchPoint(id="b", name="B", stage="s", standard={"ahead": "2w"})
    measured = Kpi(unit="hours", measures="standard")
    assert better_way(measured, response) == "lower"
    assert better_way(measured, lead) == "higher"
    assert better_way(Kpi(unit="h", measures="standard", better="higher"), response) == "higher"
    assert better_way(Kpi(unit="h"), response) == "higher"
    assert Kpi(unit="working days", measures="standard").time_unit == "wd"
    assert Kpi(unit="min").time_unit == "m" and Kpi(unit="%").time_unit is None
    assert Duration.of(1.004, "h").text == "1h" and Duration.of(0, "d").text == "0d"
    assert Duration.of(1.004, "h") > Duration("1h")  # written rounded, compared exactly
    assert Duration("2d").in_unit("h") == 48


def test_loops_count_once_whatever_the_order_of_next() -> None:
    def chain_of(first: list[str]) -> tuple[list[str], float] | None:
        journey = _journey(
            [
                {"id": "s", "promises": ["p"], "next": first, **_timed(None)},
                {"id": "x", "next": ["y", "g"], **_timed("1h")},
                {"id": "y", "next": ["x"], **_timed("10h")},
                {"id": "g", "keeps": ["p"], **_timed(None)},
            ],
            {"id": "p", "text": "P", "within": "5h"},
        )
        chain = promise_chain(journey, journey.promises[0])
        return None if chain is None else ([step.id for step in chain.steps], chain.seconds)

    assert chain_of(["x", "y"]) == chain_of(["y", "x"]) == (["x", "g"], 3600)


def test_a_sum_just_over_the_promise_is_shown_in_a_unit_that_tells_them_apart() -> None:
    journey = _journey(
        [
            {"id": "a", "promises": ["p"], "next": ["b"], **_timed(None)},
            {"id": "b", "next": ["c"], **_timed("23h")},
            {"id": "c", "keeps": ["p"], **_timed("61m")},
        ],
        {"id": "p", "text": "P", "within": "1d"},
    )
    chain = promise_chain(journey, journey.promises[0])
    assert chain is not None and chain.over
    assert chain.total.words == "24.02 hours"
