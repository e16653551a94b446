"""The compiled partner search and word tables give what a plain reading of the key and ladder rules gives."""

from __future__ import annotations

import random
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from regime.screen.index import ScreeningIndex
from regime.screen.kernels import word_table
from regime.screen.keykernel import deletion_hashes, hash_without, osa_distance
from regime.screen.keys import deletions, lookup_keys, starting_with, token_keys
from regime.screen.normalise import NameForm, name_form
from regime.screen.search import NameSearch, WordTable, can_anchor, word_sides
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY, similar
from regime.screen.tokenkeys import TokenKeys
from regime.screen.words import INITIAL_WEIGHT

letters = st.text("abcdeio", min_size=0, max_size=11)


def _letters(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("ascii"), dtype=np.uint8)


@settings(deadline=None)  # the first call compiles
@given(letters, letters)
def test_osa_distance_is_rapidfuzz_osa(a: str, b: str) -> None:
    assert osa_distance(_letters(a), _letters(b)) == OSA.distance(a, b)


@settings(deadline=None)
@given(st.text("abc0123", min_size=1, max_size=10))
def test_deletion_hashes_are_the_hashes_of_the_deletions(token: str) -> None:
    expected = {hash_without(_letters(key), -1, -1) for key in deletions(token)}
    assert set(deletion_hashes(_letters(token)).tolist()) == expected


@lru_cache(maxsize=4)
def _carriers(keys: TokenKeys) -> dict[str, set[str]]:
    """Every key of the vocabulary with the tokens carrying it."""
    carriers: defaultdict[str, set[str]] = defaultdict(set)
    for token, entry in keys.vocabulary.items():
        for key in token_keys(token, entry.skeleton, entry.folded, entry.symbols):
            carriers[key].add(token)
    return carriers


def _reference_partners(keys: TokenKeys, form: NameForm, i: int) -> dict[str, float]:
    """Every vocabulary token sharing a lookup key with the token, scored by ``similar``, above 0."""
    carriers = _carriers(keys)
    token, skeleton, folded, symbols = form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i]
    found = {other for key in lookup_keys(token, skeleton, folded, symbols) for other in carriers.get(key, ())}
    scored = {}
    for other in found:
        entry = keys.vocabulary[other]
        score = similar(token, symbols, skeleton, folded, other, entry.symbols, entry.skeleton, entry.folded)
        if score > 0.0:
            scored[other] = score
    return scored


def _found(keys: TokenKeys, form: NameForm, i: int) -> dict[str, float]:
    partners = keys.partners(form, i)
    assert partners.ids.tolist() == sorted(partners.ids.tolist())
    return {keys.tokens[n]: s for n, s in zip(partners.ids.tolist(), partners.scores.tolist(), strict=True)}


WORDS = [
    "huawei", "hua", "wei", "huawey", "weihua", "technologies", "technology", "tech", "intl",
    "international", "trading", "co", "j", "john", "jon", "smith", "smyth", "a", "al", "noor", "nour",
    "mohammed", "muhammad", "mohamad", "vlasov", "vlasoff", "7", "77", "aleksandrovich", "oleksandrovych",
]  # fmt: skip
names = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8)


def _slipped(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word))
    return word[:at] + rng.choice("aeiouyz") + word[at + 1 :]


@settings(max_examples=80, deadline=None)
@given(names, st.sampled_from(WORDS), st.randoms(use_true_random=False))
def test_partners_are_the_plain_lookup_scored_by_the_ladder(texts: list[str], query: str, rng: random.Random) -> None:
    forms = [f for f in (name_form(t) for t in texts) if f.tokens]
    if not forms:
        return
    search = NameSearch.build(range(len(forms)), forms)
    for text in (query, _slipped(query, rng), query[:1]):
        form = name_form(text)
        for i in range(len(form.tokens)):
            assert _found(search.keys, form, i) == pytest.approx(_reference_partners(search.keys, form, i))


def _holding(forms: list[NameForm]) -> dict[str, list[int]]:
    """Per token, the names holding it; per letter (``keys.starting_with``), the names with a word of it."""
    held: defaultdict[str, list[int]] = defaultdict(list)
    for at, form in enumerate(forms):
        letters = {starting_with(t[0]) for t in form.tokens if len(t) > 1 and t[0].isalpha()}
        for token in sorted(set(form.tokens) | letters):
            held[token].append(at)
    return held


