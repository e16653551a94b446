"""Classification for everyone: an item (or a catalogue id) against a control list on a date. No token needed."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from regime.classify.engine import classify
from regime.classify.result import Classification
from regime.errors import NotFoundError
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue
from regime.model.item import Item

router = APIRouter(tags=["classify"])


class ClassifyRequest(BaseModel):
    """An item written out, or the id of a catalogue item; the lists and the date to read them as of."""

    model_config = ConfigDict(extra="forbid")

    item: Item | str
    lists: list[str] = Field(default_factory=lambda: ["us-ccl"])
    as_of: dt.date | None = None


def _item(ref: Item | str) -> Item:
    if isinstance(ref, Item):
        return ref
    found = load_catalogue().get(ref)
    if found is None:
        raise NotFoundError(f"no catalogue item {ref!r}")
    return found


@router.post("/classify")
def classify_item(request: ClassifyRequest) -> list[Classification]:
    """Every matching paragraph with the values that decided it, releases, near misses and open questions."""
    date = request.as_of or dt.date.today()
    item = _item(request.item)
    return [classify(item, compiled_list(list_id, date), catalogue=load_catalogue()) for list_id in request.lists]


@router.get("/catalogue")
def catalogue() -> list[Item]:
    """The bundled catalogue of real products with public specifications."""
    return list(load_catalogue().values())


@router.get("/catalogue/{item_id}/classification")
def classify_catalogue_item(
    item_id: str, list_id: str = Query("us-ccl", alias="list"), as_of: dt.date | None = None
) -> Classification:
    """A catalogue item classified against one list."""
    return classify(_item(item_id), compiled_list(list_id, as_of or dt.date.today()), catalogue=load_catalogue())
