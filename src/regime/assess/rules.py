"""Matching actions against evidence rules (pure): which actions satisfy a rule, does a level hold.

A rule matches an action when the kind, an actor (role, initiator or partner), the attributes and
the number of states all fit, and, if the rule says so, the action follows another within a delay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from regime.assess.model import Action, Condition, Level, Rule


def condition_holds(condition: Condition, value: Any) -> bool:
    """Whether an attribute value (``None`` when absent) satisfies a condition."""
    if value is None:
        return condition.present is False
    if condition.present is False:
        return False
    words = {str(v) for v in value} if isinstance(value, list) else {str(value)}
    checks = (
        condition.any_of is None or len(words & set(condition.any_of)) >= condition.at_least,
        condition.all_of is None or set(condition.all_of) <= words,
        condition.equals is None or (type(value) is type(condition.equals) and value == condition.equals),
        condition.max is None or (_is_number(value) and value <= condition.max),
        condition.min is None or (_is_number(value) and value >= condition.min),
    )
    return all(checks)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _actor_fits(rule: Rule, action: Action, initiator: str) -> bool:
    if not rule.roles and rule.actor == "any":
        return True
    for actor in action.actors:
        if rule.roles and actor.role not in rule.roles:
            continue
        if rule.actor == "initiator" and actor.party != initiator:
            continue
        if rule.actor == "partner" and (actor.party is None or actor.party == initiator):
            continue
        return True
    return False


def _follows(rule: Rule, action: Action, actions: Sequence[Action], initiator: str) -> bool:
    if rule.after is None:
        return True
    day = action.date.known_by
    for earlier in actions:
        if earlier is action or earlier.date.known_by > day:
            continue
        if rule.within_days is not None and (day - earlier.date.known_by).days > rule.within_days:
            continue
        if action_matches(rule.after, earlier, actions, initiator):
            return True
    return False


def action_matches(rule: Rule, action: Action, actions: Sequence[Action], initiator: str) -> bool:
    """Whether one action satisfies the rule (``actions`` are those an ``after`` clause may point to)."""
    return (
        (not rule.kinds or action.kind in rule.kinds)
        and _actor_fits(rule, action, initiator)
        and all(condition_holds(c, action.attributes.get(name)) for name, c in rule.where.items())
        and action.state_count >= rule.min_states
        and _follows(rule, action, actions, initiator)
    )


def matching(rule: Rule, actions: Sequence[Action], initiator: str) -> list[Action]:
    """The actions that satisfy the rule, if there are at least ``rule.count`` of them; else none."""
    found = [a for a in actions if action_matches(rule, a, actions, initiator)]
    return found if len(found) >= rule.count else []


@dataclass(frozen=True)
class LevelOutcome:
    """Whether a level holds, the (rule, action) pairs that support it, and the rules that failed."""

    holds: bool
    support: tuple[tuple[Rule, Action], ...]
    failed: tuple[Rule, ...]


def level_outcome(level: Level, actions: Sequence[Action], initiator: str) -> LevelOutcome:
    """Evaluate a level: all ``all`` rules hold and, if any ``any`` rules are given, one of them."""
    support: list[tuple[Rule, Action]] = []
    failed: list[Rule] = []
    for rule in level.all:
        found = matching(rule, actions, initiator)
        support += [(rule, a) for a in found]
        if not found:
            failed.append(rule)
    any_held = not level.any
    for rule in level.any:
        found = matching(rule, actions, initiator)
        support += [(rule, a) for a in found]
        any_held = any_held or bool(found)
    if not any_held:
        failed += level.any
    empty = not level.all and not level.any
    return LevelOutcome(not failed and not empty, tuple(support), tuple(failed))
