"""An HTTP client on the service, over a store with the bundled regimes on both backends, and tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.governance.testing import People, loaded, people
from regime.store import Store
from regime.store.testing import backend, clock, store

__all__ = ["backend", "client", "clock", "loaded", "people", "store", "tokens"]


@pytest.fixture
def client(loaded: Store) -> Iterator[TestClient]:
    """The service on the loaded store."""
    app = create_app(Settings(db_url=loaded.url, migrate=False, load_regimes=False), store=loaded)
    with TestClient(app) as test_client:
        yield test_client


class Tokens:
    """Bearer headers for new users: ``tokens("wassenaar", "US", "list_expert")``."""

    def __init__(self, people: People) -> None:
        self.people = people

    def __call__(self, regime_id: str | None, country: str | None, *roles: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.people.token(regime_id, country, *roles)}"}


@pytest.fixture
def tokens(people: People) -> Tokens:
    """Makes users and returns their bearer headers."""
    return Tokens(people)
