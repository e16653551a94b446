"""Which licence covers a case: the attached one checked against the determinations, or the one to attach.

A licence is read against each determination that needs one (or may use an authorisation) from
its issuer: items, destination, parties, dates and conditions must fit; balances and exchange
rates are left to the shipment, when the draw is made (``regime.licensing.ledger``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.determine import Determination, Transaction
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.licensing.cover import check
from regime.licensing.determined import MAY_USE_AUTHORISATION, NEEDS_LICENCE, shipment_of
from regime.licensing.ledger import BALANCE
from regime.licensing.rates import RateTable
from regime.licensing.register import own_licence
from regime.licensing.views import terms_of
from regime.store.models import ComplianceCase, Licence

AT_SHIPMENT = BALANCE | {"rate_missing"}


def needing(case: ComplianceCase) -> list[Determination]:
    """The case's determinations that need a licence or may use an authorisation."""
    found = [
        Determination.model_validate({**d, "jurisdiction_name": d["jurisdiction"], "transaction": case.reference})
        for d in case.determinations
    ]
    return [d for d in found if d.outcome in NEEDS_LICENCE | MAY_USE_AUTHORISATION]


def unfit(licence: Licence, case: ComplianceCase) -> list[str] | None:
    """Why ``licence`` does not cover the case (empty: it does); None when no determination needs its issuer's."""
    tx = Transaction.model_validate(case.transaction)
    for det in needing(case):
        if det.jurisdiction.upper() == licence.issuing_member:
            reasons = check(terms_of(licence), shipment_of(det, tx), RateTable()).reasons
            return [r.message for r in reasons if r.code not in AT_SHIPMENT]
    return None


def require_cover(session: Session, who: Principal, case: ComplianceCase, licence_id: int) -> None:
    """The caller's licence ``licence_id`` covers the case, or StateConflictError saying why not."""
    licence = own_licence(session, who, licence_id)
    reasons = unfit(licence, case)
    if reasons is None:
        raise StateConflictError(
            f"licence {licence.number} is {licence.issuing_member}'s; no determination of case {case.id} needs one from it"
        )
    if reasons:
        raise StateConflictError(f"licence {licence.number} does not cover case {case.id}: " + "; ".join(reasons))


def suggestion(session: Session, case: ComplianceCase) -> str:
    """Which of the owner's licences would cover the case, or that none on record does."""
    query = select(Licence).where(Licence.owner == case.owner).order_by(Licence.expires_on, Licence.id)
    for licence in session.scalars(query):
        if unfit(licence, case) == []:
            return f"licence {licence.number} (id {licence.id}) covers it"
    return "no licence on record covers it"
