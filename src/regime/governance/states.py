"""Nation-states: the only parties that may be members of a regime, chair its bodies or apply to join.

A state is named by its ISO 3166-1 code or name (``NL``, ``NLD``, ``Netherlands``) and kept as its
alpha-2 code. Anything else — a company, a university, a dependent territory — is refused.
"""

from __future__ import annotations

import pycountry

# ISO 3166-1 lists these, but they are dependent territories, not states that can join a regime.
# fmt: off
DEPENDENT_TERRITORIES = frozenset({
    "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "FK", "FO", "GF",
    "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ",
    "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM",
    "VG", "VI", "WF", "YT",
})
# fmt: on


class NotAStateError(ValueError):
    """A member, chair or applicant that is not a nation-state."""


def state_code(value: str) -> str:
    """The alpha-2 code of the state ``value`` names; raises ``NotAStateError`` with the reason."""
    text = value.strip()
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        raise NotAStateError(
            f"{value!r} is not a nation-state: expected an ISO 3166-1 code or name such as 'NL' or "
            "'Netherlands' (private parties cannot be members)"
        ) from None
    code = str(country.alpha_2)
    if code in DEPENDENT_TERRITORIES:
        raise NotAStateError(f"{value!r} ({country.name}) is a dependent territory, not a nation-state")
    return code


def state_name(code: str) -> str:
    """The common English name of the state with alpha-2 ``code``."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise NotAStateError(f"{code!r} is not an ISO 3166-1 alpha-2 code")
    return str(getattr(country, "common_name", None) or country.name)
