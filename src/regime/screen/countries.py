"""The query's country: an ISO-2 code from a code, an ISO-3 code, a name or an address.

The CSL records ISO-2 codes. A query may say "CN", "CHN", "China", "People's Republic of
China", "Burma" or give an address whose last part names the country; the resolver is
``regime.countries`` over pycountry (no EAR files needed), built once.
"""

from __future__ import annotations

from functools import cache

import pycountry

from regime.countries.iso import Resolver, build_resolver
from regime.errors import UnknownCountryError


@cache
def _resolver() -> Resolver:
    return build_resolver((), ())


def country_code(ref: str) -> str:
    """The ISO-2 code ``ref`` names; ``UnknownCountryError`` (with close names) when none does.

    Withdrawn codes the lists still use (AN, Netherlands Antilles) are accepted as they are.
    """
    resolver = _resolver()
    code = resolver.lookup(ref)
    if code is None and len(ref.strip()) == 2 and pycountry.historic_countries.get(alpha_2=ref.strip().upper()):
        return ref.strip().upper()
    if code is None:
        try:
            return resolver.resolve(ref).alpha2
        except UnknownCountryError as exc:
            raise UnknownCountryError(f"country: {exc}") from None
    return code


def address_country(address: str) -> str | None:
    """The country an address ends with ("..., Shenzhen, China" -> "CN"), or None."""
    resolver = _resolver()
    for part in reversed([p.strip() for p in address.replace("\n", ",").split(",") if p.strip()]):
        code = resolver.lookup(part) if len(part) > 3 or part.isupper() else None
        if code is not None:
            return code
    return None
