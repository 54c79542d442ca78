"""Benchmark `factcheck match` against a synthetic archive, side by side with the naive loop.

    python bench/bench_match.py                # the 100 MB archive of the speed targets
    python bench/bench_match.py --size-mb 10   # a quick run
    python bench/bench_match.py --size-mb 10 --against main --rounds 3   # side by side with main

It writes a newsroom under the temp folder (kept between runs, so the corpus is made
once), with the archive in `wire/` and 500 claims in ten drafts' claims files, half of
them altered (a word of a quote, or a figure changed). Then it measures:

- index build (`factcheck sources index`): MB/s, index size against corpus size, peak memory;
- the whole `factcheck match` run (process start-up included) and its peak memory;
- per-claim retrieval and alignment against the naive loop (rapidfuzz `partial_ratio`
  of the claim against every document), on the same sample of claims, with the recall
  of each (the claim's passage found in the document it was taken from);
- re-indexing after one source changes;
- with `--against REV`, `factcheck match --force` of this tree and of another git revision
  (exported with `git archive` into a temp folder), alternately, `--rounds` times each on
  the same index and claims: on a shared machine only runs side by side compare. CPU time
  (user + system) says what a run costs; wall time also says how long it waited for a core.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archive import export  # another revision's package, for --against

sys.path.insert(0, str(Path(__file__).parent))
import corpus

N_DRAFTS = 10


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[A-Z][^\n]{40,400}?\.(?=\s|$)", text)]


def _figure_claim(rng, path, sentence: str, alter: bool):
    m = re.search(r"\$?\d[\d,]*(?:\.\d+)?(?: billion| percent)?", sentence)
    if not m:
        return None
    text = m.group()
    if alter:
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        i = rng.choice(digits)
        text = text[:i] + str((int(text[i]) + rng.randint(1, 8)) % 10) + text[i + 1 :]
        sentence = sentence[: m.start()] + text + sentence[m.end() :]
    from factcheck.extract.numbers.parse import parse_figures

    figs = parse_figures(text)
    value = figs[0].value if figs else None
    unit = figs[0].unit if figs else None
    return {"kind": "figure", "text": text, "sentence": sentence, "value": value, "unit": unit}


def _quote_claim(rng, vocab, sentence: str, alter: bool):
    words = sentence.rstrip(".").split()
    n = rng.randint(6, min(25, len(words)))
    a = rng.randint(0, len(words) - n)
    quote = words[a : a + n]
    if alter:
        quote[rng.randrange(len(quote))] = rng.choice(vocab[30:3000])
    text = " ".join(quote)
    return {
        "kind": "quote",
        "text": text,
        "sentence": f"\u201c{text},\u201d the minister said.",
        "speaker": "The minister",
    }


def make_claims(paths: list[Path], root: Path, n: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    vocab = corpus.vocabulary(__import__("numpy").random.default_rng(7)).tolist()
    claims: list[dict] = []
    while len(claims) < n:
        path = rng.choice(paths)
        sentences = _sentences(path.read_text(encoding="utf-8"))
        if not sentences:
            continue
        _, sentence = rng.choice(sentences)
        alter = rng.random() < 0.5
        c = (
            _quote_claim(rng, vocab, sentence, alter)
            if rng.random() < 0.5
            else _figure_claim(rng, path, sentence, alter)
        )
        if c is None:
            continue
        c.update(id=f"{c['kind'][0]}-{len(claims):010d}", start=0, end=len(c["text"]), line=1)
        c["truth"] = path.relative_to(root).as_posix()
        c["expect"] = "contradicted" if alter else "supported"
        claims.append(c)
    return claims


def write_newsroom(root: Path, size_mb: float, n_claims: int) -> list[dict]:
    paths = corpus.generate(root / "wire", size_mb)
    (root / ".factcheck.yaml").write_text("archives:\n  - wire\n")
    (root / "drafts").mkdir(exist_ok=True)
    claims = make_claims(paths, root, n_claims)
    from factcheck.store import yamlio

    per = (len(claims) + N_DRAFTS - 1) // N_DRAFTS
    for d in range(N_DRAFTS):
        rel = f"drafts/story-{d:02d}.md"
        (root / rel).write_text(f"---\ntitle: Story {d}\ndate: 2026-01-01\n---\nBody.\n")
        records = [
            {k: v for k, v in c.items() if k not in ("truth", "expect")} for c in claims[d * per : (d + 1) * per]
        ]
        target = root / "claims" / "drafts" / f"story-{d:02d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            yamlio.dump({"draft": rel, "reference_date": "2026-01-01", "draft_sha256": None, "claims": records})
        )
    return claims


_PEAK = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); p = subprocess.run(sys.argv[1:]); wall = time.perf_counter() - t\n"
    "sys.stderr.write(f'\\n@@ {wall} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); sys.exit(p.returncode)\n"
)


_TIMED = (
    "import os, subprocess, sys, time\n"
    "t = time.perf_counter(); c = os.times(); p = subprocess.run(sys.argv[1:]); wall = time.perf_counter() - t\n"
    "d = os.times(); cpu = d.children_user + d.children_system - c.children_user - c.children_system\n"
    "sys.stderr.write(f'\\n@@ {wall} {cpu}\\n'); sys.exit(p.returncode)\n"
)
REPO = Path(__file__).resolve().parent.parent


def side_by_side(root: Path, other: Path, rounds: int) -> tuple[list, list, tuple[int, int]]:
    """(wall, cpu) of `match --force` by this tree and by `other`, alternately, `rounds` times
    each; and how many of `other`'s verdicts this tree gave too. Both run as `python -m
    factcheck` with their own package first on the path."""
    import os

    from factcheck.store import yamlio

    def verdicts() -> dict:
        out = {}
        for path in sorted((root / "claims").rglob("*.yaml")):
            for c in yamlio.load(path.read_text(encoding="utf-8"), path=str(path))["claims"]:
                out[(path.name, c["id"])] = c.get("verdict")
        return out

    results: dict[Path, list] = {REPO: [], other: []}
    written: dict[Path, dict] = {}
    for _ in range(rounds):
        for package in (other, REPO):
            env = {**os.environ, "PYTHONPATH": str(package)}
            proc = subprocess.run(
                [sys.executable, "-c", _TIMED, sys.executable, "-m", "factcheck", "match", "-q", "--force"],
                cwd=root,
                capture_output=True,
                text=True,
                env=env,
            )
            assert proc.returncode in (0, 1), proc.stderr[-600:]
            wall, cpu = proc.stderr.rsplit("@@ ", 1)[1].split()
            results[package].append((float(wall), float(cpu)))
            written[package] = verdicts()
    same = sum(written[REPO].get(k) == v for k, v in written[other].items())
    return results[REPO], results[other], (same, len(written[other]))


def timed_cli(root: Path, *args: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall time and peak memory (MB, the largest process of this run alone) of one CLI run.

    A small wrapper process runs the command so that its peak memory is not mixed with
    that of earlier runs; the wall time is taken inside the wrapper, around the command only.
    """
    proc = subprocess.run([sys.executable, "-c", _PEAK, "factcheck", *args], cwd=root, capture_output=True, text=True)
    wall, peak_kb = proc.stderr.rsplit("@@ ", 1)[1].split()
    return float(wall), int(peak_kb) / 1024, proc


def needle_of(c: dict) -> str:
    from factcheck.match.judge import context_window

    return c["text"] if c["kind"] == "quote" else context_window(c)[0]


def ours(root: Path, sample: list[dict]) -> tuple[float, float]:
    """Per-claim time and recall of index retrieval plus alignment."""
    from factcheck.config import load_config
    from factcheck.match.locate import locate
    from factcheck.sources.index import SourceIndex
    from factcheck.sources.search import Searcher

    config = load_config(root)
    index = SourceIndex(config.state_dir, root)
    searcher = Searcher(index.dir, list(index.docs().values()))
    locate(searcher, needle_of(sample[0]), keep=1)  # warm up: imports and first page-ins are not per-claim costs
    found, t = 0, time.perf_counter()
    for c in sample:
        hits = locate(searcher, needle_of(c), keep=1)
        found += bool(hits) and hits[0].passage.doc.path == c["truth"]
    per = (time.perf_counter() - t) / len(sample)
    return per, found / len(sample)


def naive(root: Path, sample: list[dict]) -> tuple[float, float]:
    """Per-claim time and recall of partial_ratio against every document."""
    from rapidfuzz import fuzz

    from factcheck.match.words import fold

    docs = [
        (p.relative_to(root).as_posix(), fold(p.read_text(encoding="utf-8")))
        for p in sorted((root / "wire").glob("*.txt"))
    ]
    found, t = 0, time.perf_counter()
    for c in sample:
        needle = fold(needle_of(c))
        best = max(docs, key=lambda d: fuzz.partial_ratio(needle, d[1]))
        found += best[0] == c["truth"]
    per = (time.perf_counter() - t) / len(sample)
    return per, found / len(sample)


def match_accuracy(root: Path, claims: list[dict]) -> tuple[float, float]:
    """Share of claims whose best evidence is in the right document, and with the expected verdict."""
    from factcheck.store import yamlio

    got = {}
    for path in (root / "claims" / "drafts").glob("*.yaml"):
        for rec in yamlio.load(path.read_text(), path=str(path))["claims"]:
            got[rec["id"]] = rec
    located = verdict = 0
    for c in claims:
        rec = got.get(c["id"], {})
        ev = rec.get("evidence") or []
        located += bool(ev) and ev[0]["source"] == c["truth"]
        verdict += rec.get("verdict") == c["expect"]
    return located / len(claims), verdict / len(claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--claims", type=int, default=500)
    ap.add_argument("--naive-claims", type=int, default=50, help="claims for the side-by-side (the naive loop is slow)")
    ap.add_argument("--dir", type=Path, default=None, help="newsroom folder (default: under the temp folder)")
    ap.add_argument("--against", default=None, help="also time `match --force` of this git revision, side by side")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each side with --against")
    a = ap.parse_args()
    root = a.dir or Path(tempfile.gettempdir()) / f"factcheck-bench-{a.size_mb:g}mb"
    root.mkdir(parents=True, exist_ok=True)
    claims = write_newsroom(root, a.size_mb, a.claims)
    corpus_bytes = sum(p.stat().st_size for p in (root / "wire").glob("*.txt"))
    subprocess.run(["rm", "-rf", str(root / ".factcheck")], check=True)

    build_s, build_mem, proc = timed_cli(root, "sources", "index", "-q")
    assert proc.returncode == 0, proc.stderr
    index_bytes = sum(p.stat().st_size for p in (root / ".factcheck" / "index").iterdir() if p.is_file())
    match_s, match_mem, proc = timed_cli(root, "match", "-q")
    assert proc.returncode == 0, proc.stderr
    located, verdicts = match_accuracy(root, claims)

    sample = random.Random(5).sample(claims, min(a.naive_claims, len(claims)))
    ours_s, ours_recall = ours(root, sample)
    naive_s, naive_recall = naive(root, sample)

    target = sorted((root / "wire").glob("*.txt"))[len(claims) % 50]
    original = target.read_text(encoding="utf-8")
    target.write_text(original + "\nA correction was appended to this story.\n", encoding="utf-8")
    reindex_s, _, proc = timed_cli(root, "sources", "index", "-q")
    target.write_text(original, encoding="utf-8")
    timed_cli(root, "sources", "index", "-q")

    mb = corpus_bytes / 1048576
    rows = [
        ("corpus", f"{mb:.1f} MB in {len(list((root / 'wire').glob('*.txt')))} files", ""),
        ("whole `factcheck match` run", f"{match_s:.2f} s for {len(claims)} claims (start-up included)", "<= 2 s"),
        ("claims located in the right source / right verdict", f"{located:.3f} / {verdicts:.3f}", ""),
        (
            f"per claim, side by side ({len(sample)} claims)",
            f"index {ours_s * 1000:.2f} ms vs naive {naive_s * 1000:.0f} ms",
            "",
        ),
        ("speed-up over the naive loop", f"{naive_s / ours_s:.0f}x", ">= 200x"),
        ("recall on the sample", f"index {ours_recall:.3f} vs naive {naive_recall:.3f}", "index >= naive"),
        ("index build", f"{build_s:.2f} s = {mb / build_s:.1f} MB/s", ">= 10 MB/s"),
        ("index size", f"{index_bytes / 1048576:.1f} MB = {index_bytes / corpus_bytes:.2f}x the corpus", "<= 2x"),
        (
            "re-index after one source changed",
            f"{reindex_s:.2f} s (`factcheck sources index`, start-up included)",
            "<= 1 s",
        ),
        ("peak memory", f"build {build_mem:.0f} MB, match {match_mem:.0f} MB", "<= 1 GB"),
    ]
    if a.against:
        with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as tmp:
            mine, theirs, same = side_by_side(root, export(a.against, Path(tmp)), a.rounds)
        for name, runs in (("this tree", mine), (a.against, theirs)):
            walls, cpus = sorted(w for w, _ in runs), sorted(c for _, c in runs)
            rows.append(
                (
                    f"match --force, {name}",
                    f"median {walls[len(walls) // 2]:.2f} s wall, {cpus[len(cpus) // 2]:.2f} s CPU ({len(runs)} runs)",
                    "",
                )
            )
        rows.append((f"verdicts as {a.against} gives them", f"{same[0]} of {same[1]}", ""))
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<58} {goal}")
    print(
        json.dumps(
            {
                "size_mb": mb,
                "match_s": match_s,
                "ours_ms": ours_s * 1000,
                "naive_ms": naive_s * 1000,
                "speedup": naive_s / ours_s,
                "ours_recall": ours_recall,
                "naive_recall": naive_recall,
                "build_mb_s": mb / build_s,
                "index_ratio": index_bytes / corpus_bytes,
                "reindex_s": reindex_s,
                "build_peak_mb": build_mem,
                "match_peak_mb": match_mem,
                "located": located,
                "verdicts": verdicts,
            }
        )
    )


if __name__ == "__main__":
    main()
