"""Pytest fixtures for service tests: a store with the bundled regimes loaded, and people to act in it.

Import them into a conftest.py together with ``regime.store.testing``'s fixtures. Each person is
created the way the service creates users (a hashed token) and authenticated through it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from regime.governance.access import Principal
from regime.governance.registry import load_bundled
from regime.governance.users import add_user, authenticate
from regime.store import Actor, Store
from regime.store.testing import Backend, FixedClock

OPERATOR = Actor("operator:test")


class People:
    """Makes users who act for a member with roles (or exporters), returning principal and token."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._serial = itertools.count(1)

    def token(self, regime_id: str | None, country: str | None, *roles: str) -> str:
        """A new user's token."""
        name = f"{country or 'exporter'}-{'-'.join(roles)}-{next(self._serial)}".lower()
        return add_user(self.store, OPERATOR, name, roles, regime_id, country)

    def __call__(self, regime_id: str | None, country: str | None, *roles: str) -> Principal:
        """A new user's principal."""
        return authenticate(self.store, self.token(regime_id, country, *roles))


def load_regimes(store: Store) -> None:
    """Load the bundled Wassenaar, MTCR, COCOM and chip alliance."""
    load_bundled(store, OPERATOR)


@pytest.fixture
def loaded(backend: Backend, clock: FixedClock) -> Iterator[Store]:
    """A store on each backend with Wassenaar, MTCR, COCOM and the chip alliance loaded."""
    store = backend.fresh(clock, load_regimes)
    yield store
    store.dispose()


@pytest.fixture
def people(loaded: Store) -> People:
    """Makes users in the loaded store."""
    return People(loaded)
