"""Stores on both backends (the bundled regimes loaded), people acting in them, and licence builders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.governance.access import Principal
from regime.governance.testing import People, loaded, people
from regime.licensing.terms import LicenceInput
from regime.store import Store
from regime.store.testing import backend, clock, store

__all__ = ["backend", "client", "clock", "exporter", "loaded", "people", "store"]

TERMS: dict[str, Any] = {
    "issuing_member": "US",
    "authority": "BIS",
    "number": "D1234567",
    "holder": "Example Systems Inc.",
    "items": [{"entry": "3A090.a"}],
    "destinations": ["SG", "MY"],
    "consignees": ["Pacific Trading Pte Ltd"],
    "end_users": ["Example Cloud Pte Ltd"],
    "conditions": [{"code": "no_reexport"}],
    "currency": "USD",
    "quantity_limit": 10,
    "value_limit": "300000.00",
    "valid_from": dt.date(2024, 1, 1),
    "expires_on": dt.date(2025, 12, 31),
}


def terms(**changes: Any) -> LicenceInput:
    """The test licence, with ``changes``."""
    return LicenceInput.model_validate({**TERMS, **changes})


@pytest.fixture
def exporter(people: People) -> Principal:
    """An exporter's compliance officer."""
    return people(None, None, "exporter")


@pytest.fixture
def client(loaded: Store) -> Iterator[TestClient]:
    """The service on the loaded store."""
    app = create_app(Settings(db_url=loaded.url, migrate=False, load_regimes=False), store=loaded)
    with TestClient(app) as test_client:
        yield test_client


def bearer(people: People, regime_id: str | None, country: str | None, *roles: str) -> dict[str, str]:
    """The bearer header of a new user."""
    return {"Authorization": f"Bearer {people.token(regime_id, country, *roles)}"}
