"""Threshold headroom: how close each product sits to each performance threshold, and what an amendment catches.

The tool a list expert uses before proposing a change: for a catalogue of products, every numeric
test of every entry that can describe each product, with the product's value, the threshold and
the signed distance to it (negative: the product is on the free side by that share); and, for a
proposed amendment (a reform of the list), which products it would newly catch or release.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from regime.classify.decide import Decider
from regime.classify.engine import classify_brief
from regime.lists.compiled import CompiledList
from regime.lists.documents import ControlKind
from regime.lists.expr.explain import Step, explain
from regime.lists.expr.render import format_value
from regime.lists.expr.typed import TCompare, TConst, TParam
from regime.lists.numbering import join_ref
from regime.model.item import Item


@dataclass(frozen=True)
class HeadroomRow:
    """One product against one numeric test: the value, the threshold, the signed distance."""

    item: str
    ref: str
    parameter: str
    test: str
    value: str
    threshold: str
    gap: float  # positive: the test is met by this share of the threshold; negative: short of it
    met: bool


@dataclass(frozen=True)
class AmendmentEffect:
    """How a product's classes change under an amendment."""

    item: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def caught(self) -> tuple[str, ...]:
        """Classes the amendment adds."""
        return tuple(c for c in self.after if c not in self.before)

    @property
    def released(self) -> tuple[str, ...]:
        """Classes the amendment takes away."""
        return tuple(c for c in self.before if c not in self.after)


def _signed_gap(step: Step) -> tuple[str, float, float, float] | None:
    """(parameter, value, threshold, signed gap) of a parameter-against-constant comparison."""
    node = step.node
    if not isinstance(node, TCompare) or node.op in ("==", "!=") or step.result is None:
        return None
    sides = (node.left, node.right)
    if isinstance(sides[0], TParam) and isinstance(sides[1], TConst):
        name, value, threshold, op = sides[0].name, step.left, step.right, node.op
    elif isinstance(sides[1], TParam) and isinstance(sides[0], TConst):
        flipped = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
        name, value, threshold, op = sides[1].name, step.right, step.left, flipped[node.op]
    else:
        return None
    if not isinstance(value, float) or not isinstance(threshold, float) or threshold == 0:
        return None
    gap = (value - threshold) / abs(threshold) if op in (">", ">=") else (threshold - value) / abs(threshold)
    return name, value, threshold, gap


def headroom(
    items: Iterable[Item], clist: CompiledList, catalogue: Mapping[str, Item] | None = None
) -> list[HeadroomRow]:
    """Every numeric test of the entries that can describe each item but do not control it, with the distance."""
    rows: list[HeadroomRow] = []
    decider = Decider(clist, catalogue)
    for item in items:
        decision = decider.decide(item)
        ctx = decision.ctx
        controlled = {centry.entry.id for centry, _, _ in decision.matched}
        seen: set[tuple[str, str]] = set()
        for centry in clist.candidates(ControlKind(item.kind), ctx.values.get("item_type")):
            if centry.entry.id in controlled:
                continue  # already controlled by this entry: no headroom to speak of
            if centry.guard is not None and centry.guard.evaluate(ctx.values, ctx) is False:
                continue
            for pid, paragraph in centry.paragraphs.items():
                if paragraph.criterion is None:
                    continue
                for step in explain(paragraph.criterion.tree, ctx)[1]:
                    found = _signed_gap(step)
                    ref = join_ref(centry.entry.id, pid)
                    if found is None or (ref, step.text) in seen:
                        continue
                    seen.add((ref, step.text))
                    name, value, threshold, gap = found
                    rows.append(
                        HeadroomRow(
                            item=item.name,
                            ref=ref,
                            parameter=name,
                            test=step.text,
                            value=format_value(value, step.unit),
                            threshold=format_value(threshold, step.unit),
                            gap=gap,
                            met=bool(step.result),
                        )
                    )
    return rows


def closest_below(rows: Iterable[HeadroomRow], limit: float = 0.25) -> list[HeadroomRow]:
    """The tests each item is short of by at most ``limit``, closest first: the products a change would catch."""
    return sorted((r for r in rows if not r.met and -limit <= r.gap < 0), key=lambda r: -r.gap)


def amendment_effects(
    items: Iterable[Item], base: CompiledList, amended: CompiledList, catalogue: Mapping[str, Item] | None = None
) -> list[AmendmentEffect]:
    """Each item's classes under the reference list and under the amended list."""
    effects = []
    for item in items:
        before = classify_brief(item, base, catalogue=catalogue).classes
        after = classify_brief(item, amended, catalogue=catalogue).classes
        effects.append(AmendmentEffect(item.name, before, after))
    return effects
