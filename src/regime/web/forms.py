"""Parsing what people type into forms: an item in YAML, a transaction from its fields, a screening CSV.

Faces parse; the engines decide. Every problem is an ``InputError`` naming the field and what
was expected, shown above the form with what was typed kept in place.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from regime.determine.files import parse_transaction
from regime.determine.transaction import Transaction
from regime.errors import InputError
from regime.model.item import Item

SCREEN_COLUMNS = ("name", "country", "aliases", "address", "kind", "reference")
MAX_BATCH_ROWS = 5000
ModelT = TypeVar("ModelT", bound=BaseModel)


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(item)'}: {e['msg']}" for e in exc.errors())


def item_from_text(text: str) -> Item:
    """An item written as YAML or JSON (the ``regime classify`` file format)."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", source="item", where=where) from None
    if not isinstance(raw, Mapping):
        raise InputError("expected a mapping with at least 'name' and 'parameters'", source="item")
    try:
        return Item.model_validate(raw)
    except ValidationError as exc:
        raise InputError(_problems(exc), source="item") from None


def pick_item(catalogue: Mapping[str, Item], item_id: str, text: str) -> Item | None:
    """The typed item when there is one, else the catalogue item picked (``None`` when neither)."""
    if text.strip():
        return item_from_text(text)
    if not item_id:
        return None
    if item_id not in catalogue:
        raise InputError(f"no catalogue item {item_id!r}", source="item")
    return catalogue[item_id]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def transaction_from_form(form: Mapping[str, Any], end_uses: list[str], item: Item | str | None) -> Transaction:
    """A transaction from the determine form's fields."""
    doc: dict[str, Any] = {
        "date": form.get("date") or dt.date.today().isoformat(),
        "exporter": form.get("exporter") or "us",
        "kind": form.get("kind") or "export",
        "item": item,
        "destination": form.get("destination") or None,
        "quantity": form.get("quantity") or 1,
        "end_uses": end_uses,
    }
    if classes := _split(str(form.get("classification") or "")):
        doc["classification"] = classes
    if value := str(form.get("value_usd") or "").strip():
        doc["value_usd"] = value
    parties = []
    for role in ("end_user", "consignee"):
        name = str(form.get(f"{role}_name") or "").strip()
        if name:
            parties.append({"name": name, "role": role, "country": form.get(f"{role}_country") or None})
    doc["parties"] = parties
    return parse_transaction(doc, "form")


def screening_rows(data: bytes) -> list[dict[str, str]]:
    """The rows of an uploaded CSV of parties: a ``name`` column, optionally the other ``SCREEN_COLUMNS``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); expected a CSV file", source="file") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        raise InputError(f"expected a header row with a 'name' column, got {header or 'nothing'}", source="file")
    rows = []
    for number, raw in enumerate(reader, 2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not row.get("name"):
            raise InputError("the name is empty", source="file", where=f"line {number}")
        rows.append({k: row.get(k, "") for k in SCREEN_COLUMNS} | {"line": str(number)})
        if len(rows) > MAX_BATCH_ROWS:
            raise InputError(f"more than {MAX_BATCH_ROWS} rows: split the file", source="file")
    if not rows:
        raise InputError("the file has a header but no rows", source="file")
    return rows


def model_from_form(model: type[ModelT], data: Mapping[str, Any], source: str = "form") -> ModelT:
    """A service's input model from form fields; problems become an ``InputError`` naming the field."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(form)'}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise InputError(problems, source=source) from None
