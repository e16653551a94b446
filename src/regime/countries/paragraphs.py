"""Paragraph references as the CCL writes them, expanded: "3B001.a.4, c, k to n" -> 3B001.a.4, 3B001.c ...

A list reads left to right. A bare reference takes its ECCN from the one before it (or from the
entry's own ECCN): "c" is a top-level paragraph, ".16" after "1C351.d.15" is its sibling "d.16".
Ranges ("k to n", "f.2 to f.4", "9E003.a.1 through a.8", "1B115 to 1B119") are expanded when
their ends differ only in the last letter or number; otherwise the range is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ECCN = r"\d[A-E]\d{3}"
_PATH = r"(?:[a-z]|\d+)(?:\.(?:[a-z]|\d+))*"
_ITEM = re.compile(rf"(?:ECCNs?\s+)?(?:(?P<eccn>{_ECCN})(?:\.(?P<tail>{_PATH}))?|\.?(?P<bare>{_PATH}))(?![\w“”])")
_SEPARATOR = re.compile(r"\s*(?:,\s*and|,\s*or|;\s*and|,|;|\band|\bor)\s+|\s*,\s*")
_RANGE = re.compile(r"\s+(?:to|through)\s+")
_EXCEPT = re.compile(r"\s*\(except\s+")
_SPACED_DOT = re.compile(r"(?<=[\w])\.\s+(?=(?:[a-z]|\d+)(?:\.|\b))(?!and\b|or\b|to\b)")
_SPACE_BEFORE_DOT = re.compile(rf"({_ECCN})\s+\.(?=[a-z0-9])")


def tidy(text: str) -> str:
    """Undo the source's stray spaces and typos inside references ("8A620. b", "9A004 .g", ".and")."""
    text = text.replace(" .and ", " and ")
    text = _SPACE_BEFORE_DOT.sub(r"\1.", text)
    return _SPACED_DOT.sub(".", text)


@dataclass
class RefList:
    """What a reference list parsed into, and the text after it that it could not read."""

    refs: list[str] = field(default_factory=list)
    excepted: list[str] = field(default_factory=list)
    rest: str = ""


def parse_refs(text: str, eccn: str | None, start: int = 0) -> RefList:
    """Read a reference list from ``text[start:]``; stop at the first word that is not part of one."""
    found = RefList()
    last = eccn
    pos = start
    while True:
        item = _ITEM.match(text, pos)
        if item is None or (item["bare"] is not None and last is None):
            break
        ref = _absolute(item, last)
        pos = item.end()
        span = _RANGE.match(text, pos)
        end = _ITEM.match(text, span.end()) if span else None
        if span and end:
            first, ref = ref, _absolute(end, ref)
            found.refs.extend(_expand(first, ref))
            pos = end.end()
        else:
            found.refs.append(ref)
        last = ref
        excepted = _EXCEPT.match(text, pos)
        if excepted:
            inner = parse_refs(text, ref, excepted.end())
            if not inner.rest.startswith(")"):
                break
            found.excepted.extend(inner.refs)
            pos = len(text) - len(inner.rest) + 1
        separator = _SEPARATOR.match(text, pos)
        if separator is None or _ITEM.match(text, separator.end()) is None:
            break
        pos = separator.end()
    found.rest = text[pos:]
    return found


def _absolute(item: re.Match[str], last: str | None) -> str:
    if item["eccn"]:
        return f"{item['eccn']}.{item['tail']}" if item["tail"] else item["eccn"]
    assert last is not None
    bare: str = item["bare"]
    base, _, path = last.partition(".")
    if bare[0].isdigit() and path:
        parent = path.rsplit(".", 1)[0] if "." in path else ""
        return f"{base}.{parent}.{bare}" if parent else f"{base}.{bare}"
    return f"{base}.{bare}"


def _expand(first: str, last: str) -> list[str]:
    head_a, _, low = first.rpartition(".")
    head_b, _, high = last.rpartition(".")
    if not head_a and not head_b and first[:2] == last[:2]:
        head_a, low, head_b, high = first[:2], first[2:], last[:2], last[2:]
        if low.isdigit() and high.isdigit() and int(low) < int(high):
            return [f"{head_a}{n:03d}" for n in range(int(low), int(high) + 1)]
        return [f"{first} to {last}"]
    if head_a != head_b:
        return [f"{first} to {last}"]
    if low.isdigit() and high.isdigit() and int(low) < int(high):
        return [f"{head_a}.{n}" for n in range(int(low), int(high) + 1)]
    if len(low) == len(high) == 1 and low.isalpha() and high.isalpha() and low < high:
        return [f"{head_a}.{chr(c)}" for c in range(ord(low), ord(high) + 1)]
    return [f"{first} to {last}"]


def find_refs(text: str, eccn: str | None) -> list[str]:
    """Every reference anywhere in prose, for text the list grammar cannot read whole."""
    found: list[str] = []
    for match in re.finditer(_ECCN, text):
        found.extend(parse_refs(text, eccn, match.start()).refs)
    return list(dict.fromkeys(found))
