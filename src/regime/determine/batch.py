"""Deciding an order book: the single-transaction engine, with caching and columnar joins around it.

Order lines that differ only in value, quantity, id or a date within the same stretch of unchanged
lists and rules (the member's *epoch*) share everything the engine decides except the value check,
so each distinct line is decided once (``engine.decide``, with one memo for the whole book:
classifications per item and list version, CCL lines, chart cells, party hits, rule fragments).
The value is then bucketed against the LVS limits that decision found, each (line, bucket) is
concluded once (``outcome.conclude``, as ``determine`` does), and the answers are joined back to
the lines. Same logic as one ``determine`` call per line; only the repetition is removed. The
output's ``basis`` names the list read as of each line's own date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
OUTPUT = (
    "line", "id", "member", "outcome", "at_least", "exceptions", "reasons", "review_policy", "missing", "basis", "trace",
)  # fmt: skip
SHOWN = frozenset({"requires", "prohibits", "restricts", "open"})


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
    """The columns of one answer; the short trace names the steps that decided it (no dates, no values)."""
    policy = det.review_policy
    steps = [f"{s.rule}: {s.finding[:160]}" for s in det.trace if s.effect in SHOWN]
    return {
        "outcome": det.outcome.value,
        "at_least": det.at_least.value if det.at_least else None,
        "exceptions": ";".join(det.exceptions),
        "reasons": ";".join(r.id for r in det.requirements),
        "review_policy": policy.level if policy else None,
        "missing": ";".join(det.missing),
        "trace": " | ".join(steps)[:600],
    }


def _with_members(good: pl.DataFrame, members: Mapping[str, Jurisdiction], all_members: bool) -> pl.DataFrame:
    """One row per (line, member), with the epoch of unchanged rules the line's date falls in for that member."""
    if all_members:
        lines = good.join(pl.DataFrame({"member": list(members)}), how="cross")
    else:
        lines = good.with_columns(pl.col("exporter").alias("member"))
    parts = []
    for member, part in lines.partition_by("member", as_dict=True).items():
        jur = members.get(str(member[0]))
        epochs = pl.Series(jur.epochs if jur else [], dtype=pl.Date)
        lists = ", ".join(jur.lists) if jur else "?"
        parts.append(
            part.with_columns(
                epochs.search_sorted(part.get_column("_date"), side="right").alias("_epoch"),
                pl.format("{} as of {}", pl.lit(lists), pl.col("_date")).alias("basis"),
            )
        )
    return pl.concat(parts) if parts else lines.with_columns(pl.lit(0).alias("_epoch"), pl.lit("").alias("basis"))


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
    fields = [c for c in KEY if c != "date"]
    lines = _with_members(good.with_columns([pl.col(c).fill_null("") for c in fields]), members, all_members)
    unit = [*fields, "member", "_epoch"]
    keys = lines.group_by(unit, maintain_order=True).agg(pl.col("_date").first()).with_row_index("key")
    lines = lines.join(keys.select([*unit, "key"]), on=unit, how="left")
    memo = Memo()
    works: dict[int, Work] = {}
    failed: dict[int, str] = {}
    rows = keys.to_dicts()
    for n, row in enumerate(rows):
        member = row["member"]
        try:
            works[row["key"]] = decide(transaction_of(row, member), members[member], index, catalogue, memo)
        except (RegimeError, ValueError, KeyError) as exc:
            failed[row["key"]] = f"under {member}: {exc}"
        if progress is not None and (n % 256 == 0 or n == len(rows) - 1):
            progress(n + 1, len(rows))
    if failed:
        dropped = lines.filter(pl.col("key").is_in(list(failed))).select("line", "key").unique()
        bad += [BadLine(int(line), failed[int(key)]) for line, key in dropped.iter_rows()]
        lines = lines.filter(~pl.col("key").is_in(list(failed)))
    return BatchResult(_conclude(lines, works), sorted(bad, key=lambda b: b.line), frame.height, len(rows), memo)


def _conclude(lines: pl.DataFrame, works: Mapping[int, Work]) -> pl.DataFrame:
    """Bucket each line's value against its decision's limits, conclude each bucket once, join back."""
    limits = pl.DataFrame(
        [{"key": k, "_low": _limits(w)[0], "_high": _limits(w)[1]} for k, w in works.items()],
        schema={"key": pl.UInt32, "_low": pl.Float64, "_high": pl.Float64},
    )
    value = pl.col("_value")
    bucket = (
        pl.when(pl.col("_low").is_null()).then(0)
        .when(value.is_null()).then(-1)
        .when(value <= pl.col("_low")).then(1)
        .when(value <= pl.col("_high")).then(2)
        .otherwise(3)
    )  # fmt: skip
    lines = lines.join(limits, on="key", how="inner").with_columns(bucket.cast(pl.Int32).alias("_bucket"))
    answers = []
    for key, bucket_id, low, high in lines.select("key", "_bucket", "_low", "_high").unique().iter_rows():
        sample = {0: None, -1: None, 1: low, 2: high, 3: (high or 0) + 1}[bucket_id]
        answers.append({"key": key, "_bucket": bucket_id, **_record(conclude(works[key], sample))})
    schema = {"key": pl.UInt32, "_bucket": pl.Int32, **dict.fromkeys(OUTPUT[3:], pl.String)}
    schema.pop("basis")
    table = pl.DataFrame(answers, schema=schema)
    return lines.join(table, on=["key", "_bucket"]).select(OUTPUT).sort("line", "member")
