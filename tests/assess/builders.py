"""Small builders for hand-made actions, efforts and share rows in the assess tests."""

from __future__ import annotations

from typing import Any

from regime.assess.coverage import InputShares
from regime.assess.model import Action, Effort


def act(action_id: str, date: str, kind: str, *parties: str, role: str = "unspecified", **attributes: Any) -> Action:
    """An action by the given parties (all in ``role``), with attributes, citing a test reference."""
    actors = [{"party": p, "role": role} for p in parties] or [{"group": "someone", "role": role}]
    return Action.model_validate(
        {
            "id": action_id,
            "date": date,
            "kind": kind,
            "actors": actors,
            "attributes": attributes,
            "summary": f"test action {action_id}",
            "source": {"ref": "test", "where": "here", "tag": "V"},
        }
    )


def effort(*actions: Action, initiator: str = "US", partners: tuple[str, ...] = ("JP", "NL")) -> Effort:
    """An effort made of the given actions."""
    return Effort.model_validate(
        {
            "id": "test",
            "name": "Test effort",
            "initiator": initiator,
            "partners": list(partners),
            "summary": "made in a test",
            "references": {"test": {"title": "a test"}},
            "actions": [a.model_dump() for a in actions],
        }
    )


def shares(
    input_id: str, countries: dict[str, float], aggregates: tuple[tuple[str, frozenset[str] | None, float], ...] = ()
) -> InputShares:
    """Shares of one input given directly as fractions."""
    return InputShares(input_id, input_id, 2025, (), countries, aggregates, ())
