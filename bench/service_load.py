"""The service under load from a second process: requests per second and p50/p99 latency, no error, no lost write.

For each backend (SQLite, the embedded default; PostgreSQL at ``REGIME_PG_URL``) the benchmark makes a
fresh database, seeds users, starts ``regime serve`` in a subprocess on 127.0.0.1 and drives it from
this process with a bounded client loop (at most ``--requests`` per scenario, at most ``--seconds``).
Written rows are then counted in the store against the 201/200 answers the client got, and the
audit chain is verified. Baseline in the same process: the SQLite run; PostgreSQL is shown as a ratio.

Scenarios: ``classify`` (POST a catalogue product against the CCL on a date, reasoning included),
``determine`` (POST a transaction under the exporter's rules, with its trace), ``notify`` (POST a
denial), ``propose`` (POST a white paper), ``vote`` (POST a vote on a proposal before the plenary),
``releases`` (GET the public list releases). The engine scenarios are warmed with a few requests
first (the lists on each date are compiled once per process). Run:

    .venv/bin/python -m bench.service_load [--requests 2000] [--seconds 30] [--concurrency 8] [--backend both]
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bench.service_harness import Outcome, Server, fresh_database, load
from regime.governance import proposals
from regime.governance.proposals import ProposalInput
from regime.governance.records import countries
from regime.governance.review import ReviewInput, review
from regime.governance.users import add_user, authenticate
from regime.store import Actor, Store, audit
from regime.store.models import Denial, Member, Proposal, Vote

WA = "wassenaar"
LIST = "wassenaar-dual-use"
SEEDER = Actor("operator:bench")
WARMED = ("classify", "determine")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def paper(n: int) -> dict[str, object]:
    return {
        "list_id": LIST,
        "title": f"bench proposal {n}",
        "rationale": "load test",
        "changes": {"entries": [{"id": f"9X{n:05d}", "heading": "bench entry"}]},
    }


def seed(url: str, ballots: int) -> dict[str, object]:
    """Tokens for a licensing officer, a list expert per member, and proposals before the plenary."""
    store = Store(url)
    with store.read() as session:
        members = sorted(countries(session, WA).values())
    experts = {c: add_user(store, SEEDER, f"expert-{c}", ["list_expert"], WA, c) for c in members}
    officer = add_user(store, SEEDER, "officer-DE", ["licensing_officer"], WA, "DE")
    chair = authenticate(store, add_user(store, SEEDER, "chair-DE", ["chair"], WA, "DE"))
    us = authenticate(store, experts["US"])
    at_plenary = []
    for n in range(ballots):
        data = ProposalInput.model_validate(paper(100_000 + n))
        proposal = proposals.draft(store, us, WA, data)
        proposals.circulate(store, us, WA, proposal.id)
        at_plenary.append(review(store, chair, WA, proposal.id, ReviewInput()).id)
    store.dispose()
    return {"members": members, "experts": experts, "officer": officer, "ballots": at_plenary}


def scenarios(seeded: dict[str, object]) -> dict[str, Callable[[httpx.Client, int], httpx.Response]]:
    officer = bearer(str(seeded["officer"]))
    members: list[str] = seeded["members"]  # type: ignore[assignment]
    experts: dict[str, str] = seeded["experts"]  # type: ignore[assignment]
    ballots: list[int] = seeded["ballots"]  # type: ignore[assignment]

    products = ("nvidia-h100-sxm", "nvidia-a800-sxm", "asml-nxt-2000i", "nvidia-h20")
    places = ("China", "Germany", "India", "United Arab Emirates", "Russia")

    def classify(client: httpx.Client, n: int) -> httpx.Response:
        dates = ("2023-01-01", "2024-06-01", "2025-06-01")
        return client.post("/classify", json={"item": products[n % len(products)], "as_of": dates[n % 3]})

    def determine(client: httpx.Client, n: int) -> httpx.Response:
        tx = {
            "date": "2025-06-01",
            "item": products[n % len(products)],
            "destination": places[n % len(places)],
            "value_usd": 1000 + n,
        }
        return client.post("/determine", json=tx)

    def notify(client: httpx.Client, n: int) -> httpx.Response:
        body = {
            "list_id": LIST,
            "entry_id": ("3A090", "3A001", "5A002", "4A003")[n % 4],
            "parameters": {"tpp": 4800 + n},
            "consignee": f"Consignee {n}",
            "end_user": f"End user {n}",
            "destination": ("CN", "IR", "RU", "KP")[n % 4],
            "reason": "bench",
            "denied_on": "2024-01-02",
        }
        return client.post(f"/regimes/{WA}/denials", json=body, headers=officer)

    def propose(client: httpx.Client, n: int) -> httpx.Response:
        return client.post(f"/regimes/{WA}/proposals", json=paper(n), headers=bearer(experts["US"]))

    def vote(client: httpx.Client, n: int) -> httpx.Response:
        proposal, member = ballots[n // len(members)], members[n % len(members)]
        url = f"/regimes/{WA}/proposals/{proposal}/votes"
        return client.post(url, json={"position": "yes"}, headers=bearer(experts[member]))

    def releases(client: httpx.Client, n: int) -> httpx.Response:
        return client.get(f"/regimes/{WA}/releases")

    return {
        "classify": classify,
        "determine": determine,
        "notify": notify,
        "propose": propose,
        "vote": vote,
        "releases": releases,
    }


def written(url: str) -> dict[str, int]:
    """Rows in the store per written scenario, and whether the audit chain holds."""
    store = Store(url)
    with store.read() as session:
        counts = {
            "notify": session.scalar(select(func.count()).select_from(Denial)) or 0,
            "propose": (session.scalar(select(func.count()).select_from(Proposal)) or 0),
            "vote": session.scalar(select(func.count()).select_from(Vote)) or 0,
        }
        chain = audit.verify(session)
        counts["members"] = session.scalar(select(func.count()).select_from(Member)) or 0
    store.dispose()
    counts["audit_intact"] = int(chain.intact)
    counts["audit_rows"] = chain.rows
    return counts


def run(backend: str, args: argparse.Namespace, workdir: Path) -> dict[str, dict[str, float]]:
    ballots = -(-args.requests // 42)
    rows: dict[str, dict[str, float]] = {}
    with fresh_database(backend, workdir) as url:
        seeded = seed(url, ballots)
        seeded_proposals = len(seeded["ballots"])  # type: ignore[arg-type]
        server = Server(url)
        server.start()
        try:
            outcomes: dict[str, Outcome] = {}
            for name, request in scenarios(seeded).items():
                if name in WARMED:  # the first requests compile the lists on each date: a one-time cost
                    load(server.base, request, total=12, seconds=args.seconds, concurrency=1)
                outcomes[name] = load(
                    server.base, request, total=args.requests, seconds=args.seconds, concurrency=args.concurrency
                )
        finally:
            server.stop()
        counts = written(url)
    for name, outcome in outcomes.items():
        row = outcome.summary()
        writes = name in counts
        acknowledged = len(outcome.acknowledged) if writes else 0
        stored = counts.get(name, 0) - (seeded_proposals if name == "propose" else 0)
        row |= {"acknowledged": acknowledged, "written": stored if writes else 0}
        rows[name] = row
    print(f"[{backend}] audit chain: {'intact' if counts['audit_intact'] else 'BROKEN'}, {counts['audit_rows']} rows")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="at most this many requests per scenario")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most this long per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            results[backend] = run(backend, args, Path(tmp))
    header = f"{'backend':<11}{'scenario':<10}{'requests':>9}{'errors':>7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    print(header + f"{'acked':>8}{'written':>9}")
    for backend, rows in results.items():
        for name, row in rows.items():
            print(
                f"{backend:<11}{name:<10}{row['requests']:>9.0f}{row['errors']:>7.0f}{row['rps']:>9.1f}"
                f"{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['acknowledged']:>8.0f}{row['written']:>9.0f}"
            )
    if len(results) == 2:
        for name in results["sqlite"]:
            base, other = results["sqlite"][name]["rps"], results["postgresql"][name]["rps"]
            print(f"ratio PostgreSQL/SQLite req/s, {name}: {other / base:.2f}" if base else "")


if __name__ == "__main__":
    main()
