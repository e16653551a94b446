"""What a licence says: its issuer, number, holder, items, destinations, parties, conditions, limits, dates.

A licence is written as YAML or JSON::

    kind: individual                  # individual, global, general (EU001 registration), exception (LVS use)
    authorisation: null               # for general and exception: the code (EU001, LVS)
    issuing_member: NL                # the state (or EU) that issued it; a determination's jurisdiction matches it
    authority: CDIU
    number: NL-2024-00017
    holder: Example Lithography B.V.
    items: [{entry: 3B001.f}, {product: nvidia-h100-sxm}]   # entries or paragraphs, or named products
    destinations: [TW, KR]
    consignees: [Example Foundry Co]  # empty: any consignee
    end_users: [Example Foundry Co]
    conditions: [{code: no_reexport}, {code: end_use_statement, text: signed end-use statement on file}]
    currency: EUR
    quantity_limit: 10                # whole units; leave out for no quantity limit
    value_limit: "25000000.00"        # in the licence's currency; leave out for no value limit
    valid_from: 2024-01-01
    expires_on: 2025-12-31
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from regime.countries.iso import Resolver, build_resolver
from regime.errors import UnknownCountryError
from regime.licensing.money import Currency

Kind = Literal["individual", "global", "general", "exception"]
AUTHORISATION_KINDS = frozenset({"general", "exception"})
NO_REEXPORT = "no_reexport"


@cache
def _resolver() -> Resolver:
    return build_resolver((), ())


def country(value: str) -> str:
    """The ISO 3166 alpha-2 code ``value`` names (code or English name); ``EU`` stands for the Union."""
    if value.strip().upper() == "EU":
        return "EU"
    try:
        return _resolver().resolve(value).alpha2
    except UnknownCountryError as error:
        raise ValueError(str(error)) from None


def entry_key(value: str) -> str:
    """A list entry or paragraph in comparison form: ``3a090.A`` -> ``3A090.a``."""
    head, _, rest = value.strip().partition(".")
    return f"{head.upper()}.{rest.lower()}" if rest else head.upper()


Country = Annotated[str, AfterValidator(country)]
EntryRef = Annotated[str, AfterValidator(entry_key)]


class Strict(BaseModel):
    """Unknown fields are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LicensedItem(Strict):
    """One thing the licence covers: a list entry or paragraph (and everything under it), or a named product."""

    entry: EntryRef | None = None
    product: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> LicensedItem:
        if (self.entry is None) == (self.product is None):
            raise ValueError("an item names either an entry (e.g. 3A090.a) or a product, not both or neither")
        return self

    @property
    def label(self) -> str:
        """``3A090.a`` or ``product nvidia-h100-sxm``."""
        return self.entry or f"product {self.product}"


class Condition(Strict):
    """A condition of the licence. ``no_reexport`` is checked against the shipment's kind; any other
    code is met when the shipment declares it (e.g. ``end_use_statement`` on file)."""

    code: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    text: str = ""


class LicenceInput(Strict):
    """A licence to record."""

    kind: Kind = "individual"
    authorisation: str | None = Field(default=None, description="EU001, LVS ...: for kinds general and exception")
    issuing_member: Country
    authority: str = Field(min_length=1)
    number: str = Field(min_length=1)
    holder: str = Field(min_length=1)
    items: tuple[LicensedItem, ...] = Field(min_length=1)
    destinations: tuple[Country, ...] = Field(min_length=1)
    consignees: tuple[str, ...] = ()
    end_users: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()
    currency: Currency
    quantity_limit: int | None = Field(default=None, ge=0)
    value_limit: Decimal | None = Field(default=None, ge=0)
    valid_from: dt.date
    expires_on: dt.date

    @model_validator(mode="after")
    def _consistent(self) -> LicenceInput:
        if (self.kind in AUTHORISATION_KINDS) != (self.authorisation is not None):
            raise ValueError(
                "a general authorisation or exception names its code (authorisation: EU001); other kinds do not"
            )
        if self.expires_on < self.valid_from:
            raise ValueError(f"expires_on {self.expires_on} is before valid_from {self.valid_from}")
        return self
