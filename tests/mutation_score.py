"""The score of the last `mutmut run` (`make mutate`), per file, and its survivors.

mutmut keeps the result of every mutant in ``mutants/<source>.meta`` (JSON with
``exit_code_by_key``). This reads them for the files that ``[tool.mutmut] only_mutate``
of pyproject.toml selects and that still exist, prints killed/total per file and in all,
lists every mutant that was not killed, and exits 1 when the score is below
``--min-score`` percent or when mutants were left unchecked.

A mutant counts as killed when a test failed (exit code 1 or 3) or when it ran out of
time (a mutant that hangs the tests is caught as well). Skipped mutants are left out of
the total. Run it from anywhere: ``python tests/mutation_score.py --min-score 90``;
``docs/reference/mutation.md`` says what the survivors are.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - mutmut brings toml on older Pythons
    import toml as tomllib

ROOT = Path(__file__).resolve().parent.parent
KILLED = {1: "killed", 3: "killed"}
TIMEOUT = {-24, 24, 152, 255, 36}
STATUS = {
    0: "survived",
    2: "interrupted",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    35: "suspicious",
    37: "caught by type check",
    -11: "segfault",
    -9: "segfault",
}


def status_of(exit_code: int | None) -> str:
    """The name mutmut gives the result ``exit_code`` (``None``: not run yet)."""
    if exit_code is None:
        return "not checked"
    if exit_code in KILLED:
        return "killed"
    if exit_code in TIMEOUT:
        return "timeout"
    return STATUS.get(exit_code, "suspicious")


@dataclass
class FileScore:
    path: str
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.statuses.values())

    @property
    def total(self) -> int:
        return len(self.statuses) - self.counts["skipped"]

    @property
    def killed(self) -> int:
        counts = self.counts
        return counts["killed"] + counts["timeout"] + counts["caught by type check"]


def selected_sources(root: Path) -> list[str]:
    """The source files mutmut mutates, as paths relative to ``root``."""
    settings = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    config = settings["tool"]["mutmut"]
    patterns: list[str] = config.get("only_mutate", [])
    excluded: list[str] = config.get("do_not_mutate", [])
    sources: list[str] = []
    for base in config.get("source_paths", []):
        start = root / base
        candidates = [start] if start.is_file() else sorted(start.rglob("*.py"))
        for path in candidates:
            name = path.relative_to(root).as_posix()
            if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            if any(fnmatch.fnmatch(name, p) for p in excluded):
                continue
            sources.append(name)
    return sources


def read_scores(root: Path) -> list[FileScore]:
    scores: list[FileScore] = []
    for source in selected_sources(root):
        score = FileScore(source)
        meta = root / "mutants" / f"{source}.meta"
        if meta.is_file():
            data = json.loads(meta.read_text(encoding="utf-8"))
            for name, code in data["exit_code_by_key"].items():
                score.statuses[name] = status_of(code)
        scores.append(score)
    return scores


def percent(killed: int, total: int) -> float:
    return 100.0 * killed / total if total else 100.0


def score(root: Path, min_score: float) -> int:
    scores = read_scores(root)
    if not any(score.statuses for score in scores):
        print("no mutation results: run `mutmut run` (or `make mutate`) first", file=sys.stderr)
        return 1
    width = max(len(score.path) for score in scores)
    print("Mutation score (killed/total):")
    for score in scores:
        print(
            f"  {score.path:<{width}}  {score.killed:>4}/{score.total:<4}"
            f"  {percent(score.killed, score.total):6.1f}%"
        )
    killed = sum(score.killed for score in scores)
    total = sum(score.total for score in scores)
    result = percent(killed, total)
    print(f"  {'all':<{width}}  {killed:>4}/{total:<4}  {result:6.1f}%")

    others = [
        (status, name)
        for score in scores
        for name, status in sorted(score.statuses.items())
        if status not in ("killed", "timeout", "caught by type check", "skipped")
    ]
    if others:
        print(f"\n{len(others)} mutants not killed (see them with `mutmut show NAME`):")
        for status, name in others:
            print(f"  {name}: {status}")
    unchecked = sum(1 for status, _ in others if status == "not checked")
    if unchecked:
        print(f"\n{unchecked} mutants were not checked: the run did not finish", file=sys.stderr)
        return 1
    if result < min_score:
        print(f"\nscore {result:.1f}% is below {min_score:g}%", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=90.0, help="percent (default: 90)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: here)")
    args = parser.parse_args(argv)
    return score(args.root, args.min_score)


if __name__ == "__main__":
    sys.exit(main())
