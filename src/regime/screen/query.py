"""What the engine screens: a party's name with whatever else is known about it.

``Query`` is the input as a caller gives it; ``prepare`` checks it and normalises it once:
every name to a ``NameForm`` (and, where a legal form was found, also to a literal form kept
for comparing with persons, vessels and aircraft: "PAO" is a family name as well as a Russian
legal form), the
country to ISO-2 (from ``country`` or the end of ``address``). The kind is the caller's: a
legal form in a name is not proof enough of a company to count against a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from regime.errors import InputError
from regime.screen.countries import address_country, country_code
from regime.screen.listdata import PartyKind
from regime.screen.normalise import NameForm, name_form


class Query(BaseModel):
    """A party to screen. Only ``name`` is required."""

    model_config = ConfigDict(frozen=True)

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    address: str | None = None
    kind: PartyKind = "unknown"
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A query checked and normalised: its name forms, ISO-2 countries and kind."""

    query: Query
    forms: tuple[NameForm, ...]
    literal: tuple[NameForm, ...]
    countries: frozenset[str]
    kind: PartyKind

    def forms_for(self, kind: PartyKind) -> tuple[NameForm, ...]:
        """The forms to compare with a party of ``kind``: persons, vessels, aircraft also meet the literal forms."""
        return self.forms + self.literal if kind in ("person", "vessel", "aircraft") else self.forms


def prepare(query: Query) -> PreparedQuery:
    """Normalise ``query``; ``InputError`` when it has no usable name or an unknown country."""
    texts = (query.name, *query.aliases)
    forms = tuple(form for text in texts if (form := name_form(text)).tokens)
    literal = tuple(form for text in texts if name_form(text).legal and (form := name_form(text, True)).tokens)
    if not forms:
        raise InputError(
            f"name {query.name!r} has no letters or digits to compare; expected a party's name", where="name"
        )
    countries: set[str] = set()
    if query.country and query.country.strip():
        countries.add(country_code(query.country))
    elif query.address and (found := address_country(query.address)):
        countries.add(found)
    return PreparedQuery(query, forms, literal, frozenset(countries), query.kind)
