"""The bundled catalogue of real products (``data/catalogue/*.yaml``), and item files a user brings."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from regime.errors import InputError
from regime.lists.loader import read_yaml, validate
from regime.model.item import Item
from regime.once import built_once
from regime.paths import CATALOGUE_DIR


def read_item(path: Path) -> Item:
    """One item from a YAML or JSON file; problems name the file and the field."""
    raw = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else read_yaml(path)
    item: Item = validate(Item, raw, path)
    return item


@built_once
def load_catalogue(folder: Path = CATALOGUE_DIR) -> Mapping[str, Item]:
    """Every catalogue item by id (the file name must match the id)."""
    items: dict[str, Item] = {}
    for path in sorted(folder.glob("*.yaml")):
        item = read_item(path)
        if item.id != path.stem:
            raise InputError(f"id {item.id!r} should match the file name {path.stem!r}", source=str(path))
        items[item.id] = item
    return items
