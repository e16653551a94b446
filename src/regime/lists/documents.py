"""The control list as written on disk: one YAML document per entry, with dated fields.

These Pydantic models validate what a list expert writes (unknown keys are refused, so a typo is
an error, not a silent default). ``snapshot.py`` turns them into the list in force on a date.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, field_validator

from regime.lists.dated import Dated, InForce
from regime.lists.numbering import is_paragraph_id, normalise_entry_id


class ControlKind(enum.StrEnum):
    """What an entry or paragraph controls."""

    COMMODITY = "commodity"
    SOFTWARE = "software"
    TECHNOLOGY = "technology"
    END_USE = "end_use"
    END_USER = "end_user"
    DESTINATION = "destination"


class Encoding(enum.StrEnum):
    """How much of an entry is machine-checkable."""

    CHECKABLE = "checkable"  # every live paragraph has criteria
    PARTIAL = "partial"  # some paragraphs have criteria, the rest are text only
    TEXT_ONLY = "text-only"  # text only: classification must be done by a person


def _dated(raw: Any) -> Dated[Any]:
    return raw if isinstance(raw, Dated) else Dated.parse(raw)


def _in_force(raw: Any) -> InForce:
    return raw if isinstance(raw, InForce) else InForce.parse(raw)


def _in_force_yaml(value: InForce) -> Any:
    if value == InForce():
        return None
    out = {"from": value.start.isoformat()} if value.change_dates() and value.start.year > 1900 else {}
    if value.end:
        out["to"] = value.end.isoformat()
    return out


def _dated_controls(raw: Any) -> Dated[Any]:
    dated = _dated(raw)
    steps = tuple(
        None if step is None else tuple(c if isinstance(c, ControlDoc) else ControlDoc.model_validate(c) for c in step)
        for step in dated.values
    )
    return Dated(dated.starts, steps)


def _controls_yaml(value: Dated[Any]) -> Any:
    plain = Dated(value.starts, tuple(None if v is None else [c.model_dump() for c in v] for v in value.values))
    return plain.to_yaml()


DatedValue = Annotated[Dated[Any], BeforeValidator(_dated), PlainSerializer(lambda d: d.to_yaml())]
DatedControls = Annotated[Dated[Any], BeforeValidator(_dated_controls), PlainSerializer(_controls_yaml)]
Period = Annotated[InForce, BeforeValidator(_in_force), PlainSerializer(_in_force_yaml)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class ControlDoc(_Doc):
    """One licence-requirement line: a reason for control, what it applies to and where."""

    reason: str
    applies_to: str = Field(description="the source's words, e.g. 'RS applies to 3A090.a'")
    paragraphs: list[str] = Field(default_factory=list, description="paragraph ids; empty = entire entry")
    except_paragraphs: list[str] = Field(
        default_factory=list, description="paragraph ids left out ('entire entry, except 0A606.b and .y')"
    )
    paragraphs_unparsed: bool = Field(
        default=False, description="applies_to names paragraphs or conditions no parser read whole: read it"
    )
    scope: str = Field(description="the country-chart column or the prose destination scope")


class ParagraphDoc(_Doc):
    """A numbered paragraph: its text, its criterion (if encoded) and how its children combine."""

    id: str
    text: DatedValue = Dated.always(None)
    kind: ControlKind | None = None
    criterion: DatedValue = Dated.always(None)
    combine: Literal["any", "all"] | None = None
    reasons: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    in_force: Period = InForce()

    @field_validator("id")
    @classmethod
    def _paragraph_id(cls, value: str) -> str:
        if value and not is_paragraph_id(value):
            raise ValueError(f"paragraph id {value!r} is not of the form 'a', 'a.1', 'a.1.b'")
        return value


class NoteDoc(_Doc):
    """A note, technical note, decontrol note or N.B.; a decontrol note may release paragraphs."""

    id: str
    kind: Literal["note", "technical_note", "decontrol", "nb", "definition"] = "note"
    text: DatedValue = Dated.always(None)
    applies_to: list[str] = Field(default_factory=list, description="paragraph ids; empty = entire entry")
    releases: DatedValue = Dated.always(None)
    redirect: str | None = Field(default=None, description="where a released item falls instead, e.g. 5A992.c")
    in_force: Period = InForce()


class HistoryDoc(_Doc):
    """A dated public action that changed the entry (the rule that did it, and what it did)."""

    date: str
    citation: str
    summary: str


class EntryDoc(_Doc):
    """One entry of a control list, as written in ``<category>/<ENTRY>.yaml``."""

    id: str
    heading: DatedValue
    kind: ControlKind | None = None
    encoding: Encoding = Encoding.TEXT_ONLY
    exclusive: bool = Field(
        default=False,
        description="paragraphs are alternatives in order of precedence: the first class that matches is the class",
    )
    applies_if: DatedValue = Dated.always(None)
    criterion: DatedValue = Field(
        default=Dated.always(None), description="for entries without paragraphs: the entry's own criterion"
    )
    reasons: DatedValue = Dated.always(None)
    controls: DatedControls = Dated.always(())
    licence_exceptions: DatedValue = Dated.always({})
    related_controls: DatedValue = Dated.always(None)
    paragraphs: list[ParagraphDoc] = Field(default_factory=list)
    notes: list[NoteDoc] = Field(default_factory=list)
    in_force: Period = InForce()
    history: list[HistoryDoc] = Field(default_factory=list)
    source: dict[str, Any] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _entry_id(cls, value: str) -> str:
        return normalise_entry_id(value)

    @property
    def category(self) -> str:
        """The category number (one or two digits)."""
        return self.id[:-4]

    @property
    def group(self) -> str:
        """The product group letter (A-E)."""
        return self.id[-4]

    def default_kind(self) -> ControlKind:
        """What the entry controls when it does not say: D is software, E technology, else commodities."""
        if self.kind is not None:
            return self.kind
        return {"D": ControlKind.SOFTWARE, "E": ControlKind.TECHNOLOGY}.get(self.group, ControlKind.COMMODITY)


class DerivedDoc(_Doc):
    """A derived parameter: a named formula the list defines (TPP, performance density)."""

    formula: DatedValue
    source: str = ""


class GeneralNoteClause(_Doc):
    """One clause of a general note: the condition that releases, and where it does not apply."""

    id: str
    text: str
    releases: str
    not_for: list[str] = Field(default_factory=list, description="entry or group patterns it never releases")


class GeneralNoteDoc(_Doc):
    """A list-wide note the engine applies to every entry of the kinds it names (GTN, GSN)."""

    id: str
    title: str
    kinds: list[ControlKind]
    clauses: list[GeneralNoteClause]
    in_force: Period = InForce()


class ExtendsDoc(_Doc):
    """A list built on another: the base list's entries less the excluded ones, then this folder's own."""

    base: str = Field(description="the id of the list this one is built on")
    include_entries: list[str] = Field(default_factory=lambda: ["*"], description="glob patterns on entry ids to take")
    exclude_entries: list[str] = Field(default_factory=list, description="glob patterns on entry ids (3A090, ?A6??)")
    exclude_paragraphs: list[str] = Field(default_factory=list, description="glob patterns on references (*.z, *.z.*)")
    basis: str = Field(default="", description="why the base list stands for this one, with sources")


class ListDoc(_Doc):
    """``list.yaml``: the list's identity, numbering, fallback class, derived parameters, general notes."""

    id: str
    name: str
    jurisdiction: str
    authority: str = ""
    numbering: Literal["eccn", "wassenaar"] = "eccn"
    fallback: str | None = Field(default=None, description="the class of items no entry describes, e.g. EAR99")
    source: dict[str, Any] = Field(default_factory=dict)
    derived: dict[str, DerivedDoc] = Field(default_factory=dict)
    general_notes: list[GeneralNoteDoc] = Field(default_factory=list)
    categories: dict[str, str] = Field(default_factory=dict)
    extends: ExtendsDoc | None = None
