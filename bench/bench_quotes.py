"""Benchmark the quote and attribution extractors: throughput on news copy, side by side with
a bare regex that only finds quote marks, and what the modules cost a fresh process.

    python bench/bench_quotes.py                       # 2 MB of generated news copy
    python bench/bench_quotes.py --size-mb 0.5         # a quicker run
    python bench/bench_quotes.py story1.md story2.md   # your own news text instead

Throughput is measured in one process pinned to one core, best of `--runs`, over the text
cut into drafts of about 5 KB, each read once for quotes and attributions together (they
share one reading of the draft). The bare regex is a floor for scale: it finds quoted
stretches and nothing else, no speakers. The start-up cost is the median over fresh
processes of importing the quote modules and reading one small draft, less the same
reading done again warm: what `factcheck extract` pays once per run for these modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import best_of, drafts, generated_copy, mb

from factcheck.extract import attributions, make_doc, quotes

REFERENCE = dt.date(2024, 3, 14)
_BARE = re.compile(r"\u201c[^\u201d\n]*\u201d|\"[^\"\n]*\"")

# Run in a fresh process: the quote modules imported and one draft read, cold then warm.
_COLD = """
import datetime as dt, sys, time
import factcheck.extract
text = open(sys.argv[1], encoding="utf-8").read()
doc = factcheck.extract.make_doc(text, reference_date=dt.date(2024, 3, 14))
t0 = time.perf_counter()
from factcheck.extract import attributions, quotes
quotes.find(doc); attributions.find(doc)
t1 = time.perf_counter()
doc = factcheck.extract.make_doc(text, reference_date=dt.date(2024, 3, 14))
quotes.find(doc); attributions.find(doc)
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def ours(pieces: list[str], runs: int) -> tuple[float, int]:
    def read_all() -> int:
        docs = [make_doc(p, reference_date=REFERENCE) for p in pieces]
        return sum(len(quotes.find(d)) + len(attributions.find(d)) for d in docs)

    seconds, claims = best_of(runs, read_all)
    return sum(mb(p) for p in pieces) / seconds, claims


def bare(pieces: list[str], runs: int) -> tuple[float, int]:
    seconds, found = best_of(runs, lambda: sum(len(_BARE.findall(p)) for p in pieces))
    return sum(mb(p) for p in pieces) / seconds, found


def start_up_cost(runs: int, draft_text: str) -> tuple[float, float]:
    """Median ms of (import + first draft) and of a warm draft, over fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp, "draft.md")
        draft.write_text(draft_text, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
        cmd = [sys.executable, "-c", _COLD, str(draft)]
        subprocess.run(cmd, capture_output=True, check=True, env=env)  # writes the bytecode
        cold, warm = [], []
        for _ in range(runs):
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout.split()
            cold.append(float(out[0]))
            warm.append(float(out[1]))
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="news text to use instead of generated copy")
    ap.add_argument("--size-mb", type=float, default=2.0, help="size of the generated copy")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--startup-runs", type=int, default=15)
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    text = "\n\n".join(Path(f).read_text(encoding="utf-8") for f in a.files) if a.files else generated_copy(a.size_mb)
    pieces = drafts(text)
    rate, claims = ours(pieces, a.runs)
    floor, marks = bare(pieces, a.runs)
    print(f"text: {mb(text):.2f} MB in {len(pieces)} drafts ({'your files' if a.files else 'generated news copy'})")
    print(f"  quotes + attributions, with speakers   {rate:8.2f} MB/s  ({claims} claims; best of {a.runs})")
    print(f"  bare quote-mark regex, no speakers     {floor:8.2f} MB/s  ({marks} quoted stretches)")
    cold, warm = start_up_cost(a.startup_runs, pieces[0])
    print(f"\nstart-up, median of {a.startup_runs} fresh processes (bytecode cached):")
    print(f"  import the quote modules + first draft {cold:7.2f} ms")
    print(f"  the same draft again, warm             {warm:7.2f} ms")
    print(f"  cost of the modules to a run           {cold - warm:7.2f} ms")


if __name__ == "__main__":
    main()
