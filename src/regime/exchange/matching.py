"""Comparing party names (consignees, end users) for the "essentially identical" test.

A small interface so the screening engine (``regime.screen``, fuzzy names, aliases, transliteration)
can take over later: anything with ``compare(a, b) -> str | None`` (a sentence saying how the names
agree, or ``None``) fits. The default here is exact equality after normalisation: Unicode
compatibility forms, accents dropped, case folded, punctuation turned into spaces, spaces collapsed.
So "Huawei Technologies Co., Ltd." equals "HUAWEI TECHNOLOGIES CO LTD" but not "Huawei Tech".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


class NameMatcher(Protocol):
    """Tells whether two party names designate the same party, and how."""

    def compare(self, a: str, b: str) -> str | None:
        """A short explanation when ``a`` and ``b`` match, else ``None``."""
        ...


def normalise_name(name: str) -> str:
    """The comparison form of a name: NFKD, no accents, case folded, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", without_accents.casefold()).strip()


class NormalisedExactMatcher:
    """Names match when their normalised forms are equal (the default until screening is wired in)."""

    def compare(self, a: str, b: str) -> str | None:
        """``"'X' = 'Y' after normalisation"`` when they match."""
        left, right = normalise_name(a), normalise_name(b)
        if not left or left != right:
            return None
        return f"{a!r} = {b!r}" if a == b else f"{a!r} = {b!r} after normalisation"


DEFAULT_MATCHER: NameMatcher = NormalisedExactMatcher()
