"""Name data pycountry lacks: the EAR's own spellings, common aliases, display names, Kosovo.

Everything here is keyed by ISO 3166-1 alpha-2 code. ``normalise`` is the one folding every
name goes through before it is looked up, so "Türkiye", "turkiye" and "TURKIYE " meet.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\bst\b")


def normalise(name: str) -> str:
    """Fold a country name for lookup: no accents, case, punctuation, leading "the", "St." -> "saint"."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    text = _NON_ALNUM.sub(" ", text).strip()
    text = text.removeprefix("the ")
    return _SAINT.sub("saint", text)


# Row and table names in the EAR files that pycountry's names do not match, by ISO-2 code.
# "Seycheles" and "Cote d'lvoire" (a lower-case L) are spelt as the source spells them.
EAR_SPELLINGS: dict[str, tuple[str, ...]] = {
    "BS": ("Bahamas, The",),
    "BN": ("Brunei",),
    "MM": ("Burma",),
    "CV": ("Cape Verde",),
    "CN": ("China (PRC)",),
    "CD": ("Congo (Democratic Republic of the)", "Congo (Democratic Republic of)"),
    "CG": ("Congo (Republic of the)",),
    "CI": ("Cote d'lvoire",),
    "GM": ("Gambia, The",),
    "KP": ("Korea, North",),
    "KR": ("Korea, South",),
    "XK": ("Kosovo",),
    "MO": ("Macau",),
    "FM": ("Micronesia (Federated State of)",),
    "RU": ("Russia",),
    "SC": ("Seycheles",),
    "SX": ("Sint Maarten (the Dutch two-fifths of the island of Saint Martin)",),
    "SS": ("South Sudan, Republic of",),
    "VA": ("Vatican City",),
}

# Common names people write that neither pycountry nor the source files' alias tables carry.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "HK": ("Hong Kong SAR", "Hong Kong SAR China", "Hong Kong, China"),
    "MO": ("Macao SAR", "Macau SAR China", "Macao SAR China", "Macau, China"),
    "TW": ("Republic of China", "Chinese Taipei", "ROC"),
    "TR": ("Turkey", "Republic of Turkey"),
    "KR": ("South Korea", "Korea (South)", "Republic of Korea"),
    "KP": ("North Korea", "Korea (North)", "DPRK"),
    "CD": ("DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "CZ": ("Czech Republic",),
    "GB": ("Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
    "NL": ("Holland", "The Netherlands"),
    "RU": ("Russian Federation",),
    "US": ("America", "USA", "U.S.A."),
    "VA": ("Holy See", "Vatican"),
    "CI": ("Ivory Coast",),
    "PS": ("Palestine",),
    "LA": ("Laos",),
}

# The name a person expects to read, where pycountry's is formal or differs from common usage.
DISPLAY_NAMES: dict[str, str] = {
    "RU": "Russia",
    "MO": "Macau",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "BN": "Brunei",
    "PS": "Palestine",
    "SX": "Sint Maarten",
    "BS": "Bahamas",
    "GM": "Gambia",
}

# Destinations outside ISO 3166-1: (alpha-2, alpha-3, name). XK/XKX are the user-assigned
# codes the European Commission, SWIFT and CLDR use for Kosovo.
NON_ISO: tuple[tuple[str, str, str], ...] = (("XK", "XKX", "Kosovo"),)

# Names that match more than one destination: the resolver refuses them and lists the choices.
AMBIGUOUS: dict[str, tuple[str, ...]] = {"korea": ("KR", "KP")}
