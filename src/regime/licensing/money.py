"""Money in a licence's currency: ISO 4217 codes, minor units, and exact ``Decimal`` amounts.

The store keeps amounts as whole minor units of the currency (cents for EUR and USD, yen for JPY,
fils for KWD), so ``to_minor`` and ``from_minor`` are the only places where the scale is applied.
A converted amount is rounded half up to the currency's minor unit.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from regime.errors import InputError

# ISO 4217 exponents that differ from 2; every other well-formed code has two decimals.
_EXPONENTS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND"), 0),
    **dict.fromkeys(("VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}
_CODE = re.compile(r"^[A-Z]{3}$")


def currency_code(value: str) -> str:
    """``value`` as an upper-case ISO 4217 code; anything else is an error naming the form expected."""
    code = value.strip().upper()
    if not _CODE.match(code):
        raise ValueError(f"{value!r} is not a currency code: expected three letters such as EUR, USD or JPY")
    return code


Currency = Annotated[str, AfterValidator(currency_code)]


def exponent(currency: str) -> int:
    """How many decimals the currency's minor unit has."""
    return _EXPONENTS.get(currency, 2)


def quantize(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded half up to the currency's minor unit."""
    return amount.quantize(Decimal(1).scaleb(-exponent(currency)), rounding=ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str) -> int:
    """Whole minor units of ``amount`` (rounded half up)."""
    return int(quantize(amount, currency).scaleb(exponent(currency)))


def from_minor(units: int, currency: str) -> Decimal:
    """The amount ``units`` minor units make."""
    return quantize(Decimal(units).scaleb(-exponent(currency)), currency)


def decimal(value: object, where: str) -> Decimal:
    """A finite ``Decimal`` from text or a number (never through a binary float's digits)."""
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise InputError(f"{value!r} is not a number", where=where) from None
    if not amount.is_finite():
        raise InputError(f"{value!r} is not a finite number", where=where)
    return amount


class Money(BaseModel):
    """An amount in a currency (``Decimal``, never a float)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: Decimal
    currency: Currency

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"
