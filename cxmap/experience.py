"""What the journey asks of the customer and what they remember of it.

Two facts about the customer's path, the touch points that face customers in
journey order (internal hand-offs happen out of sight):

- **effort**: how often the customer changes channel, is passed to another
  team, or has to give again what they gave before (CX207, scorecards);
- **peak and end**: people judge an experience by its worst moment and its
  last one (Kahneman's peak-end rule), so a journey that ends badly, or whose
  worst moment matters most and has no recovery, is remembered badly (CX308).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from cxmap.facts import journey_order
from cxmap.model import Journey, TouchPoint


def customer_path(journey: Journey) -> list[TouchPoint]:
    """The touch points the customer meets, in journey order."""
    return [tp for tp in journey_order(journey) if not tp.is_internal]


@dataclass(frozen=True)
class Effort:
    """The structural effort of a journey: what its hardest path makes the customer do."""

    path: tuple[TouchPoint, ...]
    """The customer's hardest way through the journey, in order."""
    channel_switches: tuple[tuple[TouchPoint, TouchPoint], ...]
    """Consecutive touch points of the path that share no channel."""
    handoffs: tuple[tuple[TouchPoint, TouchPoint], ...]
    """Consecutive touch points of the path owned by different teams."""
    repeats: tuple[TouchPoint, ...]
    """Touch points of the path that ask for information the customer gave before."""

    @property
    def total(self) -> int:
        return len(self.channel_switches) + len(self.handoffs) + len(self.repeats)

    @property
    def parts(self) -> tuple[tuple[int, str, str], ...]:
        """Each part with its count and its name, singular and plural."""
        return (
            (len(self.channel_switches), "channel switch", "channel switches"),
            (len(self.handoffs), "hand-off", "hand-offs"),
            (len(self.repeats), "repeated question", "repeated questions"),
        )

    @property
    def words(self) -> str:
        """``3 channel switches, 1 hand-off, 0 repeated questions``."""
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in self.parts)


def _switches(a: TouchPoint, b: TouchPoint) -> bool:
    return bool(a.channels and b.channels and not set(a.channels) & set(b.channels))


def _hands_off(a: TouchPoint, b: TouchPoint) -> bool:
    return bool(a.owner and b.owner and a.owner != b.owner)


def _step(a: TouchPoint, b: TouchPoint) -> int:
    return _switches(a, b) + _hands_off(a, b) + bool(b.repeats)


def effort(journey: Journey) -> Effort:
    """The effort of the customer's hardest path through the journey.

    The path runs along ``next`` (through internal touch points, which the
    customer does not see), or through every touch point in journey order when
    the journey has no ``next``. Of all paths, the one that asks most counts; a
    step back to an earlier touch point is a loop and is left out.

    A step counts as a channel switch when both touch points name channels and
    they share none, and as a hand-off when both name an owner and the owners
    differ. A touch point with ``repeats`` counts once, however much it asks for.
    """
    path = _hardest_path(journey)
    pairs = list(itertools.pairwise(path))
    return Effort(
        tuple(path),
        tuple((a, b) for a, b in pairs if _switches(a, b)),
        tuple((a, b) for a, b in pairs if _hands_off(a, b)),
        tuple(tp for tp in path if tp.repeats),
    )


def _hardest_path(journey: Journey) -> list[TouchPoint]:
    order = customer_path(journey)
    if not order:
        return []
    if not any(tp.next for tp in journey.touchpoints):
        return order
    following = _customer_steps(journey, order)
    # Longest path over the steps that go forward in journey order: each touch
    # point's hardest path ending there, built in order.
    best: list[tuple[int, list[int]]] = []
    for index, touchpoint in enumerate(order):
        score, path = int(bool(touchpoint.repeats)), [index]
        for earlier in range(index):
            if index in following[earlier]:
                total = best[earlier][0] + _step(order[earlier], touchpoint)
                if total > score:
                    score, path = total, [*best[earlier][1], index]
        best.append((score, path))
    _, hardest = max(best, key=lambda item: (item[0], len(item[1])))
    return [order[i] for i in hardest]


def _customer_steps(journey: Journey, order: list[TouchPoint]) -> list[set[int]]:
    """For each customer touch point, the later ones the customer reaches next."""
    position = {tp.id: index for index, tp in enumerate(order)}
    touchpoints = journey.touchpoint_ids
    steps: list[set[int]] = []
    for index, touchpoint in enumerate(order):
        reached: set[int] = set()
        seen: set[str] = set()
        waiting = list(touchpoint.next)
        while waiting:
            key = waiting.pop()
            if key in seen or key not in touchpoints:
                continue
            seen.add(key)
            if key in position:
                if position[key] > index:
                    reached.add(position[key])
            else:  # internal: the customer waits while it happens
                waiting.extend(touchpoints[key].next)
        steps.append(reached)
    return steps


@dataclass(frozen=True)
class PeakEnd:
    """What the customer will remember badly, by the peak-end rule."""

    bad_end: TouchPoint | None
    """The last touch point with an emotion, when that emotion is negative."""
    bad_peaks: tuple[TouchPoint, ...]
    """The worst moments (lowest negative emotion) that are moments of truth with no recovery."""

    def __bool__(self) -> bool:
        return self.bad_end is not None or bool(self.bad_peaks)


def peak_end(journey: Journey) -> PeakEnd:
    """The journey's bad end and unrecovered worst moments, if any.

    Only touch points that face customers and state an emotion count. The end is
    the last of them in journey order that does not handle complaints: a
    complaint is a way out of the journey when it went wrong, not its end
    (CX304 asks for its recovery). The peak is the lowest emotion below zero.
    """
    felt = [tp for tp in customer_path(journey) if tp.emotion is not None]
    ends = [tp for tp in felt if not tp.handles_complaints]
    if not felt:
        return PeakEnd(None, ())
    end = ends[-1] if ends else None
    bad_end = end if end is not None and end.emotion is not None and end.emotion < 0 else None
    lowest = min(tp.emotion for tp in felt if tp.emotion is not None)
    peaks = tuple(
        tp
        for tp in felt
        if lowest < 0 and tp.emotion == lowest and tp.moment_of_truth and not tp.recovery
    )
    return PeakEnd(bad_end, peaks)
