"""Deciding an order book: the single-transaction engine, with caching and columnar joins around it.

Order lines that differ only in value, quantity or id share everything the engine decides except
the value check, so each distinct line is decided once (``engine.decide``, with one memo for
the whole book: classifications per item and date, CCL lines, chart cells, party hits). The value
is then bucketed against the LVS limits that decision found, each (line, member, bucket) is
concluded once (``outcome.conclude``, as ``determine`` does), and the answers are joined back to
the lines. Same logic as one ``determine`` call per line; only the repetition is removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from regime.determine.engine import decide
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.memo import Memo
from regime.determine.orders import KEY, BadLine, check, transaction_of
from regime.determine.outcome import conclude
from regime.determine.parties import PartyIndex
from regime.determine.result import Determination
from regime.determine.work import Work
from regime.errors import RegimeError
from regime.model.item import Item

Progress = Callable[[int, int], None]
OUTPUT = ("line", "id", "member", "outcome", "at_least", "exceptions", "reasons", "review_policy", "missing", "trace")


@dataclass
class BatchResult:
    """The decisions, the lines left out, and how much work the caches saved."""

    decisions: pl.DataFrame
    bad: list[BadLine]
    lines: int
    distinct: int
    memo: Memo = field(default_factory=Memo)


def _limits(work: Work) -> tuple[float | None, float | None]:
    found = sorted({t.value_limit for t in work.trials if t.available and t.value_limit is not None})
    return (found[0], found[-1]) if found else (None, None)


def _record(det: Determination) -> dict[str, Any]:
    policy = det.review_policy
    return {
        "outcome": det.outcome.value,
        "at_least": det.at_least.value if det.at_least else None,
        "exceptions": ";".join(det.exceptions),
        "reasons": ";".join(r.id for r in det.requirements),
        "review_policy": policy.level if policy else None,
        "missing": ";".join(det.missing),
        "trace": det.statement[:300],
    }


def decide_orders(
    frame: pl.DataFrame,
    members: Mapping[str, Jurisdiction],
    *,
    default_member: str,
    all_members: bool,
    index: PartyIndex,
    catalogue: Mapping[str, Item],
    progress: Progress | None = None,
) -> BatchResult:
    """Decide every good line of ``frame`` (as read by ``orders.read_orders``) under its member(s)."""
    resolver = next(iter(members.values())).resolver
    good, bad = check(frame, resolver, catalogue, default_member)
    keys = good.select([*KEY, "_date"]).unique(maintain_order=True).with_row_index("key")
    filled = [pl.col(c).fill_null("") for c in KEY]
    good = good.with_columns(filled).join(keys.with_columns(filled), on=[*KEY, "_date"], how="left")
    names = list(members) if all_members else None
    memo = Memo()
    works: dict[tuple[int, str], Work] = {}
    failed: dict[int, str] = {}
    rows = keys.to_dicts()
    for n, row in enumerate(rows):
        for member in names or [row["exporter"]]:
            try:
                jur = members[member]
                tx = transaction_of(row, member)
                works[(row["key"], member)] = decide(tx, jur, index, catalogue, memo)
            except (RegimeError, ValueError, KeyError) as exc:
                failed[row["key"]] = f"under {member}: {exc}"
        if progress is not None and (n % 256 == 0 or n == len(rows) - 1):
            progress(n + 1, len(rows))
    if failed:
        bad_keys = good.filter(pl.col("key").is_in(list(failed)))
        bad += [BadLine(int(line), failed[int(key)]) for line, key in bad_keys.select("line", "key").iter_rows()]
        good = good.filter(~pl.col("key").is_in(list(failed)))
    decisions = _conclude(good, works, names)
    return BatchResult(decisions, sorted(bad, key=lambda b: b.line), frame.height, len(rows), memo)


def _conclude(good: pl.DataFrame, works: Mapping[tuple[int, str], Work], names: Sequence[str] | None) -> pl.DataFrame:
    """Bucket each line's value against its decision's limits, conclude each bucket once, join back."""
    limits = pl.DataFrame(
        [{"key": k, "member": m, "_low": _limits(w)[0], "_high": _limits(w)[1]} for (k, m), w in works.items()],
        schema={"key": pl.UInt32, "member": pl.String, "_low": pl.Float64, "_high": pl.Float64},
    )
    lines = (
        good.join(pl.DataFrame({"member": names}), how="cross")
        if names
        else good.with_columns(pl.col("exporter").alias("member"))
    )
    value = pl.col("_value")
    bucket = (
        pl.when(pl.col("_low").is_null()).then(0)
        .when(value.is_null()).then(-1)
        .when(value <= pl.col("_low")).then(1)
        .when(value <= pl.col("_high")).then(2)
        .otherwise(3)
    )  # fmt: skip
    lines = lines.join(limits, on=["key", "member"], how="inner").with_columns(bucket.alias("_bucket"))
    answers = []
    for key, member, bucket_id, low, high in (
        lines.select("key", "member", "_bucket", "_low", "_high").unique().iter_rows()
    ):
        sample = {0: None, -1: None, 1: low, 2: high, 3: (high or 0) + 1}[bucket_id]
        det = conclude(works[(key, member)], sample)
        answers.append({"key": key, "member": member, "_bucket": bucket_id, **_record(det)})
    schema = {"key": pl.UInt32, "member": pl.String, "_bucket": pl.Int32, **dict.fromkeys(OUTPUT[3:], pl.String)}
    table = pl.DataFrame(answers, schema=schema)
    joined = lines.with_columns(pl.col("_bucket").cast(pl.Int32)).join(table, on=["key", "member", "_bucket"])
    return joined.select(OUTPUT).sort("line", "member")
