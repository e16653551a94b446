"""Every benchmark, one after the other, each in its own process, with the sizes the issues name.

Run: ``make bench`` or ``.venv/bin/python -m bench.run_all [--quick] [--only NAME ...]``. ``--quick``
runs each with small sizes (a smoke run of the figures, minutes rather than an hour). Each benchmark
prints its own figures and ratios against a baseline measured in the same process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

# name -> (arguments for the full run, arguments for a quick run)
BENCHMARKS: dict[str, tuple[list[str], list[str]]] = {
    "classify_throughput": (["--items", "100000", "--naive", "200"], ["--items", "5000", "--naive", "20"]),
    "determine_throughput": (["--rows", "1000000"], ["--rows", "20000", "--single", "200"]),
    "screen_quality": ([], ["--size", "300"]),
    "screen_speed": (["--queries", "100000"], ["--queries", "5000", "--sample", "50"]),
    "screen_rescreen": (["--base", "1000000"], ["--base", "50000", "--sample", "2000"]),
    "service_load": ([], ["--requests", "200", "--seconds", "10"]),
    "crash_test": ([], []),
    "licence_draws": ([], ["--draws", "50", "--processes", "1", "2"]),
    "web_pages": ([], ["-n", "5", "--small-screening"]),
    "scale_throughput": ([], ["--rows", "40000", "--partition", "10000", "--rounds", "1"]),
}
# the screening benchmarks are scripts that import their neighbours by file name
SCRIPTS = {"screen_quality", "screen_speed", "screen_rescreen"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of every figure")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args()
    failed = []
    for name, (full, quick) in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        target = [f"bench/{name}.py"] if name in SCRIPTS else ["-m", f"bench.{name}"]
        command = [sys.executable, *target, *(quick if args.quick else full)]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        began = time.perf_counter()
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
        print(f"=== {name}: {time.perf_counter() - began:.0f} s", flush=True)
    if failed:
        sys.exit(f"benchmarks that failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
