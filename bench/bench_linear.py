"""Benchmark: extraction time grows in step with the draft, with no super-linear step.

    python bench/bench_linear.py                 # one draft of 0.5, 1, 2, 4 and 8 MB
    python bench/bench_linear.py --max-mb 2      # a quicker run
    python bench/bench_linear.py --year-dense    # copy where nearly every sentence names years

Each size is extracted as a single draft (not cut into pieces, as `bench_extract.py`
does), since that is the shape that exposed quadratic steps: every figure compared with
every date, every claim copying its whole run-on sentence. Times are CPU seconds in
one process pinned to one core, best of `--runs`, so other work on the machine does not
count. The table shows seconds per MB at each size, side by side; the target is that
the slowest is within 1.5x of the fastest. Exit status 1 when it is not.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import REFERENCE, generated_copy, mb

from factcheck.extract import extract_claims

TARGET = 1.5

# Written for this benchmark: a history piece, where years are most of the figures.
YEAR_LINES = [
    "The mill opened in {a} and closed in {b}, two years after {n} of its workers were laid off.",
    "Between {a} and {b} the town lost nearly a third of its people.",
    "She was born in {a}, and moved to the coast in {b} with her {n} brothers.",
    "The records, kept since {a}, show no winter as dry as that of {b}.",
]


def year_dense(size_mb: float, seed: int = 11) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size_mb * 1e6:
        line = rng.choice(YEAR_LINES).format(a=rng.randint(1850, 2023), b=rng.randint(1850, 2023), n=rng.randint(2, 9))
        parts.append(line + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(line) + 1
    return "".join(parts)


def cpu_seconds(text: str, runs: int) -> tuple[float, int]:
    best, claims = float("inf"), 0
    for _ in range(runs):
        t = time.process_time()
        claims = len(extract_claims(text, reference_date=REFERENCE))
        best = min(best, time.process_time() - t)
    return best, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-mb", type=float, default=0.5)
    ap.add_argument("--max-mb", type=float, default=8.0)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--year-dense", action="store_true", help="history copy dense with years instead of wire copy")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    make = year_dense if a.year_dense else generated_copy
    rows, size = [], a.min_mb
    while size <= a.max_mb + 1e-9:
        text = make(size)
        seconds, claims = cpu_seconds(text, a.runs)
        rows.append((mb(text), seconds, claims))
        print(f"  {mb(text):6.2f} MB  {seconds:7.2f} s  {seconds / mb(text):6.3f} s/MB  {claims:8d} claims", flush=True)
        size *= 2
    per_mb = [s / m for m, s, _ in rows]
    ratio = max(per_mb) / min(per_mb)
    kind = "year-dense history copy" if a.year_dense else "generated news copy"
    print(f"{kind}, one draft per size: slowest/fastest s/MB = {ratio:.2f}x (target <= {TARGET}x)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
