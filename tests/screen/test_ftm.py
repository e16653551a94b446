"""FollowTheMoney entity lines as a list: parties, aliases, sanctions, and malformed lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regime.errors import InputError
from regime.screen.engine import screen_party
from regime.screen.index import build_index
from regime.screen.loaders import load_list

ENTITIES = [
    {"id": "p1", "schema": "Person", "datasets": ["gb_hmt_sanctions"],
     "properties": {"name": ["Ivan Petrovich Sidorov"], "alias": ["Ivan Sidoroff"], "nationality": ["ru"], "topics": ["sanction"]}},
    {"id": "c1", "schema": "Company", "datasets": ["gb_hmt_sanctions"],
     "properties": {"name": ["Kestrel Dynamics LLC"], "weakAlias": ["KD"], "country": ["ae"]}},
    {"id": "s1", "schema": "Sanction", "datasets": ["gb_hmt_sanctions"],
     "properties": {"entity": ["c1"], "program": ["Russia"], "reason": ["Supplies the military"]}},
    {"id": "a1", "schema": "Address", "properties": {"full": ["1 Main St"]}},
]  # fmt: skip


@pytest.fixture
def ftm_file(tmp_path: Path) -> Path:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(json.dumps(e) for e in ENTITIES) + "\n", encoding="utf-8")
    return path


def test_things_become_parties_with_their_names_countries_and_sanctions(ftm_file: Path) -> None:
    version = load_list(ftm_file)
    assert [p.entry_id for p in version.parties] == ["gb_hmt_sanctions:p1", "gb_hmt_sanctions:c1"]
    person, company = version.parties
    assert (person.kind, person.aliases, person.countries) == ("person", ("Ivan Sidoroff",), ("RU",))
    assert (company.kind, company.weak_aliases, company.countries) == ("organisation", ("KD",), ("AE",))
    assert company.legal.programmes == ("Russia",)
    assert company.legal.licence_policy == "Supplies the military"
    assert "Sanctioned" in version.authorities["gb_hmt_sanctions"].effect


def test_a_brought_list_screens_like_the_bundled_one(ftm_file: Path) -> None:
    index = build_index(load_list(ftm_file, code="UK"))
    result = screen_party("Sidorov, Ivan", country="Russia", index=index)
    assert [hit.entry_id for hit in result.hits] == ["UK:p1"]
    assert result.searched.lists == ("UK",)
    weak = screen_party("KD", country=None, index=index)
    assert weak.outcome == "clear"  # a weak alias alone is not enough


def test_malformed_lines_are_named_with_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "x", "schema": "Company", "properties": {"name": ["Fine Ltd"]}}\n'
        "not json\n"
        '{"id": "y", "schema": "Spaceship", "properties": {}}\n'
        '{"id": "z", "schema": "Person", "properties": {"alias": ["Nameless"]}}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_list(path)
    message = str(caught.value)
    assert "3 malformed record(s)" in message
    assert "line 2: not JSON" in message
    assert "line 3: unknown schema 'Spaceship'" in message
    assert "line 4: Person 'z' has no 'name'" in message
