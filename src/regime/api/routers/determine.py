"""Licence determination for everyone: a transaction under one member's rules, or under each side by side."""

from __future__ import annotations

from fastapi import APIRouter, Query

from regime.determine import (
    Comparison,
    Determination,
    Transaction,
    default_party_index,
    determine,
    determine_all,
    load_jurisdiction,
    load_members,
)
from regime.determine.parties import PartyIndex
from regime.model.catalogue import load_catalogue
from regime.once import built_once

router = APIRouter(tags=["determine"])


@built_once
def _parties() -> PartyIndex:
    """The restricted-party index, built on first use and kept."""
    return default_party_index()


@router.post("/determine")
def determine_transaction(transaction: Transaction, member: str | None = Query(None)) -> Determination:
    """The decision under the exporting member's rules (or ``member``'s), with its trace."""
    jurisdiction = load_jurisdiction(member or transaction.exporter)
    return determine(transaction, jurisdiction, parties_index=_parties(), catalogue=load_catalogue())


@router.post("/determine/all-members")
def determine_everywhere(transaction: Transaction) -> Comparison:
    """The same transaction under every member's rules, side by side, with the undercut risks."""
    return determine_all(transaction, load_members(), parties_index=_parties(), catalogue=load_catalogue())
