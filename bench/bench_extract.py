"""Benchmark claim extraction: throughput on news copy, side by side with quantulum3 + dateparser,
and start-up time of the command line.

    python bench/bench_extract.py                       # 2 MB of generated news copy
    python bench/bench_extract.py --size-mb 0.5         # a quicker run
    python bench/bench_extract.py story1.md story2.md   # your own news text instead
    python bench/bench_extract.py --no-startup          # throughput only
    python bench/bench_extract.py --against main        # side by side with another revision
    python bench/bench_extract.py --against main --figures   # the number scanner alone

Throughput is measured in one process pinned to one core, best of `--runs`, over the
text cut into drafts of about 5 KB (what `factcheck extract` and `scan` see). The peers
(quantulum3's `parser.parse` for figures plus dateparser's `search.search_dates` for
dates, both in the `bench` extra) are timed on a slice of the same text, since they are
too slow for all of it; the ratio compares bytes per second. Start-up is the median
wall time of `--startup-runs` fresh processes of each command.

With `--against REV`, REV's `factcheck` package is exported with `git archive` to a
temporary folder, and it and this tree extract the same drafts alternately, each in a
fresh process pinned to the same core, `--runs` rounds. CPU time (`time.process_time`)
is reported beside wall time: on a busy machine CPU time slows both sides alike, wall
time whichever side was unlucky. Each side also reports a digest of every claim it
found, so a speed-up that changed a result shows as "differ".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_archive import export  # another revision's package, for --against

from factcheck.extract import extract_claims, figures, make_doc

REFERENCE = dt.date(2024, 3, 14)

# News copy written for this benchmark. Sentences with figures are drawn one time in eight,
# which gives about four figures and eight claims a kilobyte, as in wire and
# political news.
WITH_FIGURES = [
    "The council approved a £48m plan on Tuesday to rebuild 14 schools by 2027, the mayor said.",
    "Shares of the shipping group fell 4.5% to $18.20 in early trading after it cut its outlook.",
    "Third-quarter profit rose to $41 million, or 38 cents a share, from $36 million a year earlier.",
    "About 1,200 workers, or nearly a third of the staff, will lose their jobs over the next two years.",
    "The ministry said more than 300 people had been evacuated from three villages near the river.",
    "Inflation eased to 2.3 per cent in February from 2.9 per cent in January, official data showed.",
    "The deal, worth an estimated ¥1.2 trillion, would create the world's second-largest chip maker.",
    "Police said two men, aged 24 and 31, were arrested at 11pm on Friday in connection with the attack.",
    "The agency expects between 40,000 and 50,000 visitors, up from 35,000 last year.",
    "According to the report, one in five households spends more than half of its income on rent.",
    "The storm dropped 120mm of rain in 24 hours and left some 60,000 homes without power.",
    "He was fined 2,500 euros and banned from driving for 18 months, the court heard.",
    "The central bank raised its benchmark rate by 25 basis points to 4.75%, its highest since 2008.",
    "Officials said the 42-kilometre pipeline would carry up to 8 million cubic metres of gas a day.",
]
WITHOUT_FIGURES = [
    "“We cannot wait another decade,” said Amara Osei, the council's finance chief.",
    "The ministry did not respond to a request for comment.",
    "Residents of the district have complained for years about noise from the road.",
    "She told reporters the plan had broad support among the members of the committee.",
    "The union will meet management again next Thursday, a spokeswoman said.",
    "“It is a fair agreement and both sides have given ground,” he added.",
    "Analysts said the company faced higher costs for fuel and labour in its main markets.",
    "Police closed the bridge to traffic while engineers checked the damaged section.",
    "The opposition accused the government of hiding the true cost of the project.",
    "According to people familiar with the talks, the two sides remain far apart on pay.",
    "The minister, who took office in the spring, has promised a review of the rules.",
    "Critics say the scheme rewards landlords rather than the tenants it was meant to help.",
    "“This is not the end of the matter,” the lawyer told reporters outside the court.",
    "The company said it would appeal against the ruling, which it called unfair.",
    "Local businesses have struggled since the factory closed earlier this year.",
    "Mr. Haddad declined to say whether he would stand for election again.",
    "The proposal must still be approved by the regional assembly and the finance ministry.",
    "Witnesses described a loud bang followed by thick black smoke over the harbour.",
]
SENTENCES = WITH_FIGURES + WITHOUT_FIGURES


def generated_copy(size_mb: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size_mb * 1e6:
        paragraph = " ".join(
            rng.choice(WITH_FIGURES if rng.random() < 1 / 8 else WITHOUT_FIGURES) for _ in range(rng.randint(2, 5))
        )
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def drafts(text: str, size: int = 5000) -> list[str]:
    """The text cut at paragraph breaks into pieces of about `size` characters."""
    out, start = [], 0
    while start < len(text):
        cut = text.find("\n\n", start + size)
        cut = len(text) if cut < 0 else cut + 2
        out.append(text[start:cut])
        start = cut
    return out


def best_of(runs: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def ours(pieces: list[str], runs: int) -> tuple[float, int, float, int]:
    total = sum(mb(p) for p in pieces)
    seconds, claims = best_of(runs, lambda: sum(len(extract_claims(p, reference_date=REFERENCE)) for p in pieces))
    docs = [make_doc(p, reference_date=REFERENCE) for p in pieces]
    fig_seconds, found = best_of(runs, lambda: sum(len(figures.find(d)) for d in docs))
    return total / seconds, claims, total / fig_seconds, found


def peers(text: str) -> float | None:
    try:
        from dateparser.search import search_dates
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up 5 km")  # both load their data on first use; time the work, not the loading
    search_dates("warm up on Friday", languages=["en"])
    t = time.perf_counter()
    for piece in drafts(text):
        parser.parse(piece)
        search_dates(piece, languages=["en"], settings={"RELATIVE_BASE": dt.datetime(2024, 3, 14)})
    return mb(text) / (time.perf_counter() - t)


def median_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def startup(runs: int, draft_text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp, "draft.md")
        draft.write_text("---\ntitle: Bench\ndate: 2024-03-14\n---\n" + draft_text, encoding="utf-8")
        # As installed for a newsroom: compiled bytecode is kept between runs (here in a
        # private folder, so the benchmark leaves nothing in the tree), whatever this
        # shell's PYTHONDONTWRITEBYTECODE says; typer's own bytecode was made by pip.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
        base = median_ms([sys.executable, "-c", "import typer"], runs, env)
        version = median_ms(["factcheck", "--version"], runs, env)
        extract = median_ms(["factcheck", "extract", str(draft)], runs, env)
    print(f"\nstart-up, median of {runs} runs (bytecode cached, as after an install):")
    print(f"  python -c 'import typer'      {base:7.1f} ms")
    print(f"  factcheck --version           {version:7.1f} ms   {version / base:4.2f}x  (target <= 1.5x)")
    print(f"  factcheck extract draft.md    {extract:7.1f} ms   {extract / base:4.2f}x  (target <= 2x)")


# Runs in a fresh process for one side of --against: argv is the package root, this
# bench folder, the text file and what to time. Every draft is extracted once untimed
# (lazy patterns are built then), and the digest of the claims is taken from that pass.
SIDE = r"""
import datetime as dt, hashlib, json, os, sys, time
sys.path.insert(0, sys.argv[1])
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from factcheck.extract import extract_claims
assert extract_claims.__code__.co_filename.startswith(sys.argv[1]), "wrong package imported"
sys.path.append(sys.argv[2])
from bench_extract import REFERENCE, drafts  # after the import above, which it would shadow
text = open(sys.argv[3], encoding="utf-8").read()
pieces = drafts(text)
if sys.argv[4] == "figures":
    from factcheck.extract.numbers.parse import parse_figures
    def run(p):
        return parse_figures(p)
    def record(c):
        return repr(c)
