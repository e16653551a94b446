"""The ``control`` half of a CCL licence-requirement line: reason for control and the paragraphs it covers.

"RS applies to 3B001.a.4, c, k to n" -> reason RS, paragraphs 3B001.a.4, 3B001.c, 3B001.k ... 3B001.n.
"NS applies to entire entry, except 0A606.b and .y" -> the whole entry minus two paragraphs.
"RS applies to “software” for commodities controlled by 4A090.a" -> paragraphs of the items the
software is for, with that relation kept in ``subject``. Prose the grammar cannot read whole is
kept as a condition needing judgement, with whatever references it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from regime.countries.paragraphs import find_refs, parse_refs, tidy

REASONS: dict[str, str] = {
    "NS": "National security",
    "RS": "Regional stability",
    "AT": "Anti-terrorism",
    "EI": "Encryption items",
    "MT": "Missile technology",
    "NP": "Nuclear nonproliferation",
    "CB": "Chemical and biological weapons",
    "CC": "Crime control",
    "FC": "Firearms convention",
    "SL": "Surreptitious listening",
    "UN": "United Nations embargo",
    "CW": "Chemical Weapons Convention",
    "SI": "Significant items",
    "SS": "Short supply",
    "FP": "Foreign policy: Russian industry sector sanctions (§ 746.5)",
}


class Parse(StrEnum):
    """How much of a text the parser read: all of it, some (prose kept), or none."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class Control(BaseModel):
    """A parsed control text; ``raw`` is always the text as the CCL writes it."""

    model_config = ConfigDict(frozen=True)

    raw: str
    reason: str | None
    entire_entry: bool = False
    paragraphs: tuple[str, ...] = ()
    except_paragraphs: tuple[str, ...] = ()
    subject: str | None = None
    conditions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    status: Parse

    @property
    def reason_label(self) -> str | None:
        """The reason's name ("Regional stability")."""
        return REASONS.get(self.reason) if self.reason else None


_HEAD = re.compile(
    r"^(?P<reason>[A-Z]{2}|Russian industry sector sanctions?)\s+(?:applies|apply)\b"
    r"(?:\s+to\b)?\s*(?P<tail>.*)$",
    re.DOTALL,
)
_ENTIRE = re.compile(r"^(?:the\s+)?entire entry\b\.?")
_EXCEPT = re.compile(r"^,?\s*except:?\s+")
_PARAGRAPHS = re.compile(r"^paragraphs?\s+")
_SUBJECT = re.compile(
    r"^(?P<subject>(?:“?(?:software|technology)”?\s+)?(?:(?:for|in)\s+)?"
    r"(?:(?:items|commodities|equipment|commodities (?:and|or) “?software”?)\s+)?"
    r"(?:controlled\s+)?(?:by|in|under))\s+",
    re.IGNORECASE,
)
_DONE = re.compile(r"^(?:\s+only|\s+of this entry|\s+for [A-Z]{2} reasons|\s*\.)*\s*$")
_ECHOED_COLUMN = re.compile(r"\s+[A-Z]{2} Column \d\.?$")
_SENTENCE_END = re.compile(r"(?<=[a-z)”])\.\s+(?=[A-Z])")


def parse_control(raw: str, eccn: str | None = None, scope_text: str = "") -> Control:
    """Read one control text; ``eccn`` resolves bare references, ``scope_text`` detects echoes of it."""
    head = _HEAD.match(raw.strip())
    if head is None:
        return Control(raw=raw, reason=None, conditions=(raw,), status=Parse.NONE)
    reason = "FP" if head["reason"].startswith("Russian") else head["reason"]
    tail, notes = head["tail"], []
    echo = _ECHOED_COLUMN.search(tail)
    if echo:
        notes.append(f"repeats the chart column: {echo.group().strip()}")
        tail = tail[: echo.start()]
    first, *others = _SENTENCE_END.split(tail, maxsplit=1)
    body = _body(tidy(first), eccn)
    for sentence in others:
        (notes if sentence.strip(" .") in scope_text else body.conditions).append(sentence)
    return Control(
        raw=raw,
        reason=reason,
        entire_entry=body.entire_entry,
        paragraphs=tuple(body.paragraphs),
        except_paragraphs=tuple(body.excepted),
        subject=body.subject,
        conditions=tuple(body.conditions),
        notes=tuple(notes),
        status=Parse.PARTIAL if body.conditions else Parse.FULL,
    )


@dataclass
class _Body:
    entire_entry: bool = False
    paragraphs: list[str] = field(default_factory=list)
    excepted: list[str] = field(default_factory=list)
    subject: str | None = None
    conditions: list[str] = field(default_factory=list)


def _body(text: str, eccn: str | None) -> _Body:
    """The paragraph part of a control text (its first sentence)."""
    entire = _ENTIRE.match(text)
    if entire:
        rest = text[entire.end() :]
        excepted = _EXCEPT.match(rest)
        if not excepted:
            return _Body(entire_entry=True, conditions=[] if _DONE.match(rest) else [rest.strip(" ,.")])
        refs = parse_refs(rest, eccn, excepted.end())
        if refs.refs and _DONE.match(refs.rest):
            return _Body(entire_entry=True, excepted=refs.refs)
        found = find_refs(rest, eccn) or refs.refs
        return _Body(entire_entry=True, excepted=found, conditions=[rest.strip(" ,.")])
    start = _PARAGRAPHS.match(text) or _SUBJECT.match(text)
    subject = start.groupdict().get("subject") if start else None
    refs = parse_refs(text, eccn, start.end() if start else 0)
    excepted = _EXCEPT.match(refs.rest) if refs.refs else None
    if excepted:
        more = parse_refs(refs.rest, refs.refs[-1], excepted.end())
        refs.excepted.extend(more.refs)
        refs.rest = more.rest if more.refs else refs.rest
    if refs.refs and _DONE.match(refs.rest):
        own = subject is None or subject.split()[0] in ("items", "commodities", "controlled", "in")
        return _Body(paragraphs=refs.refs, excepted=refs.excepted, subject=None if own else subject)
    return _Body(paragraphs=find_refs(text, None), conditions=[text.strip(" ,.")])
