"""Variants of a listed name that a screening system must still catch.

Each function takes a name (and a random generator) and returns a changed name, or None
when the change does not apply: typos, reordered tokens, dropped/changed/added legal forms,
transliterations (other romanisations, Cyrillic script), aliases, abbreviations and initials.
"""

from __future__ import annotations

import random
import re
import string

from regime.screen.normalise import name_form
from screen_names import ABBREVIATIONS, LEGAL, LEGAL_SWAPS

_WORD = re.compile(r"[A-Za-z]{5,}")
_CYRILLIC = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iy", "ий"), ("yy", "ый"), ("ey", "ей"),
    ("ay", "ай"), ("oy", "ой"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"),
    ("w", "в"), ("x", "кс"), ("j", "дж"), ("q", "к"),
]  # fmt: skip
_ROMANISATIONS = [
    ("yev", "ev"), ("iy", "y"), ("kh", "h"), ("ya", "ia"), ("yu", "iu"), ("ts", "tz"), ("ei", "ey"),
    ("ov ", "off "), ("mohammed", "muhammad"), ("muhammad", "mohamed"), ("mohammad", "mohamed"),
    ("abdul", "abdel"), ("hussein", "husayn"), ("hussain", "hussein"), ("ou", "u"), ("ee", "i"),
    ("zh", "j"), ("q", "k"), ("ch", "tch"), ("al-", "el-"),
]  # fmt: skip
CHINESE_COUNTRIES = {"CN", "HK", "TW", "MO"}
RUSSIAN_COUNTRIES = {"RU", "BY", "UA", "KZ"}


def typo(name: str, rng: random.Random) -> str | None:
    """One keyboard slip in a word of five letters or more: a letter dropped, doubled, swapped or changed."""
    words = list(_WORD.finditer(name))
    if not words:
        return None
    word = rng.choice(words)
    text, pos = word.group(0), rng.randrange(1, len(word.group(0)) - 1)
    kind = rng.choice(("drop", "double", "swap", "change"))
    if kind == "drop":
        new = text[:pos] + text[pos + 1 :]
    elif kind == "double":
        new = text[:pos] + text[pos] + text[pos:]
    elif kind == "swap":
        new = text[: pos - 1] + text[pos] + text[pos - 1] + text[pos + 1 :]
    else:
        letter = rng.choice(string.ascii_lowercase)
        new = text[:pos] + (letter.upper() if text[pos].isupper() else letter) + text[pos + 1 :]
    return name[: word.start()] + new + name[word.end() :] if new != text else None


def _legal_edge(name: str) -> tuple[str, str, bool] | None:
    """(core, legal form, at the end?) when the name starts or ends with a known legal form."""
    lowered = name.lower().rstrip(" .,")
    for form in sorted(LEGAL_SWAPS, key=len, reverse=True):
        if lowered.endswith(" " + form):
            return (
                name[: len(lowered) - len(form) - 1].rstrip(" ,"),
                name[len(lowered) - len(form) : len(lowered)],
                True,
            )
        if lowered.startswith(form + " "):
            return name[len(form) + 1 :], name[: len(form)], False
    return None


def reorder(name: str, rng: random.Random) -> str | None:
    """Tokens in another order: "LAST, First" as "First Last", a legal form moved, or words rotated."""
    if "," in name and name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            return f"{first} {last}"
    edge = _legal_edge(name)
    if edge:
        core, form, at_end = edge
        return f"{form} {core}" if at_end else f"{core} {form}"
    words = name.split()
    if len(words) < 2:
        return None
    shift = rng.randrange(1, len(words))
    return " ".join(words[shift:] + words[:shift])


def legal_form(name: str, rng: random.Random) -> str | None:
    """The legal form dropped, written another way, or (where there is none) added."""
    edge = _legal_edge(name)
    if edge is None:
        return f"{name.rstrip(' ,')} {rng.choice(LEGAL)}"
    core, form, at_end = edge
    if rng.random() < 0.35:
        return core
    swap = rng.choice(LEGAL_SWAPS[form.lower()])
    return f"{core} {swap}" if at_end else f"{swap} {core}"


def transliterate(name: str, countries: tuple[str, ...], person: bool, rng: random.Random) -> str | None:
    """Another romanisation; a Russian-area person's name in Cyrillic; Chinese syllables run together."""
    lowered = name.lower()
    area = set(countries)
    if person and area & RUSSIAN_COUNTRIES and name.isascii() and rng.random() < 0.5:
        for latin, cyrillic in _CYRILLIC:
            lowered = lowered.replace(latin, cyrillic)
        return lowered
    words = name.replace(",", " ").split()
    if person and area & CHINESE_COUNTRIES and len(words) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(words) - 1)
        return " ".join([*words[:i], words[i] + words[i + 1].lower(), *words[i + 2 :]])
    padded = lowered.replace(",", " ,") + " "
    rules = [(a, b) for a, b in _ROMANISATIONS if a in padded]
    if not rules:
        return None
    for a, b in rng.sample(rules, k=min(2, len(rules))):
        padded = padded.replace(a, b, 1)
    changed = padded.replace(" ,", ",").strip()
    return changed.title() if changed != lowered.strip() else None


def abbreviate(name: str, rng: random.Random, person: bool) -> str | None:
    """Company words abbreviated ("International" -> "Intl"), or a person's given names cut to initials."""
    if person:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and parts[1]:
            given = " ".join(f"{g[0]}." for g in parts[1].split() if g)
            return f"{given} {parts[0]}"
        words = name.split()
        if len(words) < 2:
            return None
        return " ".join(f"{w[0]}." for w in words[:-1]) + " " + words[-1]
    words = name.split()
    hits = [i for i, w in enumerate(words) if w.lower().strip(",.") in ABBREVIATIONS]
    if not hits:
        return None
    for i in rng.sample(hits, k=max(1, len(hits) // 2 + 1) if len(hits) > 1 else 1):
        words[i] = ABBREVIATIONS[words[i].lower().strip(",.")]
    return " ".join(words)


EXTRA_WORDS = ["Branch", "Shenzhen Branch", "Dubai Office", "Group", "Holding", "International", "Europe", "Trading"]


def drop_word(name: str, rng: random.Random, person: bool) -> str | None:
    """One word left out: a person's middle name, or an inner word of a longer company name."""
    if person and "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        words = given.split()
        if len(words) < 2:
            return None
        del words[rng.randrange(1, len(words))]
        return f"{family}, {' '.join(words)}"
    words = name.split()
    inner = [i for i, w in enumerate(words[1:-1], start=1) if len(w) > 3 and w.isalpha()]
    if len(words) < 4 or not inner:
        return None
    del words[rng.choice(inner)]
    return " ".join(words)


def add_word(name: str, rng: random.Random, person: bool, given: list[str]) -> str | None:
    """One word more: a second given name for a person, a branch or city for a company.

    Not to a one-word name: "Olivia" with a word added is another name, not the vessel OLIVIA.
    """
    if len(name_form(name).tokens) < 2:
        return None
    if person and "," in name:
        return f"{name} {rng.choice(given)}"
    if person:
        return None
    return f"{name} {rng.choice(EXTRA_WORDS)}"
