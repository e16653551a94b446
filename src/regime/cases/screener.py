"""The screening the cases service asks for: a party's hits, each with its list entry's content hash.

``Screener`` is the small interface the service needs; ``IndexScreener`` answers it with the
screening engine (``regime.screen``) over one list version. Each hit carries the digest of the
list entry's content (``regime.screen.listdiff.digest``) so the decision memory can tell when the
entry changed, and says whether the list is one whose parties may not be dealt with at all
(denial orders and blocking sanctions: ``DPL`` and ``SDN`` by default).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from regime.screen import ListVersion, ScreeningIndex, build_index, screen_party
from regime.screen.listdiff import digest

PROHIBITED_LISTS = frozenset({"DPL", "SDN"})


class PartyHit(BaseModel):
    """One list entry a party matched."""

    model_config = ConfigDict(frozen=True)

    list_code: str
    entry_id: str
    entry_name: str
    entry_hash: str
    score: float
    legal_effect: str
    prohibited: bool


class Screener(Protocol):
    """Screens a party against one version of a list source."""

    @property
    def source(self) -> str:
        """The list source ("U.S. Consolidated Screening List")."""
        ...

    @property
    def version(self) -> str:
        """Its version identifier."""
        ...

    def hits(self, name: str, country: str | None) -> list[PartyHit]:
        """The entries ``name`` (in ``country``) matches."""
        ...


@dataclass(frozen=True)
class IndexScreener:
    """The screening engine over an index; ``prohibited`` names the lists that block outright."""

    index: ScreeningIndex
    prohibited: frozenset[str] = PROHIBITED_LISTS
    _hashes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, version: ListVersion, prohibited: Iterable[str] = PROHIBITED_LISTS) -> IndexScreener:
        """A screener over ``version`` (its index built here)."""
        return cls(build_index(version), frozenset(prohibited))

    @property
    def source(self) -> str:
        """The list source's name."""
        return self.index.version.source

    @property
    def version(self) -> str:
        """The list version's identifier."""
        return self.index.version.version

    def _hash(self, entry_id: str) -> str:
        if not self._hashes:
            self._hashes.update({p.entry_id: digest(p) for p in self.index.version.parties})
        return self._hashes[entry_id]

    def hits(self, name: str, country: str | None) -> list[PartyHit]:
        """The engine's hits for ``name``, with entry hashes and whether the list prohibits."""
        result = screen_party(name, country=country, index=self.index)
        return [
            PartyHit(
                list_code=hit.list_code,
                entry_id=hit.entry_id,
                entry_name=hit.name,
                entry_hash=self._hash(hit.entry_id),
                score=hit.score,
                legal_effect=hit.legal_effect,
                prohibited=hit.list_code in self.prohibited,
            )
            for hit in result.hits
        ]
