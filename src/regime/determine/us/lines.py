"""A CCL entry's licence-requirement lines, parsed, and whether one reaches a class.

Lines come from the list snapshot (dated: the requirement in force on the transaction's date);
an ECCN the list does not hold yet falls back to the eCFR compilation (``ccl.json``), and the
trace says so. Each line's reason and paragraphs are read by the country package's control
parser, its destinations by the scope parser. A line reaches a class when the class lies within
one of its paragraphs; lines for software and technology name what it is *for*, and reach it
when one of those classes does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from regime.countries import us_control_lines
from regime.countries.control import Control, Parse, parse_control
from regime.countries.destinations import Destinations
from regime.countries.scope import Scope
from regime.lists.compiled import CompiledList
from regime.lists.numbering import parse_ref

Answer = tuple[bool | None, str]
_APPLIES = re.compile(r"^\s*\S+\s+(?:applies|apply)\s+(?:to\s+)?", re.IGNORECASE)
_SUBJECT = re.compile(
    r"^[“\"']?(?:software|technology)[”\"']?\s+(?:for|in|required)\b"
    r"|^(?:items|commodities|equipment)\s+(?:controlled|specified)\s+(?:by|in)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """One reason for control of one ECCN and where it reaches."""

    eccn: str
    reason: str
    applies_to: str
    scope: Scope
    entire: bool
    own: tuple[str, ...]
    subject: tuple[str, ...]
    excepted: tuple[str, ...]
    conditions: tuple[str, ...]
    source: str

    @property
    def label(self) -> str:
        """``RS applies to 3A090.a``."""
        return self.applies_to


def entry_lines(clist: CompiledList, eccn: str, destinations: Destinations) -> tuple[tuple[Line, ...], str]:
    """The lines of ``eccn`` and where they came from (the list version, or the eCFR compilation)."""
    entry = clist.snapshot.entries.get(eccn)
    if entry is not None:
        found = []
        for control in entry.controls:
            paragraphs = tuple(f"{eccn}.{p}" if p else eccn for p in control.paragraphs)
            parsed = parse_control(control.applies_to, eccn, control.scope)
            scope = destinations.scope(control.scope, control.reason)
            line = _line(eccn, control.reason, control.applies_to, parsed, scope, paragraphs, "list")
            if control.paragraphs_unparsed and not line.conditions:
                line = replace(line, conditions=(control.applies_to,))
            found.append(line)
        since = clist.snapshot.as_of
        return tuple(found), clist.snapshot.id + (f", text in force from {since}" if since.year > 1900 else "")
    compiled = us_control_lines().get(eccn)
    if compiled is None:
        return (), "no entry"
    lines = tuple(
        _line(eccn, cl.control.reason or "?", cl.control.raw, cl.control, cl.scope, (), "ccl.json") for cl in compiled
    )
    return lines, "the eCFR compilation of 2026-07-23 (ccl.json); the entry is not in the list yet"


def _line(
    eccn: str, reason: str, text: str, parsed: Control, scope: Scope, paragraphs: tuple[str, ...], source: str
) -> Line:
    refs = paragraphs or parsed.paragraphs
    own = tuple(r for r in refs if r == eccn or r.startswith(eccn + "."))
    subject = tuple(r for r in refs if r not in own)
    if subject and not _SUBJECT.match(_APPLIES.sub("", text, count=1)):
        subject = ()  # references met in prose ("UAVs that meet 9A120") are not what the item is for
    entire = parsed.entire_entry and not paragraphs
    conditions = parsed.conditions if parsed.status is Parse.PARTIAL else ()
    if parsed.status is Parse.NONE:
        conditions = (text,)
    return Line(eccn, reason, text, scope, entire, own, subject, parsed.except_paragraphs, conditions, source)


def within(ref: str, pattern: str) -> bool:
    """``3A090.a.1`` lies within ``3A090.a`` and within ``3A090``."""
    return ref == pattern or ref.startswith(pattern + ".")


def reaches(line: Line, ref: str, for_classes: tuple[str, ...] | None) -> Answer:
    """Whether ``line`` reaches the class ``ref``: True, False, or None with what is missing."""
    if any(within(ref, x) for x in line.excepted):
        return False, f"{ref} is excepted from the line"
    if line.entire:
        return True, "the line applies to the entire entry"
    if line.own:
        if any(within(ref, p) for p in line.own):
            return True, f"{ref} lies within {', '.join(p for p in line.own if within(ref, p))}"
        below = [p for p in line.own if within(p, ref) and p != ref]
        if below:
            return (
                None,
                f"classification of the item to paragraph level ({ref} given; the line names {', '.join(below)})",
            )
        return False, f"the line names {', '.join(line.own)}"
    if line.subject:
        if for_classes is None:
            return None, f"what the {_kind(ref)} is for (the line reaches {_kind(ref)} for {', '.join(line.subject)})"
        hit = [f for f in for_classes if any(within(f, s) or within(s, f) for s in line.subject)]
        if hit:
            return True, f"it is for {', '.join(hit)}, within {', '.join(line.subject)}"
        return False, f"it is for {', '.join(for_classes) or 'no listed item'}, not {', '.join(line.subject)}"
    return None, f"a reading of the line's text ({line.applies_to!r})"


def _kind(ref: str) -> str:
    group = parse_ref(ref).group if ref[:1].isdigit() else "A"
    return {"D": "software", "E": "technology"}.get(group, "item")


_QUALIFIER = re.compile(r"^\s*(?:\(|when\b|if\b|except\b|unless\b|that\b|which\b|being\b)", re.IGNORECASE)
_TRAILING = re.compile(r"\b(?:except|when|if|unless|being|that|which)\b", re.IGNORECASE)
_ANY_REF = re.compile(r"\d[A-E]\d{3}(?:\.[a-z0-9]+)*|(?<![\w.])[a-z]\.\d+(?:\.[a-z])?(?![\w])")


def conditions_for(line: Line, ref: str, for_classes: tuple[str, ...] | None) -> tuple[str, ...]:
    """The line's prose conditions that bear on the paragraph that matched ``ref`` (none if it is named plainly).

    A condition bears on a paragraph written with a qualifier right after it ("3A001.a.1.a when usable
    in missiles", "3B001 (except as noted)") or when a trailing clause qualifies the whole list
    ("..., except those being exported for civil telecommunications").
    """
    if not line.conditions:
        return ()
    if line.entire:
        return line.conditions
    targets = (ref, *(for_classes or ()))
    named = [p for p in line.own + line.subject if any(within(t, p) or within(p, t) for t in targets)]
    text = line.applies_to
    refs = list(_ANY_REF.finditer(text))
    if not named or not refs:
        return line.conditions
    if _TRAILING.search(text[refs[-1].end() :]):
        return line.conditions
    for pattern in named:
        forms = [pattern, pattern.split(".", 1)[1]] if "." in pattern else [pattern]
        ends = [m.end() for form in forms for m in re.finditer(re.escape(form) + r"(?![\w.])", text)]
        if not ends:
            return line.conditions
        following = re.split(r"[,;]", text[min(ends) : min(ends) + 120], maxsplit=1)[0]
        if _QUALIFIER.match(following):
            return line.conditions
    return ()
