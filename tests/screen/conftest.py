"""Fixtures: the real Consolidated Screening List (loaded once) and a small list made for the tests."""

from __future__ import annotations

import pytest

from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import Authority, Legal, ListVersion, Party
from regime.screen.loaders import default_index


@pytest.fixture(scope="session")
def csl() -> ScreeningIndex:
    """The bundled CSL's index (built once, then read from the cache under REGIME_HOME)."""
    return default_index()


AUTHORITIES = {
    "EL": Authority(code="EL", name="Entity List", citation="15 CFR 744.16", effect="Licence required."),
    "DPL": Authority(code="DPL", name="Denied Persons List", citation="15 CFR 764", effect="Denial order."),
}


def party(
    entry: str,
    name: str,
    *aliases: str,
    code: str = "EL",
    countries: tuple[str, ...] = ("CN",),
    kind: str = "organisation",
) -> Party:
    """A list entry for the small test lists."""
    return Party.model_validate(
        {
            "list_code": code,
            "entry_id": f"{code}:{entry}",
            "name": name,
            "aliases": aliases,
            "countries": countries,
            "kind": kind,
            "legal": Legal(
                licence_requirement="For all items subject to the EAR", licence_policy="Presumption of denial"
            ),
        }
    )


def small_list(version: str, parties: list[Party]) -> ListVersion:
    """A list version of ``parties``."""
    return ListVersion(source="TEST", version=version, authorities=AUTHORITIES, parties=tuple(parties))


@pytest.fixture(scope="session")
def small_parties() -> list[Party]:
    """Eight entries of two lists, persons and companies, in several scripts' romanisations."""
    return [
        party("1", "Northwind Avionics Co., Ltd.", "NWA Avionics"),
        party("2", "Bluestone Precision Machinery LLC", countries=("RU",)),
        party("3", "IVANOV, Sergei Petrovich", code="DPL", countries=("RU",), kind="person"),
        party("4", "Redwood Electronics Trading Limited", countries=("HK",)),
        party("5", "Obshchestvo s Ogranichennoi Otvetstvennostyu Granit", countries=("RU",)),
        party("6", "ZHANG, Wei", code="DPL", kind="person"),
        party("7", "Meridian Shipping FZE", countries=("AE",)),
        party("8", "Al-Noor Trading Company", countries=("IR",)),
    ]


@pytest.fixture(scope="session")
def small(small_parties: list[Party]) -> ScreeningIndex:
    """The index of the small list."""
    return build_index(small_list("v1", small_parties))
