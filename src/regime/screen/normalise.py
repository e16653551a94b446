"""Names to comparable forms: script, case, punctuation, legal forms, token order and initials.

A ``NameForm`` is what every comparison reads. It is built by the OpenSanctions libraries:
rigour tokenises (any script, punctuation dropped), finds legal forms in any language and
script (``ООО``, ``GmbH``, "Limited Liability Company", ``S.A. de C.V.`` -> one generic form),
transliterates to Latin (Cyrillic, Chinese pinyin, Arabic) and tags each word with its
symbols (abbreviations and synonyms such as ``intl``/"international" or ``zavod``/"plant",
and cross-script given names). What the field needs beyond them is small and listed here:
legal-form words rigour treats as ordinary words ("Co.", "Corp."), Chinese legal forms,
light stop-words, and a transliteration skeleton (``words.py``).

Tokens are sorted, so two spellings in a different order give the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rigour.names import extract_org_types, remove_org_types, tokenize_name

from regime.screen.words import INITIAL_WEIGHT, Word, word_info

# Legal-form words that rigour's table leaves as ordinary words, by the generic form we give them.
EXTRA_LEGAL: dict[str, str] = {
    "co": "co",
    "company": "co",
    "corp": "co",
    "corporation": "co",
    "pvt": "pvt",
    "pte": "pvt",
    "private": "pvt",
    "pty": "pvt",
    "limited": "llc",
    "ltd": "llc",
    "inc": "llc",
    "llc": "llc",
    "spzoo": "llc",
}
LEGAL_QUALIFIERS = frozenset({"open", "closed", "public", "private", "non", "nonpublic"})
# Chinese legal forms, replaced before transliteration (rigour has no Chinese entries).
CHINESE_LEGAL: tuple[tuple[str, str], ...] = (
    ("股份有限公司", " jsc "),
    ("有限责任公司", " llc "),
    ("有限公司", " llc "),
    ("公司", " co "),
)
# The same legal forms written in pinyin, and Polish "sp. z o.o.", as token runs.
PINYIN_LEGAL: tuple[tuple[tuple[str, ...], str], ...] = (
    (("gufen", "youxian", "gongsi"), "jsc"),
    (("gu", "fen", "you", "xian", "gong", "si"), "jsc"),
    (("youxian", "zeren", "gongsi"), "llc"),
    (("you", "xian", "ze", "ren", "gong", "si"), "llc"),
    (("youxian", "gongsi"), "llc"),
    (("you", "xian", "gong", "si"), "llc"),
    (("gongsi",), "co"),
    (("gong", "si"), "co"),
    (("sp", "z", "o", "o"), "llc"),
    (("sp", "z", "oo"), "llc"),
)
_PINYIN_STARTS = frozenset(run[0] for run, _ in PINYIN_LEGAL)
_DOTTED_LETTER = re.compile(r"(?<![^\W\d_])([^\W\d_])\.")
_DOTTED_INITIALS = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]\.\s*){2,}")


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name ready to compare: sorted core tokens with their weights, keys and symbols."""

    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    skeletons: tuple[str, ...]
    folded: tuple[str, ...]
    symbols: tuple[frozenset[str], ...]
    legal: tuple[str, ...]
    total: float  # the sum of the weights, the denominator of every coverage

    @property
    def organisation(self) -> bool:
        """Whether the name carries a legal form."""
        return bool(self.legal)

    @property
    def key(self) -> str:
        """The sorted core tokens joined by spaces: equal keys compare as identical names."""
        return " ".join(self.tokens)


def _split_legal(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Remove the legal forms rigour leaves in (``EXTRA_LEGAL``, pinyin, Polish, legal words)."""
    legal: list[str] = []
    tokens = [w.token for w in words]
    for run, form in PINYIN_LEGAL if not _PINYIN_STARTS.isdisjoint(tokens) else ():
        size = len(run)
        i = 0
        while i + size <= len(tokens):
            if tuple(tokens[i : i + size]) == run:
                legal.append(form)
                del tokens[i : i + size], words[i : i + size]
            else:
                i += 1
    flags = [w.token in EXTRA_LEGAL or w.legal for w in words]
    if not any(flags):  # nothing legal: no word stands beside one either
        return words, legal
    for _ in range(2):  # words beside legal words: qualifiers, near misses, lone letters ("s" in "o. s o. o.")
        for i, w in enumerate(words):
            beside = (i > 0 and flags[i - 1]) or (i + 1 < len(words) and flags[i + 1])
            if beside and (w.token in LEGAL_QUALIFIERS or w.near_legal or (len(w.token) == 1 and _between(flags, i))):
                flags[i] = True
    legal.extend(EXTRA_LEGAL.get(w.token, "legal") for w, flag in zip(words, flags, strict=True) if flag)
    return [w for w, flag in zip(words, flags, strict=True) if not flag], legal


def _between(flags: list[bool], i: int) -> bool:
    return 0 < i < len(flags) - 1 and flags[i - 1] and flags[i + 1]


def _initial_runs(text: str) -> dict[str, list[str]]:
    """Dotted initials ("v.v.") that tokenising would glue into one word, mapped to their letters."""
    runs: dict[str, list[str]] = {}
    for match in _DOTTED_INITIALS.finditer(text):
        letters = [c for c in match.group(0) if c.isalpha()]
        runs["".join(letters)] = letters
    return runs


def _dotted_letters(text: str) -> set[str]:
    """Single letters written with a dot ("I. Kamara"): initials, whatever else the letter may be."""
    return {match.group(1) for match in _DOTTED_LETTER.finditer(text) if match.group(1).isascii()}


def _words(text: str, initials: dict[str, list[str]]) -> list[Word]:
    return [part for word in text.split() for piece in initials.get(word, [word]) for part in word_info(piece)]


@lru_cache(maxsize=200_000)
def name_form(text: str, keep_legal: bool = False) -> NameForm:
    """The comparable form of one name string (cached: list names and customers repeat).

    ``keep_legal`` keeps legal-form words as name words: a person's name is never a company's,
    and "PAO" or "AG" in "PAO, Yu Hsiang" is a family name, not a legal form.
    """
    folded = text.casefold()
    for chinese, form in () if folded.isascii() else CHINESE_LEGAL:
        folded = folded.replace(chinese, form)
    joined = " ".join(tokenize_name(folded))
    dots = "." in folded
    initials = _initial_runs(folded) if dots else {}
    if keep_legal:
        core, legal = _words(joined, initials), []
    else:
        legal = [target for _, target in extract_org_types(joined, generic=True)]
        rest = remove_org_types(joined) if legal else joined
        core, more = _split_legal(_words(rest, initials))
        legal += more
        if not core:  # a name that is nothing but legal words keeps them as its name
            core, legal = _words(joined, initials), []
    dotted = _dotted_letters(folded) if dots else set()
    if dotted:  # "I." and "Y." are initials, not the particles "i" and "y"
        core = [
            replace(w, weight=INITIAL_WEIGHT) if w.token in dotted and w.weight < INITIAL_WEIGHT else w for w in core
        ]
    parts = sorted(core, key=lambda word: (word.token, word.weight))
    weights = tuple(p.weight for p in parts)
    return NameForm(
        text=text,
        tokens=tuple(p.token for p in parts),
        weights=weights,
        skeletons=tuple(p.skeleton for p in parts),
        folded=tuple(p.folded for p in parts),
        symbols=tuple(p.symbols for p in parts),
        legal=tuple(sorted(set(legal))),
        total=sum(weights),
    )