def _reference_table(search: NameSearch, forms: list[NameForm], form: NameForm, i: int) -> dict[int, list[float]]:
    """What ``search.WordGains`` adds per name, read from the rules: each partner's postings with
    ``word_sides`` and ``can_anchor``, an initial's letter, and the splits the name holds both of."""
    keys, token, weight, held = search.keys, form.tokens[i], form.weights[i], _holding(forms)
    chunks: list[tuple[list[int], tuple[float, ...], bool]] = []
    for other, score in _reference_partners(keys, form, i).items():
        theirs = keys.vocabulary[other].weight
        sides = word_sides(score, weight, other, theirs, anchored=False)
        sides += word_sides(score, weight, other, theirs, anchored=True)
        chunks.append((list(held[other]), sides, can_anchor(token, weight, other, score, theirs)))
    letter = starting_with(token)
    if len(token) == 1 and letter in held:
        score = INITIAL_SIMILARITY
        sides = word_sides(score, weight, letter, INITIAL_WEIGHT, anchored=False)
        sides += word_sides(score, weight, letter, INITIAL_WEIGHT, anchored=True)
        chunks.append((list(held[letter]), sides, False))
    for cut in range(1, len(token)):
        head, tail = token[:cut], token[cut:]
        if head in keys.vocabulary and tail in keys.vocabulary:
            both = sorted(set(held[head]) & set(held[tail]))
            ours = JOINED_SIMILARITY * weight
            theirs = JOINED_SIMILARITY * (keys.vocabulary[head].weight + keys.vocabulary[tail].weight)
            chunks.append((both, (ours, theirs, ours, theirs), False))
    if not any(found for found, _, _ in chunks):
        return {}
    slot = np.full(len(search.totals), -1, dtype=np.intp)
    postings = np.asarray([n for found, _, _ in chunks for n in found], dtype=np.intp)
    lengths = np.asarray([len(found) for found, _, _ in chunks], dtype=np.intp)
    rows = np.asarray([sides for _, sides, _ in chunks], dtype=np.float64)
    anchors = np.asarray([flag for _, _, flag in chunks], dtype=np.bool_)
    table, _, _ = word_table(postings, lengths, rows, anchors, slot)
    return {int(row[0]): row[1:].tolist() for row in table}


def _assert_same_table(word: WordTable, expected: dict[int, list[float]]) -> None:
    found = {int(row[0]): row[1:].tolist() for row in word.rows}
    assert found.keys() == expected.keys()
    for name, row in found.items():
        assert row == pytest.approx(expected[name])


@settings(max_examples=60, deadline=None)
@given(names, st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), st.randoms(use_true_random=False))
def test_word_tables_are_the_rules_read_plainly(texts: list[str], query: str, rng: random.Random) -> None:
    forms = [f for f in (name_form(t) for t in texts) if f.tokens]
    if not forms:
        return
    search = NameSearch.build(range(len(forms)), forms)
    for text in (query, " ".join(_slipped(w, rng) for w in query.split()), f"{query[0]}. {query}"):
        form = name_form(text)
        for i in range(len(form.tokens)):
            _assert_same_table(search.gains.of(form, i), _reference_table(search, forms, form, i))
    assert (search.gains.slot == -1).all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_partners_in_the_real_list_are_the_plain_lookup(csl: ScreeningIndex, rng: random.Random) -> None:
    listed = rng.choice(csl.names).form
    word = rng.choice(listed.tokens)
    for text in (word, _slipped(word, rng) if len(word) > 1 else word, word[::-1]):
        form = name_form(text)
        for i in range(len(form.tokens)):
            assert _found(csl.search.keys, form, i) == pytest.approx(_reference_partners(csl.search.keys, form, i))


def test_a_one_character_query_token_never_anchors_a_name() -> None:
    forms = [name_form("Tian Long 7"), name_form("7 Seas Shipping")]
    search = NameSearch.build(range(2), forms)
    for text in ("7 Star", "T Long"):
        form = name_form(text)
        i = next(i for i, token in enumerate(form.tokens) if len(token) == 1)
        table = search.gains.of(form, i)
        assert len(table.rows) and not table.rows[:, 5].any()
        _assert_same_table(table, _reference_table(search, forms, form, i))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_glued_pairs_are_every_pair_written_as_one_listed_word(csl: ScreeningIndex, rng: random.Random) -> None:
    keys = csl.search.keys
    whole = rng.choice([token for token in keys.tokens if len(token) > 3])
    cut = rng.randrange(1, len(whole))
    others = [rng.choice(keys.tokens) for _ in range(rng.randrange(3))]
    tokens = [whole[:cut], whole[cut:], *others]  # either piece may be no listed word at all
    rng.shuffle(tokens)
    expected = [
        (i, j, keys.ids[a + b])
        for i, a in enumerate(tokens)
        for j, b in enumerate(tokens)
        if i != j and a + b in keys.ids
    ]
    assert list(keys.glued(tuple(tokens))) == expected
    assert expected  # the two pieces glue back


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_partners_taken_from_the_whole_vocabulary_are_those_the_literal_one_finds(
    csl: ScreeningIndex, rng: random.Random
) -> None:
    literal = csl.literal.keys
    assert literal.parent is csl.search.keys  # the literal names' vocabulary is drawn from all names'
    alone = TokenKeys(literal.vocabulary, literal.tables)  # its own compiled search
    word = rng.choice(rng.choice(csl.names).form.tokens)
    for text in (word, _slipped(word, rng) if len(word) > 1 else word, word + rng.choice(literal.tokens)):
        form = name_form(text)
        for i in range(len(form.tokens)):
            mine, theirs = literal.partners(form, i), alone.partners(form, i)
            assert mine.ids.tolist() == theirs.ids.tolist()
            assert mine.scores.tolist() == theirs.scores.tolist()
            assert mine.split_ids.tolist() == theirs.split_ids.tolist() and mine.token == theirs.token


def test_a_vocabulary_not_drawn_from_another_searches_its_own_keys() -> None:
    whole = NameSearch.build(range(2), [name_form("Tian Long Shipping"), name_form("Volga Trading")])
    part = NameSearch.build(range(1), [name_form("Tian Long Shipping")], within=whole)
    stranger = NameSearch.build(range(1), [name_form("Kamara Ibrahim")], within=whole)
    assert part.keys.parent is whole.keys
    assert stranger.keys.parent is None
    form = name_form("Kamarra")
    assert [stranger.keys.tokens[n] for n in stranger.keys.partners(form, 0).ids] == ["kamara"]
