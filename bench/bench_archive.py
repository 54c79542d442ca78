"""Benchmark `factcheck match` on an archive of real news in near-duplicate versions.

    python bench/bench_archive.py                          # 840 articles x 26 versions, about 100 MB
    python bench/bench_archive.py --versions 3             # a quick run (about 12 MB)
    python bench/bench_archive.py --articles ../shared/eval/polnear-dev
    python bench/bench_archive.py --against main --rounds 2   # first runs side by side with main

The archive is built at run time from a folder of real articles (one `.txt` per
article; by default `../shared/eval/polnear-train` from the repository root), never
copied into the repository. Each article is written again in `--versions` versions, the
way wire updates arrive: the first as published, each later one with some figures
changed and some paragraphs moved. Ten drafts are made of paragraphs of the published
versions, so every claim `factcheck scan` finds in them is in the archive word for word,
and each names the archive only through its front matter: `sources: [archive/**/*.txt]`.

It measures, in one run, with process start-up included:

- the first `factcheck match` (the index is built inside it), its peak memory;
- a warm `match` with nothing changed;
- `match` after one source changed (a figure of a version a claim is found in), and
  `match --force` on the same state: every claim must keep the verdict and evidence
  judging afresh gives, or the bench names the claims and exits non-zero;
- the recall of the verbatim claims (share judged supported);
- with `--against REV`, the first `match` of this tree and of another git revision,
  alternately from the same scanned claims, and how many verdicts they share;
- side by side, the naive loop: rapidfuzz `partial_ratio` of each claim's words against
  every document of the archive, timed on a sample and scaled to all the claims.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_TIMED = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); p = subprocess.run(sys.argv[1:]); wall = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(f'\\n@@ {wall} {u.ru_utime + u.ru_stime} {u.ru_maxrss}\\n'); sys.exit(p.returncode)\n"
)


def timed_cli(
    root: Path, *args: str, python: bool = False, env: dict | None = None
) -> tuple[float, float, float, subprocess.CompletedProcess]:
    """Wall time, CPU time (user + system, worker processes included) and peak memory (MB,
    the largest process) of one CLI run. On a shared machine the CPU time says what the
    run costs; the wall time also says how long it waited for a core. `python` runs
    `python -m factcheck` (the package `env`'s PYTHONPATH names) instead of the command."""
    command = [sys.executable, "-m", "factcheck"] if python else ["factcheck"]
    proc = subprocess.run(
        [sys.executable, "-c", _TIMED, *command, *args], cwd=root, capture_output=True, text=True, env=env
    )
    wall, cpu, peak_kb = proc.stderr.rsplit("@@ ", 1)[1].split()
    return float(wall), float(cpu), int(peak_kb) / 1024, proc


REPO = Path(__file__).resolve().parent.parent
N_DRAFTS = 10
REFERENCE = __import__("datetime").date(2016, 10, 1)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w,.]\d)")


def _vary(rng: random.Random, text: str) -> str:
    """A later version of a story: a few figures changed, a paragraph or two moved."""

    def figure(m: re.Match) -> str:
        s = m.group()
        if rng.random() > 0.3:
            return s
        digits = [i for i, ch in enumerate(s) if ch.isdigit()]
        i = rng.choice(digits)
        return s[:i] + str((int(s[i]) + rng.randint(1, 8)) % 10) + s[i + 1 :]

    paragraphs = _NUMBER.sub(figure, text).split("\n\n")
    for _ in range(rng.randint(1, 2)):
        if len(paragraphs) > 3:
            i = rng.randrange(1, len(paragraphs))
            paragraphs.insert(rng.randrange(1, len(paragraphs)), paragraphs.pop(i))
    return "\n\n".join(paragraphs)


