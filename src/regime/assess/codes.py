"""Country names and codes: everything the assessments compare is an ISO 3166 alpha-2 code.

Names and alpha-3 codes (as the supply-chain tables write them) are read through pycountry; the few
names pycountry does not know (the EAR's "Korea, South", "Russia" ...) are aliases here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pycountry

from regime.errors import UnknownCountryError

#: Parties that are not countries but act in regime-creation efforts.
UNIONS = {"EU": "European Union"}

#: Names used by the EAR and in common speech that pycountry does not resolve.
ALIASES = {
    "korea, south": "KR",
    "korea, north": "KP",
    "russia": "RU",
    "china (prc)": "CN",
    "burma": "MM",
    "macau": "MO",
    "brunei": "BN",
    "uk": "GB",
    "usa": "US",
}


def country_code(text: str) -> str:
    """The alpha-2 code of a country name, alpha-2 or alpha-3 code; ``UnknownCountryError`` otherwise."""
    key = text.strip()
    if key.lower() in ALIASES:
        return ALIASES[key.lower()]
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        raise UnknownCountryError(f"unknown country {text!r} (expected an ISO name or code)") from None


def party_code(text: str) -> str:
    """A country's alpha-2 code, or a union's code (``EU``)."""
    return text.strip().upper() if text.strip().upper() in UNIONS else country_code(text)


def country_codes(texts: Iterable[str]) -> list[str]:
    """Alpha-2 codes for several names or codes, in order, without repeats."""
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip():
            seen[country_code(text)] = None
    return list(seen)


def country_name(code: str) -> str:
    """A short display name for an alpha-2 code (``TW`` -> ``Taiwan``); unions and unknowns as given."""
    if code in UNIONS:
        return UNIONS[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)
