"""The pydantic model of organisation and journey files (SPEC §2)."""

from __future__ import annotations

from cxmap.model.duration import Duration
from cxmap.model.journey import Commitment, Journey, Kpi, Opportunity, Promise, ToBe, TouchPoint
from cxmap.model.organization import (
    JOURNEY_ROLES,
    ROLES,
    Channel,
    Department,
    Entity,
    Organization,
    Persona,
    Role,
    Service,
    Stage,
    Team,
    title_case,
)
from cxmap.model.types import Located

__all__ = [
    "JOURNEY_ROLES",
    "ROLES",
    "Channel",
    "Commitment",
    "Department",
    "Duration",
    "Entity",
    "Journey",
    "Kpi",
    "Located",
    "Opportunity",
    "Organization",
    "Persona",
    "Promise",
    "Role",
    "Service",
    "Stage",
    "Team",
    "ToBe",
    "TouchPoint",
    "title_case",
]
