"""Shared fixtures: the shipped checklist and efforts, the bundled supply data, and small builders."""

from __future__ import annotations

import pytest

from regime.assess.context import SupplyData, load_supply_data
from regime.assess.loader import Checklist, load_checklist, load_efforts
from regime.assess.model import Effort


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(scope="session")
def efforts(checklist: Checklist) -> dict[str, Effort]:
    return load_efforts(vocabulary=checklist.vocabulary)


@pytest.fixture(scope="session")
def supply() -> SupplyData:
    return load_supply_data()
