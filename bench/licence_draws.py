"""Licence draws under concurrent use on PostgreSQL: decrements per second, and never an over-draw.

Several processes (each its own ``Store``, as separate service workers would be) draw shipments on
licences through ``regime.licensing.ledger.draw`` at once, released together by a barrier. Two
scenarios for each number of processes:

- ``contended``: every process draws 1 unit at a time on the *same* licence, whose limit is three
  quarters of what they ask in all, so the last draws race for the last units and must be refused.
- ``spread``: each process draws on a licence of its own (no row contention; the audit chain's
  append lock is still shared).

After each run the store is read back: draws acknowledged to the callers against draw rows recorded
in the ledger and ``licence.draw`` entries in the audit log, the balance against the limit minus
what was acknowledged, and the audit chain verified. Any over-draw, lost or phantom draw fails the
run. ``draws/s`` counts acknowledged decrements, ``answers/s`` refusals too. Baseline in the same
process: one process drawing alone; the others are shown as a ratio of its draws/s.

    .venv/bin/python -m bench.licence_draws [--draws 200] [--processes 1 2 4]

PostgreSQL at ``REGIME_PG_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``); a fresh
database is created beside it and dropped after.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from typing import Any

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from regime.governance.users import add_user, authenticate
from regime.licensing import ledger, register
from regime.licensing.ledger import DrawInput, OverdrawError
from regime.licensing.terms import LicenceInput
from regime.store import Actor, Store, audit
from regime.store.engine import normalise_url
from regime.store.migrate import upgrade
from regime.store.models import AuditEntry, LicenceUsage

PG_URL = os.environ.get("REGIME_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SEEDER = Actor("operator:bench")
UNIT_VALUE = 10  # USD per unit drawn
LICENCE: dict[str, Any] = {
    "issuing_member": "US", "authority": "BIS", "holder": "Bench Systems Inc.", "items": [{"entry": "3A090.a"}],
    "destinations": ["SG"], "end_users": ["Example Cloud Pte Ltd"], "currency": "USD",
    "valid_from": "2020-01-01", "expires_on": "2099-12-31",
}  # fmt: skip


@contextlib.contextmanager
def fresh_database() -> Iterator[str]:
    """A new, migrated PostgreSQL database (dropped after)."""
    url = make_url(normalise_url(PG_URL))
    name = f"regime_bench_{secrets.token_hex(4)}"
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
        try:
            fresh = url.set(database=name).render_as_string(hide_password=False)
            store = Store(fresh)
            upgrade(store)
            store.dispose()
            yield fresh
        finally:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def shipment(ref: str) -> DrawInput:
    """One unit of 3A090.a to Singapore."""
    return DrawInput.model_validate(
        {"shipment": ref, "destination": "SG", "classes": ["3A090.a"], "quantity": 1,
         "end_user": "Example Cloud Pte Ltd", "value": {"amount": str(UNIT_VALUE), "currency": "USD"}}
    )  # fmt: skip


def drawer(url: str, token: str, licence: int, name: str, draws: int, barrier: Barrier, out: mp.Queue[Any]) -> None:
    """Draw ``draws`` shipments on ``licence`` once everyone is ready; report what each call answered."""
    store = Store(url)
    who = authenticate(store, token)
    plan = [shipment(f"{name}-{n}") for n in range(draws)]
    barrier.wait(timeout=120)
    counts: Counter[str] = Counter()
    started = time.monotonic()
    for data in plan:
        try:
            ledger.draw(store, who, licence, data)
            counts["acknowledged"] += 1
        except OverdrawError:
            counts["refused"] += 1
        except Exception as error:  # any other answer is counted, never hidden
            counts[f"error {type(error).__name__}"] += 1
    out.put((name, dict(counts), started, time.monotonic()))
    store.dispose()


@dataclass
class Run:
    """One scenario with one number of processes: what the callers were told and what the store holds."""

    scenario: str
    processes: int
    seconds: float
    answers: Counter[str]
    recorded: int
    audited: int
    overdrawn: bool
    balance_ok: bool
    chain_ok: bool

    @property
    def rate(self) -> float:
        """Acknowledged decrements per second."""
        return self.answers["acknowledged"] / self.seconds

    @property
    def attempts(self) -> float:
        """Draws answered (acknowledged or refused) per second."""
        return sum(self.answers.values()) / self.seconds

    @property
    def ok(self) -> bool:
        """No over-draw, nothing lost or invented, the chain intact, no unexpected error."""
        errors = sum(v for k, v in self.answers.items() if k.startswith("error"))
        return (
            not self.overdrawn
            and self.balance_ok
            and self.chain_ok
            and not errors
            and self.recorded == self.audited == self.answers["acknowledged"]
        )


def run(scenario: str, processes: int, draws: int) -> Run:
    """Run ``scenario`` with ``processes`` drawers of ``draws`` each on a fresh database."""
    with fresh_database() as url:
        store = Store(url)
        token = add_user(store, SEEDER, "bench-exporter", ["exporter"], None, None)
        who = authenticate(store, token)
        asked = processes * draws
        limit = asked * 3 // 4 if scenario == "contended" else draws
        count = 1 if scenario == "contended" else processes
        licences = [
            register.add(store, who, LicenceInput.model_validate(
                {**LICENCE, "number": f"B-{n}", "quantity_limit": limit, "value_limit": str(limit * UNIT_VALUE)}
            )).id
            for n in range(count)
        ]  # fmt: skip
        store.dispose()
        context = mp.get_context("fork")
        barrier, out = context.Barrier(processes), context.Queue()
        workers = [
            context.Process(target=drawer, args=(url, token, licences[p % count], f"p{p}", draws, barrier, out))
            for p in range(processes)
        ]
        for worker in workers:
            worker.start()
        reports = [out.get(timeout=600) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
        answers: Counter[str] = Counter()
        for _, counts, _, _ in reports:
            answers.update(counts)
        seconds = max(r[3] for r in reports) - min(r[2] for r in reports)
        store = Store(url)
        with store.read() as session:
            recorded = session.scalar(select(func.count()).select_from(LicenceUsage).where(LicenceUsage.kind == "draw"))
            audited = session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "licence.draw")
            )
            chain_ok = audit.verify(session).intact
        views = [register.get(store, who, lid) for lid in licences]
        store.dispose()
        overdrawn = any((v.quantity_remaining or 0) < 0 for v in views)
        remaining = sum(v.quantity_remaining or 0 for v in views)
        balance_ok = remaining == limit * count - answers["acknowledged"]
        return Run(scenario, processes, seconds, answers, recorded or 0, audited or 0, overdrawn, balance_ok, chain_ok)


def main() -> None:
    """Run every scenario for each number of processes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=200, help="draws each process attempts")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    print(f"licence draws on PostgreSQL ({make_url(normalise_url(PG_URL)).host}), {args.draws} draws per process")
    print(f"{'scenario':<10} {'procs':>5} {'acknowledged':>12} {'refused':>7} {'recorded':>8} {'audited':>7} "
          f"{'seconds':>8} {'draws/s':>8} {'ratio':>6} {'answers/s':>9}  check")  # fmt: skip
    failed = False
    for scenario in ("contended", "spread"):
        baseline = None
        for processes in args.processes:
            found = run(scenario, processes, args.draws)
            baseline = baseline or found.rate
            errors = {k: v for k, v in found.answers.items() if k.startswith("error")}
            verdict = (
                "ok" if found.ok else f"FAILED {errors or ''} overdrawn={found.overdrawn} balance={found.balance_ok}"
            )
            failed |= not found.ok
            print(f"{scenario:<10} {processes:>5} {found.answers['acknowledged']:>12} {found.answers['refused']:>7} "
                  f"{found.recorded:>8} {found.audited:>7} {found.seconds:>8.2f} {found.rate:>8.1f} "
                  f"{found.rate / baseline:>5.2f}x {found.attempts:>9.1f}  {verdict}")  # fmt: skip
    if failed:
        raise SystemExit("a run over-drew, lost or invented a draw, or broke the audit chain")


if __name__ == "__main__":
    main()
