"""The words effort files and criteria may use: action kinds, actor roles and attributes.

The vocabulary lives at the top of ``criteria.yaml``. Checking both criteria and efforts against it
turns a typo ("head-of-goverment") into an error naming the field, instead of silently missing evidence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from regime.assess.codes import party_code
from regime.assess.model import Action, Criterion, Rule
from regime.assess.when import parse_partial_date
from regime.errors import UnknownCountryError

AttributeType = Literal["list", "value", "bool", "int", "date", "text", "countries"]


class AttributeSpec(BaseModel):
    """What an attribute holds and, for ``list``/``value``, which words it may use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: AttributeType
    about: str
    values: dict[str, str] | None = None


class Vocabulary(BaseModel):
    """Kinds, roles and attributes, each with a one-line meaning."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kinds: dict[str, str]
    roles: dict[str, str]
    attributes: dict[str, AttributeSpec]

    def action_problems(self, action: Action) -> list[str]:
        """Each problem as ``field: message``; empty when the action uses only known words."""
        problems: list[str] = []
        if action.kind not in self.kinds:
            problems.append(f"kind: unknown kind {action.kind!r} (known: {', '.join(self.kinds)})")
        for i, actor in enumerate(action.actors):
            if actor.role not in self.roles:
                problems.append(f"actors[{i}].role: unknown role {actor.role!r}")
            if actor.party is not None:
                try:
                    party_code(actor.party)
                except UnknownCountryError as exc:
                    problems.append(f"actors[{i}].party: {exc}")
        for name, value in action.attributes.items():
            problem = self._value_problem(name, value)
            if problem:
                problems.append(f"attributes.{name}: {problem}")
        return problems

    def rule_problems(self, criterion: Criterion) -> list[str]:
        """Problems in a criterion's rules: kinds, roles or attributes the vocabulary lacks."""
        problems: list[str] = []
        levels = {"met": criterion.met, "partly": criterion.partly}
        rules: list[tuple[str, Rule]] = [
            (f"{name}.{part}[{i}]", rule)
            for name, level in levels.items()
            for part in ("all", "any")
            for i, rule in enumerate(getattr(level, part))
        ]
        rules += [(f"against[{i}]", rule) for i, rule in enumerate(criterion.against)]
        while rules:
            where, rule = rules.pop()
            problems += [f"{where}.kinds: unknown kind {k!r}" for k in rule.kinds if k not in self.kinds]
            problems += [f"{where}.roles: unknown role {r!r}" for r in rule.roles if r not in self.roles]
            problems += [f"{where}.where: unknown attribute {a!r}" for a in rule.where if a not in self.attributes]
            if rule.after is not None:
                rules.append((f"{where}.after", rule.after))
        return problems

    def _value_problem(self, name: str, value: Any) -> str | None:
        spec = self.attributes.get(name)
        if spec is None:
            return f"unknown attribute (known: {', '.join(self.attributes)})"
        if spec.type in ("list", "countries"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "expected a list of words"
            words = value
        elif spec.type == "value":
            if not isinstance(value, str):
                return "expected one word"
            words = [value]
        else:
            return _scalar_problem(spec.type, value)
        if spec.type == "countries":
            return _countries_problem(words)
        unknown = [w for w in words if spec.values is not None and w not in spec.values]
        return f"unknown value(s) {unknown} (known: {', '.join(spec.values or {})})" if unknown else None


def _scalar_problem(kind: AttributeType, value: Any) -> str | None:
    if kind == "bool":
        return None if isinstance(value, bool) else "expected true or false"
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "expected a whole number"
    if kind == "date":
        try:
            parse_partial_date(value if not isinstance(value, dt.date) else value.isoformat())
        except ValueError as exc:
            return str(exc)
        return None
    return None if isinstance(value, str) else "expected text"


def _countries_problem(words: list[str]) -> str | None:
    for word in words:
        try:
            code = party_code(word)
        except UnknownCountryError as exc:
            return str(exc)
        if code != word:
            return f"write {word!r} as its ISO alpha-2 code {code!r}"
    return None
