"""The "essentially identical" test: same list entry and parameters, and the same end user or consignee.

That is the definition of EU Regulation 2021/821 Art 2(22), which the no-undercut practice of the
MTCR, NSG and Australia Group shares. The destination is recorded but not compared.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from regime.exchange.matching import NameMatcher
from regime.governance.definition import State


class Transaction(BaseModel):
    """An export: the item by list entry and parameters, the parties and the destination."""

    model_config = ConfigDict(extra="forbid")

    list_id: str = Field(min_length=1)
    entry_id: str = Field(min_length=1)
    parameters: dict[str, Any] = Field(default_factory=dict)
    consignee: str = Field(min_length=1)
    end_user: str = Field(min_length=1)
    destination: State


class Party(BaseModel):
    """The fields of a denial (or another transaction) the test compares against."""

    list_id: str
    entry_id: str
    parameters: dict[str, Any]
    consignee: str
    end_user: str


def _entry(value: str) -> str:
    return value.strip().upper()


def essentially_identical(transaction: Transaction, other: Party, matcher: NameMatcher) -> list[str] | None:
    """The reasons ``transaction`` is essentially identical to ``other``, or ``None`` when it is not."""
    if transaction.list_id != other.list_id or _entry(transaction.entry_id) != _entry(other.entry_id):
        return None
    if transaction.parameters != other.parameters:
        return None
    reasons = [f"same entry {_entry(other.entry_id)} with the same parameters"]
    parties = (
        ("end user", transaction.end_user, other.end_user),
        ("consignee", transaction.consignee, other.consignee),
    )
    found = [f"{role}: {how}" for role, mine, theirs in parties if (how := matcher.compare(mine, theirs))]
    return [*reasons, *found] if found else None
