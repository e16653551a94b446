"""General Prohibition 1: each reason for control of each matched paragraph, crossed with the destination.

A chart column scope reads the Country Chart (an X at the destination's row, own or inherited:
Hong Kong reads China's); a prose scope ("to or within Macau or D:5", "any destination
worldwide") reads the Country Groups through the scope parser; a scope that only points elsewhere
("Refer to § 742.15") reads the written-out scope in ``scopes.yaml``. What cannot be read is an
open question, never a clearance. Paragraphs classification left undecided are crossed too: if one
would require a licence, the missing facts are what the answer needs.
"""

from __future__ import annotations

from regime.countries.chart import ChartRow, Embargoed
from regime.countries.iso import Country
from regime.countries.scope import ScopeKind
from regime.determine.classes import ItemClasses, unread
from regime.determine.memo import Memo
from regime.determine.result import Requirement
from regime.determine.us.lines import Line, conditions_for, entry_lines, reaches
from regime.determine.us.policy import product_policy
from regime.determine.us.rules import EarRuleSet
from regime.determine.work import Work, outcome_for
from regime.lists.compiled import CompiledList
from regime.lists.numbering import parse_ref

GP1 = "GP1: CCL x Country Chart"
GP1_CITE = "15 C.F.R. § 736.2(b)(1); Part 738"


def covers(line: Line, country: Country, rules: EarRuleSet) -> tuple[bool | None, str]:
    """Whether the line's scope reaches ``country``, and how that was read."""
    scope = line.scope
    if scope.kind is ScopeKind.COLUMN:
        row = rules.destinations.chart.lookup(country)
        if isinstance(row, ChartRow):
            mark = "an X" if scope.column in row.marks else "no X"
            via = f" (row {row.row}: {row.basis})" if row.inherited_from else ""
            return scope.column in row.marks, f"{scope.column}: {country.name} has {mark}{via}"
        if isinstance(row, Embargoed):
            return None, f"{scope.column}: {country.name} has no graded row ({row.pointer})"
        return None, f"{scope.column}: {row.missing}"
    if scope.kind is ScopeKind.REFERENCE:
        for ref in scope.references:
            written = rules.references.get(ref)
            if written is not None:
                region, citation = written
                inside = region.covers(country.alpha2)
                word = "reaches" if inside else "does not reach"
                return inside, f"{scope.raw!r} read as {region.text} ({citation}): {word} {country.name}"
        return None, f"the scope {scope.raw!r} points elsewhere and is not written out"
    if scope.kind is ScopeKind.NOT_APPLICABLE:
        return False, "N/A"
    answer = scope.covers(country)
    if answer is None:
        return None, f"the scope {scope.raw!r} does not say whether it reaches {country.name}"
    return answer, f"{scope.raw.strip()!r} {'reaches' if answer else 'does not reach'} {country.name}"


def _covers(memo: Memo, line: Line, country: Country, rules: EarRuleSet) -> tuple[bool | None, str]:
    return memo.get("cover", (id(line), country.alpha2), lambda: covers(line, country, rules))


def product_requirements(
    work: Work, rules: EarRuleSet, clist: CompiledList, cls: ItemClasses, country: Country, memo: Memo
) -> None:
    """Cross every class (and every undecided paragraph) with the destination."""
    embargoed = isinstance(rules.destinations.chart.lookup(country), Embargoed)
    for ref in cls.classes:
        _cross(work, rules, clist, cls, ref, country, memo, embargoed, ())
    for ref, needs in cls.undecided:
        _cross(work, rules, clist, cls, ref, country, memo, embargoed, needs or ("facts the classification needs",))
    if cls.unlisted and cls.to_review:
        work.open(GP1, cls.version, unread(cls))
    elif cls.unlisted:
        name = cls.fallback or "not on the list"
        work.step(GP1, GP1_CITE, f"{name}: no entry of {cls.version} describes the item, so GP1 sets no requirement")


def _cross(
    work: Work,
    rules: EarRuleSet,
    clist: CompiledList,
    cls: ItemClasses,
    ref: str,
    country: Country,
    memo: Memo,
    embargoed: bool,
    undecided: tuple[str, ...],
) -> None:
    eccn = parse_ref(ref).entry
    lines, source = memo.get(
        "lines", (clist.snapshot.version, eccn), lambda: entry_lines(clist, eccn, rules.destinations)
    )
    if not lines:
        work.open(
            GP1, GP1_CITE, f"the licence requirements of {eccn} (no entry in {cls.version} or the eCFR compilation)"
        )
        return
    cite = f"{eccn}, License Requirements ({source})"
    would: list[str] = []
    for line in lines:
        reach, why = reaches(line, ref, cls.for_classes)
        if reach is False:
            continue
        hit, how = _covers(memo, line, country, rules)
        if hit is False:
            if not undecided:
                work.step(GP1, cite, f"{line.label}: {how}", "clear")
            continue
        if hit is None:
            if embargoed and line.scope.kind is ScopeKind.COLUMN:
                continue
            work.open(GP1, cite, f"whether {line.label} reaches {country.name}: {how}")
            continue
        if undecided:
            would.append(f"{line.reason} ({how})")
            continue
        if reach is None:
            work.open(GP1, cite, f"{why} ({line.label}: {how})")
            continue
        conditions = conditions_for(line, ref, cls.for_classes) + line.scope.conditions
        if conditions:
            work.open(GP1, cite, f"whether {ref} meets the line's condition: {'; '.join(conditions)} ({how})")
            continue
        policy = product_policy(rules, line.reason, ref, country.alpha2)
        requirement = Requirement(
            id=f"{ref} {line.reason}",
            rule=GP1,
            citation=cite,
            basis="product",
            text=f"{line.label}: {how}",
            outcome=outcome_for(policy),
            reason=line.reason,
            ref=ref,
            exceptions_apply=True,
            policy=policy,
        )
        work.require(requirement, f"{ref} ({why}) — {line.label}: {how} → licence required")
    if would:
        needs = ", ".join(undecided)
        work.open(GP1, cite, f"{needs} — classification left {ref} undecided; if it applies: {'; '.join(would)}")
