"""The list in force on a date: every dated field resolved, every entry, paragraph and note in force.

``snapshot(docs, as_of)`` answers "what did the list say on 2023-10-17": the entries in force on
that date with the text, criteria, notes and licence requirements that applied then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from regime.lists.documents import (
    ControlDoc,
    ControlKind,
    Encoding,
    EntryDoc,
    GeneralNoteDoc,
    HistoryDoc,
    ListDoc,
)
from regime.lists.numbering import join_ref


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Paragraph(_Frozen):
    """A paragraph in force: its text, kind and (if encoded) criterion."""

    entry: str
    id: str
    text: str | None
    kind: ControlKind
    criterion: str | None
    combine: str | None
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """``3A090.a``."""
        return join_ref(self.entry, self.id)

    @property
    def parent(self) -> str:
        """The parent paragraph id (empty at top level, and for the entry's own criterion)."""
        return self.id.rsplit(".", 1)[0] if "." in self.id else ""


class Note(_Frozen):
    """A note in force; ``releases`` is the criterion under which it decontrols ``applies_to``."""

    entry: str
    id: str
    kind: str
    text: str | None
    applies_to: tuple[str, ...]
    releases: str | None
    redirect: str | None


class Control(_Frozen):
    """A licence requirement line in force: reason, paragraphs (empty = entire entry, less ``except_paragraphs``), scope.

    ``paragraphs_unparsed`` marks a line whose paragraphs or conditions only its ``applies_to`` text states.
    """

    reason: str
    applies_to: str
    paragraphs: tuple[str, ...]
    scope: str
    except_paragraphs: tuple[str, ...] = ()
    paragraphs_unparsed: bool = False


class Entry(_Frozen):
    """An entry as in force on the snapshot date."""

    id: str
    heading: str
    kind: ControlKind
    encoding: Encoding
    exclusive: bool = False
    applies_if: str | None
    reasons: tuple[str, ...]
    controls: tuple[Control, ...]
    licence_exceptions: Mapping[str, str]
    related_controls: str | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]
    history: tuple[HistoryDoc, ...]
    source: Mapping[str, Any]

    @property
    def checkable(self) -> bool:
        """True when at least one paragraph (or the entry guard) is machine-checkable today."""
        return any(p.criterion for p in self.paragraphs)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        """The paragraph with this id, if in force."""
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)


class ControlList(_Frozen):
    """A whole control list as in force on ``as_of``."""

    info: ListDoc
    as_of: dt.date
    entries: Mapping[str, Entry]
    derived: Mapping[str, str]
    general_notes: tuple[GeneralNoteDoc, ...]

    @property
    def id(self) -> str:
        """The list's identifier (``us-ccl``)."""
        return self.info.id

    @property
    def version(self) -> str:
        """``us-ccl as of 2024-01-01``: how a decision names the list it used."""
        return f"{self.info.id} as of {self.as_of.isoformat()}"


def _reasons(raw: Any) -> tuple[str, ...]:
    if not raw:
        return ()
    return tuple(part.strip() for part in str(raw).split(",") if part.strip())


def entry_at(doc: EntryDoc, as_of: dt.date) -> Entry | None:
    """The entry as in force on ``as_of``, or None when it is not in force then."""
    if not doc.in_force.covers(as_of):
        return None
    kind = doc.default_kind()
    whole = doc.criterion.at(as_of)
    own = (Paragraph(entry=doc.id, id="", text=doc.heading.at(as_of), kind=kind, criterion=whole, combine=None),)
    paragraphs = (own if whole else ()) + tuple(
        Paragraph(
            entry=doc.id,
            id=p.id,
            text=p.text.at(as_of),
            kind=p.kind or kind,
            criterion=p.criterion.at(as_of),
            combine=p.combine,
            reasons=tuple(p.reasons),
            notes=tuple(p.notes),
        )
        for p in doc.paragraphs
        if p.in_force.covers(as_of) and (p.text.at(as_of) is not None or p.criterion.at(as_of) is not None)
    )
    notes = tuple(
        Note(
            entry=doc.id,
            id=n.id,
            kind=n.kind,
            text=n.text.at(as_of),
            applies_to=tuple(n.applies_to),
            releases=n.releases.at(as_of),
            redirect=n.redirect,
        )
        for n in doc.notes
        if n.in_force.covers(as_of) and (n.text.at(as_of) is not None or n.releases.at(as_of) is not None)
    )
    controls: tuple[ControlDoc, ...] = doc.controls.at(as_of) or ()
    return Entry(
        id=doc.id,
        heading=doc.heading.at(as_of) or "",
        kind=kind,
        encoding=doc.encoding,
        exclusive=doc.exclusive,
        applies_if=doc.applies_if.at(as_of),
        reasons=_reasons(doc.reasons.at(as_of)),
        controls=tuple(
            Control(
                reason=c.reason,
                applies_to=c.applies_to,
                paragraphs=tuple(c.paragraphs),
                scope=c.scope,
                except_paragraphs=tuple(c.except_paragraphs),
                paragraphs_unparsed=c.paragraphs_unparsed,
            )
            for c in controls
        ),
        licence_exceptions=dict(doc.licence_exceptions.at(as_of) or {}),
        related_controls=doc.related_controls.at(as_of),
        paragraphs=paragraphs,
        notes=notes,
        history=tuple(h for h in doc.history if h.date <= as_of.isoformat()),
        source=doc.source,
    )


def snapshot(info: ListDoc, docs: Mapping[str, EntryDoc], as_of: dt.date) -> ControlList:
    """The whole list in force on ``as_of``."""
    entries = {}
    for entry_id in sorted(docs):
        entry = entry_at(docs[entry_id], as_of)
        if entry is not None:
            entries[entry_id] = entry
    derived = {}
    for name, spec in info.derived.items():
        formula = spec.formula.at(as_of)
        if formula:
            derived[name] = formula
    notes = tuple(note for note in info.general_notes if note.in_force.covers(as_of))
    return ControlList(info=info, as_of=as_of, entries=entries, derived=derived, general_notes=notes)


def change_dates(doc: EntryDoc) -> set[dt.date]:
    """Every date on which something in the entry changes."""
    dates: set[dt.date] = set(doc.in_force.change_dates())
    for dated in (
        doc.heading,
        doc.applies_if,
        doc.criterion,
        doc.reasons,
        doc.controls,
        doc.licence_exceptions,
    ):
        dates.update(dated.change_dates())
    for p in doc.paragraphs:
        dates.update(p.text.change_dates(), p.criterion.change_dates(), p.in_force.change_dates())
    for n in doc.notes:
        dates.update(n.text.change_dates(), n.releases.change_dates(), n.in_force.change_dates())
    return dates
