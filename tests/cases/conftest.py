"""Fixtures of the cases tests: a store on both backends, an exporter, a screener that answers from a table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from regime.cases import service
from regime.cases.machine import Action
from regime.cases.records import CaseInput, ClassificationInput, DeterminationInput, Reasoned
from regime.cases.screener import PartyHit
from regime.cases.views import CaseView
from regime.determine import Determination
from regime.governance.access import Principal
from regime.governance.testing import People, loaded
from regime.store import Store
from regime.store.testing import backend, clock, store

__all__ = ["backend", "clock", "exporter", "loaded", "people", "store"]

TRANSACTION: dict[str, Any] = {
    "date": "2024-03-10",
    "classification": ["3A090.a"],
    "destination": "SG",
    "quantity": 2,
    "value_usd": 60000,
    "parties": [
        {"name": "Pacific Trading Pte Ltd", "role": "consignee", "country": "SG"},
        {"name": "Example Cloud Pte Ltd", "role": "end_user", "country": "SG"},
    ],
}
SDN_HIT = PartyHit(
    list_code="SDN", entry_id="SDN-1", entry_name="PACIFIC TRADING PTE LTD", entry_hash="h1",
    score=0.97, legal_effect="blocked: no dealings", prohibited=True,
)  # fmt: skip
EL_HIT = PartyHit(
    list_code="EL", entry_id="EL-7", entry_name="EXAMPLE CLOUD PTE. LTD.", entry_hash="h7",
    score=0.91, legal_effect="licence required", prohibited=False,
)  # fmt: skip


@dataclass
class TableScreener:
    """A screener answering from ``table`` (name -> hits), as the engine would over one list version."""

    table: dict[str, list[PartyHit]] = field(default_factory=dict)
    source: str = "Test screening list"
    version: str = "v1"

    def hits(self, name: str, country: str | None) -> list[PartyHit]:
        """The hits listed for ``name``."""
        return list(self.table.get(name, ()))


@pytest.fixture
def people(store: Store) -> People:
    """Makes users in the store."""
    return People(store)


@pytest.fixture
def exporter(people: People) -> Principal:
    """An exporter's compliance officer."""
    return people(None, None, "exporter")


def determination(outcome: str = "no_licence_required", jurisdiction: str = "us", **more: Any) -> Determination:
    """A determination of the test transaction."""
    return Determination.model_validate(
        {"jurisdiction": jurisdiction, "jurisdiction_name": jurisdiction.upper(), "transaction": "T1",
         "outcome": outcome, "classes": ["3A090.a"], "statement": f"{outcome} under {jurisdiction}", **more}
    )  # fmt: skip


def opened(store: Store, who: Principal, *, ship_until: dt.date | None = None, **tx: Any) -> CaseView:
    """A case in draft for the test transaction (with ``tx`` changes)."""
    data = {"reference": "order 4711", "transaction": {**TRANSACTION, **tx}, "ship_until": ship_until}
    return service.open_case(store, who, CaseInput.model_validate(data))


def prepared(
    store: Store, who: Principal, outcome: str = "no_licence_required", ship_until: dt.date | None = None, **tx: Any
) -> CaseView:
    """A case classified, determined and submitted: in screening."""
    case = opened(store, who, ship_until=ship_until, **tx)
    classes = ClassificationInput(list_id="us-ccl", version="2024-03-01", classes=("3A090.a",))
    service.classify(store, who, case.id, classes)
    service.record_determinations(store, who, case.id, DeterminationInput(determinations=(determination(outcome),)))
    return service.transition(store, who, case.id, Action.SUBMIT, Reasoned(reason="order 4711 received"))
