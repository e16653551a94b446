"""Shared fixtures: the bundled catalogue and compiled lists."""

import datetime as dt
from collections.abc import Callable, Mapping

import pytest

from regime.lists.compiled import CompiledList
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue
from regime.model.item import Item


@pytest.fixture(scope="session")
def catalogue() -> Mapping[str, Item]:
    return load_catalogue()


@pytest.fixture(scope="session")
def ccl() -> Callable[[str], CompiledList]:
    return lambda date: compiled_list("us-ccl", dt.date.fromisoformat(date))
