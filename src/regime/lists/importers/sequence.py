"""Paragraph-number arithmetic: which ids may follow a paragraph, and what a range expands to.

Levels alternate letters and numbers (``a``, ``a.1``, ``a.1.b``, ``a.1.b.2``). After paragraph
``a.1.b`` the list goes on with its first child ``a.1.b.1`` or the next sibling of it or of an
ancestor (``a.1.c``, ``a.2``, ``b``): those are its ``continuations``. ``follows`` is more lenient,
because the source drops ids now and then: any later id hanging from ``last`` or an ancestor.
"""

from __future__ import annotations

import re

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PART = re.compile(r"^(?:[a-z]|\d{1,2})$")


def _letter_level(level: int, letters_first: bool = True) -> bool:
    return (level % 2 == 0) == letters_first


def _first(level: int, letters_first: bool = True) -> str:
    return "a" if _letter_level(level, letters_first) else "1"


def _next(part: str) -> str | None:
    if part.isdigit():
        return str(int(part) + 1)
    index = _LETTERS.find(part)
    return _LETTERS[index + 1] if 0 <= index < len(_LETTERS) - 1 else None


def well_formed(paragraph: str, letters_first: bool = True, *, strict: bool = True) -> bool:
    """True when every part is a letter or number of the kind its level takes (``a.1.b``, not ``a.b``).

    ``strict=False`` accepts either kind below the first level (the source has ``f.2.1`` for ``f.2.a``).
    """
    parts = paragraph.split(".")
    return all(
        _PART.match(part) and (part.isalpha() == _letter_level(level, letters_first) or (level and not strict))
        for level, part in enumerate(parts)
    )


def continuations(last: str, letters_first: bool = True) -> tuple[str, ...]:
    """The ids that may follow ``last`` (the first child, then next siblings going up); ``""`` = nothing yet.

    Paragraphs number ``a``, ``a.1``; numbered notes (``letters_first=False``) number ``1``, ``1.a``.
    """
    if not last:
        return (_first(0, letters_first),)
    parts = last.split(".")
    found = [f"{last}.{_first(len(parts), letters_first)}"]
    for depth in range(len(parts), 0, -1):
        following = _next(parts[depth - 1])
        if following is not None:
            found.append(".".join([*parts[: depth - 1], following]))
    return tuple(found)


def follows(candidate: str, last: str, placed: frozenset[str] = frozenset()) -> bool:
    """True when ``candidate`` may come after ``last``: later in order, hanging from ``last`` or an ancestor.

    Gaps are allowed (the source sometimes leaves out a paragraph), and so is a missing parent
    (``z.1.a`` straight after ``z``) as long as the parent is not one already ``placed``.
    """
    if sort_key(candidate) <= sort_key(last):
        return False
    ancestors = {".".join(last.split(".")[:n]) for n in range(len(last.split(".")) + 1)} if last else {""}
    parent = parent_of(candidate)
    while parent not in ancestors:
        if parent in placed:
            return False
        parent = parent_of(parent)
    return True


def gap(candidate: str, last: str) -> bool:
    """True when ``candidate`` skips an id or a level the sequence after ``last`` would have had first."""
    return candidate not in continuations(last)


def parent_of(paragraph: str) -> str:
    """``a.1.b`` -> ``a.1``; ``a`` -> ``""``."""
    return paragraph.rpartition(".")[0]


def expand_range(first: str, last: str) -> list[str]:
    """``j`` .. ``y`` -> ``j, k, ... y``; ends that are not siblings in order give just ``[first]``."""
    head_a, _, low = first.rpartition(".")
    head_b, _, high = last.rpartition(".")
    if head_a != head_b or low.isdigit() != high.isdigit():
        return [first]
    if low.isdigit():
        span = [str(n) for n in range(int(low), int(high) + 1)]
    else:
        span = list(_LETTERS[_LETTERS.find(low) : _LETTERS.find(high) + 1])
    return [f"{head_a}.{part}" if head_a else part for part in span] or [first]


def sort_key(paragraph: str) -> tuple[tuple[int, int | str], ...]:
    """A key putting ``a.2`` before ``a.10`` and ``b`` after ``a.9.z``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in paragraph.split(".") if part)
