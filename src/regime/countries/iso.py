"""Resolve any country reference to one canonical ``Country``, and map ISO codes to EAR row names.

Identity is the ISO 3166-1 alpha-2 code. A reference may be an alpha-2, alpha-3 or numeric code,
an English name (pycountry's short, common and official names), an EAR spelling ("Korea, South",
"Burma", "Seycheles") or an alias listed by the source files. Hong Kong resolves to Hong Kong:
that the EAR treats it as China is a rule of the chart and group tables, not of identity.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pycountry
from pydantic import BaseModel, ConfigDict

from regime.countries.names import (
    AMBIGUOUS,
    DISPLAY_NAMES,
    EAR_SPELLINGS,
    EXTRA_ALIASES,
    NON_ISO,
    normalise,
)
from regime.errors import InputError, UnknownCountryError


class Country(BaseModel):
    """A destination: its ISO-2 code is its identity; ``name`` is the name people use."""

    model_config = ConfigDict(frozen=True)

    alpha2: str
    alpha3: str
    name: str
    numeric: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.alpha2})"


@dataclass(frozen=True, slots=True)
class Resolver:
    """Name and code index over every ISO country plus Kosovo; built once, read-only after."""

    by_code: dict[str, Country]
    codes: dict[str, str]
    names: dict[str, str]
    ear_rows: dict[str, str]

    def lookup(self, ref: str) -> str | None:
        """The ISO-2 code ``ref`` names (a code or any known name), or None."""
        text = ref.strip()
        code = self.codes.get(text.upper()) if len(text) <= 3 else None
        return code or self.names.get(normalise(text))

    def resolve(self, ref: str | Country) -> Country:
        """The country ``ref`` names; raises ``UnknownCountryError`` with close names when none does."""
        if isinstance(ref, Country):
            return ref
        code = self.lookup(ref)
        if code is not None:
            return self.by_code[code]
        text, key = ref.strip(), normalise(ref)
        if key in AMBIGUOUS:
            choices = " or ".join(self.by_code[c].name for c in AMBIGUOUS[key])
            raise UnknownCountryError(f"ambiguous country {text!r}: did you mean {choices}?")
        hint = self.suggest(text)
        tail = f"did you mean {', '.join(hint)}?" if hint else "expected an ISO 3166 code or an English name"
        raise UnknownCountryError(f"unknown country {text!r}; {tail}")

    def suggest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """Names of the countries closest to ``text`` (difflib over every known name)."""
        close = difflib.get_close_matches(normalise(text), self.names, n=limit * 3, cutoff=0.6)
        found = dict.fromkeys(self.by_code[self.names[key]].name for key in close)
        return tuple(found)[:limit]

    def ear_name(self, country: str | Country) -> str | None:
        """The Country Chart's row name for ``country`` ("Korea, South"), or None without a row."""
        return self.ear_rows.get(self.resolve(country).alpha2)

    def countries(self) -> tuple[Country, ...]:
        """Every country the resolver knows, by ISO-2 code."""
        return tuple(self.by_code[code] for code in sorted(self.by_code))


def _iso_countries() -> dict[str, Country]:
    found: dict[str, Country] = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        name = DISPLAY_NAMES.get(code) or getattr(entry, "common_name", None) or entry.name
        found[code] = Country(alpha2=code, alpha3=entry.alpha_3, name=name, numeric=entry.numeric)
    for alpha2, alpha3, name in NON_ISO:
        found[alpha2] = Country(alpha2=alpha2, alpha3=alpha3, name=name)
    return found


def _identity_names(countries: Mapping[str, Country]) -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(entry, attribute, None)
            if value:
                names.setdefault(normalise(value), entry.alpha_2)
    for code, country in countries.items():
        names.setdefault(normalise(country.name), code)
    for table in (EAR_SPELLINGS, EXTRA_ALIASES):
        for code, spellings in table.items():
            names.update((normalise(spelling), code) for spelling in spellings)
    return names


def build_resolver(aliases: Iterable[tuple[str, Mapping[str, str]]], rows: Iterable[str]) -> Resolver:
    """Index pycountry, the tables in ``names`` and each ``(file, {alias: EAR name})`` table.

    An alias whose own words already name a country keeps that identity ("hong kong" stays HK
    although a file maps it to China's row). ``rows`` are the chart's row names; each must resolve.
    """
    by_code = _iso_countries()
    codes = {c.alpha2: code for code, c in by_code.items()}
    codes.update((c.alpha3, code) for code, c in by_code.items())
    codes.update((c.numeric, code) for code, c in by_code.items() if c.numeric)
    names = _identity_names(by_code)
    for source, table in aliases:
        for alias, target in table.items():
            code = names.get(normalise(target))
            if code is None:
                raise InputError(f"alias {alias!r} names {target!r}, which no table knows", source=source)
            names.setdefault(normalise(alias), code)
    ear_rows: dict[str, str] = {}
    for row in rows:
        code = names.get(normalise(row))  # rows are names, never codes
        if code is None:
            raise InputError(f"row {row!r} matches no ISO country or known EAR spelling", where="countries")
        ear_rows[code] = row
    return Resolver(by_code=by_code, codes=codes, names=names, ear_rows=ear_rows)
