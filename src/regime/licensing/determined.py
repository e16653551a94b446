"""From a determination to the licence that covers it: which outcome needs one, and which licence fits.

``shipment_of`` reads a determination and its transaction as a ``Shipment`` (the jurisdiction is
the issuer whose licence is needed; the classes, parties, quantity and value come along).
``find_cover`` then says whether a licence is needed at all, which one covers the shipment, or
why each candidate fails. A prohibited transaction is never covered; an indeterminate one is not
read as covered either: the statement names what the determination is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from regime.determine import Determination, Outcome, Transaction
from regime.licensing.cover import Candidate, Shipment, Terms, best, check
from regime.licensing.money import Money
from regime.licensing.rates import RateTable

NEEDS_LICENCE = frozenset({Outcome.LICENCE_REQUIRED, Outcome.PRESUMPTION_OF_DENIAL})
MAY_USE_AUTHORISATION = frozenset({Outcome.EXCEPTION_AVAILABLE})


class Cover(BaseModel):
    """Whether a licence is needed, the licence that covers the shipment, and every candidate checked."""

    model_config = ConfigDict(frozen=True)

    outcome: Outcome
    needed: bool | None
    licence: Candidate | None
    candidates: tuple[Candidate, ...]
    statement: str


def _party(tx: Transaction, role: str) -> str | None:
    return next((p.name for p in tx.parties if p.role == role), None)


def shipment_of(det: Determination, tx: Transaction, declared: Iterable[str] = ()) -> Shipment:
    """The shipment a determination is about, as licences read it (the value in U.S. dollars)."""
    return Shipment(
        date=tx.date,
        issuer=det.jurisdiction,
        kind=tx.kind,
        classes=tuple(det.classes),
        product=tx.item if isinstance(tx.item, str) else None,
        destination=tx.destination or "",
        consignee=_party(tx, "consignee"),
        end_user=_party(tx, "end_user"),
        quantity=tx.quantity,
        value=Money(amount=Decimal(str(tx.value_usd)), currency="USD") if tx.value_usd is not None else None,
        declared=tuple(declared),
        exceptions=tuple(det.exceptions),
    )


def _refusals(candidates: Iterable[Candidate]) -> str:
    return "; ".join(f"{c.number}: " + ", ".join(r.message for r in c.reasons) for c in candidates)


def find_cover(
    licences: Iterable[Terms], shipment: Shipment, rates: RateTable, outcome: Outcome = Outcome.LICENCE_REQUIRED
) -> Cover:
    """The licence that covers ``shipment`` given the determination's ``outcome``, or why none does."""
    terms = list(licences)
    checked = [(t, check(t, shipment, rates)) for t in terms]
    candidates = tuple(c for _, c in checked)
    if outcome is Outcome.PROHIBITED:
        return Cover(
            outcome=outcome,
            needed=None,
            licence=None,
            candidates=(),
            statement="the transaction is prohibited: no licence can cover it",
        )
    if outcome is Outcome.INDETERMINATE:
        return Cover(outcome=outcome, needed=None, licence=None, candidates=candidates,
                     statement="the determination is indeterminate: settle what it is missing before relying on a licence")  # fmt: skip
    if outcome is Outcome.NO_LICENCE_REQUIRED:
        return Cover(
            outcome=outcome,
            needed=False,
            licence=None,
            candidates=(),
            statement="the determination found no licence required",
        )
    found = best(checked)
    needed = outcome in NEEDS_LICENCE
    if found is not None:
        statement = f"covered by {found.number}"
    elif not terms:
        statement = "no licence on record" + (" covers it" if needed else "; an available authorisation may be used")
    else:
        statement = "no licence fits: " + _refusals(candidates)
    return Cover(outcome=outcome, needed=needed, licence=found, candidates=candidates, statement=statement)
