"""Extraction throughput of this tree side by side with another git revision, in one run.

    python bench/bench_extract_versions.py --against main            # generated news copy, 1 MB
    python bench/bench_extract_versions.py --against HEAD~3 story.md  # your own news text
    python bench/bench_extract_versions.py --against main --figures  # the number scanner alone

The other revision's `factcheck` package is exported to a temporary folder; the two are
then timed alternately, each in a fresh process pinned to the same core, `--rounds`
times. Time is CPU time (`time.process_time`), so a busy machine slows both sides alike
instead of whichever happened to run while it was busy; the best round of each is
reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in the child: extraction of every draft once to warm lazy patterns, then timed.
CHILD = r"""
import datetime as dt, json, os, sys, time
sys.path.insert(0, sys.argv[1])
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from factcheck.extract import extract_claims
assert extract_claims.__code__.co_filename.startswith(sys.argv[1]), "wrong package imported"
sys.path.append(sys.argv[2])
from bench_extract import drafts  # puts this tree first on sys.path, so only after the import above
text = open(sys.argv[3], encoding="utf-8").read()
pieces = drafts(text)
ref = dt.date(2024, 3, 14)
if sys.argv[4] == "figures":  # the number scanner alone, on the same drafts
    from factcheck.extract.numbers.parse import parse_figures
    def extract_claims(p, reference_date):
        return parse_figures(p)
claims = sum(len(extract_claims(p, reference_date=ref)) for p in pieces)
t = time.process_time()
for p in pieces:
    extract_claims(p, reference_date=ref)
print(json.dumps({"cpu": time.process_time() - t, "claims": claims, "mb": len(text.encode()) / 1e6}))
"""


def export(revision: str, into: Path) -> None:
    """The `factcheck` package as it is at `revision`, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "factcheck"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def measure(package_root: Path, text_file: Path, what: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(package_root), str(ROOT / "bench"), str(text_file), what],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="news text to use instead of generated copy")
    ap.add_argument("--against", required=True, help="git revision to compare with (e.g. main, HEAD~3)")
    ap.add_argument("--size-mb", type=float, default=1.0, help="size of the generated copy")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--figures", action="store_true", help="time the number scanner (parse_figures) alone")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import generated_copy

    with tempfile.TemporaryDirectory() as tmp:
        text = (
            "\n\n".join(Path(f).read_text(encoding="utf-8") for f in a.files) if a.files else generated_copy(a.size_mb)
        )
        text_file = Path(tmp, "news.md")
        text_file.write_text(text, encoding="utf-8")
        other = Path(tmp, "other")
        export(a.against, other)
        sides = {a.against: other, "this tree": ROOT}
        best: dict[str, dict] = {}
        for _ in range(a.rounds):
            for name, root in sides.items():
                r = measure(root, text_file, "figures" if a.figures else "claims")
                if name not in best or r["cpu"] < best[name]["cpu"]:
                    best[name] = r
    source = "your files" if a.files else "generated news copy"
    print(f"text: {best['this tree']['mb']:.2f} MB ({source}); CPU time, best of {a.rounds} alternating rounds")
    for name, r in best.items():
        found = "figures" if a.figures else "claims"
        print(f"  {name:<12} {r['mb'] / r['cpu']:6.2f} MB/s  {r['cpu']:6.2f} s CPU  {r['claims']} {found}")
    base, new = best[a.against], best["this tree"]
    print(f"  this tree is {base['cpu'] / new['cpu']:.2f}x the speed of {a.against}")


if __name__ == "__main__":
    main()
