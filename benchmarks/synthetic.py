"""Synthetic cxmap projects of any size, with every reference valid.

python benchmarks/synthetic.py JOURNEYS TOUCHPOINTS FOLDER
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

DEPARTMENTS = ["marketing", "sales", "service", "rnd"]
CHANNELS = [("web", False), ("app", False), ("email", True), ("chat", True), ("phone", True)]
STAGES = ["aware", "consider", "buy", "use", "support", "loyalty"]
TEAMS = 24


def organization() -> str:
    lines = ["organization:", "  name: Synthetic Outfitters", "  departments:"]
    lines += [f"    - {{id: {d}}}" for d in DEPARTMENTS]
    lines.append("  teams:")
    for number in range(TEAMS):
        department = DEPARTMENTS[number % len(DEPARTMENTS)]
        lines.append(f"    - {{id: team-{number}, name: Team {number}, department: {department}}}")
    lines.append("  channels:")
    lines += [f"    - {{id: {c}, staffed: {'true' if s else 'false'}}}" for c, s in CHANNELS]
    lines += ["  personas:", "    - {id: regular, name: Regular customer}", "  stages:"]
    lines += [f"    - {{id: {s}}}" for s in STAGES]
    return "\n".join(lines) + "\n"


def journey(number: int, touchpoints: int, rng: random.Random) -> str:
    lines = [
        "journey:",
        f"  id: journey-{number}",
        f"  title: Synthetic journey number {number}",
        "  persona: regular",
        f"  owner: team-{number % TEAMS}",
        "  status: live",
        "  goal: Get what was promised, on time",
        f"  stages: [{', '.join(STAGES)}]",
        "  reviewed: 2026-09-01",
        "  promises:",
        "    - {id: on-time, text: We answer on time}",
        "  touchpoints:",
    ]
    for index in range(touchpoints):
        stage = STAGES[index * len(STAGES) // touchpoints]
        team = (number + index) % TEAMS
        channels = ", ".join(rng.sample([c for c, _ in CHANNELS], 2))
        emotion = rng.randint(-2, 2)
        hours = team % 4 + 1
        lines += [
            f"    - id: step-{index}",
            f"      name: Step {index} of journey {number}",
            f"      stage: {stage}",
            f"      owner: team-{team}",
            f"      channels: [{channels}]",
            f"      customer_action: Does step {index}",
            "      expectation: {text: An answer the same day, within: 8h}",
            f"      standard: {{text: Answer within {hours} hours, within: {hours}h}}",
            f"      escalates_to: team-{(team + 1) % TEAMS}",
            "      handles_complaints: true"
            if index == touchpoints - 1
            else "      proactive: false",
            f"      emotion: {emotion}",
            "      recovery: Apologise and fix it the same day",
            "      backstage: [Back office checks the case]",
            "      kpis:",
            "        - {name: CSAT, target: 4.5, actual: 4.6}",
        ]
        if index + 1 < touchpoints:
            lines.append(f"      next: [step-{index + 1}]")
        if index == 0:
            lines.append("      promises: [on-time]")
        if index == touchpoints - 1:
            lines.append("      keeps: [on-time]")
    return "\n".join(lines) + "\n"


def write_project(folder: Path, journeys: int, touchpoints: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    target = folder / "journeys"
    target.mkdir(parents=True, exist_ok=True)
    (target / "organization.yaml").write_text(organization(), encoding="utf-8")
    for number in range(journeys):
        text = journey(number, touchpoints, rng)
        (target / f"journey-{number}.yaml").write_text(text, encoding="utf-8")
    (folder / "cxmap.yaml").write_text(
        "required_departments: [service]\nrules: {CX305: off}\n", encoding="utf-8"
    )
    return folder


if __name__ == "__main__":
    write_project(Path(sys.argv[3]), int(sys.argv[1]), int(sys.argv[2]))