def build_archive(root: Path, articles: list[Path], versions: int, seed: int = 3) -> list[Path]:
    """archive/<article>/update-NN.txt for every article and version (reused when already there)."""
    marker = root / "archive" / f".complete-{len(articles)}-{versions}-{seed}"
    rng = random.Random(seed)
    folders = []
    if not marker.exists():
        shutil.rmtree(root / "archive", ignore_errors=True)
    for art in articles:
        folder = root / "archive" / art.stem
        folders.append(folder)
        if marker.exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        text = art.read_text(encoding="utf-8")
        for v in range(versions):
            (folder / f"update-{v:02d}.txt").write_text(text if v == 0 else _vary(rng, text), encoding="utf-8")
    marker.write_text("")
    return folders


def write_drafts(root: Path, articles: list[Path], target_claims: int, seed: int = 5) -> None:
    """Ten drafts of whole paragraphs from the published versions, naming the archive by glob."""
    from factcheck.extract import extract_claims

    rng = random.Random(seed)
    per = target_claims // N_DRAFTS
    pool = articles[:]
    rng.shuffle(pool)
    shutil.rmtree(root / "drafts", ignore_errors=True)
    shutil.rmtree(root / "claims", ignore_errors=True)
    for d in range(N_DRAFTS):
        body, count = [], 0
        while count < per and pool:
            art = pool.pop()
            paragraphs = [p for p in art.read_text(encoding="utf-8").split("\n\n")[1:] if len(p) > 80]
            for p in rng.sample(paragraphs, min(2, len(paragraphs))):
                body.append(p)
                count += len(extract_claims(p, reference_date=REFERENCE))
        rel = root / "drafts" / f"story-{d:02d}.md"
        rel.parent.mkdir(parents=True, exist_ok=True)
        head = f"---\ntitle: Story {d}\ndate: 2016-10-01\nsources:\n  - archive/**/*.txt\n---\n"
        rel.write_text(head + "\n\n".join(body) + "\n", encoding="utf-8")


def load_claims(root: Path) -> list[dict]:
    from factcheck.store import yamlio

    out = []
    for path in sorted((root / "claims" / "drafts").glob("*.yaml")):
        out += yamlio.load(path.read_text(encoding="utf-8"), path=str(path))["claims"]
    return out


def needle_of(c: dict) -> str:
    from factcheck.match.judge import context_window

    return c["text"] if c["kind"] == "quote" else context_window(c)[0]


def naive_per_claim(root: Path, sample: list[dict]) -> float:
    """Seconds per claim of rapidfuzz `partial_ratio` against every document."""
    from rapidfuzz import fuzz

    from factcheck.match.words import fold

    docs = [fold(p.read_text(encoding="utf-8")) for p in sorted((root / "archive").glob("*/*.txt"))]
    t = time.perf_counter()
    for c in sample:
        needle = fold(needle_of(c))
        max(docs, key=lambda d: fuzz.partial_ratio(needle, d))
    return (time.perf_counter() - t) / len(sample)


def change_one_source(root: Path, claims: list[dict]) -> tuple[Path, str]:
    """Change a figure in a later version of the story the first figure claim comes from."""
    figure = next(c for c in claims if c["kind"] == "figure" and (c.get("evidence") or []))
    source = root / figure["evidence"][0]["source"]
    target = sorted(source.parent.glob("*.txt"))[-1]
    original = target.read_text(encoding="utf-8")
    changed = _NUMBER.sub(lambda m: str(int(m.group().replace(",", "").split(".")[0]) + 1), original, count=1)
    target.write_text(changed + "\n\nThis story has been updated.\n", encoding="utf-8")
    return target, original


