"""The determination engine as a partition function: order lines in, one decision per (line, member) out.

``DetermineJob`` carries the members' rules, the party index and the catalogue, built once by the
driver (``build``) and shipped to each worker; each call runs ``determine.batch.decide_orders`` on
one partition, with a memo of its own (the answers do not depend on how the book is cut). The
compiled lists are not shipped (their compiled expressions are closures, which do not pickle):
each worker compiles each list version once through the registry's cache, keyed by list and
version date, when the job arrives (``warm``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from regime.determine.batch import decide_orders
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.loader import change_dates, default_party_index, load_members
from regime.determine.orders import COLUMNS
from regime.determine.parties import PartyIndex
from regime.model.catalogue import load_catalogue
from regime.model.item import Item
from regime.scale.job import Answer, ErrorRecord


@dataclass(frozen=True, eq=False)
class DetermineJob:
    """Decide order lines under their member's rules (or under every member's)."""

    members: Mapping[str, Jurisdiction]
    index: PartyIndex
    catalogue: Mapping[str, Item]
    default_member: str = "us"
    all_members: bool = False
    name: str = "determine"

    def columns(self) -> tuple[str, ...]:
        """The order-book columns (``determine.orders``)."""
        return COLUMNS

    def warm(self) -> None:
        """Compile every version of every list the members read, into this process's registry cache."""
        for member in self.members.values():
            for list_id in member.lists:
                for date in change_dates(list_id):
                    member.list_at(list_id, date)

    def __call__(self, rows: pl.DataFrame, partition: int) -> Answer:
        """Decide every good line of ``rows``; bad lines become error records."""
        missing = [c for c in COLUMNS if c not in rows.columns]
        frame = rows.with_columns([pl.lit(None, pl.String).alias(c) for c in missing])
        result = decide_orders(
            frame,
            self.members,
            default_member=self.default_member,
            all_members=self.all_members,
            index=self.index,
            catalogue=self.catalogue,
        )
        decisions = result.decisions.with_columns(pl.lit(partition, pl.Int64).alias("partition"))
        return Answer(decisions, tuple(ErrorRecord(partition, bad.line, bad.message) for bad in result.bad))


def build(member: str | None = None, all_members: bool = False, index: PartyIndex | None = None) -> DetermineJob:
    """The job with every member loaded and the bundled party index (or ``index``), built here once."""
    return DetermineJob(
        members={j.id: j for j in load_members()},
        index=index if index is not None else default_party_index(),
        catalogue=load_catalogue(),
        default_member=member or "us",
        all_members=all_members,
    )
