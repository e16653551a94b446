"""Screen a party against an index: candidates from the index, then the scorer, then the answer.

Pure: an index and a query in, a ``ScreeningResult`` out (built without re-validation: every
value comes from the checked query and the loaded list). ``screen_party`` is what the
determination engine calls for every party of a transaction; ``screen_batch`` screens many;
``exhaustive_hits`` scores every party of the list (the baseline the index is measured
against in ``bench/screen_speed.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from regime.screen.features import country_agreement, type_agreement
from regime.screen.index import IndexedParty, ScreeningIndex
from regime.screen.listdata import PartyKind
from regime.screen.query import PreparedQuery, Query, prepare
from regime.screen.results import Hit, ScoreParts, ScreeningResult, Searched, trusted
from regime.screen.scorer import THRESHOLD, PartyScorer, Scored, combine, similarity_floor

NEAR_MISS = 0.25  # scores from here to the threshold are reported as near misses
NEAR_MISSES = 3
NEAR_MISS_BUDGET = 64  # parties scored, at most, only in search of near misses
NEAR_MISS_GROUP = 8  # parties scored together in that search


def ceilings(prepared: PreparedQuery, index: ScreeningIndex, low: float) -> list[tuple[float, int]]:
    """(the most each candidate party can score, its position), best first, for those that can reach ``low``.

    The most a party can score is the scorer's combination of its name-similarity bound from
    the index with its actual country and kind agreement: exact, so no party that can reach
    ``low`` is left out.
    """
    floor = similarity_floor(low)
    countries, kind = prepared.countries, prepared.kind
    found = []
    for position, most in index.party_bounds(prepared.forms, floor=floor, literal=prepared.literal).items():
        listed = index.parties[position].party
        ceiling = combine(most, country_agreement(countries, listed.countries), type_agreement(kind, listed.kind))
        if ceiling >= low:
            found.append((ceiling, position))
    found.sort(key=lambda item: (-item[0], item[1]))
    return found


def best_first(scored: list[tuple[int, Scored]]) -> list[tuple[int, Scored]]:
    """Scored parties by score, highest first (ties: the party listed first)."""
    return sorted(scored, key=lambda item: (-item[1].score, item[0]))


def scored_candidates(
    prepared: PreparedQuery, index: ScreeningIndex, threshold: float = THRESHOLD
) -> list[tuple[int, Scored]]:
    """The index's candidates for ``prepared``, scored, best first.

    Every party that can reach ``threshold`` is scored (the index's recall is the scorer's);
    below it, parties are scored best ceiling first until the ``NEAR_MISSES`` best near misses
    are known (no party left can beat the last of them), at most ``NEAR_MISS_BUDGET`` of them.
    Parties are scored in groups (``PartyScorer``); what a group scores past that point is dropped.
    """
    low = min(NEAR_MISS, threshold)
    ranked = ceilings(prepared, index, low)
    if not ranked:
        return []
    score = PartyScorer(prepared, index)
    sure = next((at for at, (ceiling, _) in enumerate(ranked) if ceiling < threshold), len(ranked))
    scored: list[tuple[int, Scored]] = []
    near: list[float] = []
    budget = NEAR_MISS_BUDGET
    start, end = 0, sure
    while start < len(ranked):
        group = ranked[start:end]
        for (ceiling, position), found in zip(group, score([p for _, p in group]), strict=True):
            if ceiling < threshold:
                if budget <= 0 or (len(near) >= NEAR_MISSES and ceiling < near[NEAR_MISSES - 1]):
                    return best_first(scored)
                budget -= 1
            scored.append((position, found))
            if low <= found.score < threshold:
                near.append(found.score)
                near.sort(reverse=True)
        start, end = end, min(len(ranked), end + NEAR_MISS_GROUP)
    return best_first(scored)


def exhaustive_hits(
    prepared: PreparedQuery, index: ScreeningIndex, *, threshold: float = THRESHOLD
) -> list[tuple[int, Scored]]:
    """Every party of the list scored (no index), those at or above ``threshold``, best first."""
    every = range(len(index.parties))
    scored = zip(every, PartyScorer(prepared, index)(every), strict=True)
    return best_first([(p, s) for p, s in scored if s.score >= threshold])


def make_hit(party: IndexedParty, scored: Scored, index: ScreeningIndex) -> Hit:
    """A scored party as a hit: which list and entry, what matched, and what the listing means."""
    listed = party.party
    authority = index.version.authorities.get(listed.list_code)
    best = scored.best
    parts = {
        "name_similarity": round(scored.name.similarity, 4),
        "alias_similarity": round(scored.alias.similarity, 4),
        "matched_on": best.name.label if best.name else "name",
        "query_cover": round(best.agreement.query_cover, 4),
        "match_cover": round(best.agreement.match_cover, 4),
        "country": scored.country,
        "entity_type": scored.kind,
    }
    hit = {
        "list_code": listed.list_code,
        "list_name": authority.name if authority else listed.list_code,
        "entry_id": listed.entry_id,
        "name": listed.name,
        "matched_name": best.name.text if best.name else listed.name,
        "query_name": best.query.text if best.query else "",
        "score": round(scored.score, 4),
        "parts": trusted(ScoreParts, parts),
        "countries": listed.countries,
        "kind": listed.kind,
        "citation": authority.citation if authority else "",
        "legal_effect": authority.effect if authority else "",
        "licence_requirement": listed.legal.licence_requirement,
        "licence_policy": listed.legal.licence_policy,
        "programmes": listed.legal.programmes,
        "federal_register": listed.legal.federal_register,
        "source_url": listed.legal.source_url,
    }
    return trusted(Hit, hit)


@lru_cache(maxsize=64)
def searched_lists(source: str, version: str, lists: tuple[str, ...]) -> Searched:
    """What a screening searched (one immutable value per list version, shared by its results)."""
    return Searched.model_construct(source=source, version=version, lists=lists)


def answer(
    prepared: PreparedQuery, scored: Sequence[tuple[int, Scored]], index: ScreeningIndex, threshold: float
) -> ScreeningResult:
    """The result for ``prepared`` from its scored candidates."""
    version = index.version
    searched = searched_lists(version.source, version.version, version.codes())
    hits = tuple(make_hit(index.parties[p], s, index) for p, s in scored if s.score >= threshold)
    near = [(p, s) for p, s in scored if NEAR_MISS <= s.score < threshold][:NEAR_MISSES]
    where = f"lists {', '.join(searched.lists)} of {version.label}"
    if hits:
        statement = f"{len(hits)} hit(s) at threshold {threshold:.2f} in {where}; best: {hits[0].list_code} {hits[0].name!r} ({hits[0].score:.2f})"
    else:
        statement = f"no match in {where} at threshold {threshold:.2f}"
    result = {
        "query": prepared.query,
        "countries": tuple(sorted(prepared.countries)),
        "kind": prepared.kind,
        "outcome": "hit" if hits else "clear",
        "hits": hits,
        "near_misses": tuple(make_hit(index.parties[p], s, index) for p, s in near),
        "threshold": threshold,
        "searched": searched,
        "statement": statement,
    }
    return trusted(ScreeningResult, result)


def screen(query: Query, index: ScreeningIndex, *, threshold: float = THRESHOLD) -> ScreeningResult:
    """Screen one query against ``index``."""
    prepared = prepare(query)
    return answer(prepared, scored_candidates(prepared, index, threshold), index, threshold)


def screen_party(
    name: str,
    *,
    country: str | None = None,
    index: ScreeningIndex,
    aliases: Sequence[str] = (),
    address: str | None = None,
    kind: PartyKind = "unknown",
    threshold: float = THRESHOLD,
) -> ScreeningResult:
    """Screen one party of a transaction by name (and country, aliases, address, kind if known)."""
    query = Query(name=name, aliases=tuple(aliases), country=country, address=address, kind=kind)
    return screen(query, index, threshold=threshold)


def screen_batch(
    queries: Iterable[Query],
    index: ScreeningIndex,
    *,
    threshold: float = THRESHOLD,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ScreeningResult]:
    """Screen many queries in order; ``progress`` is told after each one."""
    for query in queries:
        yield screen(query, index, threshold=threshold)
        if progress is not None:
            progress(1)
