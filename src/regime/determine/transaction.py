"""A transaction to decide: who exports what to whom, for what use, and what the exporter was told.

Written as YAML or JSON::

    id: h100-to-cn
    date: 2024-01-15
    exporter: us                   # the member whose rules apply
    kind: export                   # export, reexport, transfer, deemed_export, deemed_reexport
    item: nvidia-h100-sxm          # a catalogue id, an inline item, or leave it out and give
    classification: [3A090.a]      #   the classification (per member in classification_by_member)
    quantity: 8
    value_usd: 240000
    destination: China
    parties:
      - {name: Example Cloud Ltd, role: end_user, country: CN, headquarters: CN}
    end_uses: [civil]
    informed: [{rule: "744.23", by: BIS, note: "letter of 2025-04-09"}]

Every fact may be left out; the engine then says which missing fact it needed.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from regime.model.item import Item

Kind = Literal["export", "reexport", "transfer", "deemed_export", "deemed_reexport"]
Role = Literal["consignee", "end_user", "intermediate_consignee", "purchaser"]

END_USES: dict[str, str] = {
    "civil": "a civil end use",
    "military": "a 'military end use' (development, production, use of military items)",
    "military_intelligence": "a 'military-intelligence end use'",
    "nuclear": "nuclear explosive, unsafeguarded or sensitive nuclear activities",
    "missile": "rocket systems or unmanned air vehicles able to deliver weapons of mass destruction",
    "chemical_biological": "chemical or biological weapons",
    "supercomputer": "the development, production, use or maintenance of a 'supercomputer'",
    "advanced_node_ic": "the development or production of 'advanced-node integrated circuits'",
    "semiconductor_production": "the development or production of integrated circuits (any node)",
    "internal_repression": "internal repression or serious violations of human rights",
    "military_item_parts": "parts of military items exported without authorisation",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Model):
    """A party to the transaction; ``country`` is where it is, ``headquarters`` where its ultimate parent is."""

    name: str
    role: Role = "end_user"
    country: str | None = None
    headquarters: str | None = None


class ForeignPerson(_Model):
    """The person a technology or source code is released to (deemed exports, 734.13)."""

    name: str | None = None
    citizenships: tuple[str, ...] = Field(default=(), description="in the order acquired; the last is the most recent")
    permanent_residence: str | None = Field(default=None, description="country of permanent residency, if any")


class Informed(_Model):
    """A notice from an authority that a licence is required (an 'is informed' letter)."""

    rule: str = Field(description="the provision the notice is given under: 744.21, 744.23, Art. 4(1)(a) ...")
    by: str = Field(default="", description="the authority that gave it (BIS, the Dutch CDIU, METI ...)")
    member: str | None = Field(default=None, description="the member whose authority it was; None = every member")
    items: tuple[str, ...] = Field(default=(), description="classes it names (prefix patterns); empty = any item")
    note: str = ""


class Content(_Model):
    """For foreign-made items: the share of U.S.-origin controlled content (de minimis, 734.4)."""

    foreign_made: bool = True
    us_controlled_share: float | None = Field(default=None, ge=0, le=1, description="by value, 0 to 1")
    us_origin_ic: bool | None = Field(default=None, description="incorporates U.S.-origin integrated circuits")


class Assurances(_Model):
    """What the exporter has in hand for licence-exception conditions (None = not stated)."""

    written_assurance: bool | None = Field(default=None, description="consignee's written assurance (TSR, 740.6)")
    notification: bool | None = Field(default=None, description="advance notification made and not objected (NAC)")
    encryption_classification: Literal["self", "request", "none"] | None = Field(
        default=None, description="ENC: self-classification report (b)(1), classification request (b)(2)/(3)"
    )
    general_licence_held: bool | None = Field(
        default=None, description="the exporter is registered for / holds the general authorisation (EU001, JP bulk)"
    )


class Transaction(_Model):
    """One transaction: the facts every member's rules are read against."""

    id: str | None = None
    date: dt.date
    exporter: str = Field(default="us", description="id of the member whose rules apply")
    kind: Kind = "export"
    item: Item | str | None = None
    classification: tuple[str, ...] | None = Field(default=None, description="classes, when given instead of an item")
    classification_by_member: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="classes per list id or member id, overriding the shared classification"
    )
    for_classes: tuple[str, ...] | None = Field(
        default=None, description="for software/technology given by classification: the classes it is for"
    )
    quantity: int = Field(default=1, ge=1)
    value_usd: float | None = Field(default=None, ge=0)
    destination: str | None = Field(default=None, description="country of ultimate destination")
    from_country: str | None = Field(default=None, description="where the item is (reexports, transfers)")
    parties: tuple[Party, ...] = ()
    foreign_person: ForeignPerson | None = None
    end_uses: tuple[str, ...] = ()
    informed: tuple[Informed, ...] = ()
    source_code: bool = Field(default=False, description="software released as source code (deemed exports)")
    published: bool = Field(default=False, description="published information or software (734.7)")
    fundamental_research: bool = Field(default=False, description="fundamental research intended for publication")
    content: Content | None = None
    assurances: Assurances = Assurances()

    @property
    def label(self) -> str:
        """The id when there is one, else a short description."""
        item = self.item if isinstance(self.item, str) else self.item.label if self.item else None
        what = item or ", ".join(self.classification or ()) or "item"
        return self.id or f"{what} to {self.destination or '?'} on {self.date.isoformat()}"

    def given_classes(self, *keys: str) -> tuple[str, ...] | None:
        """The classification given for the first of ``keys`` (a list id, a member id), else the shared one."""
        for key in keys:
            if key in self.classification_by_member:
                return self.classification_by_member[key]
        return self.classification

    def for_member(self, member: str) -> Transaction:
        """The same transaction under ``member``'s rules."""
        return self if self.exporter == member else self.model_copy(update={"exporter": member})
