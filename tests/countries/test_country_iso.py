"""Resolving country references to one canonical Country, and mapping ISO codes to EAR row names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.countries import Destinations, us_destinations
from regime.errors import UnknownCountryError

SAME = [
    ("HK", ["Hong Kong", "hk", "HKG", "Hong Kong SAR", "344"]),
    ("MO", ["Macau", "Macao", "Macau SAR", "MAC"]),
    ("TW", ["Taiwan", "TWN", "Taiwan, Province of China", "Chinese Taipei"]),
    ("TR", ["Türkiye", "Turkey", "turkiye", "TUR"]),
    ("KR", ["Korea, South", "South Korea", "Republic of Korea", "ROK", "KOR", "korea (republic of)"]),
    ("KP", ["Korea, North", "North Korea", "DPRK", "Democratic People's Republic of Korea"]),
    ("CN", ["China", "China (PRC)", "PRC", "People's Republic of China", "CHN"]),
    ("MM", ["Burma", "Myanmar", "MMR"]),
    ("SC", ["Seycheles", "Seychelles"]),
    ("FM", ["Micronesia (Federated State of)", "Micronesia, Federated States of", "Micronesia"]),
    ("CI", ["Cote d'lvoire", "Côte d'Ivoire", "Ivory Coast"]),
    ("CD", ["Congo (Democratic Republic of)", "Congo (Democratic Republic of the)", "DRC"]),
    ("GB", ["United Kingdom", "UK", "Great Britain", "GBR"]),
    ("US", ["United States", "USA", "U.S.", "us"]),
    ("XK", ["Kosovo", "XK", "XKX"]),
    ("AE", ["United Arab Emirates", "UAE", "the United Arab Emirates"]),
    ("KN", ["St. Kitts and Nevis", "Saint Kitts & Nevis"]),
]


@pytest.mark.parametrize(("code", "refs"), SAME)
def test_every_form_resolves_to_one_country(dest: Destinations, code: str, refs: list[str]) -> None:
    assert {dest.country(ref).alpha2 for ref in refs} == {code}


def test_hong_kong_keeps_its_identity_although_a_file_maps_it_to_china(dest: Destinations) -> None:
    assert dest.country("Hong Kong").name == "Hong Kong"
    assert dest.resolver.ear_name("Hong Kong") is None


@pytest.mark.parametrize(
    ("ref", "row"),
    [
        ("KR", "Korea, South"),
        ("Seychelles", "Seycheles"),
        ("FM", "Micronesia (Federated State of)"),
        ("Myanmar", "Burma"),
        ("CN", "China"),
        ("Cuba", "Cuba"),
        ("Liechtenstein", "Liechtenstein"),
    ],
)
def test_iso_code_maps_to_the_ear_row_name(dest: Destinations, ref: str, row: str) -> None:
    assert dest.resolver.ear_name(ref) == row


def test_unknown_name_errors_with_a_suggestion(dest: Destinations) -> None:
    with pytest.raises(UnknownCountryError, match=r"'Germny'.*Germany"):
        dest.country("Germny")


def test_ambiguous_name_lists_the_choices(dest: Destinations) -> None:
    with pytest.raises(UnknownCountryError, match="South Korea or North Korea"):
        dest.country("Korea")


def test_nonsense_is_refused_not_guessed(dest: Destinations) -> None:
    with pytest.raises(UnknownCountryError, match="'Xqzzyv'"):
        dest.country("Xqzzyv")


_TABLES = us_destinations()
_KNOWN = sorted(_TABLES.chart.answers.keys() | _TABLES.groups.by_code.keys())


@settings(max_examples=200, deadline=None)
@given(code=st.sampled_from(_KNOWN), shout=st.booleans(), pad=st.sampled_from(["", " ", "  "]))
def test_iso2_iso3_name_and_ear_name_give_the_same_country(code: str, shout: bool, pad: str) -> None:
    country = _TABLES.country(code)
    refs = [country.alpha2, country.alpha3, country.name, _TABLES.resolver.ear_name(country) or country.name]
    refs = [pad + (ref.upper() if shout else ref.lower()) + pad for ref in refs]
    assert {_TABLES.country(ref) for ref in refs} == {country}
