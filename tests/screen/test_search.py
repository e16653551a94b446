"""The index's bound: never below what the scorer gives, so the index finds what scoring every party finds."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regime.screen.engine import NEAR_MISS, NEAR_MISSES, exhaustive_hits, scored_candidates, screen
from regime.screen.index import ScreeningIndex
from regime.screen.loaders import default_list
from regime.screen.normalise import name_form
from regime.screen.query import Query, prepare
from regime.screen.scorer import THRESHOLD, score_party

PARTIES = list(range(0, len(default_list().parties), 53))


def _slip(word: str, rng: random.Random) -> str:
    """One edit: a letter changed, dropped, doubled or two swapped."""
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + rng.choice("aeiouxyz") + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at + 1 :]
    if kind == 2:
        return word[:at] + word[at] + word[at:]
    return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]


def _variant(name: str, rng: random.Random) -> str:
    """Words shuffled, long words with up to two slips, sometimes two words glued or one dropped."""
    words = name.replace(",", " ").split()
    rng.shuffle(words)
    words = [_slip(_slip(w, rng), rng) if len(w) >= 8 else _slip(w, rng) if rng.random() < 0.4 else w for w in words]
    if len(words) > 2 and rng.random() < 0.3:
        words[0:2] = [words[0] + words[1]]
    if len(words) > 3 and rng.random() < 0.3:
        del words[rng.randrange(len(words))]
    return " ".join(words)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(PARTIES), st.integers(0, 10_000))
def test_the_bound_is_never_below_the_score(csl: ScreeningIndex, position: int, seed: int) -> None:
    text = _variant(csl.parties[position].party.name, random.Random(seed))
    if not name_form(text).tokens:
        return
    prepared = prepare(Query(name=text))
    bounds = csl.party_bounds(prepared.forms, floor=0.0, literal=prepared.literal)
    actual = score_party(prepared, csl.parties[position]).best.similarity
    assert bounds.get(position, 0.0) >= actual - 1e-9, (text, csl.parties[position].party.name)


def test_words_two_edits_apart_are_partners(csl: ScreeningIndex) -> None:
    form = name_form("Aleksandrovich")
    keys = csl.search.keys
    partners = {keys.tokens[number] for number in keys.partners(form, 0).ids}
    assert "oleksandrovych" in partners  # two letters changed: no shared one-letter deletion


def test_words_glued_in_another_order_are_bounded(csl: ScreeningIndex) -> None:
    prepared = prepare(Query(name="Wei Hua Technologies"))
    [huawei] = [i for i, p in enumerate(csl.parties) if p.party.name == "Huawei Technologies Co., Ltd. (Huawei)"]
    most = csl.party_bounds(prepared.forms, floor=0.0).get(huawei, 0.0)
    assert most >= score_party(prepared, csl.parties[huawei]).best.similarity > 0.0


def test_names_crowded_out_before_are_found(csl: ScreeningIndex) -> None:
    for name in ("ATGWLREI, Kuda", "YVHYA ZADEH, Hamidreza"):
        prepared = prepare(Query(name=name))
        indexed = {p for p, s in scored_candidates(prepared, csl) if s.score >= THRESHOLD}
        everything = {p for p, _ in exhaustive_hits(prepared, csl)}
        assert everything and everything <= indexed, name


def test_near_misses_are_the_best_below_the_threshold(csl: ScreeningIndex) -> None:
    for name in ("Mohammed Hassan Trading", "Volga Engineering", "Elena Tsunayeva"):
        query = Query(name=name)
        prepared = prepare(query)
        every = exhaustive_hits(prepared, csl, threshold=NEAR_MISS)
        below = [round(s.score, 4) for _, s in every if s.score < THRESHOLD][:NEAR_MISSES]
        assert [h.score for h in screen(query, csl).near_misses] == below, name
