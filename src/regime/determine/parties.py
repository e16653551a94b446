"""Party matching behind a small interface: who on a screening list a transaction party may be.

``PartyIndex`` is what the determination engine asks. Until the screening engine
(``regime.screen``) is ready, ``ExactNameIndex`` answers it over the same Consolidated
Screening List: a party matches an entry when their names (or an alias) are equal after
normalisation (case, accents, punctuation, spacing). A hit carries the list, the entry's
licence requirement and review policy, its Federal Register notice and how it matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

_NON_WORD = re.compile(r"[^0-9a-z]+")


class PartyHit(BaseModel):
    """A screening-list entry a transaction party may be."""

    model_config = ConfigDict(frozen=True)

    party: str
    list_code: str
    list_name: str
    entry_name: str
    countries: tuple[str, ...] = ()
    licence_requirement: str | None = None
    licence_policy: str | None = None
    federal_register: str | None = None
    programmes: tuple[str, ...] = ()
    score: float = 1.0
    method: str = "exact normalised name"


class PartyIndex(Protocol):
    """What the engine needs of a screening index."""

    @property
    def version(self) -> str:
        """Which list (and of when) the index was built from."""
        ...

    def find(self, name: str, country: str | None) -> tuple[PartyHit, ...]:
        """The entries ``name`` (in ``country``, if known) may be."""
        ...


def normalise_name(name: str) -> str:
    """Lower case, accents and punctuation dropped, words joined by one space."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class _Record:
    list_code: str
    list_name: str
    name: str
    countries: tuple[str, ...]
    requirement: str | None
    policy: str | None
    notice: str | None
    programmes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExactNameIndex:
    """Entries by normalised name and alias; ``find`` is one dict lookup."""

    version: str
    by_name: Mapping[str, tuple[_Record, ...]]
    size: int

    def find(self, name: str, country: str | None) -> tuple[PartyHit, ...]:
        """Every entry whose name or alias equals ``name`` once normalised (country is not required to agree)."""
        records = self.by_name.get(normalise_name(name), ())
        return tuple(
            PartyHit(
                party=name,
                list_code=r.list_code,
                list_name=r.list_name,
                entry_name=r.name,
                countries=r.countries,
                licence_requirement=r.requirement,
                licence_policy=r.policy,
                federal_register=r.notice,
                programmes=r.programmes,
            )
            for r in records
        )


def _code(source: str, authority: Mapping[str, Any]) -> str:
    found = authority.get(source, {})
    if isinstance(found, Mapping) and found.get("code"):
        return str(found["code"])
    match = re.search(r"\(([^)]+)\)", source)
    return match.group(1) if match else source


def _pick(table: list[str], index: Any) -> str | None:
    return table[index] if isinstance(index, int) and 0 <= index < len(table) else None


def build_exact_index(data: Mapping[str, Any], version: str) -> ExactNameIndex:
    """Index a Consolidated Screening List document (the bundled ``screening-list.json`` layout)."""
    tables = data["tables"]
    sources, requirements, policies = tables["sources"], tables["licenceRequirements"], tables["licencePolicies"]
    programmes = tables.get("programmes", [])
    authority = data.get("listAuthority", {})
    by_name: dict[str, list[_Record]] = {}
    for raw in data["entries"]:
        source = sources[raw["s"]]
        pg = raw.get("pg")
        progs = _pick(programmes, pg) if isinstance(pg, int) else None
        record = _Record(
            list_code=_code(source, authority),
            list_name=source,
            name=raw["n"],
            countries=tuple(raw.get("c") or ()),
            requirement=_pick(requirements, raw.get("lr")),
            policy=_pick(policies, raw.get("lp")),
            notice=raw.get("fr"),
            programmes=tuple(p.strip() for p in re.split(r"[;,]", progs)) if progs else (),
        )
        for name in _names(raw):
            key = normalise_name(name)
            if key:
                bucket = by_name.setdefault(key, [])
                if record not in bucket:
                    bucket.append(record)
    return ExactNameIndex(version, {k: tuple(v) for k, v in by_name.items()}, len(data["entries"]))


def _names(raw: Mapping[str, Any]) -> Iterable[str]:
    yield raw["n"]
    yield from raw.get("a") or ()


@dataclass(frozen=True, slots=True)
class NoParties:
    """An empty index, for tests and for members without party lists."""

    version: str = "no party lists"

    def find(self, name: str, country: str | None) -> tuple[PartyHit, ...]:
        """Nothing is ever found."""
        return ()
