"""The organisation registry: departments, teams, channels, personas and stages."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from cxmap.model.types import ListOf, Located, Slug, Text, by_id

Role = Literal["front-line", "expectations", "promises", "delivery", "support"]
"""The parts a department can play; see :data:`ROLES`."""

ROLES: dict[Role, str] = {
    "front-line": "answers customers who get in touch, as a contact centre, a service desk "
    "or a reception does",
    "expectations": "tells customers what to expect before they ask, as marketing, "
    "communications or the website do",
    "promises": "makes commitments to one customer, as sales, admissions, account managers "
    "or case intake do",
    "delivery": "does or builds what was promised, as operations, R&D, case officers or "
    "clinical teams do",
    "support": "works behind the others without facing customers, as IT, finance or legal do",
}
"""Each role and what it means; the checks that use roles say so in their documentation."""

JOURNEY_ROLES: tuple[Role, ...] = ("expectations", "promises", "front-line", "delivery")
"""The roles every journey should involve, by default (department-gap)."""


def title_case(slug: str) -> str:
    """The default display name of an id: ``customer-care`` -> ``Customer Care``."""
    return " ".join(part.capitalize() for part in slug.split("-") if part)


class Entity(Located):
    """Something with an id and a display name that defaults to the title-cased id."""

    id: Slug = Field(description="Stable id, a slug: lowercase letters, digits and dashes.")
    name: Text | None = Field(
        default=None, description="Display name; defaults to the id in title case."
    )
    description: Text | None = Field(default=None, description="A sentence or two for readers.")

    @model_validator(mode="after")
    def _default_name(self) -> Entity:
        if self.name is None:
            self.name = title_case(self.id)
        return self

    @property
    def title(self) -> str:
        return self.name or self.id


class Department(Entity):
    """A department such as marketing, a contact centre, planning or a ward."""

    roles: ListOf[Role] = Field(
        default_factory=list,
        description="The parts it plays: front-line, expectations, promises, delivery, "
        "support. Checks use roles, never department ids.",
    )


class Team(Entity):
    """A team that owns touch points."""

    department: Slug = Field(description="Id of the department the team belongs to.")
    lead: Text | None = Field(default=None, description="The person who leads the team.")
    contact: Text | None = Field(
        default=None, description="How to reach the team (e-mail address, chat room…)."
    )


class Channel(Entity):
    """A way for customers to reach the organisation, or for it to reach them."""

    staffed: bool = Field(default=False, description="true when a person answers on this channel.")


class Persona(Entity):
    """A kind of customer whose journeys are mapped."""


class Service(Entity):
    """A service the organisation offers, or a kind of request it handles.

    Touch points name one in ``service``, so that standards are compared only
    between touch points that offer the same service.
    """


class Stage(Entity):
    """A phase of the customer lifecycle; the list's order is the lifecycle's order."""


class Organization(Located):
    """The registry every journey refers to (``journeys/organization.yaml``)."""

    name: Text = Field(description="The organisation's name.")
    description: Text | None = Field(default=None, description="What the organisation does.")
    departments: ListOf[Department] = Field(description="The departments.")
    teams: ListOf[Team] = Field(description="The teams that own touch points.")
    channels: ListOf[Channel] = Field(default_factory=list, description="The channels.")
    personas: ListOf[Persona] = Field(default_factory=list, description="The personas.")
    services: ListOf[Service] = Field(
        default_factory=list,
        description="The services (kinds of request) touch points offer, to compare "
        "standards like with like.",
    )
    stages: ListOf[Stage] = Field(description="The stage vocabulary, in lifecycle order.")

    @cached_property
    def department_ids(self) -> dict[str, Department]:
        return by_id(self.departments)

    @cached_property
    def team_ids(self) -> dict[str, Team]:
        return by_id(self.teams)

    @cached_property
    def channel_ids(self) -> dict[str, Channel]:
        return by_id(self.channels)

    @cached_property
    def persona_ids(self) -> dict[str, Persona]:
        return by_id(self.personas)

    @cached_property
    def service_ids(self) -> dict[str, Service]:
        return by_id(self.services)

    @cached_property
    def stage_ids(self) -> dict[str, Stage]:
        return by_id(self.stages)
