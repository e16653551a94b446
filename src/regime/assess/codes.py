"""Country names and codes for the assessments: everything compared is an ISO 3166 alpha-2 code.

Names and codes (alpha-2, alpha-3 as the supply-chain tables write them, EAR spellings such as
"Korea, South") are resolved by the shared resolver of :mod:`regime.countries`. The EU, which acts
for its member states in some efforts, is a party here but not a country.
"""

from __future__ import annotations

from collections.abc import Iterable

from regime.countries import us_destinations

#: Parties that are not countries but act in regime-creation efforts.
UNIONS = {"EU": "European Union"}


def country_code(text: str) -> str:
    """The alpha-2 code of a country name or code; ``UnknownCountryError`` (with suggestions) otherwise."""
    return us_destinations().resolver.resolve(text).alpha2


def party_code(text: str) -> str:
    """A country's alpha-2 code, or a union's code (``EU``)."""
    key = text.strip().upper()
    return key if key in UNIONS else country_code(text)


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
    country = us_destinations().resolver.by_code.get(code)
    return country.name if country else code
