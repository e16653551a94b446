"""Token similarity and name alignment: what each rung forgives, and what never changes a score."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.screen.normalise import name_form
from regime.screen.similarity import align, token_similarity


def sim(a: str, b: str) -> float:
    x, y = name_form(a), name_form(b)
    assert len(x.tokens) == len(y.tokens) == 1
    return token_similarity(x, 0, y, 0)


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("technologies", "technologies", 1.0, 1.0),
        ("tecnologies", "technologies", 0.9, 0.99),  # a letter dropped
        ("kohana", "khoana", 0.9, 0.99),  # two letters swapped count as one edit
        ("international", "intl", 0.9, 0.9),  # rigour's abbreviation symbol
        ("pouya", "puia", 0.8, 0.8),  # folded romanisation
        ("mohammed", "muhammad", 0.75, 0.99),  # skeleton or two edits
        ("yang", "yan", 0.0, 0.0),  # short words: one edit makes another name
        ("35", "36", 0.0, 0.0),  # numbers agree only when equal
        ("huawei", "siemens", 0.0, 0.0),
    ],
)
def test_token_ladder(a: str, b: str, low: float, high: float) -> None:
    assert low <= sim(a, b) <= high


def test_an_initial_agrees_with_a_word_starting_with_it() -> None:
    listed = name_form("TSUNAEVA, Elena Moiseevna")
    agreement = align(name_form("E. M. Tsunaeva"), listed)
    assert agreement.similarity > 0.8
    assert align(name_form("K. M. Tsunaeva"), listed).similarity < agreement.similarity
    assert align(name_form("Tsunaeva"), listed).similarity < align(name_form("E. Tsunaeva"), listed).similarity


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Northwind Precision Components", "N P C International"), ("MCLINTOCK, James Alexander", "J M A")],
)
def test_initials_alone_vouch_only_for_their_letters(query: str, listed: str) -> None:
    """A word meeting an initial counts as much as the initial: initials alone never make a name."""
    for a, b in ((query, listed), (listed, query)):
        assert align(name_form(a), name_form(b)).similarity < 0.75


def test_words_run_together_or_split_agree() -> None:
    assert align(name_form("Hua Wei Technologies"), name_form("Huawei Technologies")).similarity > 0.95
    assert align(name_form("Huawei Technologies"), name_form("Hua Wei Technologies")).similarity > 0.95


def test_coverage_says_which_side_is_unexplained() -> None:
    agreement = align(name_form("Huawei"), name_form("Huawei Technologies Jamaica"))
    assert agreement.query_cover == 1.0
    assert agreement.match_cover < 0.5


def test_different_people_with_one_shared_name_stay_apart() -> None:
    assert align(name_form("Wei Gao"), name_form("GAO, Qi")).similarity == pytest.approx(0.5)


WORDS = st.sampled_from(["northwind", "avionics", "trading", "sergei", "ivanov", "al", "noor", "m", "35", "bluestone"])
LEGAL = st.sampled_from(["LLC", "Co., Ltd.", "GmbH", "OOO", "Limited Liability Company", "JSC", "S.A."])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=5), st.lists(WORDS, min_size=1, max_size=5), st.randoms(use_true_random=False)
)
def test_token_order_never_changes_the_score(query: list[str], listed: list[str], rng: object) -> None:
    shuffled = list(query)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert align(name_form(" ".join(query)), name_form(" ".join(listed))) == align(
        name_form(" ".join(shuffled)), name_form(" ".join(listed))
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4), LEGAL)
def test_a_legal_form_adds_nothing_to_compare(words: list[str], legal: str) -> None:
    name = " ".join(w for w in words if w != "m") or "northwind"
    assert align(name_form(f"{name} {legal}"), name_form(name)) == align(name_form(name), name_form(name))


def test_initials_vouch_for_whole_words_once_a_distinctive_word_agrees() -> None:
    listed = name_form("NAIR, Anil Kumar Panackal Narayanan")
    anchored = align(name_form("A. K. P. N. Nair"), listed).similarity
    assert anchored > 0.9
    assert align(name_form("A. K. P. N. Menon"), listed).similarity < 0.6  # no distinctive word agrees


def test_a_dotted_letter_is_an_initial_not_a_particle() -> None:
    form = name_form("I. Y. Kamara")
    assert dict(zip(form.tokens, form.weights, strict=True)) == {"i": 0.5, "y": 0.5, "kamara": 1.0}
    assert align(name_form("I. Kamara"), name_form("KAMARA, Issa")).similarity > 0.85


def test_one_word_found_whole_costs_half_when_only_generic_words_are_left() -> None:
    generic_left = align(name_form("Sovfracht"), name_form("Sovfracht Management Company")).similarity
    distinctive_left = align(name_form("Asesores"), name_form("Asesores Turisticos")).similarity
    assert generic_left > 0.85 > 0.7 > distinctive_left
    assert align(name_form("Olivia Bergström"), name_form("OLIVIA")).similarity < 0.7
    assert align(name_form("Trading"), name_form("Trading International")).similarity < 0.7  # nothing distinctive


INITIALLED = st.lists(
    st.sampled_from(["anil", "kumar", "issa", "yauhen", "galina", "igor", "ezzat"]), min_size=1, max_size=4
)


@settings(max_examples=100, deadline=None)
@given(INITIALLED, st.sampled_from(["nair", "kamara", "shapetska", "danchikova", "artamonov", "akar"]))
def test_given_names_cut_to_initials_still_agree(given: list[str], family: str) -> None:
    """A person's given names written as initials, in any order, keep the name a match (persons'
    names are compared as written: "A. G." is not a legal form there, ``query.prepare``)."""
    listed = name_form(f"{family.upper()}, {' '.join(g.title() for g in given)}", True)
    initials = " ".join(f"{g[0].upper()}." for g in reversed(given))
    assert align(name_form(f"{initials} {family.title()}", True), listed).similarity > 0.85
