"""Country feature: do the query's countries and the party's address countries agree?

+1 when they share a country, -1 when both are known and share none, 0 when either is
unknown (the CSL gives no country for about one entry in six). A disagreement lowers the
score but cannot clear a strong name match on its own: listed parties trade through
addresses the list does not show.
"""

from __future__ import annotations

from collections.abc import Collection


def country_agreement(query: Collection[str], party: Collection[str]) -> float:
    """+1 shared country, -1 both known and disjoint, 0 either unknown (ISO-2 codes)."""
    if not query or not party:
        return 0.0
    return 1.0 if not set(query).isdisjoint(party) else -1.0
