"""Server time of every page: p50 and p95 over N requests each, on the embedded store with the full lists.

The service runs in process on a temporary SQLite store seeded by ``regime.web.demo`` (the
bundled regimes, officials, a proposal before the plenary, a denial and a consultation), with the
whole Commerce Control List, the members' rules and the whole Consolidated Screening List. Each
page is requested once to warm the caches (its first-time cost is printed too), then N times.
The baseline in the same process is ``/health``, the service's cheapest route. Run:

    .venv/bin/python -m bench.web_pages [-n 20] [--small-screening]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.web.demo import CHIPS, build_world, small_services
from regime.web.services import Services

R = f"/web/regime/{CHIPS}"
PAGES = [
    ("health (baseline)", "/health", None),
    ("home", "/", None),
    ("lists index", "/web/lists", None),
    ("list by category", "/web/lists/us-ccl", None),
    ("category group 3A", "/web/lists/us-ccl/groups/3A", None),
    ("search", "/web/lists/us-ccl/search?q=lithography", None),
    ("entry 3A090", "/web/lists/us-ccl/entries/3A090", None),
    ("entry 3A090 on 2023-01-01", "/web/lists/us-ccl/entries/3A090?as_of=2023-01-01", None),
    ("entry diff", "/web/lists/us-ccl/entries/3A090/diff?from=2023-01-01&to=2025-02-01", None),
    ("list diff", "/web/lists/us-ccl/diff?from=2022-01-01&to=2025-02-01", None),
    ("classify H100", "/web/classify?item=nvidia-h100-sxm&list=us-ccl", None),
    ("determine H100, all members", "/web/determine?item=nvidia-h100-sxm&destination=China&all_members=on", None),
    ("screen one name", "/web/screen?name=Huawei+Technologies&country=CN", None),
    ("regimes", "/web/regime", None),
    ("regime overview", f"{R}", None),
    ("proposals", f"{R}/proposals", "us_expert"),
    ("proposal with ballot", f"{R}/proposals/1", "us_expert"),
    ("private minimum", f"{R}/proposals/1/positions/US", "us_expert"),
    ("agenda and calendar", f"{R}/agenda", "us_expert"),
    ("denials", f"{R}/denials", "nl_officer"),
    ("consultations", f"{R}/consultations", "nl_officer"),
    ("audit log", f"{R}/audit", "us_expert"),
    ("checklist scorecards", "/web/assess", None),
    ("one effort's scorecard", "/web/assess/chip-alliance", None),
    ("coverage US,JP,NL", "/web/coverage?members=US,JP,NL", None),
    ("coverage heatmap (SVG)", "/web/coverage/heatmap.svg", None),
    ("divergence (23 products x 4 members)", "/web/divergence", None),
    ("headroom", "/web/headroom", None),
    ("headroom with an amendment", "/web/headroom?amend=lower-tpp-2400", None),
]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20, help="requests per page after the warm-up")
    parser.add_argument("--small-screening", action="store_true", help="a slice of the screening list (faster start)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="regime-bench-web-"))
    world = build_world(work)
    app = create_app(Settings(db_url=world.store.url, migrate=False, load_regimes=False), store=world.store)
    app.state.web = services = small_services(work) if args.small_screening else Services()
    start = time.perf_counter()
    services.load_all()  # what the home page starts in the background: indexes, members' rules, assessments
    print(f"loading the indexes, the members' rules and the assessment data: {time.perf_counter() - start:.1f} s")
    with ExitStack() as stack:
        clients = {who: stack.enter_context(TestClient(app)) for who in (None, "us_expert", "nl_officer")}
        for who, client in clients.items():
            if who:
                client.post("/web/signin", data={"token": world.tokens[who], "next": "/"})
        _measure(clients, args.n)
    world.store.dispose()


def _measure(clients: dict[str | None, TestClient], n: int) -> None:
    print(f"{'page':40} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8}  x baseline p50")
    baseline = None
    for name, path, who in PAGES:
        client = clients[who]
        start = time.perf_counter()
        first = client.get(path)
        cold = time.perf_counter() - start
        assert first.status_code == 200, f"{path}: {first.status_code}"
        times = []
        for _ in range(n):
            start = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - start)
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else p50
        baseline = baseline or p50
        print(f"{name:40} {_ms(cold):>9} {_ms(p50):>8} {_ms(p95):>8}  {p50 / baseline:8.1f}")


if __name__ == "__main__":
    main()
