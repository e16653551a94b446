"""Entity-type feature: can the query and the party be the same kind of thing?

The query's kind is what the caller says (person, organisation, vessel, aircraft) or, when
the name carries a legal form, an organisation. A person can never be a company or a ship:
-1 when both kinds are known and differ, 0 otherwise (unknown is never a disagreement).
"""

from __future__ import annotations

from regime.screen.listdata import PartyKind


def type_agreement(query: PartyKind, party: PartyKind) -> float:
    """-1 when both kinds are known and differ, else 0."""
    if query == "unknown" or party == "unknown":
        return 0.0
    return 0.0 if query == party else -1.0
