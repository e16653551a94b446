"""Shared fixtures: the members loaded once, the bundled party index and catalogue, one memo per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

from regime.determine.engine import determine
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.loader import default_party_index, load_members
from regime.determine.memo import Memo
from regime.determine.parties import PartyIndex
from regime.determine.result import Determination
from regime.determine.transaction import Transaction
from regime.model.catalogue import load_catalogue
from regime.model.item import Item


@pytest.fixture(scope="session")
def members() -> Mapping[str, Jurisdiction]:
    return {j.id: j for j in load_members()}


@pytest.fixture(scope="session")
def index() -> PartyIndex:
    return default_party_index()


@pytest.fixture(scope="session")
def catalogue() -> Mapping[str, Item]:
    return load_catalogue()


@pytest.fixture(scope="session")
def memo() -> Memo:
    return Memo()


@pytest.fixture(scope="session")
def decide(members, index, catalogue, memo):  # type: ignore[no-untyped-def]
    """``decide(member, **transaction fields)`` -> the determination (parties default to one clean end user)."""

    def run(member: str = "us", **fields: Any) -> Determination:
        fields.setdefault("date", dt.date(2024, 2, 1))
        fields.setdefault(
            "parties", [{"name": "Example Customer Ltd", "role": "end_user", "country": "DE", "headquarters": "DE"}]
        )
        tx = Transaction.model_validate(fields)
        return determine(tx, members[member], parties_index=index, catalogue=catalogue, memo=memo)

    return run
