"""Screening speed of this tree against an earlier commit, in alternating runs (a noisy machine's drift cancels).

Run: ``.venv/bin/python bench/screen_versus.py --base <commit> [--queries 100000] [--rounds 2]``.

The earlier commit is checked out in a temporary git work tree; each round screens the same
hard-mix queries (``screen_evalset.query_mix``) once with the earlier code and once with this
tree's, each in its own process (``screen_pass``), one after the other, and prints both
rates and their ratio. The machines here drift by a fifth from one minute to the next, so a
ratio taken from runs side by side says more than two rates taken apart.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASS = """
import sys, time
sys.path[:0] = [{src!r}, {bench!r}]
from regime.screen.engine import screen
from regime.screen.loaders import default_index
from screen_evalset import query_mix
index = default_index()
queries = query_mix(index, {count})
screen(query_mix(index, 1, seed=99)[0], index)
cpu = time.process_time()
hits = sum(len(screen(query, index).hits) for query in queries)
print(len(queries) / (time.process_time() - cpu), hits)
"""


def screen_pass(tree: Path, count: int) -> tuple[float, int]:
    """Queries per CPU-second and hits of one pass of ``count`` queries with the code in ``tree``."""
    code = PASS.format(src=str(tree / "src"), bench=str(HERE), count=count)
    out = subprocess.run([sys.executable, "-c", code], cwd=tree, check=True, capture_output=True, text=True)
    rate, hits = out.stdout.split()
    return float(rate), int(hits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the earlier commit")
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.base], cwd=ROOT, check=True)
        try:
            for round_ in range(1, args.rounds + 1):
                before, before_hits = screen_pass(base, args.queries)
                after, after_hits = screen_pass(ROOT, args.queries)
                print(
                    f"round {round_}: {args.base[:10]} {before:,.0f} q/s ({before_hits} hits), "
                    f"this tree {after:,.0f} q/s ({after_hits} hits): {after / before:.2f}x"
                )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
