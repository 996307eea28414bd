"""``make fuzz``: a long random campaign against ``cxmap check``; failing inputs are kept.

Round after round, Hypothesis mutates the example journeys (the ``mutated`` strategy of
``tests/test_fuzz.py``) under the ``fuzz`` profile of ``tests/fuzzing.py``, with a fresh
seed each round, until the time is up. Each failure is shrunk by Hypothesis and saved,
byte for byte, as ``tests/regressions/fuzz-<sha256>.yaml``, which ``make test`` then runs
(``tests/test_regressions.py``). A bug already found (same exception at the same place,
or one of the saved regressions still failing) is not reported again: the campaign keeps
looking for new ones.

Usage: ``python tests/fuzz_campaign.py --minutes 5`` (``make fuzz FUZZ_MINUTES=5``).
Exit code 0: nothing new found; 1: new failing inputs were saved.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from fuzzing import REGRESSIONS, Outcome, failure, run_check, save_regression, signature
from hypothesis import given, seed, settings
from test_fuzz import mutated

ROOT = REGRESSIONS.parent.parent


class Slow(BaseException):
    """One check ran past its time limit (a BaseException: cxmap's ``main`` lets it through)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Slow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Campaign:
    """The state of one campaign: the bugs known so far, the inputs saved."""

    check_seconds: float
    known: dict[str, Path | None] = field(default_factory=dict)
    saved: list[tuple[Path, str]] = field(default_factory=list)
    failing: list[tuple[str, str, str]] = field(default_factory=list)
    examples: int = 0

    def judge(self, journey: str | bytes) -> tuple[str, str] | None:
        """(signature, description) of the failure this journey causes, or None."""
        try:
            with time_limit(self.check_seconds):
                outcome: Outcome = run_check(journey)
        except Slow:
            return "slow", f"cxmap check took more than {self.check_seconds:g} s"
        problem = failure(outcome)
        return None if problem is None else (signature(outcome), problem)

    def learn_saved_regressions(self) -> None:
        """Bugs whose regression files still fail are known: no need to find them again."""
        for path in sorted(REGRESSIONS.glob("*.yaml")):
            verdict = self.judge(path.read_bytes())
            if verdict is not None:
                self.known.setdefault(verdict[0], path)
                print(f"still failing: {path.name}: {verdict[0]}")

    def property(self, journey: str) -> None:
        """The property of ``test_fuzz.py``, failing only on bugs not known yet."""
        self.examples += 1
        verdict = self.judge(journey)
        if verdict is None or verdict[0] in self.known:
            return
        self.failing.append((journey, *verdict))
        raise AssertionError(verdict[1])

    def round(self, examples: int, round_seed: int) -> None:
        """Up to ``examples`` random inputs; if one fails, save the shrunk one."""
        fuzz = settings(
            parent=settings.get_profile("fuzz"), max_examples=examples, report_multiple_bugs=False
        )

        @seed(round_seed)
        @fuzz
        @given(mutated())
        def test(journey: str) -> None:
            self.property(journey)

        self.failing.clear()
        try:
            test()
        except Exception:
            if not self.failing:
                raise  # not the property failing: a broken campaign
            self.save_last_failure()

    def save_last_failure(self) -> None:
        # Hypothesis replays the shrunk example last; keep the last one that still fails.
        journey, bug, problem = self.failing[-1]
        for candidate, _, _ in reversed(self.failing):
            again = self.judge(candidate)
            if again is not None:
                journey, (bug, problem) = candidate, again
                break
        else:
            problem += "\n(it did not fail a second time: flaky?)"
        path = save_regression(journey)
        self.known[bug] = path
        self.saved.append((path, bug))
        print(f"\nFOUND {bug}\n  saved as {shown(path)}")
        print("  " + "\n  ".join(problem.strip().splitlines()[-12:]), flush=True)


def shown(path: Path) -> str:
    """The path from the repository's root, as ``make`` users see it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=5.0, help="how long to fuzz [5]")
    parser.add_argument("--batch", type=int, default=500, help="examples per round [500]")
    parser.add_argument(
        "--check-seconds", type=float, default=20.0, help="a check slower than this is a bug"
    )
    arguments = parser.parse_args(argv)
    os.environ["CXMAP_DEBUG"] = "1"  # tracebacks of internal errors: their signature

    campaign = Campaign(check_seconds=arguments.check_seconds)
    campaign.learn_saved_regressions()
    start = time.monotonic()
    end = start + arguments.minutes * 60
    rounds = 0
    try:
        while time.monotonic() < end:
            rounds += 1
            round_seed = random.SystemRandom().getrandbits(64)
            print(f"round {rounds} (seed {round_seed}): {campaign.examples} examples so far")
            sys.stdout.flush()
            campaign.round(arguments.batch, round_seed)
    except KeyboardInterrupt:
        print("interrupted")
    minutes = (time.monotonic() - start) / 60
    print(
        f"\n{campaign.examples} examples in {rounds} rounds, {minutes:.1f} minutes: "
        f"{len(campaign.saved)} new failing input(s)."
    )
    for path, bug in campaign.saved:
        print(f"  {shown(path)}: {bug}")
    if campaign.saved:
        print(
            "Each saved file now fails `make test` (tests/test_regressions.py): fix the bug, "
            "or name the file in KNOWN_CRASHES there until it is fixed."
        )
    return 1 if campaign.saved else 0


if __name__ == "__main__":
    sys.exit(main())
