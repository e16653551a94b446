"""A list built on another: base entries less exclusions, plus its own; inherited formulas."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from regime.errors import NotFoundError
from regime.lists.loader import clear_caches, load_docs


def write(path: Path, doc: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    clear_caches()
    write(
        tmp_path / "base/list.yaml",
        {
            "id": "base",
            "name": "Base",
            "jurisdiction": "XX",
            "derived": {"tpp": {"formula": "sum(processing_units, 2 * mac_tops * bit_length)"}},
        },
    )
    write(
        tmp_path / "base/3/3A001.yaml",
        {
            "id": "3A001",
            "heading": "Electronics",
            "paragraphs": [{"id": "a", "text": "general"}, {"id": "z", "text": "unilateral"}],
        },
    )
    write(tmp_path / "base/3/3A090.yaml", {"id": "3A090", "heading": "Advanced ICs"})
    write(
        tmp_path / "national/list.yaml",
        {
            "id": "national",
            "name": "National",
            "jurisdiction": "YY",
            "extends": {"base": "base", "exclude_entries": ["3A09?"], "exclude_paragraphs": ["*.z"]},
        },
    )
    write(tmp_path / "national/3/3B901.yaml", {"id": "3B901", "heading": "National semiconductor equipment"})
    return tmp_path


def test_extension_takes_the_base_less_exclusions_plus_its_own(lists: Path) -> None:
    docs = load_docs(lists / "national")
    assert set(docs.entries) == {"3A001", "3B901"}
    assert [p.id for p in docs.entries["3A001"].paragraphs] == ["a"]
    assert docs.files["3A001"] == lists / "base/3/3A001.yaml"
    assert "tpp" in docs.info.derived
    snapshot = docs.at(dt.date(2025, 1, 1))
    assert snapshot.id == "national" and set(snapshot.entries) == {"3A001", "3B901"}


def test_an_unknown_base_is_named(lists: Path) -> None:
    write(
        lists / "orphan/list.yaml", {"id": "orphan", "name": "O", "jurisdiction": "ZZ", "extends": {"base": "nowhere"}}
    )
    with pytest.raises(NotFoundError, match="no control list 'nowhere'; lists here: base, national"):
        load_docs(lists / "orphan")


def test_include_takes_only_the_named_entries_and_controls_lose_excluded_paragraphs(lists: Path) -> None:
    write(
        lists / "base/3/3A001.yaml",
        {
            "id": "3A001",
            "heading": "Electronics",
            "paragraphs": [{"id": "a", "text": "general"}, {"id": "z", "text": "unilateral"}],
            "controls": [
                {"reason": "NS", "applies_to": "NS applies to a", "paragraphs": ["a"], "scope": "NS Column 2."},
                {"reason": "RS", "applies_to": "RS applies to z", "paragraphs": ["z"], "scope": "worldwide"},
            ],
        },
    )
    write(
        lists / "narrow/list.yaml",
        {
            "id": "narrow",
            "name": "N",
            "jurisdiction": "ZZ",
            "extends": {
                "base": "base",
                "include_entries": ["3A0??"],
                "exclude_entries": ["3A090"],
                "exclude_paragraphs": ["*.z"],
            },
        },
    )
    clear_caches()
    docs = load_docs(lists / "narrow")
    assert set(docs.entries) == {"3A001"}
    [control] = docs.entries["3A001"].controls.at(dt.date(2025, 1, 1))
    assert control.reason == "NS" and control.paragraphs == ["a"]
