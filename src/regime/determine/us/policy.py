"""Licence review policies: for product-based requirements from ``policies.yaml``; for party-list
entries read from the entry's own License Review Policy text.

The strictest policy decides a determination's review policy ("if any policy requires denial,
deny", 744.16); a party-list text naming several levels is read at its strictest, and shown whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from regime.determine.result import POLICY_RANK, PolicyLevel, ReviewPolicy
from regime.determine.us.rules import EarRuleSet


def product_policy(rules: EarRuleSet, reason: str, ref: str, code: str) -> ReviewPolicy | None:
    """The first policy record matching the reason, the class and the destination."""
    for placed in rules.policies:
        doc = placed.doc
        if reason in doc.reasons and doc.items.reaches((ref,), False) and placed.region.covers(code):
            return doc.policy.policy()
    return None


def party_policy(rules: EarRuleSet, text: str | None, citation: str) -> ReviewPolicy | None:
    """A party-list entry's review policy text with its level (the strictest level the text names)."""
    if not text:
        return None
    lowered = text.lower()
    levels: list[PolicyLevel] = [level for pattern, level in rules.policy_patterns if pattern in lowered]
    if not levels:
        return ReviewPolicy(level="case_by_case", text=f"{text} (read as case by case)", citation=citation)
    level = max(levels, key=POLICY_RANK.__getitem__)
    return ReviewPolicy(level=level, text=text, citation=citation)


def strictest(policies: Iterable[ReviewPolicy | None]) -> ReviewPolicy | None:
    """The strictest of some policies (None when there are none)."""
    found = [p for p in policies if p is not None]
    return max(found, key=lambda p: p.rank) if found else None
