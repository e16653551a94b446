"""What the pages call that is costly to build: screening and party indexes, members' rules, assessment data.

Each is built once, on first use, by the loaders that own it; a test hands in small ones instead
(``app.state.web = Services(screen_index=..., party_index=...)``). ``warm()`` builds them in a
background thread so the first person to screen a name does not wait for the index.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from fastapi import Request

from regime.assess.context import SupplyData, load_supply_data
from regime.assess.loader import Checklist, load_checklist, load_efforts
from regime.assess.model import Effort
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.loader import default_party_index, load_members
from regime.determine.parties import PartyIndex
from regime.model.catalogue import load_catalogue
from regime.model.item import Item
from regime.screen.index import ScreeningIndex
from regime.screen.loaders import default_index


@functools.cache
def _supply() -> SupplyData:
    return load_supply_data()


@functools.cache
def _checklist() -> Checklist:
    return load_checklist()


@functools.cache
def _efforts() -> dict[str, Effort]:
    return load_efforts(vocabulary=_checklist().vocabulary)


@dataclass
class Services:
    """Providers of the indexes and rules the pages use (built lazily, once)."""

    screen_index: Callable[[], ScreeningIndex] = default_index
    party_index: Callable[[], PartyIndex] = default_party_index
    members: Callable[[], tuple[Jurisdiction, ...]] = load_members
    catalogue: Callable[[], Mapping[str, Item]] = load_catalogue
    supply: Callable[[], SupplyData] = _supply
    checklist: Callable[[], Checklist] = _checklist
    efforts: Callable[[], dict[str, Effort]] = _efforts
    _warming: threading.Thread | None = field(default=None, repr=False)

    def load_all(self) -> None:
        """Build every provider's value now."""
        for provider in (self.catalogue, self.efforts, self.supply, self.members, self.party_index, self.screen_index):
            provider()

    def warm(self) -> None:
        """Build every provider's value in a background thread (once)."""
        if self._warming is None:
            self._warming = threading.Thread(target=self.load_all, daemon=True, name="web-warm")
            self._warming.start()


def services(request: Request) -> Services:
    """The app's services (the defaults unless a test or a deployment set ``app.state.web``)."""
    found = getattr(request.app.state, "web", None)
    if found is None:
        found = request.app.state.web = Services()
    assert isinstance(found, Services)
    return found