else:
    def run(p):
        return extract_claims(p, reference_date=REFERENCE)
    def record(c):
        return json.dumps(c.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
digest, found = hashlib.sha256(), 0
for p in pieces:
    for c in run(p):
        digest.update(record(c).encode() + b"\n")
        found += 1
cpu, wall = time.process_time(), time.perf_counter()
for p in pieces:
    run(p)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(json.dumps({"cpu": cpu, "wall": wall, "found": found, "digest": digest.hexdigest(), "mb": len(text.encode()) / 1e6}))
"""


def one_side(package_root: Path, text_file: Path, what: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SIDE, str(package_root), str(Path(__file__).resolve().parent), str(text_file), what],
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"bench_extract: {package_root}: {out.stderr.strip().splitlines()[-1]}")
    return json.loads(out.stdout)


def side_by_side(text: str, revision: str, rounds: int, what: str) -> dict[str, dict]:
    """The best CPU and best wall time of each side over `rounds` alternating rounds."""
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp, "news.md")
        text_file.write_text(text, encoding="utf-8")
        try:
            sides = {revision: export(revision, Path(tmp, "other")), "this tree": here}
        except subprocess.CalledProcessError as e:
            sys.exit(f"bench_extract: git archive {revision}: {e.stderr.decode().strip()}")
        best: dict[str, dict] = {}
        for _ in range(rounds):
            for name, root in sides.items():
                r = one_side(root, text_file, what)
                if name in best:
                    r["cpu"], r["wall"] = min(r["cpu"], best[name]["cpu"]), min(r["wall"], best[name]["wall"])
                best[name] = r
    return best


def print_side_by_side(best: dict[str, dict], revision: str, rounds: int, source: str, what: str) -> None:
    mine, theirs = best["this tree"], best[revision]
    print(f"text: {mine['mb']:.2f} MB ({source}); {what}, best of {rounds} alternating rounds, one core")
    print(f"  {'':<12} {'CPU MB/s':>9} {'CPU s':>7} {'wall MB/s':>10} {'wall s':>7}  {what}")
    for name, r in ((revision, theirs), ("this tree", mine)):
        line = f"{r['mb'] / r['cpu']:9.2f} {r['cpu']:7.2f} {r['mb'] / r['wall']:10.2f} {r['wall']:7.2f}"
        print(f"  {name:<12} {line}  {r['found']}")
    same = "same" if mine["digest"] == theirs["digest"] else "DIFFER"
    print(f"  this tree is {theirs['cpu'] / mine['cpu']:.2f}x the speed of {revision} in CPU time, ", end="")
    print(f"{theirs['wall'] / mine['wall']:.2f}x in wall time; results: {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="news text to use instead of generated copy")
    ap.add_argument("--size-mb", type=float, default=2.0, help="size of the generated copy")
    ap.add_argument("--peer-kb", type=float, default=60.0, help="size of the slice the peers are timed on")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--no-startup", action="store_true")
    ap.add_argument("--against", metavar="REV", help="time this tree side by side with git revision REV instead")
    ap.add_argument("--figures", action="store_true", help="with --against: time the number scanner alone")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    text = "\n\n".join(Path(f).read_text(encoding="utf-8") for f in a.files) if a.files else generated_copy(a.size_mb)
    if a.against:
        what = "figures" if a.figures else "claims"
        best = side_by_side(text, a.against, a.runs, what)
        print_side_by_side(best, a.against, a.runs, "your files" if a.files else "generated news copy", what)
        return
    pieces = drafts(text)
    rate, claims, fig_rate, found = ours(pieces, a.runs)
    print(f"text: {mb(text):.2f} MB in {len(pieces)} drafts ({'your files' if a.files else 'generated news copy'})")
    print(f"  factcheck extract_claims           {rate:8.2f} MB/s  ({claims} claims; best of {a.runs})")
    print(f"    of which the figure extractor    {fig_rate:8.2f} MB/s  on its own ({found} figures)")
    peer = peers(text[: int(a.peer_kb * 1000)])
    if peer is None:
        print("  quantulum3 + dateparser: not installed (pip install -e '.[bench]'); no ratio")
    else:
        print(f"  quantulum3 + dateparser            {peer:8.4f} MB/s  (on the first {a.peer_kb:g} KB)")
        print(f"  factcheck is {rate / peer:.0f}x faster (target >= 20x)")
    if not a.no_startup:
        startup(a.startup_runs, pieces[0])


if __name__ == "__main__":
    main()
