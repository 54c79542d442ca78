"""Benchmark the PostgreSQL archive side by side with the embedded index, on one archive.

    python bench/bench_archive_server.py                    # real news, 26 versions of 840 articles: ~100 MB
    python bench/bench_archive_server.py --versions 260     # the 1 GB run (builds for a long while)
    python bench/bench_archive_server.py --versions 3       # a quick run (~12 MB)
    python bench/bench_archive_server.py --corpus synthetic --size-mb 100   # bench_match.py's synthetic wire

By default the archive is `bench_archive.py`'s: real articles (read from
../shared/eval/polnear-train, never copied into the repository), each in `--versions`
near-duplicate versions as wire updates arrive, and ten drafts of their paragraphs,
scanned for claims. `--corpus synthetic` takes `bench_match.py`'s generated wire copy and
claims instead. A throwaway PostgreSQL server is started with initdb/pg_ctl
(tests/pgserver.py) unless `--url` names one. It measures, in one run:

- `factcheck archive push` throughput (MB/s), with the CPU seconds of the client and of
  the server (the bench's own server only), against `factcheck sources index`;
- the whole `factcheck match`, warm: nothing changed (kept verdicts), and every claim
  judged again (`--force`), on each backend;
- per-claim judging time, p50 and p95, on each backend, in one process;
- 8 `factcheck match` clients at once against the server, each against its solo time,
  both with nothing changed and with every claim judged;
- whether the two backends gave the same verdict to every claim, naming each claim that
  differs (draft, claim id, both verdicts, its text).
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
import bench_archive  # noqa: E402
import bench_match  # noqa: E402

CLIENTS = 8


def _cli(root: Path, *args: str, url: str | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds (user + system, the factcheck process) of one CLI run."""
    import os

    env = {**os.environ, "FACTCHECK_ARCHIVE_URL": url or ""}
    wall, cpu, _, proc = bench_archive.timed_cli(root, *args, env=env)
    assert proc.returncode in (0, 1), f"factcheck {' '.join(args)}: {proc.stderr[-600:]}"
    return wall, cpu, proc


class ServerClock:
    """CPU seconds the bench's own server spent: its postmaster's reaped children (every
    backend of a finished CLI run, and autovacuum workers)."""

    def __init__(self, cluster):
        self.pid = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0]) if cluster else None

    def read(self) -> float | None:
        if self.pid is None:
            return None
        time.sleep(0.5)  # the run's backends exit after its connections close
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime


