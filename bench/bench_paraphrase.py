"""Benchmark the paraphrase path of `factcheck match`: reworded figure claims, where every
claim misses the near-copy path and falls back to context words.

    python bench/bench_paraphrase.py --size-mb 10    # a quick run
    python bench/bench_paraphrase.py                 # the 100 MB archive of bench_match.py

It reuses bench_match.py's synthetic archive (made once, kept under the temp folder) and
its figure claims, then rewords each draft sentence: the clauses on either side of the
figure swap places and a third of the other words are dropped. Half of the figures are
also changed. It measures, side by side in one run:

- the whole `factcheck match` run over those claims (start-up included), every claim
  taking the paraphrase fallback;
- per claim, finding the related sentences among the index's candidate passages against
  a naive scan of every sentence of every source with the same context score, and the
  recall of each (the best related sentence is in the document the claim was taken from);
- the verdicts: reworded claims supported, changed ones contradicted or not found.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_match


def reword(rng: random.Random, claim: dict) -> dict | None:
    """The claim's sentence reworded: other clause order, a third of the other words gone."""
    sentence, text = claim["sentence"], claim["text"]
    at = sentence.find(text)
    if at < 0:
        return None
    keep = lambda part: [w for w in part.split() if rng.random() > 1 / 3]  # noqa: E731
    before, after = keep(sentence[:at]), keep(sentence[at + len(text) :].rstrip("."))
    head = " ".join(after + [text]) if after else text
    reworded = f"{head}, {' '.join(before)}.".replace(" ,", ",") if before else f"{head}."
    return {**claim, "sentence": reworded}


def figure_claims(root: Path, n: int) -> list[dict]:
    rng = random.Random(17)
    claims = [
        c for c in bench_match.make_claims(sorted((root / "wire").glob("*.txt")), root, n * 3) if c["kind"] == "figure"
    ]
    out = [r for r in (reword(rng, c) for c in claims) if r is not None]
    return out[:n]


def write_claims(root: Path, claims: list[dict]) -> None:
    from factcheck.store import yamlio

    per = (len(claims) + bench_match.N_DRAFTS - 1) // bench_match.N_DRAFTS
    for d in range(bench_match.N_DRAFTS):
        records = [
            {k: v for k, v in c.items() if k not in ("truth", "expect")} for c in claims[d * per : (d + 1) * per]
        ]
        target = root / "claims" / "drafts" / f"story-{d:02d}.yaml"
        target.write_text(
            yamlio.dump(
                {
                    "draft": f"drafts/story-{d:02d}.md",
                    "reference_date": "2026-01-01",
                    "draft_sha256": None,
                    "claims": records,
                }
            )
        )


def verdict_accuracy(root: Path, claims: list[dict]) -> dict:
    from factcheck.store import yamlio

    got = {}
    for path in (root / "claims" / "drafts").glob("*.yaml"):
        got.update({r["id"]: r for r in yamlio.load(path.read_text(), path=str(path))["claims"]})
    tally: dict = {}
    for c in claims:
        key = f"{c['expect']} -> {got.get(c['id'], {}).get('verdict')}"
        tally[key] = tally.get(key, 0) + 1
    return dict(sorted(tally.items()))


def _context(root: Path):
    import datetime as dt

    from factcheck.config import load_config
    from factcheck.match.judge import Context
    from factcheck.sources.index import SourceIndex
    from factcheck.sources.search import Searcher

    config = load_config(root)
    index = SourceIndex(config.state_dir, root)
    return Context(Searcher(index.dir, list(index.docs().values())), dt.date(2026, 1, 1))


def _cues(c: dict):
    from factcheck.match import context

    at = c["sentence"].find(c["text"])
    return context.cues(c["sentence"], at, at + len(c["text"]))


def ours(root: Path, sample: list[dict]) -> tuple[float, float]:
    """Per-claim time and recall of finding the related sentences among the index's candidates."""
    from factcheck.match import paraphrase

    ctx = _context(root)
    paraphrase.related(ctx, _cues(sample[0]), sample[0]["text"])  # warm up imports and page-ins
    found, t = 0, time.perf_counter()
    for c in sample:
        cues = _cues(c)
        best = paraphrase.related(ctx, cues, c["sentence"], c["text"])
        found += bool(best) and best[0].sentence.passage.doc.path == c["truth"]
    return (time.perf_counter() - t) / len(sample), found / len(sample)


def naive(root: Path, sample: list[dict]) -> tuple[float, float]:
    """Per-claim time and recall of scoring every sentence of every source the same way
    (sentences read and stemmed once, beforehand: only the scoring is timed)."""
    from factcheck.extract.sentences import Sentences
    from factcheck.match import context, paraphrase
    from factcheck.sources.search import Passage

    everything = []
    for p in sorted((root / "wire").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        doc = type("Doc", (), {"path": p.relative_to(root).as_posix()})
        for s, e in Sentences(text).spans:
            everything.append(paraphrase.Sentence(Passage(doc, 0, ""), s, e, context.stems(text, s, e), frozenset()))
    found, t = 0, time.perf_counter()
    for c in sample:
        cues = _cues(c)
        weights = paraphrase.CueWeights([cue.weight for cue in cues], cues)
        best = max(everything, key=lambda s: paraphrase.related_to_cues(s, cues, weights).coverage)
        found += best.passage.doc.path == c["truth"]
    return (time.perf_counter() - t) / len(sample), found / len(sample)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--claims", type=int, default=500)
    ap.add_argument("--naive-claims", type=int, default=30, help="claims for the side-by-side (the naive scan is slow)")
    a = ap.parse_args()
    root = Path(tempfile.gettempdir()) / f"factcheck-bench-{a.size_mb:g}mb"
    root.mkdir(parents=True, exist_ok=True)
    bench_match.write_newsroom(root, a.size_mb, 10)
    claims = figure_claims(root, a.claims)
    write_claims(root, claims)
    proc = subprocess.run(["factcheck", "sources", "index", "-q"], cwd=root, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr

    match_s, match_mem, proc = bench_match.timed_cli(root, "match", "-q")
    assert proc.returncode == 0, proc.stderr
    tally = verdict_accuracy(root, claims)
    sample = random.Random(5).sample(claims, min(a.naive_claims, len(claims)))
    ours_s, ours_recall = ours(root, sample)
    naive_s, naive_recall = naive(root, sample)

    rows = [
        ("reworded figure claims", f"{len(claims)} in {bench_match.N_DRAFTS} drafts, half with the figure changed", ""),
        (
            "whole `factcheck match` run",
            f"{match_s:.2f} s (start-up included), peak memory {match_mem:.0f} MB",
            "<= 2 s",
        ),
        (
            f"per claim, side by side ({len(sample)} claims)",
            f"index {ours_s * 1000:.2f} ms vs every sentence {naive_s * 1000:.0f} ms",
            "",
        ),
        ("recall on the sample", f"index {ours_recall:.3f} vs every sentence {naive_recall:.3f}", ""),
        ("expected -> verdict", ", ".join(f"{k}: {v}" for k, v in tally.items()), ""),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<70} {goal}")
    print(
        json.dumps(
            {
                "claims": len(claims),
                "match_s": match_s,
                "match_peak_mb": match_mem,
                "ours_ms": ours_s * 1000,
                "naive_ms": naive_s * 1000,
                "ours_recall": ours_recall,
                "naive_recall": naive_recall,
                "verdicts": tally,
            }
        )
    )


if __name__ == "__main__":
    main()
