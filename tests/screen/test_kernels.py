"""The compiled loops of the candidate search: what a plain reading of the rules gives, scratch left clean."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regime.screen.engine import screen
from regime.screen.index import ScreeningIndex
from regime.screen.kernels import COLUMNS, query_reach, similarity_bound, word_table
from regime.screen.normalise import NameForm, name_form
from regime.screen.query import Query
from regime.screen.search import NameSearch, WordTable, essential_words, heaviest_new
from regime.screen.similarity import dice_floor

NAMES = 40
side = st.floats(0.0, 1.0, allow_nan=False)


def _reference_word(
    partners: list[tuple[list[int], tuple[float, float, float, float], bool]],
) -> dict[int, list[float]]:
    """Per name: the largest of each side over the partners holding it, and whether one anchors it."""
    best: dict[int, list[float]] = {}
    for names, row, anchors in partners:
        for name in names:
            have = best.setdefault(name, [0.0, 0.0, 0.0, 0.0, 0.0])
            for c in range(4):
                have[c] = max(have[c], row[c])
            have[4] = max(have[4], 1.0 if anchors else 0.0)
    return best


partner = st.tuples(
    st.lists(st.integers(0, NAMES - 1), min_size=1, max_size=12, unique=True),
    st.tuples(side, side, side, side).map(lambda r: (r[0], r[1], max(r[0], r[2]), max(r[1], r[3]))),
    st.booleans(),
)


@settings(deadline=None)  # the first call compiles the kernel
@given(st.lists(partner, min_size=1, max_size=6))
def test_a_word_table_keeps_each_names_best_partner(partners: list) -> None:
    slot = np.full(NAMES, -1, dtype=np.intp)
    postings = np.concatenate([np.asarray(names, dtype=np.intp) for names, _, _ in partners])
    lengths = np.asarray([len(names) for names, _, _ in partners], dtype=np.intp)
    rows = np.asarray([row for _, row, _ in partners], dtype=np.float64)
    anchors = np.asarray([flag for _, _, flag in partners], dtype=np.bool_)
    table, most_q, most_m = word_table(postings, lengths, rows, anchors, slot)
    expected = _reference_word(partners)
    assert (slot == -1).all()
    assert table[:, 0].tolist() == sorted(expected)
    for line in table:
        q, m, q_anchored, m_anchored, anchored = expected[int(line[0])]
        assert line[1:].tolist() == pytest.approx([q, q + m, q_anchored - q, q_anchored + m_anchored - q - m, anchored])
    assert most_q == pytest.approx(max(v[2] for v in expected.values()))
    assert most_m == pytest.approx(max(v[3] for v in expected.values()))


def _table(word: dict[int, list[float]]) -> WordTable:
    rows = np.zeros((len(word), COLUMNS))
    for at, name in enumerate(sorted(word)):
        q, m, q_more, m_more, anchored = word[name]
        rows[at] = (name, q, q + m, q_more, q_more + m_more, anchored)
    most_q = max(v[0] + v[2] for v in word.values())
    most_m = max(v[1] + v[3] for v in word.values())
    return WordTable(rows, most_q, most_m)


def _reference_reach(words: list[WordTable], total: float, totals: np.ndarray, floor: float) -> dict[int, float]:
    """The Dice bound of every name, summed over every word, extra sides where some word anchors."""
    sums: dict[int, list[float]] = {}
    for word in words:
        for name, q, both, q_more, both_more, anchored in word.rows.tolist():
            have = sums.setdefault(int(name), [0.0, 0.0, 0.0, 0.0, 0.0])
            have[0], have[1], have[2], have[3] = have[0] + q, have[1] + both, have[2] + q_more, have[3] + both_more
            have[4] = max(have[4], anchored)
    found = {}
    for name, (q, both, q_more, both_more, anchored) in sums.items():
        if anchored:
            q, both = q + q_more, both + both_more
        theirs = float(totals[name])
        dice = (min(q, total) + min(both - q, theirs)) / (total + theirs)
        if dice >= floor - 1e-9:
            found[name] = dice
    return found


word_values = st.tuples(
    st.sampled_from([0.25, 0.5, 0.6, 1.0]), st.sampled_from([0.25, 0.5, 0.6, 1.0]), st.floats(0.3, 1.0)
).map(lambda v: [v[2] * v[0], v[2] * v[1], 0.0, 0.0, 0.0])
a_word = st.dictionaries(st.integers(0, NAMES - 1), word_values, min_size=1, max_size=NAMES)


@settings(deadline=None)
@given(st.lists(a_word, min_size=1, max_size=6), st.floats(0.3, 0.9), st.randoms(use_true_random=False))
def test_the_query_bound_is_the_sum_over_its_words_and_pruning_loses_nothing(
    words: list[dict[int, list[float]]], floor: float, rng: random.Random
) -> None:
    for word in words:  # some names anchored by a word, some words adding more where anchored
        for values in word.values():
            if rng.random() < 0.2:
                values[2], values[3] = 0.5 * values[0], 0.5 * values[1]
            values[4] = 1.0 if rng.random() < 0.1 else 0.0
    tables = [_table(word) for word in words]
    total = float(len(words))
    totals = np.asarray([rng.choice([0.5, 1.0, 1.6, 2.0, 3.0, 4.5]) for _ in range(NAMES)])
    slot = np.full(NAMES, -1, dtype=np.intp)
    ordered, essential = essential_words(tables, total, floor)
    expected = _reference_reach(tables, total, totals, floor)
    if not essential:
        assert not expected
        return
    lengths = np.asarray([len(t.rows) for t in ordered], dtype=np.intp)
    table = np.concatenate([t.rows for t in ordered])
    heaviest = heaviest_new(ordered, essential, total, floor)
    names, dice, most = query_reach(table, lengths, essential, heaviest, total, totals, floor, slot)
    assert (slot == -1).all()
    assert dict(zip(names.tolist(), dice.tolist(), strict=True)) == pytest.approx(expected)
    for name, value in zip(names.tolist(), most.tolist(), strict=True):
        assert value >= expected[name] - 1e-9  # the similarity bound is never below the Dice bound


def _names_reaching(csl: ScreeningIndex, form: NameForm, floor: float, prune: bool) -> dict[int, float]:
    search = csl.search
    words = [w for w in (search.gains.of(form, i) for i in range(len(form.tokens))) if len(w.rows)]
    ordered, essential = essential_words(words, form.total, floor) if prune else (words, len(words))
    if not essential:
        return {}
    lengths = np.asarray([len(w.rows) for w in ordered], dtype=np.intp)
    table = np.concatenate([w.rows for w in ordered])
    heaviest = heaviest_new(ordered, essential, form.total, floor) if prune else np.full(essential, np.inf)
    names, dice, _ = query_reach(
        table, lengths, essential, heaviest, form.total, search.total_array, floor, search.gains.slot
    )
    return dict(zip(names.tolist(), dice.tolist(), strict=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 25_000), st.sampled_from([0.3, 0.5, 0.6, 0.75]))
def test_pruned_search_of_the_real_list_finds_every_name_the_full_sum_finds(
    csl: ScreeningIndex, position: int, similarity: float
) -> None:
    party = csl.parties[position % len(csl.parties)]
    words = party.party.name.split()
    text = " ".join([*words[:3], "Trading", "A."])  # a generic word and an initial: the words pruning leaves out
    form = name_form(text)
    floor = dice_floor(similarity)
    assert _names_reaching(csl, form, floor, prune=True) == pytest.approx(
        _names_reaching(csl, form, floor, prune=False)
    )


def test_the_similarity_bound_is_one_for_names_matched_whole() -> None:
    assert similarity_bound(2.0, 2.0, 2.0, 2.0) == 1.0
    assert similarity_bound(0.0, 0.0, 2.0, 2.0) == 0.0
    assert similarity_bound(1.0, 1.0, 2.0, 2.0) < 1.0


def test_threads_sharing_the_scratch_get_the_answers_one_thread_gets(csl: ScreeningIndex) -> None:
    rng = random.Random(5)
    names = [" ".join(reversed(p.party.name.split())) for p in rng.sample(csl.parties, 300)]
    queries = [Query(name=f"{name} {rng.choice(['', 'Trading', 'A.'])}".strip()) for name in names]

    def answer(query: Query) -> tuple[tuple[str, float], ...]:
        return tuple((hit.entry_id, hit.score) for hit in screen(query, csl).hits)

    alone = [answer(query) for query in queries]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(answer, queries))
    assert together == alone
    assert sum(map(len, alone)) > 200  # most reversed names are found
    assert (csl.search.gains.slot == -1).all()


def test_a_name_met_first_at_a_late_word_is_kept_while_light_enough_to_reach_the_floor() -> None:
    """The second word alone gives a name of weight T at most (1 + 1) / (2 + T): at floor 0.55
    that reaches up to T = 1.636; the name of weight 1.62 is in, the one of 1.65 cannot be."""
    first = _table({0: [1.0, 1.0, 0.0, 0.0, 0.0]})
    second = _table({n: [1.0, 1.0, 0.0, 0.0, 0.0] for n in range(1, 6)})
    totals = np.asarray([1.0, 1.62, 1.65, 1.0, 3.0, 0.5])
    ordered, essential = essential_words([second, first], 2.0, 0.55)
    assert ordered[-1] is second and essential == 2  # the longer table last, where the cut is deepest
    heaviest = heaviest_new(ordered, essential, 2.0, 0.55)
    assert heaviest[-1] == pytest.approx(2.0 / 0.55 - 2.0)
    lengths = np.asarray([len(t.rows) for t in ordered], dtype=np.intp)
    table = np.concatenate([t.rows for t in ordered])
    slot = np.full(6, -1, dtype=np.intp)
    names, _, _ = query_reach(table, lengths, essential, heaviest, 2.0, totals, 0.55, slot)
    assert sorted(names.tolist()) == [0, 1, 3, 5]


def test_a_word_memo_bounded_by_rows_forgets_and_answers_the_same(csl: ScreeningIndex) -> None:
    forms = [name.form for name in csl.names[:3000]]
    queries = [name_form(" ".join(reversed(form.tokens))) for form in forms[::15]]
    roomy, tight = NameSearch.build(range(len(forms)), forms), NameSearch.build(range(len(forms)), forms)
    tight.gains.MEMO_ROWS = 40
    most = 0
    for form in queries:
        assert tight.reach(form, 0.5) == roomy.reach(form, 0.5)
        most = max(most, tight.gains.rows_held)
    assert roomy.gains.rows_held > 40 * 10  # the roomy memo kept everything
    assert most < 40 + max(len(w.rows) for w in roomy.gains._memo.values())  # the tight one kept forgetting
