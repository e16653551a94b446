"""An item to classify: hardware, software or technology, described by facts with units.

Written as YAML or JSON::

    name: NVIDIA H100 SXM5
    kind: commodity
    parameters:
      item_type: integrated_circuit
      processing_units: [{mac_tops: 494.7, bit_length: 16}]
      applicable_die_area: 814 mm^2
      designed_for_datacenter: true
    contains: [{item: other-catalogue-id, quantity: 8}]

Parameters are checked against the vocabulary when the item is classified; ``contains`` lists
components (inline or by catalogue id) and ``for_items`` the items software or technology is for.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Component(BaseModel):
    """A component of an item: another item (inline or a catalogue id) and how many."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item: Item | str
    quantity: int = Field(default=1, ge=1)


class Item(BaseModel):
    """A product, a piece of software or a body of technology, with its facts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    name: str
    kind: Literal["commodity", "software", "technology"] = "commodity"
    description: str = ""
    manufacturer: str | None = None
    origin: str | None = Field(default=None, description="country of origin")
    sources: list[str] = Field(default_factory=list, description="where the facts come from")
    parameters: dict[str, Any] = Field(default_factory=dict)
    contains: list[Component] = Field(default_factory=list)
    for_items: list[Item | str] = Field(default_factory=list, description="what software/technology is for")

    @property
    def label(self) -> str:
        """The id when there is one, else the name."""
        return self.id or self.name


Component.model_rebuild()
