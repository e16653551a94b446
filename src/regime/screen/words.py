"""One word of a name: its Latin token, weight, transliteration skeleton and rigour symbols.

Words repeat across names, so each is analysed once (cached). Weights say how much a word
tells apart: a given or family name or a distinctive company word counts 1, a generic
word that rigour's organisation tagger knows ("trading", "bank", "international", "china") 0.6, an
initial 0.5, a particle ("of", "al", "bin", "de") 0.25.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from rigour.names import NameTypeTag, SymbolCategory, analyze_names
from rigour.text.translit import ascii_text

PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "at",
        "on",
        "to",
        "de",
        "del",
        "della",
        "des",
        "du",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "la",
        "le",
        "les",
        "el",
        "al",
        "ul",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "bin",
        "ibn",
        "bint",
        "binti",
        "abu",
        "umm",
        "ben",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "e",
        "i",
        "u",
    ]
)
ARTICLES = {"el": "al", "ul": "al", "il": "al"}  # the Arabic article as romanised; Spanish "el" too
GENERIC_WEIGHT = 0.6
INITIAL_WEIGHT = 0.5
PARTICLE_WEIGHT = 0.25
_GENERIC_CATEGORIES = frozenset(
    {SymbolCategory.SYMBOL, SymbolCategory.DOMAIN, SymbolCategory.ORG_CLASS, SymbolCategory.LOCATION}
)
# Romanisation variants folded together (Russian, Arabic, Persian, German, French spellings of one sound).
_FOLD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tsch|tch", "ch"),
        (r"sch", "sh"),
        (r"dzh|dj|zh", "j"),
        (r"kh", "h"),
        (r"ts|tz", "c"),
        (r"ck", "k"),
        (r"ph", "f"),
        (r"(?<=[dtg])h", ""),
        (r"w", "v"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"(?<=[aeiou])ff$", "v"),
        (r"ou|oo", "u"),
        (r"ee|ie(?=[^aeiou])|y", "i"),
        (r"(.)\1+", r"\1"),
    )
)
# Words that only say what kind of legal person a name is: dropped from the comparison, also
# when misspelt (6 letters or more, one slip) or out of the order rigour's phrases expect.
LEGAL_WORDS = frozenset(
    [
        "company", "limited", "liability", "joint", "stock", "corporation", "incorporated", "partnership",
        "obshchestvo", "obshestvo", "obschestvo", "ogranichennoi", "ogranichennoy", "otvetstvennostyu",
        "otvetstvennostiu", "aktsionernoe", "aktsionernoye", "zakrytoe", "zakrytoye", "otkrytoe", "otkrytoye",
        "publichnoe", "publichnoye", "tovarystvo", "sociedad", "anonima", "responsabilidad", "limitada",
        "gesellschaft", "beschrankter", "beschraenkter", "haftung", "aktiengesellschaft", "societe", "anonyme",
        "societa", "responsabilita", "limitata", "sirketi", "kabushiki", "kaisha", "berhad", "bhd", "sdn",
        "gongsi", "youxian", "gufen",
    ]
)  # fmt: skip


@dataclass(frozen=True, slots=True, order=True)
class Word:
    """A token with what the comparison needs about it."""

    token: str
    weight: float
    skeleton: str
    folded: str
    symbols: frozenset[str]
    legal: bool
    near_legal: bool  # one slip from a legal word: legal when it stands beside one


def fold(token: str) -> str:
    """A token with its romanisation variants folded: "pouya" and "puia", "vlasoff" and "vlasov"."""
    folded = token
    for pattern, replacement in _FOLD_RULES:
        folded = pattern.sub(replacement, folded)
    return folded


def skeleton(token: str, folded: str | None = None) -> str:
    """The folded token (``fold``, or ``folded`` when known) without its later vowels:
    "tsunaeva"/"tsunayeva", "mohammed"/"muhammad".

    Keys shorter than three letters are too common to mean anything: "".
    """
    if not token.isalpha() or len(token) < 4:
        return ""
    folded = folded or fold(token)
    key = folded[0] + "".join(c for c in folded[1:] if c not in "aeiou")
    return key if len(key) >= 3 else ""


def legal_words(token: str) -> tuple[bool, bool]:
    """Whether ``token`` is a legal-form word allowing one slip from 6 letters (legal), and from 4
    letters (near legal): one search of the legal words for both."""
    if token in LEGAL_WORDS:
        return True, True
    if len(token) < 4:
        return False, False
    slip = process.extractOne(token, LEGAL_WORDS, scorer=OSA.distance, score_cutoff=1) is not None
    return slip and len(token) >= 6, slip


def _weight(token: str, symbols: frozenset[str], generic: bool) -> float:
    if token.isdigit():
        return 1.0
    if token in PARTICLES:
        return PARTICLE_WEIGHT
    if len(token) == 1:
        return INITIAL_WEIGHT
    if generic:
        return GENERIC_WEIGHT
    return 1.0


@lru_cache(maxsize=100_000)
def _symbols(word: str) -> tuple[frozenset[str], bool]:
    """Rigour's organisation symbols for one word (abbreviation and synonym groups), and if it is generic.

    Only the organisation tagger is used: the person tagger (given names across scripts) takes
    about 12 s to load in each process, too long for a command-line screening. Romanisation
    variants of given names are caught by the skeleton instead.
    """
    found: set[str] = set()
    for name in analyze_names(NameTypeTag.ORG, [word], phonetics=False, consolidate=False, numerics=False):
        for span in name.spans:
            if span.symbol.category in _GENERIC_CATEGORIES:
                found.add(f"S:{span.symbol.id}")
    return frozenset(found), bool(found)


def _token(token: str, symbols: frozenset[str], generic: bool) -> Word:
    token = ARTICLES.get(token, token)
    folded = fold(token) if token.isalpha() and len(token) >= 2 else ""
    legal, near = legal_words(token)
    return Word(token, _weight(token, symbols, generic), skeleton(token, folded), folded, symbols, legal, near)


@lru_cache(maxsize=200_000)
def word_info(word: str) -> tuple[Word, ...]:
    """The Latin tokens of one (casefolded) word: one, or several for a Chinese word in pinyin."""
    latin = ascii_text(word).lower()
    parts = [p for p in re.split(r"[^0-9a-z]+", latin) if p]
    if not parts:
        return ()
    if len(parts) == 1:
        symbols, generic = _symbols(word)
        if not symbols and parts[0] != word:
            symbols, generic = _symbols(parts[0])
        return (_token(parts[0], symbols, generic),)
    return tuple(_token(part, *_symbols(part)) for part in parts)
