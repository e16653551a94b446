"""Names to comparable forms: scripts, legal forms, punctuation, order and initials."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from regime.screen.normalise import name_form
from regime.screen.words import LEGAL_WORDS, fold, legal_words, skeleton


def test_case_accents_and_punctuation_disappear() -> None:
    assert name_form("MÜLLER-Lüdenscheidt, Jürgen").tokens == name_form("muller ludenscheidt jurgen").tokens


def test_token_order_does_not_matter() -> None:
    assert name_form("TSUNAEVA, Elena Moiseevna").tokens == name_form("Elena Moiseevna Tsunaeva").tokens


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("Владимир Путин", ("putin", "vladimir")),  # Cyrillic
        ("高琦", ("gao", "qi")),  # Chinese, to pinyin syllables
        ("حسن", ("hsn",)),  # Arabic, consonants as written
    ],
)
def test_other_scripts_are_transliterated(written: str, latin: tuple[str, ...]) -> None:
    assert name_form(written).tokens == latin


@pytest.mark.parametrize(
    ("name", "core", "legal"),
    [
        ("Huawei Technologies Co., Ltd.", ("huawei", "technologies"), ("llc",)),
        ("ООО Рога и Копыта", ("i", "kopyta", "roga"), ("llc",)),
        ("Limited Liability Company Alfa", ("alfa",), ("llc",)),
        ("Общество с ограниченной ответственностью Газпром", ("gazprom",), ("llc",)),
        ("Siemens Aktiengesellschaft", ("siemens",), ("jsc",)),
        ("Müller GmbH", ("muller",), ("llc",)),
        ("JOMADI LOGISTICS AND CARGO, S.A. DE C.V.", ("and", "cargo", "jomadi", "logistics"), ("jsc",)),
        ("华为技术有限公司", ("hua", "ji", "shu", "wei"), ("llc",)),
        ("Huawei Jishu Youxian Gongsi", ("huawei", "jishu"), ("llc",)),
    ],
)
def test_legal_forms_are_set_apart_in_any_language(name: str, core: tuple[str, ...], legal: tuple[str, ...]) -> None:
    form = name_form(name)
    assert form.tokens == core
    assert set(legal) <= set(form.legal)


def test_equivalent_legal_forms_leave_the_same_name() -> None:
    forms = {
        name_form(n).tokens for n in ("Granit OOO", "Granit LLC", "Granit Limited Liability Company", "OOO Granit")
    }
    assert forms == {("granit",)}


def test_misspelt_or_scattered_legal_words_still_count_as_legal() -> None:
    assert name_form("Joint Stok Compahy Avangard").tokens == ("avangard",)
    assert name_form("Company Promsvyaz Private").tokens == ("promsvyaz",)


def test_a_name_made_only_of_legal_words_keeps_them() -> None:
    assert name_form("Company").tokens == ("company",)


def test_dotted_initials_stay_separate_letters() -> None:
    assert name_form("V.V. Bakhirev").tokens == ("bakhirev", "v", "v")


def test_persons_keep_words_that_look_like_legal_forms() -> None:
    assert name_form("PAO, Yu Hsiang").tokens == ("hsiang",)
    assert name_form("PAO, Yu Hsiang", keep_legal=True).tokens == ("hsiang", "pao", "yu")


def test_weights_tell_generic_words_initials_and_particles_apart() -> None:
    form = name_form("Al Noor International Trading M.")
    weights = dict(zip(form.tokens, form.weights, strict=True))
    assert weights["noor"] == 1.0
    assert weights["international"] < 1.0 and weights["trading"] < 1.0
    assert weights["m"] == 0.5
    assert weights["al"] == 0.25


def _slipped(word: str, at: int, letter: str) -> str:
    at %= len(word) + 1
    return word[:at] + letter + word[at + 1 :]


@given(st.sampled_from(sorted(LEGAL_WORDS)), st.integers(0, 30), st.sampled_from("aeoxz"), st.booleans())
def test_legal_words_allow_one_slip_from_six_letters_and_near_legal_from_four(
    word: str, at: int, letter: str, cut: bool
) -> None:
    token = _slipped(word, at, letter)[: 4 if cut else None]
    slips = min(OSA.distance(token, legal) for legal in LEGAL_WORDS)
    listed = token in LEGAL_WORDS
    assert legal_words(token) == (
        listed or (len(token) >= 6 and slips <= 1),
        listed or (len(token) >= 4 and slips <= 1),
    )


@given(st.text("abcehiknostuvyz", max_size=12))
def test_a_skeleton_from_a_known_fold_is_the_skeleton(token: str) -> None:
    assert skeleton(token, fold(token) if token.isalpha() and len(token) >= 2 else "") == skeleton(token)
