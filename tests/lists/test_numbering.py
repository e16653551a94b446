"""Entry and paragraph references in ECCN and Wassenaar forms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.errors import InputError
from regime.lists.numbering import Ref, display_ref, normalise_entry_id, parse_ref


@pytest.mark.parametrize(
    ("text", "entry", "paragraph"),
    [
        ("3A090", "3A090", ""),
        ("3a090.a.1", "3A090", "a.1"),
        ("3.A.90.", "3A090", ""),
        ("3.A.1.a.1.", "3A001", "a.1"),
        ("5A002.z.1.a", "5A002", "z.1.a"),
        ("19.A.1.", "19A001", ""),
        ("1.A.1", "1A001", ""),
    ],
)
def test_both_forms_normalise_to_the_eccn_form(text: str, entry: str, paragraph: str) -> None:
    assert parse_ref(text) == Ref(entry, paragraph)


@pytest.mark.parametrize("text", ["XYZ", "3F001", "3A090.A-1", ""])
def test_bad_references_are_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(InputError, match="expected a list reference"):
        parse_ref(text)


def test_entry_ids_refuse_paragraphs() -> None:
    assert normalise_entry_id("4.A.3.") == "4A003"
    with pytest.raises(InputError, match="expected an entry number"):
        normalise_entry_id("4A003.b")


def test_within_follows_the_paragraph_tree() -> None:
    assert parse_ref("3A090.a.1").within(parse_ref("3A090.a"))
    assert parse_ref("3A090.a").within(parse_ref("3A090"))
    assert not parse_ref("3A090.ab").within(parse_ref("3A090.a"))
    assert not parse_ref("3A001.a").within(parse_ref("3A090"))


@given(
    category=st.integers(0, 19),
    group=st.sampled_from("ABCDE"),
    number=st.integers(0, 999),
    path=st.lists(st.sampled_from(["a", "b", "z", "1", "2", "12"]), max_size=3),
)
def test_wassenaar_display_parses_back_to_the_same_reference(
    category: int, group: str, number: int, path: list[str]
) -> None:
    letters = ["a", *path]  # paragraph paths start with a letter
    ref = f"{category}{group}{number:03d}." + ".".join(letters)
    assert parse_ref(display_ref(ref, "wassenaar")) == parse_ref(ref)
