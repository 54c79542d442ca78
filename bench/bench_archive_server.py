"""Benchmark the PostgreSQL archive side by side with the embedded index, on one archive.

    python bench/bench_archive_server.py                  # 100 MB, 850 claims
    python bench/bench_archive_server.py --size-mb 1024   # the 1 GB run (builds for a long while)
    python bench/bench_archive_server.py --size-mb 10     # a quick run

The archive and the claims are the ones `bench_match.py` writes (the same corpus
generator, the same claims), so both backends see the same sources. A throwaway
PostgreSQL server is started with initdb/pg_ctl (tests/pgserver.py) unless `--url`
names one. It measures:

- `factcheck archive push` throughput (MB/s), against `factcheck sources index`;
- the whole `factcheck match` run, warm (the second run), on each backend;
- per-claim judging time, p50 and p95, on each backend, in one process;
- 8 `factcheck match` clients at once against the server, each against its solo time;
- whether the two backends gave the same verdict to every claim.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import bench_match  # noqa: E402

CLIENTS = 8


def _cli(root: Path, *args: str, url: str | None = None) -> tuple[float, subprocess.CompletedProcess]:
    import os

    env = {**os.environ, "FACTCHECK_ARCHIVE_URL": url or ""}
    t = time.perf_counter()
    proc = subprocess.run(["factcheck", *args], cwd=root, capture_output=True, text=True, env=env)
    took = time.perf_counter() - t
    assert proc.returncode in (0, 1), f"factcheck {' '.join(args)}: {proc.stderr[-600:]}"
    return took, proc


def _verdicts(root: Path, url: str | None) -> dict:
    _, proc = _cli(root, "export", "--format", "json", url=url)
    return {(d["path"], c["id"]): c.get("verdict") for d in json.loads(proc.stdout)["drafts"] for c in d["claims"]}


def _server_copy(root: Path, dest: Path) -> None:
    """The newsroom without its wire folder: the server holds the archive."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(root / "drafts", dest / "drafts")
    shutil.copytree(root / "claims", dest / "claims")
    (dest / ".factcheck.yaml").write_text("archives: []\n")
    subprocess.run(["git", "init", "-q", str(dest)], check=True)


def _per_claim(root: Path, url: str | None) -> list[float]:
    """Seconds to judge each claim, with the run's searcher open (warm caches excluded: one pass)."""
    from factcheck.config import load_config
    from factcheck.match import _reference_date
    from factcheck.match.judge import Context, judge
    from factcheck.sources.index import SourceIndex
    from factcheck.sources.search import Searcher
    from factcheck.store import claims_files

    config = load_config(root)
    index = SourceIndex(config.state_dir, config.root)
    docs = list(index.docs().values()) if not url else []
    searcher, marks, archive = Searcher(index.dir, docs), index.marks, None
    if url:
        from factcheck.archive.search import ArchiveSearch, CombinedSearcher

        archive = ArchiveSearch(url)
        searcher = CombinedSearcher(searcher, archive)
        marks = searcher.marks_for(marks)
    times = []
    for claims_file in sorted((root / "claims").rglob("*.yaml")):
        rel = claims_file.relative_to(root / "claims").with_suffix(".md").as_posix()
        cf = claims_files.load_claims(config, rel)
        ctx = Context(searcher, _reference_date(cf.reference_date), marks=marks)
        for claim in cf.claims:
            t = time.perf_counter()
            judge(claim, ctx)
            times.append(time.perf_counter() - t)
    searcher.close()
    if archive:
        archive.close()
    index.close()
    return times


def _pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[int(q) - 1] if len(xs) > 1 else xs[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--claims", type=int, default=850)
    ap.add_argument("--url", default=None, help="an archive server to use (its database is migrated and filled)")
    ap.add_argument("--dir", type=Path, default=None)
    a = ap.parse_args()
    root = a.dir or Path(tempfile.gettempdir()) / f"factcheck-bench-archive-{a.size_mb:g}mb"
    root.mkdir(parents=True, exist_ok=True)
    bench_match.write_newsroom(root, a.size_mb, a.claims)
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    corpus_bytes = sum(p.stat().st_size for p in (root / "wire").glob("*.txt"))
    mb = corpus_bytes / 1048576

    cluster = None
    url = a.url
    if not url:
        from tests import pgserver

        cluster = pgserver.start()
        url = cluster.new_database()
    try:
        shutil.rmtree(root / ".factcheck", ignore_errors=True)
        index_s, _ = _cli(root, "sources", "index", "-q")
        _cli(root, "archive", "migrate", url=url)
        push_s, _ = _cli(root, "archive", "push", "-q", "wire", url=url)

        _cli(root, "match", "-q")
        emb_s, _ = _cli(root, "match", "-q")
        served = root.parent / (root.name + "-server")
        _server_copy(root, served)
        _cli(served, "match", "-q", url=url)
        pg_s, _ = _cli(served, "match", "-q", url=url)
        same = _verdicts(root, None) == _verdicts(served, url)

        emb_claims = _per_claim(root, None)
        pg_claims = _per_claim(served, url)

        clients = [root.parent / f"{root.name}-client{i}" for i in range(CLIENTS)]
        for c in clients:
            _server_copy(root, c)
        with ThreadPoolExecutor(CLIENTS) as pool:
            together = list(pool.map(lambda c: _cli(c, "match", "-q", url=url)[0], clients))
    finally:
        if cluster:
            cluster.stop()

    rows = [
        ("archive", f"{mb:.1f} MB in {len(list((root / 'wire').glob('*.txt')))} files, {len(emb_claims)} claims", ""),
        ("`archive push` (PostgreSQL)", f"{push_s:.1f} s = {mb / push_s:.1f} MB/s", ">= 10 MB/s"),
        ("`sources index` (embedded)", f"{index_s:.1f} s = {mb / index_s:.1f} MB/s", ""),
        ("whole `match`, warm: PostgreSQL", f"{pg_s:.2f} s", "<= 5 s at 1 GB"),
        ("whole `match`, warm: embedded", f"{emb_s:.2f} s", ""),
        (
            "per claim p50 / p95: PostgreSQL",
            f"{_pct(pg_claims, 50) * 1000:.2f} / {_pct(pg_claims, 95) * 1000:.2f} ms",
            "",
        ),
        (
            "per claim p50 / p95: embedded",
            f"{_pct(emb_claims, 50) * 1000:.2f} / {_pct(emb_claims, 95) * 1000:.2f} ms",
            "",
        ),
        (
            f"{CLIENTS} `match` clients at once",
            f"slowest {max(together):.2f} s = {max(together) / pg_s:.1f}x solo",
            "<= 2x solo",
        ),
        ("same verdict for every claim", "yes" if same else "NO", "identical"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<48} {goal}")
    print(
        json.dumps(
            {
                "size_mb": mb,
                "push_mb_s": mb / push_s,
                "index_mb_s": mb / index_s,
                "match_pg_s": pg_s,
                "match_embedded_s": emb_s,
                "pg_p50_ms": _pct(pg_claims, 50) * 1000,
                "pg_p95_ms": _pct(pg_claims, 95) * 1000,
                "emb_p50_ms": _pct(emb_claims, 50) * 1000,
                "emb_p95_ms": _pct(emb_claims, 95) * 1000,
                "clients_slowest_s": max(together),
                "identical": same,
            }
        )
    )


if __name__ == "__main__":
    main()
