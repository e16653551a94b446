"""A labelled evaluation set built from the real Consolidated Screening List.

Positives: for a sample of listed parties, a variant of one of its names that a screening
system must catch (``screen_variants``), labelled with the entry it must find. Negatives:
real-looking person and company names that are not on the list, half of them near
neighbours made from listed names (same family name with other given names, a listed
company with its distinctive word replaced). A negative is kept only if neither it nor any
listed name is contained in the other (after normalisation, a typo allowed): otherwise a
screener should flag it, and calling that a false positive would be wrong.

Every case has a ``group``: 0 for calibration (fitting the scorer), 1 for the held-out test.
"""

from __future__ import annotations

import random
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from regime.errors import RegimeError
from regime.screen.countries import country_code
from regime.screen.index import IndexedParty, ScreeningIndex
from regime.screen.listdata import PartyKind
from regime.screen.normalise import name_form
from regime.screen.query import Query
from regime.screen.similarity import align
from screen_names import DISTINCTIVE, FAMILY, GENERIC, GIVEN, LEGAL
from screen_variants import abbreviate, add_word, drop_word, legal_form, reorder, transliterate, typo

HARDER = frozenset({"two at once"})  # beyond the list of variants: reported apart
VARIANTS = (
    "typo",
    "reorder",
    "legal form",
    "transliteration",
    "alias",
    "abbreviation",
    "word dropped",
    "word added",
    "two at once",
)


@dataclass(frozen=True)
class Case:
    """One labelled query: positive cases name the entry they must find."""

    query: Query
    positive: bool
    source: str | None
    variant: str
    group: int


def query_countries(index: ScreeningIndex) -> list[str]:
    """The listed parties' countries (one per listing) that a query may name: ISO codes the engine knows."""
    known = {c for p in index.version.parties for c in p.countries if _known(c)}
    return [c for p in index.version.parties for c in p.countries if c in known]


def _known(code: str) -> bool:
    try:
        country_code(code)
    except RegimeError:
        return False
    return True


def _group(key: str) -> int:
    return zlib.crc32(key.encode()) % 2


def _country(party: IndexedParty, rng: random.Random, countries: list[str]) -> str | None:
    """A query country as a compliance file would have it: often given, mostly the listed one."""
    if rng.random() < 0.4:
        return None
    listed = [c for c in party.party.countries if _known(c)]
    if listed and rng.random() < 0.9:
        return rng.choice(listed)
    return rng.choice(countries)


def _variant(party: IndexedParty, kind: str, rng: random.Random) -> str | None:
    listed = party.party
    person = listed.kind == "person"
    if kind == "typo":
        return typo(listed.name, rng)
    if kind == "reorder":
        return reorder(listed.name, rng)
    if kind == "legal form":
        return None if person or listed.kind in ("vessel", "aircraft") else legal_form(listed.name, rng)
    if kind == "transliteration":
        return transliterate(listed.name, listed.countries, person, rng)
    if kind == "word dropped":
        return drop_word(listed.name, rng, person)
    if kind == "word added":
        return add_word(listed.name, rng, person, GIVEN)
    if kind == "two at once":  # a slip on top of another change
        first = _variant(party, rng.choice(VARIANTS[1:-1]), rng)
        return typo(first, rng) if first else None
    if kind == "alias":
        if not listed.aliases:
            return None
        alias = rng.choice(listed.aliases)
        return alias if rng.random() < 0.3 else typo(alias, rng) or reorder(alias, rng)
    return abbreviate(listed.name, rng, person)


def positives(index: ScreeningIndex, count: int, rng: random.Random) -> Iterator[Case]:
    """``count`` variants of names of randomly chosen listed parties."""
    countries = query_countries(index)
    made = 0
    while made < count:
        party = rng.choice(index.parties)
        variant = rng.choice(VARIANTS)
        text = _variant(party, variant, rng)
        if not text or not name_form(text).tokens:
            continue
        kind = party.party.kind if rng.random() < 0.3 else "unknown"
        query = Query(name=text, country=_country(party, rng, countries), kind=kind)
        made += 1
        yield Case(query, True, party.party.entry_id, variant, _group(party.party.entry_id))


