"""The CSL reader: the real file, what each list means, and malformed records."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from regime.errors import InputError
from regime.screen.csl import read_csl
from regime.screen.listdata import ListVersion
from regime.screen.loaders import BUNDLED_CSL, default_list, load_list


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return json.loads(BUNDLED_CSL.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def version() -> ListVersion:
    return default_list()


def test_every_party_of_the_twelve_lists_is_read(version: ListVersion) -> None:
    assert len(version.parties) == 25_921
    assert version.codes() == ("CAP", "CMIC", "DPL", "DTC", "EL", "ISN", "MEU", "NS-MBS", "PLC", "SDN", "SSI", "UVL")
    assert version.label == "CSL generated 2026-07-31"
    assert len({p.entry_id for p in version.parties}) == 25_921


def test_entity_list_entry_carries_its_licence_requirement_and_policy(version: ListVersion) -> None:
    huawei = next(p for p in version.parties if p.name == "Huawei Technologies Co., Ltd. (Huawei)")
    assert huawei.list_code == "EL"
    assert huawei.legal.licence_policy == "Presumption of denial"
    assert huawei.legal.licence_requirement and "744.11" in huawei.legal.licence_requirement
    assert huawei.aliases == ("Shenzhen Huawei Technologies", "Huawei Technology")
    assert version.authorities["EL"].citation.startswith("15 C.F.R. § 744.16")


def test_denied_persons_list_says_what_a_denial_order_does(version: ListVersion) -> None:
    assert "prohibits participation in any transaction" in version.authorities["DPL"].effect
    denied = next(p for p in version.parties if p.name == "KAL TEK LABS")
    assert (denied.list_code, denied.countries) == ("DPL", ("US",))
    assert denied.entry_id == "DPL:kal-tek-labs"


def test_types_and_country_spellings_are_read(version: ListVersion) -> None:
    by_kind = {p.kind for p in version.parties}
    assert by_kind == {"person", "organisation", "vessel", "aircraft", "unknown"}
    codes = {c for p in version.parties for c in p.countries}
    assert {"GB", "CN", "TR", "MO"} <= codes and not {"UK", "PRC", "TURKIYE"} & codes
    assert any("REGION: KASHMIR" in p.regions for p in version.parties)


def _broken(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    broken["entries"] = broken["entries"][:3]
    for index, value in changes.items():
        broken["entries"][int(index.removeprefix("e"))] = value
    return broken


def test_malformed_entries_are_named_with_what_was_expected(document: dict[str, Any]) -> None:
    broken = _broken(document, e0={"n": "", "s": 1}, e1={"n": "ACME", "s": 99}, e2={"n": "X", "s": 1, "c": [3]})
    with pytest.raises(InputError) as caught:
        read_csl(broken, source="broken.json")
    message = str(caught.value)
    assert message.startswith("broken.json: 3 malformed record(s)")
    assert "entries[0].n: expected the party's name" in message
    assert "entries[1].s: expected an index into tables.sources (0-11), got 99" in message
    assert "entries[2].c: expected a list of non-empty strings" in message


def test_a_file_that_is_not_a_list_is_refused(tmp_path: Any) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"fieldKey": {}, "entries": "nope"}), encoding="utf-8")
    with pytest.raises(InputError, match="expected an object with 'fieldKey'"):
        load_list(path)
    with pytest.raises(InputError, match="no such list file"):
        load_list(tmp_path / "missing.json")
