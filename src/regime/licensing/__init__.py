"""Licences and their use: what a company or a member state holds, what covers a shipment, what is left.

    from regime.licensing import register, ledger, member
    register.add(store, who, LicenceInput(...))                  # record a licence
    register.cover(store, who, shipment_of(det, tx), rates)     # which licence covers a determination
    ledger.draw(store, who, licence_id, DrawInput(...), rates)  # decrement it, atomically; refuse an over-draw
    ledger.restore(store, who, usage_id, RestoreInput(...))     # a return or cancellation
    member.grant(store, who, regime_id, MemberGrant(...))        # a member's grant, after the no-undercut check

``cover.py`` is the pure matching (licence terms and a shipment in, a fit or the reasons out);
``ledger.py`` the stateful usage ledger; ``rates.py`` the user's exchange-rate table.
"""

from regime.licensing.cover import Candidate, Reason, Shipment, Terms, check
from regime.licensing.determined import Cover, find_cover, shipment_of
from regime.licensing.ledger import DrawInput, NotCoveredError, OverdrawError, RestoreInput
from regime.licensing.money import Money
from regime.licensing.rates import MissingRateError, Rate, RateTable, load_rates
from regime.licensing.terms import Condition, LicenceInput, LicensedItem

__all__ = [
    "Candidate",
    "Condition",
    "Cover",
    "DrawInput",
    "LicenceInput",
    "LicensedItem",
    "MissingRateError",
    "Money",
    "NotCoveredError",
    "OverdrawError",
    "Rate",
    "RateTable",
    "Reason",
    "RestoreInput",
    "Shipment",
    "Terms",
    "check",
    "find_cover",
    "load_rates",
    "shipment_of",
]
