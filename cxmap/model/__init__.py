"""The pydantic model of organisation and journey files (SPEC §2)."""

from __future__ import annotations

from cxmap.model.duration import Duration
from cxmap.model.journey import Commitment, Journey, Kpi, Promise, ToBe, TouchPoint
from cxmap.model.organization import (
    Channel,
    Department,
    Entity,
    Organization,
    Persona,
    Stage,
    Team,
    title_case,
)
from cxmap.model.types import Located

__all__ = [
    "Channel",
    "Commitment",
    "Department",
    "Duration",
    "Entity",
    "Journey",
    "Kpi",
    "Located",
    "Organization",
    "Persona",
    "Promise",
    "Stage",
    "Team",
    "ToBe",
    "TouchPoint",
    "title_case",
]
