"""A scope over the bundled vocabulary for criteria tests."""

import pytest

from regime.lists.expr import Scope
from regime.lists.vocabulary import default_vocabulary


@pytest.fixture(scope="session")
def scope() -> Scope:
    return Scope(default_vocabulary().parameters, "test entry paragraph a criterion")
