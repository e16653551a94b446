"""How much of the world's supply of each input a membership holds (pure, over a share table).

For each input the latest year with shares is used (and named). Shares are percentages of the
world market; when the reported shares sum to more than 100 (the source rounds small shares up)
they are scaled to 100, and when they sum to less, the rest is *unattributed*. An aggregate
provider ("Europe", "Various countries") counts for the members only when every country it may
include is a member, against them when none is, and as unattributed otherwise. An input without
any share is *unknown*: it is never counted as covered or uncovered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from regime.assess.provenance import Aggregate
from regime.assess.supply import ShareTable


@dataclass(frozen=True)
class InputShares:
    """One input's shares for its latest year, as fractions of world supply, split by attribution."""

    input_id: str
    name: str
    year: int | None
    sources: tuple[str, ...]
    countries: dict[str, float]
    aggregates: tuple[tuple[str, frozenset[str] | None, float], ...]
    listed_without_share: tuple[str, ...]

    @property
    def known(self) -> bool:
        """Whether the table gives any share for this input."""
        return bool(self.countries) or bool(self.aggregates)

    def member_share(self, members: frozenset[str] | set[str]) -> float:
        """The fraction of world supply the members hold, counting only what is attributable to them."""
        share = sum(f for c, f in self.countries.items() if c in members)
        share += sum(f for _, inc, f in self.aggregates if inc is not None and inc <= members)
        return share

    def split(self, members: frozenset[str] | set[str]) -> tuple[float, float, float]:
        """(members, non-members, unattributed) fractions; they sum to 1."""
        member = self.member_share(members)
        outside = sum(f for c, f in self.countries.items() if c not in members)
        outside += sum(f for _, inc, f in self.aggregates if inc is not None and not inc & members)
        return member, outside, max(0.0, 1.0 - member - outside)


def input_shares(table: ShareTable, input_id: str, aggregates: Mapping[str, Aggregate]) -> InputShares:
    """The latest year's shares of one input, scaled as the module docstring says."""
    year, rows = table.latest(input_id)
    with_share = [r for r in rows if r.share is not None]
    total = sum(r.share for r in with_share if r.share is not None)
    scale = max(100.0, total)
    countries: dict[str, float] = {}
    grouped: dict[str, float] = {}
    for row in with_share:
        assert row.share is not None
        target = grouped if row.provider in aggregates else countries
        target[row.provider] = target.get(row.provider, 0.0) + row.share / scale
    aggs = tuple((key, aggregates[key].may_include, share) for key, share in grouped.items())
    unlisted = tuple(sorted({r.provider for r in rows if r.share is None} - set(countries)))
    sources = tuple(sorted({r.source for r in rows if r.source}))
    return InputShares(input_id, table.name(input_id), year, sources, countries, aggs, unlisted)


@dataclass(frozen=True)
class InputCoverage:
    """A membership's share of one input, the largest non-member suppliers, and what is unattributed."""

    shares: InputShares
    member: float | None
    outside: float | None
    unattributed: float | None
    members: tuple[tuple[str, float], ...]
    top_outside: tuple[tuple[str, float], ...]


def input_coverage(shares: InputShares, members: frozenset[str], top: int = 5) -> InputCoverage:
    """Coverage of one input by a membership; ``None`` figures when the table gives no share."""
    if not shares.known:
        return InputCoverage(shares, None, None, None, (), ())
    member, outside, unattributed = shares.split(members)
    ranked = sorted(shares.countries.items(), key=lambda kv: (-kv[1], kv[0]))
    inside = tuple((c, f) for c, f in ranked if c in members and f > 0)
    others = tuple((c, f) for c, f in ranked if c not in members and f > 0)[:top]
    return InputCoverage(shares, member, outside, unattributed, inside, others)


def coverage(
    table: ShareTable, input_ids: Iterable[str], members: frozenset[str], aggregates: Mapping[str, Aggregate]
) -> list[InputCoverage]:
    """Coverage of each input by a membership, in the order given."""
    return [input_coverage(input_shares(table, i, aggregates), members) for i in input_ids]
