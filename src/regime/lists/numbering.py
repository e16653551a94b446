"""Entry and paragraph numbers: ECCN style ``3A090.a.1`` and Wassenaar style ``3.A.90.a.1.``.

Both are accepted and normalised to the ECCN form; a reference splits into the entry (``3A090``)
and its paragraph path (``a.1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regime.errors import InputError

_ECCN = re.compile(r"^(?P<cat>\d{1,2})(?P<group>[A-E])(?P<num>\d{3})(?:\.(?P<para>[A-Za-z0-9.]+?))?\.?$")
_WASSENAAR = re.compile(r"^(?P<cat>\d{1,2})\.(?P<group>[A-E])\.(?P<num>\d{1,3})\.?(?P<para>[A-Za-z0-9.]*?)\.?$")
_PARAGRAPH = re.compile(r"^[a-z]{1,2}(\.(\d{1,2}|[a-z]{1,2}))*$")


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to an entry or one of its paragraphs, in ECCN form."""

    entry: str
    paragraph: str = ""

    def __str__(self) -> str:
        return f"{self.entry}.{self.paragraph}" if self.paragraph else self.entry

    @property
    def category(self) -> str:
        """The category number (``3`` for ``3A090``, ``19`` for MTCR ``19A001``)."""
        return self.entry[:-4]

    @property
    def group(self) -> str:
        """The product group letter (``A`` for ``3A090``)."""
        return self.entry[-4]

    def within(self, other: Ref) -> bool:
        """True when this reference is ``other`` or lies below it (``3A090.a.1`` within ``3A090.a``)."""
        if self.entry != other.entry:
            return False
        if not other.paragraph:
            return True
        return self.paragraph == other.paragraph or self.paragraph.startswith(other.paragraph + ".")


def normalise_entry_id(text: str) -> str:
    """``3.A.90.`` or ``3a090`` -> ``3A090``; anything else is an input error."""
    ref = parse_ref(text)
    if ref.paragraph:
        raise InputError(f"expected an entry number, got the paragraph reference {text!r}")
    return ref.entry


def parse_ref(text: str) -> Ref:
    """Parse an ECCN-style or Wassenaar-style reference into entry and paragraph."""
    raw = text.strip()
    head = re.match(r"^\d{1,2}\.?[A-Ea-e]", raw)
    candidate = head.group().upper() + raw[head.end() :] if head else raw
    match = _ECCN.match(candidate) or _WASSENAAR.match(candidate)
    if match is None:
        raise InputError(f"expected a list reference such as '3A090.a.1' or '3.A.90.a.1.', got {text!r}")
    entry = f"{match['cat']}{match['group'].upper()}{int(match['num']):03d}"
    paragraph = (match["para"] or "").strip(".").lower()
    if paragraph and not _PARAGRAPH.match(paragraph):
        raise InputError(f"paragraph {paragraph!r} of {text!r} is not of the form 'a', 'a.1', 'a.1.b'")
    return Ref(entry, paragraph)


def parent_paragraph(paragraph: str) -> str:
    """``a.1.b`` -> ``a.1``; a top-level paragraph has the empty parent."""
    return paragraph.rsplit(".", 1)[0] if "." in paragraph else ""


def is_paragraph_id(text: str) -> bool:
    """True for well-formed paragraph paths (``a``, ``a.1``, ``z.1.a``)."""
    return bool(_PARAGRAPH.match(text))


def join_ref(entry: str, paragraph: str) -> str:
    """``3A090`` + ``a.1`` -> ``3A090.a.1``; an empty paragraph (an entry-level criterion) -> the entry."""
    return f"{entry}.{paragraph}" if paragraph else entry


def display_ref(ref: str, numbering: str) -> str:
    """A reference in the list's own numbering: ``1A001.a`` -> ``1.A.1.a.`` for Wassenaar-style lists."""
    if numbering != "wassenaar":
        return ref
    parsed = parse_ref(ref)
    head = f"{parsed.category}.{parsed.group}.{int(parsed.entry[-3:])}."
    return f"{head}{parsed.paragraph}." if parsed.paragraph else head
