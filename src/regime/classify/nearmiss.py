"""Near misses: tests an item fails, or releases it enjoys, by less than the margin.

A failed comparison within the margin of its threshold is a near miss when forcing it to pass
would make the class paragraph hold ("TPP 4,707 is 1.9% below 4,800"). A release that holds only
because a comparison passes narrowly is a near miss too: the item is one step from control.
"""

from __future__ import annotations

from regime.classify.context import ItemContext
from regime.classify.paragraphs import ParagraphJudge
from regime.classify.result import NearMiss
from regime.lists.compiled import CEntry, CNote, CParagraph
from regime.lists.expr.explain import Step, explain
from regime.lists.expr.render import format_value
from regime.lists.expr.typed import TCompare, TConst
from regime.lists.numbering import join_ref


def _sides(step: Step) -> tuple[float, float] | None:
    """(value, threshold) of a numeric comparison; the threshold is the constant side when there is one."""
    node = step.node
    if not isinstance(node, TCompare) or node.op in ("==", "!=") or step.result is None:
        return None
    if not isinstance(step.left, float) or not isinstance(step.right, float):
        return None
    return (step.right, step.left) if isinstance(node.left, TConst) else (step.left, step.right)


def _gap(step: Step) -> float | None:
    sides = _sides(step)
    if sides is None or not sides[1]:
        return None
    value, threshold = sides
    return abs(threshold - value) / abs(threshold)


def _message(ref: str, step: Step, gap: float, released: bool) -> NearMiss:
    sides = _sides(step)
    assert sides is not None
    value, threshold = format_value(sides[0], step.unit), format_value(sides[1], step.unit)
    parameter = step.parameter() or step.text
    side = "below" if sides[0] < sides[1] else "above"
    where = (
        f"is {gap:.1%} {side} {threshold}" if gap else f"is exactly at {threshold}, on the free side of a strict test"
    )
    if released:
        text = f"{ref} is released only narrowly: {parameter} {value} {where}"
    else:
        text = f"{ref} missed narrowly: {parameter} {value} {where} ({step.text})"
    return NearMiss(
        ref=ref,
        parameter=step.parameter(),
        test=step.text,
        value=value,
        threshold=threshold,
        gap=round(gap, 6),
        message=text,
    )


def _could_be_close(paragraph: CParagraph, ctx: ItemContext, margin: float) -> bool:
    """Cheap pre-check: some numeric comparison of the criterion sits within the margin."""
    criterion = paragraph.criterion
    return criterion is not None and any(isinstance(ctx.values.get(name), float | tuple) for name in criterion.names)


def near_misses_for_failure(centry: CEntry, judge: ParagraphJudge, unit: str, margin: float) -> list[NearMiss]:
    """Near misses that would make the failed class paragraph ``unit`` hold."""
    ctx = judge.ctx
    assert isinstance(ctx, ItemContext)
    found: list[NearMiss] = []
    ref = join_ref(centry.entry.id, unit)
    related = [pid for pid in centry.paragraphs if pid == unit or pid.startswith(unit + ".")]
    related.extend(centry.ancestors(unit))
    for pid in related:
        paragraph = centry.paragraphs[pid]
        if not _could_be_close(paragraph, ctx, margin) or judge.own(paragraph) is not False:
            continue
        assert paragraph.criterion is not None
        tree = paragraph.criterion.tree
        _, steps = explain(tree, ctx)
        for step in steps:
            gap = _gap(step)
            if step.result is not False or gap is None or gap > margin:
                continue
            forced_value, _ = explain(tree, ctx, {id(step.node): True})
            if forced_value is True and judge.holds_with({pid: True}, unit):
                found.append(_message(ref, step, gap, released=False))
    return found


def near_misses_for_release(ref: str, note: CNote, ctx: ItemContext, margin: float) -> list[NearMiss]:
    """Near misses where the release holds by a narrow margin."""
    found = []
    _, steps = explain(note.releases.tree, ctx)
    for step in steps:
        gap = _gap(step)
        if step.result is not True or gap is None or gap > margin:
            continue
        forced_value, _ = explain(note.releases.tree, ctx, {id(step.node): False})
        if forced_value is False:
            found.append(_message(ref, step, gap, released=True))
    return found
