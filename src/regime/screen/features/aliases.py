"""Alias feature: how well the query agrees with one of the party's other names.

A list's aliases ("a.k.a.") count as fully as its primary name: "AECC" is what Aero Engine
Corporation of China is called. Weak aliases (FollowTheMoney's ``weakAlias``: nicknames,
short forms the list itself marks as unreliable) count at ``WEAK_ALIAS_DISCOUNT``, so a weak
alias alone lands below the threshold unless other evidence lifts it.
"""

from __future__ import annotations

from regime.screen.features.names import NameMatch, Rank, best_match, by_similarity
from regime.screen.index import WEAK_ALIAS_DISCOUNT, IndexedParty
from regime.screen.query import PreparedQuery


def alias_match(query: PreparedQuery, party: IndexedParty, rank: Rank = by_similarity) -> NameMatch:
    """The query's best agreement (by ``rank``) with any alias of the party, weak aliases discounted."""
    queries = query.forms_for(party.party.kind)
    strong = best_match(queries, (n for n in party.names if n.label == "alias"), rank=rank)
    weak = best_match(queries, (n for n in party.names if n.label == "weak alias"), WEAK_ALIAS_DISCOUNT, rank)
    return either_alias(strong, weak, rank)


def either_alias(strong: NameMatch, weak: NameMatch, rank: Rank = by_similarity) -> NameMatch:
    """The better of the best alias and the best weak alias (already discounted); the alias on a tie."""
    return weak if rank(weak) > rank(strong) else strong
