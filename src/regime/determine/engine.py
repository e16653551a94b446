"""Licence determination: ``determine(transaction, jurisdiction)`` -> the outcome with its reasoning.

Pure over its inputs: the transaction, the member's loaded rules (lists compiled per date by the
loader's cache), the party index and the item catalogue. ``decide`` does everything except the
shipment's value, so callers deciding many transactions can share its answer through a ``Memo``;
``determine`` is ``decide`` then ``conclude`` — the one code path the single call and the batch share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from regime.determine.compare import undercut_risks
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.loader import default_party_index
from regime.determine.memo import Memo
from regime.determine.national.listed import decide_listed
from regime.determine.outcome import conclude
from regime.determine.parties import PartyIndex
from regime.determine.result import Comparison, Determination
from regime.determine.transaction import Transaction
from regime.determine.us.ear import decide_ear
from regime.determine.work import Work
from regime.model.catalogue import load_catalogue
from regime.model.item import Item


def decide(
    tx: Transaction, jurisdiction: Jurisdiction, index: PartyIndex, catalogue: Mapping[str, Item], memo: Memo
) -> Work:
    """Everything the member's rules say about ``tx`` except what depends on its value."""
    if jurisdiction.engine == "ear":
        return decide_ear(tx, jurisdiction, index, catalogue, memo)
    return decide_listed(tx, jurisdiction, catalogue, memo)


def determine(
    transaction: Transaction,
    jurisdiction: Jurisdiction,
    *,
    parties_index: PartyIndex | None = None,
    catalogue: Mapping[str, Item] | None = None,
    memo: Memo | None = None,
) -> Determination:
    """The determination of ``transaction`` under ``jurisdiction``'s rules, with its trace.

    ``parties_index`` defaults to the bundled Consolidated Screening List, ``catalogue`` to the
    bundled catalogue; ``memo`` lets a caller share sub-answers across many calls.
    """
    tx = transaction.for_member(jurisdiction.id)
    index = parties_index if parties_index is not None else default_party_index()
    items = catalogue if catalogue is not None else load_catalogue()
    work = decide(tx, jurisdiction, index, items, memo if memo is not None else Memo())
    return conclude(work, tx.value_usd)


def determine_all(
    transaction: Transaction,
    jurisdictions: Iterable[Jurisdiction],
    *,
    parties_index: PartyIndex | None = None,
    catalogue: Mapping[str, Item] | None = None,
    memo: Memo | None = None,
) -> Comparison:
    """The same transaction under each member's rules, side by side, with the undercut risks."""
    shared = memo if memo is not None else Memo()
    found = [
        determine(transaction, j, parties_index=parties_index, catalogue=catalogue, memo=shared) for j in jurisdictions
    ]
    return Comparison(transaction=transaction.label, determinations=found, undercut_risks=undercut_risks(found))