def _person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (f" {rng.choice(GIVEN)}" if rng.random() < 0.3 else "")
    family = rng.choice(FAMILY)
    return f"{family.upper()}, {given}" if rng.random() < 0.3 else f"{given} {family}"


def _company(rng: random.Random) -> str:
    words = [rng.choice(DISTINCTIVE), *rng.sample(GENERIC, k=rng.choice((1, 1, 2)))]
    return " ".join(words) + (f" {rng.choice(LEGAL)}" if rng.random() < 0.7 else "")


def invented_name(rng: random.Random) -> str:
    """A made-up person or company name (not checked against the list)."""
    return _person(rng) if rng.random() < 0.5 else _company(rng)


def _near(party: IndexedParty, rng: random.Random) -> str | None:
    """A listed name with its most distinctive word replaced (persons: given or family name)."""
    listed = party.party
    if listed.kind == "person":
        if "," not in listed.name:
            return None
        family, given = (p.strip() for p in listed.name.split(",", 1))
        return f"{family}, {rng.choice(GIVEN)}" if rng.random() < 0.6 else f"{rng.choice(FAMILY).upper()}, {given}"
    words = listed.name.split()
    if len(words) < 2:
        return None
    form = name_form(listed.name)
    heavy = [t for t, w in zip(form.tokens, form.weights, strict=True) if w == 1.0 and len(t) > 3]
    target = max(heavy, key=len, default=None)
    spots = [i for i, w in enumerate(words) if target and w.lower().strip(",.()") == target]
    if not spots:
        return None
    words[spots[0]] = rng.choice(DISTINCTIVE)
    return " ".join(words)


def is_listed_name(text: str, index: ScreeningIndex) -> bool:
    """Whether ``text`` and some listed name contain one another (after normalisation, a typo allowed)."""
    form = name_form(text)
    for position in index.candidates([form], floor=0.3, limit=400, literal=[name_form(text, True)]):
        for name in index.parties[position].names:
            agreement = align(form, name.form)
            if max(agreement.query_cover, agreement.match_cover) >= 0.9:
                return True
    return False


def negatives(index: ScreeningIndex, count: int, rng: random.Random) -> Iterator[Case]:
    """``count`` names not on the list: invented persons and companies, and near neighbours."""
    countries = query_countries(index)
    made = 0
    while made < count:
        roll = rng.random()
        party = rng.choice(index.parties)
        if roll < 0.3:
            text, kind = _person(rng), "person"
        elif roll < 0.55:
            text, kind = _company(rng), "company"
        else:
            text, kind = _near(party, rng), "near neighbour"
        if not text or not name_form(text).tokens or is_listed_name(text, index):
            continue
        country = (
            _country(party, rng, countries)
            if kind == "near neighbour"
            else (rng.choice(countries) if rng.random() < 0.6 else None)
        )
        party_kind: PartyKind = "unknown"
        if rng.random() < 0.3:
            party_kind = "person" if kind == "person" else "organisation" if kind == "company" else party.party.kind
        made += 1
        yield Case(Query(name=text, country=country, kind=party_kind), False, None, kind, _group(text))


def labelled_set(index: ScreeningIndex, *, size: int, seed: int = 20260731) -> list[Case]:
    """``size`` positives and ``size`` negatives, reproducibly."""
    rng = random.Random(seed)
    return list(positives(index, size, rng)) + list(negatives(index, size, rng))


def query_mix(index: ScreeningIndex, count: int, seed: int = 7, listed: float = 0.5) -> list[Query]:
    """``count`` queries for timing: a ``listed`` share of variants of listed names, the rest
    invented names and near neighbours (unfiltered)."""
    rng = random.Random(seed)
    made = [case.query for case in positives(index, round(count * listed), rng)]
    countries = query_countries(index)
    while len(made) < count:
        roll = rng.random()
        text = _person(rng) if roll < 0.4 else _company(rng) if roll < 0.7 else _near(rng.choice(index.parties), rng)
        if text:
            made.append(Query(name=text, country=rng.choice(countries) if rng.random() < 0.6 else None))
    rng.shuffle(made)
    return made


def describe(cases: list[Case]) -> str:
    """How many cases of each kind the set holds."""
    counts = Counter((c.positive, c.variant) for c in cases)
    return ", ".join(f"{'+' if pos else '-'}{variant}: {n}" for (pos, variant), n in sorted(counts.items()))
