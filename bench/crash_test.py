"""Crash test: kill -9 the server during a burst of writes, restart it, and check the store.

For each backend: start ``regime serve`` in a subprocess, send denial notifications from 8 client
threads in this process, and once a number of them are acknowledged, kill the server with SIGKILL
mid-burst. Then restart it on the same database and check that

- every acknowledged write is in the store (none lost);
- each stored denial has exactly one ``denial.notify`` row in the audit log (no half-written change);
- the audit chain verifies from the first row to the last (and SQLite's integrity check passes);
- the restarted service takes writes again, and the chain still holds after them.

Writes in flight when the server died may or may not be in the store (their answer never came):
they are counted, not judged. Run:

    .venv/bin/python -m bench.crash_test [--backend both] [--kill-after 200]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select, text

from bench.service_harness import Outcome, Server, fresh_database, load
from regime.governance.users import add_user
from regime.store import Actor, Store, audit
from regime.store.models import AuditEntry, Denial

WA = "wassenaar"


def denial(n: int) -> dict[str, object]:
    return {
        "list_id": "wassenaar-dual-use",
        "entry_id": "3A090",
        "parameters": {"tpp": 5000 + n},
        "consignee": f"Consignee {n}",
        "end_user": f"End user {n}",
        "destination": "CN",
        "reason": "crash test",
        "denied_on": "2024-01-02",
    }


def burst_then_kill(server: Server, headers: dict[str, str], kill_after: int) -> Outcome:
    """Write until ``kill_after`` writes are acknowledged, then SIGKILL the server mid-burst."""
    stop, outcome = threading.Event(), Outcome()

    def request(client: httpx.Client, n: int) -> httpx.Response:
        return client.post(f"/regimes/{WA}/denials", json=denial(n), headers=headers)

    def run() -> None:
        load(server.base, request, total=1_000_000, seconds=60, concurrency=8, stop=stop, outcome=outcome)

    thread = threading.Thread(target=run)
    thread.start()
    while thread.is_alive() and len(outcome.acknowledged) < kill_after:
        time.sleep(0.002)
    server.kill()
    stop.set()
    thread.join()
    return outcome


def check(url: str, acknowledged: set[int], backend: str) -> dict[str, object]:
    """What the store holds after the crash and restart."""
    store = Store(url)
    with store.read() as session:
        stored = set(session.scalars(select(Denial.id)))
        notify_rows = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "denial.notify")
        )
        chain = audit.verify(session)
        integrity = session.execute(text("PRAGMA integrity_check")).scalar() if backend == "sqlite" else "n/a"
    store.dispose()
    return {
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "lost": len(acknowledged - stored),
        "in_flight_written": len(stored - acknowledged),
        "audit_rows_match": notify_rows == len(stored),
        "chain_intact": chain.intact,
        "chain_rows": chain.rows,
        "integrity": integrity,
    }


def crash(backend: str, kill_after: int, workdir: Path) -> dict[str, object]:
    with fresh_database(backend, workdir) as url:
        store = Store(url)
        headers = {
            "Authorization": f"Bearer {add_user(store, Actor('operator:bench'), 'o', ['licensing_officer'], WA, 'DE')}"
        }
        store.dispose()
        server = Server(url)
        server.start()
        outcome = burst_then_kill(server, headers, kill_after)
        acknowledged = {int(body["id"]) for body in outcome.acknowledged}
        attempted = len(outcome.statuses)
        restarted = Server(url)
        restarted.start()
        try:
            after_crash = check(url, acknowledged, backend)
            with httpx.Client(base_url=restarted.base, timeout=30) as client:
                more = [
                    client.post(f"/regimes/{WA}/denials", json=denial(10**6 + n), headers=headers) for n in range(20)
                ]
                verified = client.get(f"/regimes/{WA}/audit/verify", headers=headers).json()
        finally:
            restarted.stop()
        return {
            "backend": backend,
            "attempted": attempted,
            **after_crash,
            "writes_after_restart_ok": sum(r.status_code == 201 for r in more),
            "chain_intact_after_restart": verified["intact"],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--kill-after", type=int, default=200, help="acknowledged writes before the kill")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            result = crash(backend, args.kill_after, Path(tmp))
            print(", ".join(f"{key}={value}" for key, value in result.items()))
            ok = not result["lost"] and result["audit_rows_match"] and result["chain_intact"]
            print(f"[{backend}] {'CONSISTENT' if ok else 'INCONSISTENT'} after kill -9 and restart")


if __name__ == "__main__":
    main()