def export(revision: str, into: Path) -> Path:
    """Another revision's `factcheck` package, exported into a folder of its own."""
    import io
    import tarfile

    tar = subprocess.run(["git", "-C", str(REPO), "archive", revision, "factcheck"], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as t:
        t.extractall(into, filter="data")
    return into


def first_side_by_side(root: Path, other: Path, rounds: int) -> tuple[list, list, tuple[int, int]]:
    """The first `match` (index built) of this tree and of `other`, alternately, `rounds`
    times each, from the same freshly scanned claims; and how many of `other`'s verdicts
    this tree gave too. Both run as `python -m factcheck` with their package first on the path."""
    import os

    pristine = Path(tempfile.mkdtemp(prefix="claims-")) / "claims"
    shutil.copytree(root / "claims", pristine)
    results: dict[Path, list] = {REPO: [], other: []}
    written: dict[Path, dict] = {}
    try:
        for _ in range(rounds):
            for package in (other, REPO):
                shutil.rmtree(root / "claims")
                shutil.copytree(pristine, root / "claims")
                shutil.rmtree(root / ".factcheck", ignore_errors=True)
                env = {**os.environ, "PYTHONPATH": str(package)}
                wall, cpu, _, proc = timed_cli(root, "match", "-q", python=True, env=env)
                assert proc.returncode in (0, 1), proc.stderr[-600:]
                results[package].append((wall, cpu))
                written[package] = {c["id"]: c.get("verdict") for c in load_claims(root)}
    finally:
        # Leave the newsroom as scanned, for the runs that follow.
        shutil.rmtree(root / "claims")
        shutil.copytree(pristine, root / "claims")
        shutil.rmtree(root / ".factcheck", ignore_errors=True)
        shutil.rmtree(pristine.parent, ignore_errors=True)
    same = sum(written[REPO].get(i) == v for i, v in written[other].items())
    return results[REPO], results[other], (same, len(written[other]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--articles",
        type=Path,
        default=REPO.parent / "shared" / "eval" / "polnear-train",
        help="folder of real articles, one .txt each (read, never copied into the repository)",
    )
    ap.add_argument("--versions", type=int, default=26)
    ap.add_argument("--claims", type=int, default=850, help="about how many claims the drafts hold")
    ap.add_argument("--naive-claims", type=int, default=12, help="claims timed in the naive loop (it is slow)")
    ap.add_argument("--dir", type=Path, default=None, help="newsroom folder (default: under the temp folder)")
    ap.add_argument("--against", default=None, help="also time the first `match` of this git revision, side by side")
    ap.add_argument("--rounds", type=int, default=1, help="first runs of each side with --against")
    a = ap.parse_args()
    articles = sorted(a.articles.glob("*.txt"))
    if not articles:
        sys.exit(f"{a.articles}: no .txt articles there; pass --articles")
    root = a.dir or Path(tempfile.gettempdir()) / f"factcheck-bench-archive-{len(articles)}x{a.versions}"
    root.mkdir(parents=True, exist_ok=True)
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n")
    build_archive(root, articles, a.versions)
    write_drafts(root, articles, a.claims)
    shutil.rmtree(root / ".factcheck", ignore_errors=True)
    proc = subprocess.run(["factcheck", "scan", "-q"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    corpus_bytes = sum(p.stat().st_size for p in (root / "archive").glob("*/*.txt"))
    n_files = len(list((root / "archive").glob("*/*.txt")))

    side = None
    if a.against:
        with tempfile.TemporaryDirectory() as tmp:
            side = first_side_by_side(root, export(a.against, Path(tmp)), a.rounds)
    first_s, first_cpu, first_mem, proc = timed_cli(root, "match", "-q")
    assert proc.returncode == 0, proc.stderr
    claims = load_claims(root)
    supported = sum(c.get("verdict") == "supported" for c in claims)
    warm_s, warm_cpu, warm_mem, proc = timed_cli(root, "match", "-q")
    assert proc.returncode == 0, proc.stderr
    target, original = change_one_source(root, claims)
    try:
        change_s, change_cpu, change_mem, proc = timed_cli(root, "match", "-q")
        assert proc.returncode == 0, proc.stderr
        after = load_claims(root)
        # The same state judged from scratch: what the change should have re-judged.
        forced_s, forced_cpu, _, proc = timed_cli(root, "match", "-q", "--force")
        assert proc.returncode == 0, proc.stderr
        forced = load_claims(root)
    finally:
        target.write_text(original, encoding="utf-8")
    differ = kept_unlike_forced(after, forced)
    agree = len(forced) - len(differ)
    for line in differ:
        print(line)

    sample = random.Random(9).sample(claims, min(a.naive_claims, len(claims)))
    naive_s = naive_per_claim(root, sample)
    naive_all = naive_s * len(claims)

    mb = corpus_bytes / 1048576
    rows = [
        ("archive", f"{mb:.1f} MB in {n_files} files ({len(articles)} articles x {a.versions} versions)", ""),
        ("claims", f"{len(claims)} in {N_DRAFTS} drafts, each naming `archive/**/*.txt`", ""),
        ("first `match`, index built", f"{first_s:.2f} s (CPU {first_cpu:.2f} s, both workers)", "<= 12 s"),
        ("warm `match`, nothing changed", f"{warm_s:.2f} s (CPU {warm_cpu:.2f} s)", "<= 0.5 s"),
        ("`match` after one source changed", f"{change_s:.2f} s (CPU {change_cpu:.2f} s)", "<= 2 s"),
        (
            "naive loop, all claims (sampled)",
            f"{naive_all:.0f} s ({naive_s * 1000:.0f} ms per claim, {len(sample)} timed)",
            "",
        ),
        ("after one change vs the naive loop", f"{naive_all / change_s:.0f}x faster", ">= 200x"),
        ("`match --force` (every claim judged, index kept)", f"{forced_s:.2f} s (CPU {forced_cpu:.2f} s)", ""),
        (
            "recall of verbatim claims (supported)",
            f"{supported / len(claims):.3f} ({supported} of {len(claims)})",
            ">= 0.98",
        ),
        ("after one change, verdict and evidence as with --force", f"{agree} of {len(forced)}", "all"),
        (
            "peak memory",
            f"first {first_mem:.0f} MB, warm {warm_mem:.0f} MB, after change {change_mem:.0f} MB",
            "<= 1 GB",
        ),
    ]
    if side:
        mine, theirs, same = side
        for name, runs in (("this tree", mine), (a.against, theirs)):
            rows.append((f"first `match`, {name}", ", ".join(f"{w:.2f} s (CPU {c:.2f} s)" for w, c in runs), ""))
        rows.append((f"verdicts as {a.against} gives them", f"{same[0]} of {same[1]}", ""))
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<62} {goal}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        json.dumps(
            {
                "size_mb": mb,
                "files": n_files,
                "claims": len(claims),
                "first_s": first_s,
                "warm_s": warm_s,
                "change_s": change_s,
                "forced_s": forced_s,
                "first_cpu": first_cpu,
                "warm_cpu": warm_cpu,
                "change_cpu": change_cpu,
                "forced_cpu": forced_cpu,
                "naive_ms": naive_s * 1000,
                "speedup": naive_all / change_s,
                "recall": supported / len(claims),
                "agree_forced": agree / max(len(forced), 1),
                "load_average": os.getloadavg()[0],
                "first_peak_mb": first_mem,
                "warm_peak_mb": warm_mem,
                "change_peak_mb": change_mem,
            }
        )
    )
    if differ:
        # A kept verdict that is not what judging afresh gives is the worst kind of result:
        # an editor would see a verdict the sources no longer give. Never a quiet number.
        sys.exit(f"FAIL: after one change, {len(differ)} claims kept a verdict or evidence that --force does not give")


def kept_unlike_forced(after: list[dict], forced: list[dict]) -> list[str]:
    """One line for each claim whose verdict or evidence after the change is not what
    `match --force` gives on the same sources."""
    fresh = {c["id"]: c for c in forced}
    out = []
    for c in after:
        f = fresh.pop(c["id"], None)
        if f is None:
            out.append(f"{c['id']}: not in the claims after --force")
        elif c.get("verdict") != f.get("verdict"):
            out.append(
                f"after the change {c['id']} is {c.get('verdict')}, judged afresh {f.get('verdict')}: {c['text'][:70]!r}"
            )
        elif (c.get("evidence") or []) != (f.get("evidence") or []):
            out.append(f"after the change {c['id']} has other evidence than judged afresh: {c['text'][:70]!r}")
    out += [f"{cid}: only in the claims after --force" for cid in fresh]
    return out


if __name__ == "__main__":
    main()
