"""An ECCN's "List Based License Exceptions" text read into limits: "LVS: $500", "GBS: Yes, except .f".

The CCL writes each exception's availability in prose: a value limit (``$5000``), paragraphs it
covers (``Yes for 3A001.a.1.b, a.2 to a.14``), paragraphs and reasons it excludes (``N/A for MT``,
``except 3B001.a.4, c, d``) and qualifiers it cannot be read past (``for "components"``). What the
reader cannot resolve is kept as a condition the exporter must check, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regime.countries.control import REASONS
from regime.countries.paragraphs import find_refs, parse_refs, tidy

_NA = re.compile(r"^\s*N/?A\.?\s*$", re.IGNORECASE)
_VALUE = re.compile(r"\$\s?([\d,]+)")
_VALUE_FOR = re.compile(r"\$\s?[\d,]+\s+for\s+([^,;.]+)")
_PARENS = re.compile(r"\([^()]*\)")
_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": ""})
_CLAUSES = re.compile(r";\s*|(?<=[a-z0-9)])\.\s+(?=[A-Z])")
_EXCLUDE = re.compile(r"\b(?:N/A for|except(?: for)?)\s+(?:and\s+)?", re.IGNORECASE)
_ONLY = re.compile(r"^\s*(?:Yes)?\s*[,:]?\s*for\s+", re.IGNORECASE)
_REASON_LIST = re.compile(r"\bN/A for ((?:[A-Z]{2}\b(?:\s*(?:,|and)\s*)?)+)")


@dataclass(frozen=True, slots=True)
class Flag:
    """What an exception's entry text allows."""

    text: str
    available: bool
    value_limit: float | None = None
    only: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    excluded_reasons: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()


def read_flag(text: str, eccn: str) -> Flag:
    """Read one exception's text for ``eccn``."""
    clean = text.translate(_QUOTES).strip()
    if _NA.match(clean):
        return Flag(text, False)
    value = _VALUE.search(clean)
    limit = float(value.group(1).replace(",", "")) if value else None
    reasons: list[str] = []
    for match in _REASON_LIST.finditer(clean):
        reasons += [r for r in re.findall(r"[A-Z]{2}", match.group(1)) if r in REASONS]
    found: dict[str, list[str]] = {"only": [], "exclude": []}
    qualifiers: list[str] = []
    mode: str | None = None
    for raw in _CLAUSES.split(clean):
        body = tidy(_PARENS.sub("", raw).strip(" .,"))
        keyword = _EXCLUDE.search(body)
        start = _ONLY.match(body)
        if keyword:
            mode, rest = "exclude", body[keyword.end() :]
        elif start:
            mode, rest = "only", body[start.end() :]
        else:
            rest = body
        refs = _refs(rest, eccn) if mode else []
        if mode:
            found[mode] += refs
        if start and not refs:
            qualifiers.append(body)
        if mode == "only":
            qualifiers += [q.strip("() ") for q in _PARENS.findall(raw) if len(q.split()) >= 3]
    qualifiers += [f"the value limit is for {m.group(1).strip()}" for m in _VALUE_FOR.finditer(clean)]
    only, excluded = tuple(dict.fromkeys(found["only"])), tuple(dict.fromkeys(found["exclude"]))
    return Flag(text, True, limit, only, excluded, tuple(dict.fromkeys(reasons)), tuple(qualifiers))


def _refs(text: str, eccn: str) -> list[str]:
    """References in ``text``: bare ones at its start (``a.3, c.1.a``), and every ECCN-prefixed one."""
    leading = parse_refs(text.lstrip(), eccn).refs if text.lstrip()[:1] in "abcdefghijklmnopqrstuvwxyz." else []
    return list(dict.fromkeys(leading + find_refs(text, eccn)))
