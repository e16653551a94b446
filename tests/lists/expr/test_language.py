"""The criteria language: parsing, names, units, allowed words, three-valued logic."""

from typing import Any

import pytest

from regime.lists.expr import ExprError, Scope, compile_expression
from regime.lists.expr.context import Facts
from regime.lists.expr.render import render


def run(text: str, scope: Scope, **facts: Any) -> Any:
    compiled = compile_expression(text, scope)
    return compiled.evaluate(facts, Facts(facts))


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        ("tpp >= 4800", {"tpp": 4800.0}, True),
        ("tpp >= 4800", {"tpp": 4707.2}, False),
        (
            "tpp >= 4800 or (tpp >= 1600 and performance_density >= 5.92)",
            {"tpp": 4707.0, "performance_density": 7.7},
            True,
        ),
        ("2400 <= tpp < 4800", {"tpp": 4800.0}, False),
        ("2400 <= tpp < 4800", {"tpp": 2400.0}, True),
        ("light_source_wavelength < 193 nm", {"light_source_wavelength": 13.5}, True),
        ("light_source_wavelength < 0.193 um", {"light_source_wavelength": 193.0}, False),
        ("interconnect_bandwidth >= 4800 Gbit/s", {"interconnect_bandwidth": 600.0}, True),
        ("memory_bandwidth_density > 2 GB/s/mm^2", {"memory_bandwidth_density": 9.75}, True),
        ('item_type in {"computer", "electronic_assembly"}', {"item_type": "computer"}, True),
        ('primary_function not in {"computing", "networking"}', {"primary_function": "automotive"}, True),
        ("not designed_for_datacenter and tpp < 4800", {"designed_for_datacenter": False, "tpp": 4707.0}, True),
        (
            "sum(processing_units, 2 * mac_tops * bit_length) >= 4800",
            {"processing_units": ({"mac_tops": 300.0, "bit_length": 8.0},)},
            True,
        ),
        ("count(processing_units) == 2", {"processing_units": ({}, {})}, True),
        ("endurance >= 30 min", {"endurance": 0.5}, True),
        ("stable_flight_in_gusts >= 46.3 km/h", {"stable_flight_in_gusts": 43.2}, False),
        ("known(tpp)", {}, False),
    ],
)
def test_evaluation(scope: Scope, text: str, facts: dict[str, Any], expected: bool) -> None:
    assert run(text, scope, **facts) is expected


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        ("tpp >= 4800", {}, None),
        ("tpp >= 4800 and designed_for_datacenter", {"tpp": 100.0}, False),
        ("tpp >= 4800 and designed_for_datacenter", {"tpp": 5000.0}, None),
        ("tpp >= 4800 or designed_for_datacenter", {"tpp": 5000.0}, True),
        ("tpp >= 4800 or designed_for_datacenter", {"tpp": 100.0}, None),
        ("not designed_for_datacenter", {}, None),
        ("sum(processing_units, 2 * mac_tops * bit_length) > 0", {"processing_units": ({"mac_tops": 1.0},)}, None),
    ],
)
def test_unknown_facts_give_unknown_never_false(scope: Scope, text: str, facts: dict[str, Any], expected: Any) -> None:
    assert run(text, scope, **facts) is expected


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("tpp >= ", "expected a number, a name", 7),
        ("tppp >= 4800", "unknown parameter 'tppp' (did you mean 'tpp'?)", 0),
        ("light_source_wavelength < 193 GHz", "unit mismatch", 24),
        ("interconnect_bandwidth >= 600 GHz", "unit mismatch", 23),
        ('item_type == "integrated_circut"', "not a value of 'item_type'", 13),
        ("tpp >= 4800 and", "expected a number, a name", 15),
        ("(tpp >= 4800", "expected ')'", 12),
        ("tpp >= 4800 @ 2", "unexpected character '@'", 12),
        ("designed_for_datacenter >= 1", "cannot compare true/false with number", 24),
        ("tpp and designed_for_datacenter", "expected a true/false condition", 0),
        ("frobnicate(tpp)", "unknown function 'frobnicate'", 0),
        ('meets("3Z001")', "expected a list reference", 6),
    ],
)
def test_errors_name_the_place_and_position(scope: Scope, text: str, message: str, position: int) -> None:
    with pytest.raises(ExprError) as caught:
        compile_expression(text, scope)
    assert message in caught.value.reason
    assert caught.value.position == position
    assert "test entry paragraph a criterion" in str(caught.value)
    assert "^" in str(caught.value)


def test_a_formula_must_give_a_number_and_a_criterion_a_condition(scope: Scope) -> None:
    with pytest.raises(ExprError, match="expected a number expression"):
        compile_expression("tpp >= 1", scope, expect="number")
    with pytest.raises(ExprError, match="expected a true/false expression"):
        compile_expression("tpp / applicable_die_area", scope)


def test_render_writes_literals_in_the_compared_unit(scope: Scope) -> None:
    compiled = compile_expression("performance_density >= 5.92 and light_source_wavelength < 0.193 um", scope)
    assert render(compiled.tree) == "performance_density >= 5.92 1/mm^2 and light_source_wavelength < 0.193 µm"


def test_names_and_list_references_are_collected(scope: Scope) -> None:
    compiled = compile_expression('meets("5A002.a") and (exceeds("3A090.a") or contains("3B")) and tpp > 0', scope)
    assert compiled.names == frozenset({"tpp"})
    assert compiled.list_refs == frozenset({"5A002.a", "3A090.a", "3B"})
