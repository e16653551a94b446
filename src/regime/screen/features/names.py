"""Name feature: how well the query's names agree with a party's primary name.

Every form of the query (its name and any aliases it was given; for persons also the forms
that keep legal-looking words) is aligned with every form of the party's name (as written,
and without bracketed parts); the best alignment wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from regime.screen.index import IndexedName, IndexedParty
from regime.screen.normalise import NameForm
from regime.screen.query import PreparedQuery
from regime.screen.similarity import Agreement, align


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The best-agreeing pair of names: the agreement, the list name, the query form it met."""

    agreement: Agreement
    name: IndexedName | None
    query: NameForm | None
    strength: float = 1.0  # 1 for names and aliases; less for weak aliases

    @property
    def similarity(self) -> float:
        """The agreement's similarity times the strength of the name that gave it."""
        return self.agreement.similarity * self.strength


NO_MATCH = NameMatch(Agreement.none(), None, None, 0.0)
Rank = Callable[[NameMatch], float]


def by_similarity(match: NameMatch) -> float:
    """Rank matches by similarity alone."""
    return match.similarity


def best_match(
    queries: Sequence[NameForm], names: Iterable[IndexedName], strength: float = 1.0, rank: Rank = by_similarity
) -> NameMatch:
    """The best alignment (by ``rank``) of any query form with any of ``names`` (ties: the first listed)."""
    best, best_rank = NO_MATCH, 0.0
    for name in names:
        for query in queries:
            candidate = NameMatch(align(query, name.form), name, query, strength)
            if (value := rank(candidate)) > best_rank:
                best, best_rank = candidate, value
    return best


def name_match(query: PreparedQuery, party: IndexedParty, rank: Rank = by_similarity) -> NameMatch:
    """The query's best agreement with the party's primary name."""
    return best_match(query.forms_for(party.party.kind), (n for n in party.names if n.label == "name"), rank=rank)
