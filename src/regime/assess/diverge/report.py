"""The divergence report as plain data (JSON, tables, pages): counts per pair, each leak, and its sources.

Every view carries ``caption``: the engine's sources per member (list versions as of the date,
the Country Chart, the party list), the standard set it decided and the readings it relied on.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from regime.assess.diverge.compare import Leak, PairDivergence, leak_entries
from regime.assess.diverge.run import Divergence
from regime.assess.diverge.variants import VARIANTS
from regime.paths import CATALOGUE_DIR, DATA_DIR


def _leak(run: Divergence, found: Leak) -> dict[str, Any]:
    line = next(t for t in run.transactions if t.id == found.transaction)
    return {
        "transaction": found.transaction,
        "item": line.item,
        "item_name": run.items[line.item].name,
        "destination": line.destination,
        "permissive": found.permissive,
        "allowed": found.allowed,
        "permissive_classes": list(found.permissive_classes) or ["not listed"],
        "strict": found.strict,
        "refused": found.refused.label,
        "entries": list(found.entries),
    }


def _pair(run: Divergence, pair: PairDivergence) -> dict[str, Any]:
    return {
        "members": [pair.first, pair.second],
        "leaks": len(pair.leaks),
        "through": {pair.first: len(pair.through(pair.first)), pair.second: len(pair.through(pair.second))},
        "agree": pair.agree,
        "differ_on_terms": pair.differ,
        "unresolved": len(pair.unresolved),
        "entries": dict(leak_entries([pair])),
        "details": [_leak(run, found) for found in pair.leaks],
    }


def _open(run: Divergence) -> dict[str, list[dict[str, Any]]]:
    """Per member, the facts or readings its open answers wait for, most frequent first."""
    found: dict[str, Counter[str]] = {m.id: Counter() for m in run.members}
    for verdict in run.verdicts:
        if verdict.stance == "open" and verdict.missing:
            found[verdict.member][verdict.missing[0][:160]] += 1
    return {m: [{"needs": text, "lines": n} for text, n in counts.most_common(5)] for m, counts in found.items()}


def caption(run: Divergence) -> str:
    """One line naming the data behind the figures and their date."""
    reads = "; ".join(f"{m}: {', '.join(b)}" for m, b in run.basis.items())
    variants = sum(1 for v in VARIANTS if v.id in run.items)
    products = len(run.items) - variants
    destinations = len({t.destination for t in run.transactions})
    return (
        f"Source: regime's determination engine on {run.date.isoformat()} ({reads}); standard set of "
        f"{len(run.transactions)} transactions: {products} products of {CATALOGUE_DIR.relative_to(DATA_DIR.parent)} "
        f"and {variants} threshold variants derived from them, to {destinations} destinations; "
        "text-only entries read as stated under 'readings'."
    )


def divergence_report(run: Divergence) -> dict[str, Any]:
    """The whole report: members, the standard set, per-pair counts and leaks, open questions, sources."""
    readings = sorted({s for t in run.transactions for s in t.sources})
    return {
        "date": run.date.isoformat(),
        "members": [{"id": m.id, "name": m.name} for m in run.members],
        "standard_set": {
            "transactions": len(run.transactions),
            "items": len(run.items),
            "variants": [{"id": v.id, "base": v.base, "tests": v.tests} for v in VARIANTS if v.id in run.items],
            "destinations": sorted({t.destination for t in run.transactions}),
            "decisions": len(run.verdicts),
        },
        "seconds": round(run.seconds, 2),
        "pairs": [_pair(run, pair) for pair in run.pairs],
        "open": _open(run),
        "readings": readings,
        "caption": caption(run),
    }
