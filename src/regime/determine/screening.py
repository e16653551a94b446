"""The screening engine behind the ``PartyIndex`` interface the determination engine asks.

``regime.screen`` scores each party against every list of the Consolidated Screening List (names,
aliases, transliterations, legal forms, country); its hits above the threshold become
``PartyHit``\\ s with the score and what matched. The loader uses it when the package is present
and falls back to the exact-name index otherwise (``REGIME_PARTY_MATCH=exact`` forces that).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from regime.determine.parties import PartyHit


@dataclass(frozen=True, eq=False)
class ScreeningIndex:
    """A ``PartyIndex`` answered by ``regime.screen.engine.screen_party`` over a prebuilt index."""

    index: Any
    screen_party: Any
    version: str

    def find(self, name: str, country: str | None) -> tuple[PartyHit, ...]:
        """The screening engine's hits for ``name`` (in ``country``)."""
        result = self.screen_party(name, country=country, index=self.index)
        return tuple(
            PartyHit(
                party=name,
                list_code=hit.list_code,
                list_name=hit.list_name,
                entry_name=hit.name,
                countries=tuple(hit.countries),
                licence_requirement=hit.licence_requirement,
                licence_policy=hit.licence_policy,
                federal_register=hit.federal_register,
                programmes=tuple(hit.programmes),
                score=float(hit.score),
                method=f"screening engine, matched on {hit.parts.matched_on} {hit.matched_name!r}",
            )
            for hit in result.hits
        )


def screening_index() -> ScreeningIndex | None:
    """The bundled list through the screening engine, or None when the engine is not installed."""
    try:
        engine = importlib.import_module("regime.screen.engine")
        loaders = importlib.import_module("regime.screen.loaders")
    except ImportError:
        return None
    index = loaders.default_index()
    label = getattr(index.version, "label", str(index.version))
    threshold = getattr(engine, "THRESHOLD", None)
    at = f", threshold {threshold:.2f}" if isinstance(threshold, float) else ""
    return ScreeningIndex(
        index, engine.screen_party, f"U.S. Consolidated Screening List ({label}; screening engine{at})"
    )
