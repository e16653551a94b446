"""One transaction per change: the work and its audit rows commit together or not at all."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from regime.store import Actor, Store, audit
from regime.store.models import AuditEntry, Regime

ALICE = Actor("user:alice", "US")


def _regime(regime_id: str, at: dt.datetime) -> Regime:
    return Regime(
        id=regime_id,
        name=regime_id,
        founded=dt.date(2000, 1, 1),
        definition={},
        definition_sha256="0" * 64,
        loaded_at=at,
    )


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_change_commits_its_rows_and_one_audit_row(store: Store) -> None:
    with store.change(ALICE) as change:
        change.session.add(_regime("r1", change.at))
        change.audit("regime.create", "regime:r1", {"id": "r1"})
    assert _count(store, Regime) == 1
    with store.read() as session:
        row = session.scalars(select(AuditEntry)).one()
    assert (row.seq, row.actor, row.member, row.action) == (1, "user:alice", "US", "regime.create")


def test_a_failed_change_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError, match="half-way"), store.change(ALICE) as change:
        change.session.add(_regime("r1", change.at))
        change.session.flush()
        change.audit("regime.create", "regime:r1", {})
        raise RuntimeError("failed half-way")
    assert (_count(store, Regime), _count(store, AuditEntry)) == (0, 0)


def test_a_change_that_violates_a_constraint_rolls_back_its_earlier_writes(store: Store) -> None:
    with store.change(ALICE) as change:
        change.session.add(_regime("r1", change.at))
        change.audit("regime.create", "regime:r1", {})
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), store.change(ALICE) as change:
        change.session.add(_regime("r2", change.at))
        change.session.flush()
        change.session.add(_regime("r1", change.at))
        change.audit("regime.create", "regime:r1", {})
    assert _count(store, Regime) == 1
    assert _count(store, AuditEntry) == 1


def test_a_change_without_an_audit_record_is_refused(store: Store) -> None:
    with pytest.raises(RuntimeError, match="audit"), store.change(ALICE) as change:
        change.session.add(_regime("r1", change.at))
    assert _count(store, Regime) == 0


def test_concurrent_changes_keep_one_unbroken_chain(store: Store) -> None:
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(8):
                with store.change(Actor(f"user:w{worker}")) as change:
                    change.session.add(_regime(f"r{worker}-{n}", change.at))
                    change.audit("regime.create", f"regime:r{worker}-{n}", {"n": n})
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(store, Regime) == 48
    with store.read() as session:
        report = audit.verify(session)
    assert (report.rows, report.intact) == (48, True)
