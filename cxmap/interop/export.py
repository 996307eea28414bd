"""A journey as JSON (the validated model) or CSV (a row per touch point)."""

from __future__ import annotations

import csv
import io
import json

from cxmap.model import Commitment, Journey
from cxmap.project import Project

CSV_COLUMNS = [
    "journey",
    "stage",
    "touchpoint",
    "name",
    "department",
    "owner",
    "channels",
    "audience",
    "customer",
    "expectation",
    "expectation_within",
    "standard",
    "standard_within",
    "emotion",
    "moment_of_truth",
    "proactive",
    "delight",
    "promises",
    "keeps",
    "escalates_to",
    "handles_complaints",
    "recovery",
    "next",
    "service",
    "expectation_ahead",
    "expectation_measured_from",
    "standard_ahead",
    "standard_measured_from",
]
"""The CSV columns, in this order; new columns are only ever added at the end."""


def to_json(journey: Journey) -> str:
    return json.dumps(journey.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _text(value: Commitment | None) -> tuple[str, str]:
    if value is None:
        return "", ""
    return value.text or "", str(value.within) if value.within is not None else ""


def _timing(value: Commitment | None) -> tuple[str, str]:
    """A lead time and where a time is measured from, as two cells."""
    if value is None:
        return "", ""
    return str(value.ahead) if value.ahead is not None else "", value.measured_from or ""


def to_csv(journey: Journey, project: Project) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for tp in journey.touchpoints:
        expectation, expected_within = _text(tp.expectation)
        standard, standard_within = _text(tp.standard)
        writer.writerow(
            [
                journey.id,
                tp.stage,
                tp.id,
                tp.name,
                project.department_of(tp) or "",
                tp.owner or "",
                ";".join(tp.channels),
                tp.audience,
                tp.customer or "",
                expectation,
                expected_within,
                standard,
                standard_within,
                "" if tp.emotion is None else tp.emotion,
                str(tp.moment_of_truth).lower(),
                str(tp.proactive).lower(),
                tp.delight or "",
                ";".join(tp.promises),
                ";".join(tp.keeps),
                tp.escalates_to or "",
                str(tp.handles_complaints).lower(),
                tp.recovery or "",
                ";".join(tp.next),
                tp.service or "",
                *_timing(tp.expectation),
                *_timing(tp.standard),
            ]
        )
    return out.getvalue()
