"""The compiled scorer gives what ``similarity.align``, one pair at a time, gives: every score, part and name."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.screen.conftest import party, small_list

from regime.screen.engine import ceilings
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import Party
from regime.screen.normalise import name_form
from regime.screen.query import Query, prepare
from regime.screen.scorer import PartyScorer, Scored, score_party
from regime.screen.search import NameSearch
from regime.screen.tokenids import NameTokens

# Words that meet every rung: equal, typos, initials, folds and skeletons, symbols, words glued
# or split, particles, generic words, digits, legal forms.
WORDS = [
    "hua", "wei", "huawei", "huawie", "technologies", "tech", "intl", "international", "trading", "al",
    "noor", "nour", "mohammed", "muhammad", "ivanov", "ivanoff", "sergei", "sergey", "s", "p", "m",
    "petrovich", "zhang", "wei", "7", "tian", "yu", "co", "ltd", "ooo", "de", "granit", "granite",
]  # fmt: skip
KINDS = ["organisation", "person", "vessel", "unknown"]
name_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


def _same(fast: Scored, slow: Scored) -> None:
    assert fast.score == slow.score
    for mine, theirs in ((fast.name, slow.name), (fast.alias, slow.alias)):
        assert mine.agreement == theirs.agreement
        assert mine.name == theirs.name
        assert mine.query == theirs.query
        assert mine.strength == theirs.strength
    assert (fast.country, fast.kind) == (slow.country, slow.kind)


def _party(entry: int, names: list[str], kind: str, weak: list[str]) -> Party:
    listed = party(str(entry), names[0], *names[1:], kind=kind)
    return listed.model_copy(update={"weak_aliases": tuple(weak)})


listed_party = st.tuples(
    st.lists(name_text, min_size=1, max_size=3), st.sampled_from(KINDS), st.lists(name_text, max_size=2)
)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(listed_party, min_size=1, max_size=6),
    name_text,
    st.lists(name_text, max_size=2),
    st.sampled_from(KINDS),
)
def test_every_party_scores_as_aligned_pair_by_pair(
    parties: list[tuple[list[str], str, list[str]]], name: str, aliases: list[str], kind: str
) -> None:
    index = build_index(small_list("v", [_party(n, *p) for n, p in enumerate(parties)]))
    prepared = prepare(Query(name=name, aliases=tuple(aliases), country="CN", kind=kind))
    positions = list(range(len(index.parties)))
    for position, fast in zip(positions, PartyScorer(prepared, index)(positions), strict=True):
        _same(fast, score_party(prepared, index.parties[position]))


def test_words_written_together_or_apart_are_scored_alike() -> None:
    index = build_index(
        small_list("v", [party("1", "Huawei Technologies"), party("2", "Hua Wei Trading", "Tian Long 7")])
    )
    for text in ("Hua Wei Technologies", "Huawei Trading Co", "tianlong 7"):
        prepared = prepare(Query(name=text))
        fast = PartyScorer(prepared, index)([0, 1])
        assert max(s.score for s in fast) > 0.5  # the glued words agree ...
        for position, scored in enumerate(fast):  # ... exactly as the aligner has them
            _same(scored, score_party(prepared, index.parties[position]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_the_real_list_scores_as_aligned_pair_by_pair(csl: ScreeningIndex, rng: random.Random) -> None:
    listed = rng.choice(csl.parties).party
    words = listed.name.split()
    rng.shuffle(words)
    if len(words) > 1 and rng.random() < 0.5:
        words.pop()
    query = Query(name=" ".join(words), aliases=tuple(listed.aliases[:1]), country=rng.choice(["CN", "RU", "IR"]))
    prepared = prepare(query)
    positions = [p for _, p in ceilings(prepared, csl, 0.1)][:30]
    for position, fast in zip(positions, PartyScorer(prepared, csl)(positions), strict=True):
        _same(fast, score_party(prepared, csl.parties[position]))


def test_a_party_whose_words_read_otherwise_than_the_vocabulary_is_marked_for_the_aligner() -> None:
    plain = [name_form("Granit Trading"), name_form("Granit Holding")]
    other = replace(plain[1], symbols=(frozenset({"S:rock"}), *plain[1].symbols[1:]))  # "granit" tagged otherwise
    forms = [plain[0], other]
    keys = NameSearch.build(range(2), forms).keys
    tokens = NameTokens.build(keys, forms, ["name", "name"], [0, 1], 2)
    assert tokens.party_exact.tolist() == [False, True]  # the vocabulary holds every symbol a word was seen with
    assert tokens.party_first.tolist() == [0, 1, 2]
