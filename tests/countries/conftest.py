"""Shared fixtures: the bundled EAR destination tables, loaded once per session."""

from __future__ import annotations

import pytest

from regime.countries import Destinations, us_destinations


@pytest.fixture(scope="session")
def dest() -> Destinations:
    """The destination tables built from data/sources/us-ear."""
    return us_destinations()