class BusiestBackend:
    """The most CPU seconds any one of the bench's server processes spent while watched: a
    GIN index is merged by one backend at a time, so this is the server's share of a
    push's critical path, however many cores it has. Polled from /proc as the run goes."""

    def __init__(self, cluster):
        self.pid = ServerClock(cluster).pid
        self.seen: dict[int, float] = {}
        self.before: dict[int, float] = {}
        self._stop = False
        self._thread = None

    def __enter__(self) -> BusiestBackend:
        import threading

        if self.pid is not None:
            self.before = self._cpu_by_process()  # the checkpointer and others ran before
            self._thread = threading.Thread(target=self._poll, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop = True
        if self._thread is not None:
            self._thread.join()

    def _cpu_by_process(self) -> dict[int, float]:
        tick = os.sysconf("SC_CLK_TCK")
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        except OSError:
            return {}
        out = {}
        for child in children:
            try:
                fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited since it was listed
            out[int(child)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        return out

    def _poll(self) -> None:
        while not self._stop:
            for pid, cpu in self._cpu_by_process().items():
                self.seen[pid] = cpu - self.before.get(pid, 0.0)
            time.sleep(0.2)

    def busiest(self) -> float | None:
        return max(self.seen.values(), default=None) if self.pid is not None else None


def _verdicts(root: Path, url: str | None) -> dict:
    """(draft, claim id) -> (verdict, claim text) from the newsroom's JSON export."""
    _, _, proc = _cli(root, "export", "--format", "json", url=url)
    return {
        (d["path"], c["id"]): (c.get("verdict"), c.get("text", ""))
        for d in json.loads(proc.stdout)["drafts"]
        for c in d["claims"]
    }


def _differing(embedded: dict, served: dict) -> list[dict]:
    """Each claim whose verdict differs between the backends (or that only one has)."""
    out = []
    for key in sorted(set(embedded) | set(served)):
        emb, pg = embedded.get(key, (None, "")), served.get(key, (None, ""))
        if emb[0] != pg[0]:
            out.append({"draft": key[0], "id": key[1], "text": emb[1] or pg[1], "embedded": emb[0], "pg": pg[0]})
    return out


def _server_copy(root: Path, dest: Path) -> None:
    """The newsroom without its archive folder (the server holds it) and with no draft naming it."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for d in sorted((root / "drafts").rglob("*.md")):
        target = dest / d.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(re.sub(r"(?m)^sources:\n(?:  - .*\n)+", "", d.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(root / "claims", dest / "claims")
    (dest / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\narchives: []\n")
    subprocess.run(["git", "init", "-q", str(dest)], check=True)


def _client_copy(served: Path, dest: Path) -> None:
    """Another reporter's copy of the served newsroom, as its last run left it."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(served, dest, ignore=shutil.ignore_patterns(".git"))
    subprocess.run(["git", "init", "-q", str(dest)], check=True)


def _news_newsroom(folder: Path, versions: int, claims: int, root: Path | None) -> tuple[Path, str]:
    """bench_archive.py's newsroom of real articles in near-duplicate versions, scanned."""
    articles = sorted(folder.glob("*.txt"))
    if not articles:
        sys.exit(f"{folder}: no .txt articles there; pass --articles, or use --corpus synthetic")
    root = root or Path(tempfile.gettempdir()) / f"factcheck-bench-archive-{len(articles)}x{versions}"
    root.mkdir(parents=True, exist_ok=True)
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n")
    bench_archive.build_archive(root, articles, versions)
    if not (root / "claims").exists():
        bench_archive.write_drafts(root, articles, claims)
        proc = subprocess.run(["factcheck", "scan", "-q"], cwd=root, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    return root, "archive"


def _synthetic_newsroom(size_mb: float, claims: int, root: Path | None) -> tuple[Path, str]:
    """bench_match.py's synthetic wire copy and claims."""
    root = root or Path(tempfile.gettempdir()) / f"factcheck-bench-archive-{size_mb:g}mb"
    root.mkdir(parents=True, exist_ok=True)
    bench_match.write_newsroom(root, size_mb, claims)
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\narchives:\n  - wire\n")
    return root, "wire"


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


def _clients(root: Path, url: str, *args: str) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each of CLIENTS `factcheck match` runs at once."""
    with ThreadPoolExecutor(CLIENTS) as pool:
        return [r[:2] for r in pool.map(lambda c: _cli(c, "match", "-q", *args, url=url), _client_dirs(root))]


def _so_far(m: dict) -> None:
    """What a long run has measured so far, on stderr as it goes."""
    print(json.dumps(m), file=sys.stderr, flush=True)


def _client_dirs(root: Path) -> list[Path]:
    return [root.parent / f"{root.name}-client{i}" for i in range(CLIENTS)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("news", "synthetic"), default="news")
    ap.add_argument(
        "--articles",
        type=Path,
        default=HERE.parent.parent / "shared" / "eval" / "polnear-train",
        help="news: folder of real articles, one .txt each (read, never copied into the repository)",
    )
    ap.add_argument("--versions", type=int, default=26, help="news: versions of each article (26: ~100 MB)")
    ap.add_argument("--size-mb", type=float, default=100.0, help="synthetic: archive size")
    ap.add_argument("--claims", type=int, default=850)
    ap.add_argument("--url", default=None, help="an archive server to use (its database is migrated and filled)")
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument(
        "--skip-judged-clients",
        action="store_true",
        help="leave out the 8 clients that judge every claim (at 1 GB, half an hour of a 2-core machine)",
    )
    a = ap.parse_args()
    if a.corpus == "news":
        root, folder = _news_newsroom(a.articles, a.versions, a.claims, a.dir)
    else:
        root, folder = _synthetic_newsroom(a.size_mb, a.claims, a.dir)
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    files = [p for p in (root / folder).rglob("*.txt")]
    mb = sum(p.stat().st_size for p in files) / 1048576

    cluster = None
    url = a.url
    if not url:
        from tests import pgserver

        cluster = pgserver.start()
        url = cluster.new_database()
    clock = ServerClock(cluster)
    m: dict = {"size_mb": mb, "files": len(files)}
    try:
        shutil.rmtree(root / ".factcheck", ignore_errors=True)
        m["index_s"], m["index_cpu"], _ = _cli(root, "sources", "index", "-q")
        _cli(root, "archive", "migrate", url=url)
        before = clock.read()
        with BusiestBackend(cluster) as busiest:
            m["push_s"], m["push_cpu"], _ = _cli(root, "archive", "push", "-q", folder, url=url)
        after = clock.read()
        m["push_server_cpu"] = after - before if before is not None and after is not None else None
        m["push_server_busiest_cpu"] = busiest.busiest()
        _so_far(m)

        _cli(root, "match", "-q")
        m["emb_warm_s"], m["emb_warm_cpu"], _ = _cli(root, "match", "-q")
        m["emb_judged_s"], m["emb_judged_cpu"], _ = _cli(root, "match", "-q", "--force")
        served = root.parent / (root.name + "-server")
        _server_copy(root, served)
        m["pg_first_s"], _, _ = _cli(served, "match", "-q", url=url)
        m["pg_warm_s"], m["pg_warm_cpu"], _ = _cli(served, "match", "-q", url=url)
        before = clock.read()
        m["pg_judged_s"], m["pg_judged_cpu"], _ = _cli(served, "match", "-q", "--force", url=url)
        after = clock.read()
        m["pg_judged_server_cpu"] = after - before if before is not None and after is not None else None
        m["differing"] = _differing(_verdicts(root, None), _verdicts(served, url))
        m["identical"] = not m["differing"]
        for d in m["differing"]:
            print(f"differs: {d['draft']} {d['id']}: embedded {d['embedded']}, PostgreSQL {d['pg']}: {d['text'][:160]}")
        _so_far(m)

        emb_claims = _per_claim(root, None)
        pg_claims = _per_claim(served, url)
        m["claims"] = len(pg_claims)
        for name, xs in (("emb", emb_claims), ("pg", pg_claims)):
            m[f"{name}_p50_ms"], m[f"{name}_p95_ms"] = _pct(xs, 50) * 1000, _pct(xs, 95) * 1000
            _so_far(m)

        for c in _client_dirs(root):  # each as the solo runs left the served copy: verdicts kept
            _client_copy(served, c)
        kinds = [("warm", ())] + ([] if a.skip_judged_clients else [("judged", ("--force",))])
        for name, args in kinds:
            before = clock.read()
            runs = _clients(root, url, *args)
            after = clock.read()
            # Each client's own wall and CPU seconds: on two cores, eight clients that each
            # need c CPU seconds take at least 8c/2 however the server behaves.
            m[f"clients_{name}"] = [[round(w, 2), round(c, 2)] for w, c in runs]
            m[f"clients_{name}_s"] = max(w for w, _ in runs)
            m[f"clients_{name}_cpu"] = sum(c for _, c in runs)
            m[f"clients_{name}_server_cpu"] = after - before if before is not None and after is not None else None
            _so_far(m)
    finally:
        if cluster:
            cluster.stop()

    def cpu(x) -> str:
        return "n/a" if x is None else f"{x:.1f}"

    rows = [
        ("archive", f"{mb:.1f} MB in {len(files)} files ({a.corpus}), {m['claims']} claims", ""),
        (
            "`archive push` (PostgreSQL)",
            f"{m['push_s']:.1f} s = {mb / m['push_s']:.1f} MB/s; CPU s client {m['push_cpu']:.1f}"
            f", server {cpu(m['push_server_cpu'])} (busiest process {cpu(m['push_server_busiest_cpu'])})",
            ">= 10 MB/s",
        ),
        ("`sources index` (embedded)", f"{m['index_s']:.1f} s = {mb / m['index_s']:.1f} MB/s", ""),
        ("`match`, nothing changed: PostgreSQL", f"{m['pg_warm_s']:.2f} s (CPU {m['pg_warm_cpu']:.2f} s)", "<= 5 s"),
        ("`match`, nothing changed: embedded", f"{m['emb_warm_s']:.2f} s (CPU {m['emb_warm_cpu']:.2f} s)", ""),
        (
            "`match --force`, every claim judged: PostgreSQL",
            f"{m['pg_judged_s']:.2f} s (CPU s client {m['pg_judged_cpu']:.1f}, server {cpu(m['pg_judged_server_cpu'])})",
            "",
        ),
        (
            "`match --force`, every claim judged: embedded",
            f"{m['emb_judged_s']:.2f} s (CPU {m['emb_judged_cpu']:.1f} s)",
            "",
        ),
        ("per claim p50 / p95: PostgreSQL", f"{m['pg_p50_ms']:.2f} / {m['pg_p95_ms']:.2f} ms", ""),
        ("per claim p50 / p95: embedded", f"{m['emb_p50_ms']:.2f} / {m['emb_p95_ms']:.2f} ms", ""),
    ]
    cores = os.cpu_count() or 1
    for name, solo, label in (
        ("warm", "pg_warm_s", "nothing changed"),
        ("judged", "pg_judged_s", "every claim judged"),
    ):
        if f"clients_{name}" not in m:
            continue
        wall, cpus = m[f"clients_{name}_s"], m[f"clients_{name}_cpu"]
        rows.append(
            (
                f"{CLIENTS} clients at once, {label}",
                f"slowest {wall:.2f} s = {wall / m[solo]:.1f}x solo (CPU s clients {cpus:.1f},"
                f" server {cpu(m[f'clients_{name}_server_cpu'])})",
                "<= 2x solo",
            )
        )
        # The CPU the clients and the server spent, spread over every core: no schedule of
        # the same work on this machine ends sooner.
        spent = cpus + (m[f"clients_{name}_server_cpu"] or 0.0)
        rows.append(
            (
                f"  floor: CPU spent / {cores} cores",
                f"{spent / cores:.2f} s = {spent / cores / m[solo]:.1f}x solo",
                "",
            )
        )
    rows += [
        (
            "same verdict for every claim",
            "yes" if m["identical"] else f"NO: {len(m['differing'])} of {m['claims']} differ",
            "identical",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:<72} {goal}")
    print(json.dumps(m))


if __name__ == "__main__":
    main()
