"""Decision memory: a reviewer's verdict on a name against a list entry, applied again until either changes.

The key is (owner, normalised name, list, entry id, entry content hash). A name written the same
way after normalisation (case, accents, punctuation) finds the decision; a differently written
name, or an entry whose content changed (new aliases, a new address, another legal effect), does
not, and the hit is reviewed afresh. A confirmed match is final for its key: it cannot be cleared.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.exchange.matching import normalise_name
from regime.governance.errors import StateConflictError
from regime.store import Change
from regime.store.models import CaseHit, ScreeningDecision

CLEARED, CONFIRMED = "false_positive", "confirmed"


def key_of(owner: str, hit: CaseHit) -> dict[str, str]:
    """The memory key of a hit."""
    return {
        "owner": owner,
        "name_key": normalise_name(hit.party),
        "list_code": hit.list_code,
        "entry_id": hit.entry_id,
        "entry_hash": hit.entry_hash,
    }


def recall(session: Session, owner: str, hit: CaseHit) -> ScreeningDecision | None:
    """The decision remembered for the hit's key, if any."""
    key = key_of(owner, hit)
    query = select(ScreeningDecision).where(*(getattr(ScreeningDecision, k) == v for k, v in key.items()))
    return session.scalar(query)


def remember(change: Change, owner: str, hit: CaseHit, verdict: str, reason: str, by: str) -> ScreeningDecision:
    """Record a reviewer's verdict for the hit's key; a confirmed match is never turned into a clearance."""
    known = recall(change.session, owner, hit)
    if known is not None and known.verdict == CONFIRMED:
        raise StateConflictError(
            f"{hit.party!r} was confirmed as {hit.list_code} entry {hit.entry_name!r} (decision {known.id}): "
            "a confirmed match stays confirmed until the name or the entry changes"
        )
    if known is not None:
        known.verdict, known.reason, known.decided_by, known.decided_at = verdict, reason, by, change.at
        known.case_id = hit.case_id
        return known
    decision = ScreeningDecision(
        **key_of(owner, hit), verdict=verdict, reason=reason, decided_by=by, decided_at=change.at, case_id=hit.case_id
    )
    change.session.add(decision)
    change.session.flush()
    return decision
