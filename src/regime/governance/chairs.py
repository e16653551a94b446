"""The essay's advice on chairs: spread them among partners; the initiator cannot play all the leading roles.

``chair_warnings`` reads a definition and says where it departs from that advice. Warnings, not
errors: COCOM, for instance, is loaded as history even though its chairs are not recorded.
"""

from __future__ import annotations

from collections import Counter

from regime.governance.definition import RegimeDefinition


def chair_warnings(definition: RegimeDefinition) -> list[str]:
    """Warnings about how the chairs of the plenary and working groups are distributed."""
    chairs = definition.chairs()
    posts = 1 + len(definition.working_groups)
    if not chairs:
        return [f"{definition.short_name}: no chairs are recorded for the plenary or the working groups"]
    warnings: list[str] = []
    holders = Counter(chairs.values())
    holder, held = holders.most_common(1)[0]
    if posts > 1 and held == posts:
        warnings.append(
            f"{definition.short_name}: {holder} holds every chair ({', '.join(chairs)}); "
            "spread them among partners to show the breadth of support"
        )
    elif definition.initiator and holders[definition.initiator] > posts / 2:
        warnings.append(
            f"{definition.short_name}: the initiator {definition.initiator} holds "
            f"{holders[definition.initiator]} of {posts} chairs; it cannot play all the leading roles"
        )
    vacant = [f"working group {g.id}" for g in definition.working_groups if g.chair is None]
    if definition.plenary.chair is None:
        vacant.insert(0, "plenary")
    if vacant:
        warnings.append(f"{definition.short_name}: no chair recorded for {', '.join(vacant)}")
    return warnings
