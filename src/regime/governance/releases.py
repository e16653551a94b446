"""List releases: an adopted proposal becomes a new dated, numbered release of the list, with its diff.

``publish_release`` is the one call that turns an adopted proposal into a release. It is written
to be wired to ``regime.lists`` (the control-list model). What it needs from there:

1. the entries of list ``list_id`` in force on a date, as documents in the entry YAML schema
   (the base a proposal's diff is computed against, and that its removals must exist in);
2. a check that each changed document is a valid entry (schema, expressions, units), raising
   ``InputError`` naming the entry and field, so a bad adoption rolls back whole;
3. a way to record the changed documents as dated values from ``effective`` (never rewriting
   what the list said before that date).

``regime.lists.reform`` now has the shape for 2 and 3: a proposal's ``changes`` plus its effective
date is a reform (``reform_from_yaml({"name", "effective", "entries", "remove"})`` validates each
document as an ``EntryDoc``; ``apply_reform(load_docs(list_folder(list_id)), reform)`` applies it
from the date). The regime definitions' list ids must then name list folders (only ``mtcr-annex``
does today). Until that wiring, the base is the fold of the releases stored here
(``entries_in_force``), the diff is ``regime.governance.listdiff``, and documents are checked
only for an ``id``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regime.governance.listdiff import Document, ListChanges, apply, diff
from regime.store import Change
from regime.store.models import ListRelease, Proposal


def entries_in_force(session: Session, regime_id: str, list_id: str, on: dt.date | None = None) -> dict[str, Document]:
    """The list's entries as of ``on`` (all releases when ``None``): the releases folded in number order."""
    query = select(ListRelease).where(ListRelease.regime_id == regime_id, ListRelease.list_id == list_id)
    if on is not None:
        query = query.where(ListRelease.effective <= on)
    entries: dict[str, Document] = {}
    for release in session.scalars(query.order_by(ListRelease.number)):
        entries = apply(entries, ListChanges.model_construct(entries=release.entries, remove=release.removed))
    return entries


def publish_release(change: Change, proposal: Proposal, effective: dt.date) -> ListRelease:
    """Turn the adopted ``proposal`` into the next release of its list, effective on ``effective``."""
    session = change.session
    changes = ListChanges.model_validate(proposal.changes)
    before = entries_in_force(session, proposal.regime_id, proposal.list_id)
    summary = diff(before, changes, list_name=f"{proposal.regime_id}/{proposal.list_id}")
    latest = session.scalar(
        select(func.max(ListRelease.number)).where(
            ListRelease.regime_id == proposal.regime_id, ListRelease.list_id == proposal.list_id
        )
    )
    release = ListRelease(
        regime_id=proposal.regime_id,
        list_id=proposal.list_id,
        number=(latest or 0) + 1,
        effective=effective,
        proposal_id=proposal.id,
        entries=changes.entries,
        removed=changes.remove,
        diff=summary.model_dump(),
        created_at=change.at,
    )
    session.add(release)
    session.flush()
    change.audit("list.release", f"release:{release.id}", _payload(release))
    return release


def _payload(release: ListRelease) -> dict[str, Any]:
    return {
        "regime": release.regime_id,
        "list": release.list_id,
        "number": release.number,
        "effective": release.effective.isoformat(),
        "proposal": release.proposal_id,
        "diff": release.diff,
    }
