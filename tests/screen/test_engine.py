"""The engine against the real list: hits with their legal meaning, non-hits, inputs it refuses."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regime.errors import InputError
from regime.screen.engine import exhaustive_hits, scored_candidates, screen_party
from regime.screen.index import ScreeningIndex
from regime.screen.loaders import default_list
from regime.screen.query import Query, prepare
from regime.screen.results import ScreeningResult
from regime.screen.scorer import THRESHOLD


def test_huawei_is_on_the_entity_list_with_its_licence_requirement(csl: ScreeningIndex) -> None:
    result = screen_party("Huawei Technologies Co Ltd", country="CN", index=csl)
    assert result.outcome == "hit"
    hit = next(h for h in result.hits if h.name == "Huawei Technologies Co., Ltd. (Huawei)")
    assert hit.list_code == "EL"
    assert hit.score >= THRESHOLD and hit.parts.country == 1.0
    assert hit.licence_policy == "Presumption of denial"
    assert "no License Exception is available" in hit.legal_effect
    assert hit.citation.startswith("15 C.F.R. § 744.16")
    assert {h.list_code for h in result.hits} >= {"EL", "CMIC"}
    assert result.statement.startswith(f"{len(result.hits)} hit(s) at threshold")
    assert result.searched.version == "generated 2026-07-31" and "DPL" in result.searched.lists


def test_a_denied_person_is_found_through_a_typo_and_reordering(csl: ScreeningIndex) -> None:
    result = screen_party("Keval Nishn", country="United States", index=csl)
    hit = result.hits[0]
    assert (hit.list_code, hit.name) == ("DPL", "NISHAN KEVAL")
    assert "prohibits participation" in hit.legal_effect


@pytest.mark.parametrize(
    ("query", "country", "listed"),
    [
        ("TSUNAEVA Elena", "RU", "TSUNAEVA, Elena Moiseevna"),
        ("Цунаева Елена Моисеевна", None, "TSUNAEVA, Elena Moiseevna"),
        ("高琦", "CN", "GAO, Qi"),
        ("E. M. Tsunaeva", "RUS", "TSUNAEVA, Elena Moiseevna"),
        ("Aero Engine Corp. of China", "China", "Aero Engine Corporation of China"),
        ("Joint Stock Company Scientific Research Institute of Modern Telecommunication Technologies", None,
         "Joint Stock Company Scientific Research Institute of Modern Telecommunication Technologies"),
        ("AO NII STT", "RU", "Joint Stock Company Scientific Research Institute of Modern Telecommunication Technologies"),
    ],
)  # fmt: skip
def test_variants_of_listed_names_are_hits(csl: ScreeningIndex, query: str, country: str | None, listed: str) -> None:
    result = screen_party(query, country=country, index=csl)
    assert listed in {hit.name for hit in result.hits}


def test_a_hit_on_an_alias_says_so(csl: ScreeningIndex) -> None:
    hit = screen_party("Shenzhen Huawei Technologies", country="CN", index=csl).hits[0]
    assert hit.parts.matched_on == "alias"
    assert hit.matched_name == "Shenzhen Huawei Technologies"


@pytest.mark.parametrize(
    "name", ["Acme Widgets Ltd", "Olivia Bergström", "Northwind Precision Components GmbH", "Wei Gao Trading"]
)
def test_names_not_on_the_list_are_clear_and_say_what_was_searched(csl: ScreeningIndex, name: str) -> None:
    result = screen_party(name, country="GB", index=csl)
    assert result.outcome == "clear"
    assert result.statement == (
        "no match in lists CAP, CMIC, DPL, DTC, EL, ISN, MEU, NS-MBS, PLC, SDN, SSI, UVL "
        f"of CSL generated 2026-07-31 at threshold {THRESHOLD:.2f}"
    )


def test_the_query_country_may_be_a_code_or_a_name_or_an_address(csl: ScreeningIndex) -> None:
    for country in ("CN", "CHN", "China", "People's Republic of China"):
        assert screen_party("Huawei", country=country, index=csl).countries == ("CN",)
    result = screen_party("Huawei", address="Bantian, Longgang, Shenzhen, China", index=csl)
    assert result.countries == ("CN",)


def test_bad_input_is_refused_with_what_was_expected(csl: ScreeningIndex) -> None:
    with pytest.raises(InputError, match="has no letters or digits"):
        screen_party("  --  ", index=csl)
    with pytest.raises(InputError, match="unknown country 'Narnia'"):
        screen_party("Huawei", country="Narnia", index=csl)


def test_indexed_search_finds_what_scoring_every_party_finds(csl: ScreeningIndex) -> None:
    rng = random.Random(4)
    names = [p.party.name for p in rng.sample(csl.parties, 25)] + ["Huawei", "Bank Melli", "Mohammed Hassan"]
    for name in names:
        prepared = prepare(Query(name=name))
        indexed = {p for p, s in scored_candidates(prepared, csl) if s.score >= THRESHOLD}
        everything = {p for p, _ in exhaustive_hits(prepared, csl)}
        assert everything <= indexed, name


ORGANISATIONS = [p.name for p in default_list().parties if p.kind == "organisation" and "," not in p.name][::97]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ORGANISATIONS), st.sampled_from(["LLC", "Co., Ltd.", "GmbH", "OOO", "Limited", "JSC", "S.A."]))
def test_adding_a_legal_form_never_drops_a_true_hit(csl: ScreeningIndex, name: str, legal: str) -> None:
    plain = {h.entry_id for h in screen_party(name, index=csl).hits}
    with_form = {h.entry_id for h in screen_party(f"{name} {legal}", index=csl).hits}
    assert plain <= with_form


PERSONS = [
    p.name
    for p in default_list().parties
    if p.kind == "person" and p.name.count(",") == 1 and len(p.name.split(",")[0].split()) == 1
][::211]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(PERSONS))
def test_a_listed_person_with_given_names_as_initials_is_found(csl: ScreeningIndex, name: str) -> None:
    family, given = (part.strip() for part in name.split(","))
    if not given or len(family) < 3:
        return
    query = " ".join(f"{g[0]}." for g in given.split()) + f" {family}"
    assert name in {h.name for h in screen_party(query, index=csl).hits}, query


def test_results_built_without_checks_are_what_pydantic_checks_and_builds(csl: ScreeningIndex) -> None:
    """``results.trusted`` skips validation: what it builds must survive a validating round trip
    unchanged, fields in the declared order, and every field counted as set."""
    result = screen_party("Huawei Technologies Co Ltd", country="CN", index=csl)
    assert result.hits
    again = ScreeningResult.model_validate(result.model_dump())
    assert again == result
    assert again.model_dump_json() == result.model_dump_json()
    for model in (result, result.hits[0], result.hits[0].parts):
        assert list(model.__dict__) == list(type(model).model_fields)
        assert model.model_fields_set == set(type(model).model_fields)
