"""What a reviewer hands the cases service: a case to open, a classification, determinations, decisions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from regime.determine import Determination, Transaction
from regime.licensing.terms import EntryRef


class Strict(BaseModel):
    """Unknown fields are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseInput(Strict):
    """A transaction to review, with the window in which it is to ship."""

    reference: str = Field(min_length=1)
    transaction: Transaction
    ship_from: dt.date | None = None
    ship_until: dt.date | None = None

    @model_validator(mode="after")
    def _window(self) -> CaseInput:
        if self.ship_from and self.ship_until and self.ship_until < self.ship_from:
            raise ValueError(f"ship_until {self.ship_until} is before ship_from {self.ship_from}")
        return self


class ClassificationInput(Strict):
    """The items' classification against one control list at one version (``EAR99`` when not listed)."""

    list_id: str = Field(min_length=1)
    version: str = Field(min_length=1, description="the list's version or the date it was read as of")
    classes: tuple[EntryRef, ...] = Field(min_length=1)
    basis: str = ""


class DeterminationInput(Strict):
    """The determinations of the transaction, one per jurisdiction, from the determination engine."""

    determinations: tuple[Determination, ...] = Field(min_length=1)


class Reasoned(Strict):
    """A transition or a decision, with why."""

    reason: str = ""


class Approval(Reasoned):
    """An approval; under a licence when the determination requires one."""

    licence_id: int | None = None


class HitDecision(Strict):
    """A reviewer's decision on a screening hit: a false positive (cleared) or a true match (confirmed)."""

    reason: str = Field(min_length=1)
