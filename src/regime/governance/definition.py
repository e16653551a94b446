"""A regime definition: the YAML that configures a regime (members, rules, chairs, calendar, exchange).

Pydantic models; a bad definition fails with the field path and what was expected. What the
model checks: members are nation-states and unique; chairs, founders and the secretariat's host
are members; each list names an existing working group; a qualified majority has a threshold.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from regime.governance.decision_rules import DecisionRules
from regime.governance.states import state_code
from regime.governance.workdays import Holidays


def _not_a_yaml_boolean(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f'expected a state, got {value!r}: YAML reads an unquoted NO as false; write "NO" for Norway')
    return value


State = Annotated[str, BeforeValidator(_not_a_yaml_boolean), AfterValidator(state_code)]
Month = Annotated[int, Field(ge=1, le=12)]
MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]


class Strict(BaseModel):
    """Base of the definition models: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class MemberDef(Strict):
    """A participating state; ``since`` defaults to the founding date, which makes it a founder."""

    country: State
    since: dt.date | None = None
    note: str = ""


class Plenary(Strict):
    """The plenary: the body that decides, its chair and the months it meets."""

    chair: State | None = None
    months: list[Month] = Field(default_factory=lambda: [12])
    note: str = ""


class WorkingGroup(Strict):
    """A working group: its chair, its sessions and the lists it reviews amendments to."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    chair: State | None = None
    months: list[Month] = Field(default_factory=list)


class Secretariat(Strict):
    """Where the secretariat sits and which state hosts it (or the point of contact)."""

    seat: str
    host: State | None = None
    note: str = ""


class ListDef(Strict):
    """A control list the regime keeps, and the working group that reviews amendments to it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    working_group: str | None = None


class ConsultationRules(Strict):
    """Consultation before granting a licence essentially identical to a denial in force."""

    required: bool
    response_working_days: int = Field(default=10, ge=1)
    max_working_days: int = Field(default=30, ge=1)
    silence_means: Literal["not_identical", "identical"] = "not_identical"

    @model_validator(mode="after")
    def _extension_not_shorter(self) -> ConsultationRules:
        if self.max_working_days < self.response_working_days:
            raise ValueError("max_working_days must be at least response_working_days")
        return self


class InformationExchange(Strict):
    """What members owe each other: denial notifications, their validity, consultations, reports."""

    denial_notification_days: int = Field(ge=1)
    denial_notification_preferred_days: int | None = None
    denial_validity_years: int = Field(default=3, ge=1)
    consultation: ConsultationRules
    grant_notification_days: int = Field(default=60, ge=1)
    report_period_months: Literal[1, 3, 4, 6, 12] = 6


class RegimeDefinition(Strict):
    """The whole definition of one regime."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    short_name: str
    status: Literal["active", "historical", "proposed"]
    founded: dt.date
    dissolved: dt.date | None = None
    initiator: State | None = None
    members: list[MemberDef] = Field(min_length=1)
    decision_rules: DecisionRules
    plenary: Plenary
    working_groups: list[WorkingGroup] = Field(default_factory=list)
    secretariat: Secretariat
    lists: list[ListDef] = Field(min_length=1)
    information_exchange: InformationExchange
    holidays: list[dt.date | MonthDay] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> RegimeDefinition:
        countries = [m.country for m in self.members]
        if len(set(countries)) != len(countries):
            doubled = sorted({c for c in countries if countries.count(c) > 1})
            raise ValueError(f"members listed twice: {', '.join(doubled)}")
        for post, chair in self.chairs().items():
            if chair not in countries:
                raise ValueError(f"the chair of {post} ({chair}) is not a member")
        groups = {g.id for g in self.working_groups}
        for item in self.lists:
            if item.working_group and item.working_group not in groups:
                raise ValueError(f"list {item.id} names working group {item.working_group!r}, not defined")
        if any(m.since and m.since < self.founded for m in self.members):
            raise ValueError("a member cannot have joined before the founding date")
        return self

    def chairs(self) -> dict[str, str]:
        """Each chaired post (``plenary``, ``working group <id>``) and the state holding it."""
        posts = {"plenary": self.plenary.chair}
        posts |= {f"working group {g.id}": g.chair for g in self.working_groups}
        return {post: chair for post, chair in posts.items() if chair}

    def founders(self) -> list[str]:
        """The founding members: those who joined on the founding date."""
        return [m.country for m in self.members if (m.since or self.founded) == self.founded]

    def holiday_calendar(self) -> Holidays:
        """The holidays that working-day deadlines skip."""
        return Holidays.parse(self.holidays)

    def list_def(self, list_id: str) -> ListDef | None:
        """The list with ``list_id``, if the regime keeps it."""
        return next((item for item in self.lists if item.id == list_id), None)
