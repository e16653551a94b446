"""The standard set: every catalogue product and threshold variant, to destinations across the country groups.

The engine classifies each item itself; where a list holds only text for the item's type (the
national SME lists, the CCL's unencoded entries), a determination needs a person's reading of that
text. The set states the readings it relies on, each with where it comes from; where none can be
stated (Japan's 23 SME items carry no parameters) the answer stays open and the report says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from regime.determine.transaction import Party, Transaction
from regime.model.item import Item

#: One or more destinations per country group that decides outcomes: D:5 and arms embargoes (CN, RU,
#: IR), D:1/D:4 (VN, SA, AE), the 2025 diffusion tiers (IN, SG, MY, IL, BR), Wassenaar partners and EU001
#: (DE inside the Union; GB, KR), and Taiwan.
DESTINATIONS: tuple[str, ...] = (
    "CN", "RU", "IR", "VN", "SA", "AE", "IN", "SG", "MY", "IL", "BR", "TW", "KR", "GB", "DE",
)  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """A person's reading of text-only entries: classes per list for some items, from a date, and why."""

    lists: Mapping[str, tuple[str, ...]]
    source: str
    item_types: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    since: dt.date | None = None

    def applies(self, item_id: str, item: Item, date: dt.date) -> bool:
        """Whether this reading is about ``item`` on ``date``."""
        if self.since is not None and date < self.since:
            return False
        return item_id in self.items or str(item.parameters.get("item_type")) in self.item_types


NOT_LISTED = ("not listed",)
IMMERSION = frozenset({"asml-nxt-1980di", "scanner-na1.52-ov1.4", "scanner-na1.52-ov1.6"})
READINGS: tuple[Reading, ...] = (
    Reading(
        {"eu-annex-i": NOT_LISTED, "jp-etco": NOT_LISTED, "us-ccl": ("EAR99",)},
        "Logic and memory chips: none of the text-only 3A/4A entries (radiation-hardened, high-temperature, "
        "FPGA, converter ICs) describes a GPU or accelerator; the performance controls are 3A090/4A090, "
        "which the engine checks and which only the U.S. list holds [S]",
        item_types=frozenset({"integrated_circuit"}),
    ),
    Reading(
        {"eu-annex-i": NOT_LISTED, "jp-etco": NOT_LISTED},
        "Lithography tools: the text-only 3B002 (test equipment) does not describe a scanner; 3B001.f.1 is checked",
        item_types=frozenset({"lithography_equipment"}),
    ),
    Reading(
        {"nl-national": NOT_LISTED},
        "Items other than semiconductor equipment: the Dutch order's 3B001/3D007 name SME and its software only",
        item_types=frozenset({"integrated_circuit", "software_product", "network_equipment", "computer"}),
    ),
    Reading(
        {"nl-national": ("3B001.f.4",)},
        "nl-national 3B001.f.4 (2023): immersion DUV, per ASML the NXT:2000i and later systems [S]",
        items=frozenset({"asml-nxt-2000i"}),
        since=dt.date(2023, 9, 1),
    ),
    Reading(
        {"nl-national": ("3B001.f.4",)},
        "nl-national 3B001.f.4 (replaced annex of 7 September 2024): further immersion DUV, per ASML the "
        "NXT:1970i and NXT:1980i; the NA 1.52 variants are more capable immersion systems [S]",
        items=IMMERSION,
        since=dt.date(2024, 9, 7),
    ),
)


@dataclass(frozen=True)
class StandardTransaction:
    """One line of the standard set: an item to a destination, with the readings it carries."""

    id: str
    item: str
    destination: str
    readings: Mapping[str, tuple[str, ...]]
    sources: tuple[str, ...]

    def transaction(self, date: dt.date) -> Transaction:
        """The transaction to decide: an export to an end user located and headquartered at the destination."""
        party = Party(name="Standard set end user", country=self.destination, headquarters=self.destination)
        return Transaction(
            id=self.id,
            date=date,
            item=self.item,
            destination=self.destination,
            parties=(party,),
            classification_by_member=dict(self.readings),
        )


def readings_for(item_id: str, item: Item, date: dt.date) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The classes per list a person's reading supplies for the item on ``date``, and the sources relied on."""
    lists: dict[str, tuple[str, ...]] = {}
    sources: list[str] = []
    for reading in READINGS:
        if reading.applies(item_id, item, date):
            lists.update(reading.lists)
            sources.append(reading.source)
    return lists, tuple(sources)


def standard_set(
    catalogue: Mapping[str, Item], date: dt.date, destinations: tuple[str, ...] = DESTINATIONS
) -> list[StandardTransaction]:
    """Every item of ``catalogue`` (with the variants) to every destination, in catalogue order."""
    found = []
    for item_id, item in catalogue.items():
        lists, sources = readings_for(item_id, item, date)
        for destination in destinations:
            found.append(StandardTransaction(f"{item_id}>{destination}", item_id, destination, lists, sources))
    return found
