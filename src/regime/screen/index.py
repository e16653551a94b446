"""The candidate index: find the few list names a query can match without scoring the whole list.

Built once per list version (``build_index``), immutable and picklable, so it can be shipped
to worker processes. Every name and alias of every party is normalised once; each token is
reachable through its keys (``keys.py``: deletions, skeleton, fold, symbols) and each name
through its tokens (``search.py``). ``party_bounds`` bounds the name similarity of every
party sharing a key with the query and returns those whose bound reaches ``floor``, with the
bound; ``candidates`` returns the parties whose Dice bound reaches ``floor`` (the most
promising first, at most ``limit`` names).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from regime.screen.listdata import ListVersion, Party
from regime.screen.normalise import NameForm, name_form
from regime.screen.search import NameSearch
from regime.screen.tokenids import NameTokens

LITERAL_KINDS = frozenset({"person", "vessel", "aircraft"})
NameLabel = Literal["name", "alias", "weak alias"]
WEAK_ALIAS_DISCOUNT = 0.8  # what a weak alias counts for against a name or an alias (``features.aliases``)
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_PARTS = re.compile(r"(?i)\b(?:affiliated entity|parent organization|a\.?k\.?a|f\.?k\.?a|d\.?b\.?a)\b[.:]?")


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name of a party as the index holds it: which party, which kind of name, its form."""

    party: int
    label: NameLabel
    text: str
    form: NameForm


@dataclass(frozen=True, slots=True)
class IndexedParty:
    """A party with the normalised forms of all its names."""

    party: Party
    names: tuple[IndexedName, ...]


def name_variants(text: str, person: bool = False) -> list[NameForm]:
    """The forms of one listed name: as written, without bracketed parts ("(SSI)", "(Hong Kong)"),
    and each part of a name that holds several ("X. Affiliated Entity: Y", "X a.k.a. Y").

    A person's, vessel's or aircraft's names keep words that look like legal forms ("PAO, Yu
    Hsiang", the vessel "TIAN YU 7").
    """
    texts = [text, _BRACKETS.sub("", text).strip()]
    parts = [part.strip(" .,;:-") for part in _PARTS.split(text)]
    if len(parts) > 1:
        texts += [p for part in parts if (p := part) and len(p) > 2]
    forms: dict[tuple[str, ...], NameForm] = {}
    for variant in texts:
        form = name_form(variant, person)
        if form.tokens and form.tokens not in forms:
            forms[form.tokens] = form
    return list(forms.values())


def index_party(position: int, party: Party) -> IndexedParty:
    """Normalise every name of ``party`` (found at ``position`` in its list)."""
    labelled: list[tuple[NameLabel, str]] = [("name", party.name)]
    labelled += [("alias", alias) for alias in party.aliases]
    labelled += [("weak alias", alias) for alias in party.weak_aliases]
    names = [
        IndexedName(position, label, text, form)
        for label, text in labelled
        for form in name_variants(text, party.kind in LITERAL_KINDS)
    ]
    return IndexedParty(party, tuple(names))


@dataclass(frozen=True, slots=True)
class ScreeningIndex:
    """A list version made searchable: its parties, all their names, and two searches over them.

    ``search`` holds every name; ``literal`` only the names of persons, vessels and aircraft,
    which a query's literal forms (legal-looking words kept) are matched against; ``tokens``
    every name as vocabulary numbers, for the compiled scorer.
    """

    version: ListVersion
    parties: tuple[IndexedParty, ...]
    names: tuple[IndexedName, ...]
    search: NameSearch
    literal: NameSearch
    tokens: NameTokens

    def name_bounds(
        self, forms: Sequence[NameForm], *, floor: float, literal: Sequence[NameForm] = ()
    ) -> dict[int, float]:
        """Names (by number) whose bound reaches ``floor`` against any of ``forms`` (and, for persons,
        vessels and aircraft, ``literal``), with their best bound (a Dice coefficient)."""
        bound: dict[int, float] = {}
        for search, group in ((self.search, forms), (self.literal, literal)):
            for form in group:
                for nid, value in search.bounds(form, floor).items():
                    if value > bound.get(nid, -1.0):
                        bound[nid] = value
        return bound

    def party_bounds(
        self, forms: Sequence[NameForm], *, floor: float, literal: Sequence[NameForm] = ()
    ) -> dict[int, float]:
        """Parties (by position) whose name similarity may reach ``floor`` against any of ``forms``
        (and, for persons, vessels and aircraft, ``literal``), with the most it can be (a weak
        alias counted at ``WEAK_ALIAS_DISCOUNT``, as the scorer counts it)."""
        best: dict[int, float] = {}
        names = self.names
        for search, group in ((self.search, forms), (self.literal, literal)):
            for form in group:
                for nid, most in search.similarities(form, floor).items():
                    name = names[nid]
                    if name.label == "weak alias":
                        most *= WEAK_ALIAS_DISCOUNT
                    if most > best.get(name.party, -1.0):
                        best[name.party] = most
        return best

    def candidates(
        self, forms: Sequence[NameForm], *, floor: float, limit: int, literal: Sequence[NameForm] = ()
    ) -> list[int]:
        """Positions of the parties whose names may reach ``floor`` against any of ``forms``
        (and, for persons, vessels and aircraft, ``literal``), the most promising first, at most
        ``limit`` names' parties."""
        bound = self.name_bounds(forms, floor=floor, literal=literal)
        best = heapq.nlargest(limit, bound.items(), key=lambda item: (item[1], -item[0]))
        return list(dict.fromkeys(self.names[nid].party for nid, _ in best))


def build_index(version: ListVersion) -> ScreeningIndex:
    """Normalise every name of ``version`` and index its tokens (seconds for the CSL)."""
    parties = tuple(index_party(position, party) for position, party in enumerate(version.parties))
    names = tuple(name for party in parties for name in party.names)
    literal = [nid for nid, name in enumerate(names) if parties[name.party].party.kind in LITERAL_KINDS]
    search = NameSearch.build(range(len(names)), [name.form for name in names])
    forms, labels, owners = zip(*((n.form, n.label, n.party) for n in names), strict=True) if names else ((), (), ())
    return ScreeningIndex(
        version=version,
        parties=parties,
        names=names,
        search=search,
        literal=NameSearch.build(literal, [names[nid].form for nid in literal], within=search),
        tokens=NameTokens.build(search.keys, forms, labels, owners, len(parties)),
    )
