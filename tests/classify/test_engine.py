"""The classification engine on real products: classes, evidence, releases, near misses, unknowns."""

from collections.abc import Callable, Mapping

import pytest

from regime.classify.engine import classify
from regime.errors import InputError
from regime.lists.compiled import CompiledList
from regime.model.item import Item


def test_h100_evidence_shows_the_values_that_decided(
    catalogue: Mapping[str, Item], ccl: Callable[[str], CompiledList]
) -> None:
    result = classify(catalogue["nvidia-h100-sxm"], ccl("2024-06-01"), catalogue=catalogue)
    assert result.classes == ["3A090.a"]
    match = result.matches[0]
    assert "tpp >= 4800: 15,832 vs 4,800 -> true" in match.evidence
    assert any("Note 2 to 3A090 does not release" in line for line in match.kept_by)
    derived = {d.name: d for d in result.derived}
    assert derived["tpp"].value == "15,832" and not derived["tpp"].stated
    assert derived["performance_density"].value.startswith("19.45")
    assert result.statement.startswith("3A090.a on the basis of")
    assert "us-ccl as of 2024-06-01" in result.statement


def test_rtx_4090d_near_miss_names_the_headroom(
    catalogue: Mapping[str, Item], ccl: Callable[[str], CompiledList]
) -> None:
    result = classify(catalogue["nvidia-rtx-4090d"], ccl("2024-06-01"), catalogue=catalogue)
    assert result.classes == []
    [miss] = [m for m in result.near_misses if m.ref == "3A090.a"]
    assert miss.parameter == "tpp"
    assert miss.value == "4,707" and miss.threshold == "4,800"
    assert miss.gap == pytest.approx(0.0193, abs=1e-3)
    assert "1.9% below 4,800" in miss.message


def test_h20_near_misses_are_below_the_floor(catalogue: Mapping[str, Item], ccl: Callable[[str], CompiledList]) -> None:
    result = classify(catalogue["nvidia-h20"], ccl("2024-06-01"), catalogue=catalogue)
    messages = [m.message for m in result.near_misses]
    assert any("tpp 2,368 is 1.3% below 2,400" in m for m in messages)
    assert not any(c.startswith("3A090") for c in result.classes)
    assert [u.ref for u in result.indeterminate] == ["5A002.a"], "the H20's encryption facts are not stated"


def test_no_near_miss_beyond_the_margin(catalogue: Mapping[str, Item], ccl: Callable[[str], CompiledList]) -> None:
    result = classify(catalogue["nvidia-h20"], ccl("2024-06-01"), catalogue=catalogue, margin=0.01)
    assert result.near_misses == []


def test_containment_reports_the_components(catalogue: Mapping[str, Item], ccl: Callable[[str], CompiledList]) -> None:
    result = classify(catalogue["nvidia-dgx-h100"], ccl("2024-06-01"), catalogue=catalogue)
    assert "4A090.a" in result.classes
    assert [c.classes for c in result.components] == [["3A090.a"]]


def test_missing_facts_are_named(ccl: Callable[[str], CompiledList]) -> None:
    item = Item(name="bare chip", parameters={"item_type": "integrated_circuit", "ic_function": "logic"})
    result = classify(item, ccl("2024-06-01"))
    assert result.classes == [] and result.fallback is None
    [undecided] = [i for i in result.indeterminate if i.ref == "3A090.a"]
    assert "tpp" in undecided.missing
    assert result.statement.startswith("Indeterminate")


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"item_type": "integrated_circuit", "tpp": "lots"}, "expected a number"),
        ({"item_type": "integrated_circuit", "applicable_die_area": "814 GHz"}, "applicable_die_area is length ** 2"),
        ({"item_type": "integrated_circut"}, "not a value of item_type"),
        ({"item_typ": "integrated_circuit"}, "unknown parameter 'item_typ' (did you mean 'item_type'?)"),
        ({"designed_for_datacenter": "yes"}, "expected true or false"),
        ({"processing_units": [{"mac_top": 1}]}, "unknown field 'mac_top'"),
    ],
)
def test_bad_facts_name_the_item_and_parameter(
    parameters: dict[str, object], message: str, ccl: Callable[[str], CompiledList]
) -> None:
    item = Item(id="bad-item", name="bad", parameters=parameters)
    with pytest.raises(InputError) as caught:
        classify(item, ccl("2024-06-01"))
    assert message in str(caught.value)
    assert "item bad-item" in str(caught.value)


def test_unit_conversion_of_stated_facts(ccl: Callable[[str], CompiledList]) -> None:
    base = {"item_type": "integrated_circuit", "ic_function": "logic", "tpp": 2000, "designed_for_datacenter": True}
    in_cm = Item(name="cm", parameters={**base, "applicable_die_area": "3 cm^2"})  # 300 mm^2: density 6.67
    result = classify(in_cm, ccl("2024-06-01"))
    assert result.classes == ["3A090.a"]


def test_unknown_catalogue_reference_is_an_error(ccl: Callable[[str], CompiledList]) -> None:
    item = Item(name="server", parameters={"item_type": "computer"}, contains=[{"item": "no-such-gpu"}])  # type: ignore[list-item]
    with pytest.raises(InputError, match="no catalogue item 'no-such-gpu'"):
        classify(item, ccl("2024-06-01"))
