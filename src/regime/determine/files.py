"""Transaction files: one transaction (a mapping) or several (a list) in YAML or JSON.

Problems name the file, the transaction's position and the field, and say what was expected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from regime.determine.transaction import Transaction
from regime.errors import InputError
from regime.lists.loader import read_yaml


def read_transactions(path: Path) -> list[Transaction]:
    """Every transaction in the file, validated."""
    if path.suffix == ".json":
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read JSON: {exc}", source=str(path)) from None
    else:
        raw = read_yaml(path)
    docs = raw if isinstance(raw, list) else [raw]
    found = []
    for n, doc in enumerate(docs, 1):
        where = f"transaction {n}" if len(docs) > 1 else None
        if not isinstance(doc, dict):
            raise InputError(
                f"expected a mapping of transaction fields, got {type(doc).__name__}", source=str(path), where=where
            )
        found.append(parse_transaction(doc, str(path), where))
    return found


def parse_transaction(doc: dict[str, Any], source: str, where: str | None = None) -> Transaction:
    """One transaction from its fields; each problem names its field and what was expected."""
    try:
        return Transaction.model_validate(doc)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or '(transaction)'}: {error['msg']}" for error in exc.errors()
        )
        raise InputError(problems, source=source, where=where) from None
