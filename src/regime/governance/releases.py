"""List releases: an adopted proposal becomes a new dated, numbered release of the list, with its diff.

Where the regime's list is a bundled list as code (``data/lists/<list id>``), a release is a reform of
it (``regime.lists.releases``): before a release is stored, its entry documents are validated and the
list is compiled on the effective date, so a bad entry, criterion or unit rolls the adoption back
whole; the list in force on a date is the bundled list with every release applied from its date.
Lists kept only here (e.g. COCOM's) are the fold of their releases.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regime.governance.listdiff import Document, ListChanges, apply, diff
from regime.lists.releases import Release, adopted, check_release, entry_documents, list_docs
from regime.store import Change
from regime.store.models import ListRelease, Proposal


def _stored(session: Session, regime_id: str, list_id: str, on: dt.date | None) -> list[ListRelease]:
    query = select(ListRelease).where(ListRelease.regime_id == regime_id, ListRelease.list_id == list_id)
    if on is not None:
        query = query.where(ListRelease.effective <= on)
    return list(session.scalars(query.order_by(ListRelease.number)))


def _as_release(row: ListRelease) -> Release:
    return Release(row.number, row.effective, row.entries, row.removed)


def entries_in_force(session: Session, regime_id: str, list_id: str, on: dt.date | None = None) -> dict[str, Document]:
    """The list's entries in force on ``on`` (after every release when ``None``), as entry documents."""
    rows = _stored(session, regime_id, list_id, on)
    base = list_docs(list_id)
    if base is not None:
        docs = adopted(base, [_as_release(row) for row in rows])
        current = docs.entries.values()
        in_force = (d for d in current if (d.in_force.end is None if on is None else d.in_force.covers(on)))
        return {doc.id: doc.model_dump(mode="json", exclude_defaults=True) for doc in in_force}
    entries: dict[str, Document] = {}
    for row in rows:
        entries = apply(entries, ListChanges.model_construct(entries=row.entries, remove=row.removed))
    return entries


def check_changes(session: Session, regime_id: str, list_id: str, changes: ListChanges, effective: dt.date) -> None:
    """Refuse a change set that is not valid list data (schema, criteria, units) on its effective date."""
    base = list_docs(list_id)
    pending = Release(0, effective, changes.entries, changes.remove)
    if base is None:
        entry_documents(changes.entries, where=f"{regime_id}/{list_id}")
        return
    earlier = [_as_release(row) for row in _stored(session, regime_id, list_id, None)]
    check_release(
        base,
        earlier,
        Release(max((r.number for r in earlier), default=0) + 1, effective, pending.entries, pending.remove),
    )


def publish_release(change: Change, proposal: Proposal, effective: dt.date) -> ListRelease:
    """Turn the adopted ``proposal`` into the next release of its list, effective on ``effective``."""
    session = change.session
    changes = ListChanges.model_validate(proposal.changes)
    check_changes(session, proposal.regime_id, proposal.list_id, changes, effective)
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
