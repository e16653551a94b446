"""What the service benchmarks share: a fresh database per backend, seeded users, the server as a subprocess,
and a bounded client loop (count- and time-limited) that records each request's latency and status.

The server runs ``regime serve`` in its own process on 127.0.0.1; the client runs in the benchmark's
process, so the load crosses the loopback between two processes.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy.engine import make_url

from regime.governance.registry import open_regime_store
from regime.store.engine import normalise_url

PG_URL = os.environ.get("REGIME_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
Request = Callable[[httpx.Client, int], httpx.Response]


@contextlib.contextmanager
def fresh_database(backend: str, workdir: Path) -> Iterator[str]:
    """A new, migrated database with the bundled regimes: an SQLite file, or a PostgreSQL database dropped after."""
    if backend == "sqlite":
        url = f"sqlite:///{workdir / f'bench-{secrets.token_hex(4)}.db'}"
        open_regime_store(url, migrate=True, load=True).dispose()
        yield url
        return
    admin = make_url(normalise_url(PG_URL)).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"regime_bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        try:
            url = make_url(normalise_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
            open_regime_store(url, migrate=True, load=True).dispose()
            yield url
        finally:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """``regime serve`` in a subprocess."""

    url: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        """The service's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        """Start the server and wait until /health answers."""
        command = [sys.executable, "-m", "regime.cli.main", "serve", "--port", str(self.port), "--db", self.url]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base}/health", timeout=1).status_code == 200:
                    return
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with status {self.process.returncode}")
            time.sleep(0.1)
        raise RuntimeError("the server did not answer /health in time")

    def kill(self) -> None:
        """kill -9: no chance to finish anything."""
        if self.process is not None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """A clean stop."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@dataclass
class Outcome:
    """What a load run saw: per request, its latency and status (0 for a transport error)."""

    latencies: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    acknowledged: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> dict[str, float]:
        """Requests, errors, requests per second, p50 and p99 latency in milliseconds."""
        ordered = sorted(self.latencies)
        errors = sum(1 for s in self.statuses if not 200 <= s < 300)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0
        return {
            "requests": len(ordered),
            "errors": errors,
            "rps": len(ordered) / self.seconds if self.seconds else 0.0,
            "p50_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
            "p99_ms": p99 * 1000,
        }


def load(
    base: str,
    request: Request,
    *,
    total: int,
    seconds: float,
    concurrency: int,
    stop: threading.Event | None = None,
    outcome: Outcome | None = None,
) -> Outcome:
    """Send at most ``total`` requests for at most ``seconds`` from ``concurrency`` threads.

    Pass ``outcome`` to watch it fill from another thread, and ``stop`` to end the run early.
    """
    outcome = outcome or Outcome()
    counter = iter(range(total))
    deadline = time.monotonic() + seconds
    stop = stop or threading.Event()

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < deadline and not stop.is_set():
                with outcome.lock:
                    n = next(counter, None)
                if n is None:
                    return
                began = time.perf_counter()
                try:
                    response = request(client, n)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0
                elapsed = time.perf_counter() - began
                with outcome.lock:
                    outcome.latencies.append(elapsed)
                    outcome.statuses.append(status)
                    if 200 <= status < 300:
                        outcome.acknowledged.append(response.json())

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.seconds = time.perf_counter() - began
    return outcome
