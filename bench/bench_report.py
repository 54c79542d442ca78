"""How fast `factcheck report` is, and whether it stays linear as drafts grow.

Builds synthetic newsrooms (a 5,000-word draft with 200 claims, then 4x and 16x that),
each claim with evidence and some with sign-offs, and prints side by side:
  - building the view model (reading the claims YAML, placing claims, diffs),
  - rendering the HTML,
  - the whole `factcheck report` process, start-up included,
  - in headless Chromium when it is there: page load, and the time to open claims
    and switch filters (the page must stay responsive, so no per-click work that
    grows with the square of the claim count).

With `--against REV` it compares this checkout with another revision instead, on the
same newsrooms: REV's `factcheck` package is exported with `git archive` to a temporary
folder, and each round times both in fresh processes, one after the other, in turns
(this checkout first in odd rounds, REV first in even ones), so that a machine busier
in one moment than the next weighs on both alike. Each figure is the best over rounds.
Building, rendering and the whole command are also timed in CPU seconds (the command's
as its process's own user and system time), which other work on a shared machine does
not stretch, so their ratios hold when the wall times do not.

Run: python bench/bench_report.py
     python bench/bench_report.py --against main --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archive import export  # another revision's package, for --against

REPO = Path(__file__).resolve().parent.parent
SIZES = [(5000, 200), (20000, 800), (80000, 3200)]
TIMES = ("build_s", "render_s", "cli_s", "build_cpu_s", "render_cpu_s", "cli_cpu_s")

WORDS = (
    "council budget harbour ferry school library road repair fund minister report week month "
    "people traders market bridge station clinic hospital river park plan vote members office"
).split()
NAMES = ["Ada Brennan", "Tomas Reyes", "Helen Marsh", "Olu Adeyemi", "Mira Castell"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def make_draft(rng: random.Random, words: int, claims: int) -> tuple[str, list[dict]]:
    """A draft of about `words` words where every k-th sentence carries one claim."""
    head = "---\ntitle: Synthetic draft\ndate: 2025-05-02\n---\n"
    parts, records, pos = [head], [], len(head)
    per = max(1, words // claims)
    for i in range(claims):
        filler = sentence(rng, max(4, per - 14)) + " "
        kind = ("quote", "figure", "date", "attribution")[i % 4]
        claim_text, lead, tail = claim_parts(rng, kind, i)
        chunk = filler + lead + claim_text + tail + ("\n\n" if i % 5 == 4 else " ")
        start = pos + len(filler) + len(lead)
        records.append(record(rng, kind, i, claim_text, start, filler + lead + claim_text + tail))
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), records


def claim_parts(rng: random.Random, kind: str, i: int) -> tuple[str, str, str]:
    if kind == "quote":
        return sentence(rng, 12)[:-1], '"', f'," said {rng.choice(NAMES)}.'
    if kind == "figure":
        return f"${rng.randint(2, 900)}.{i % 10} million", "The plan costs ", " in total."
    if kind == "date":
        return f"March {1 + i % 28}", "The vote is on ", "."
    return "according to the council", "The figures are final, ", "."


def record(rng: random.Random, kind: str, i: int, text: str, start: int, sent: str) -> dict:
    rec = {
        "id": f"{kind[0]}-{i:010d}",
        "kind": kind,
        "text": text,
        "start": start,
        "end": start + len(text),
        "line": 1,
        "sentence": sent.strip(),
    }
    verdict = rng.choice(["supported", "supported", "contradicted", "not_found"])
    rec["verdict"] = verdict
    if verdict != "not_found":
        passage = text.replace(text.split()[-1], "changed") if verdict == "contradicted" else text
        rec["evidence"] = [
            {
                "source": "sources/s.txt",
                "start": 0,
                "end": len(passage),
                "text": f"Earlier, {passage}, it said.",
                "score": 97.0,
                "verdict": verdict,
                "reason": "synthetic",
            }
            for _ in range(2)  # two passages, not one object twice: YAML would write an alias
        ]
    if i % 3 == 0:
        rec["status"] = "approved"
        rec["reviews"] = [
            {
                "by": "desk@example.org",
                "name": "Desk",
                "at": "2025-05-01T10:00:00Z",
                "decision": "approved",
                "note": "ok",
                "text": text,
            }
        ]
    return rec


def newsroom(root: Path, words: int, claims: int) -> Path:
    from factcheck.store.claims_files import ClaimsFile, claims_path, render_claims_file, text_sha256

    rng = random.Random(words * 31 + claims)
    (root / "drafts").mkdir(parents=True)
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/*.md\n", encoding="utf-8")
    text, records = make_draft(rng, words, claims)
    (root / "drafts/story.md").write_text(text, encoding="utf-8")
    cf = ClaimsFile(
        draft="drafts/story.md", reference_date="2025-05-02", draft_sha256=text_sha256(text), claims=records
    )
    target = claims_path(root / "claims", "drafts/story.md")
    target.parent.mkdir(parents=True)
    target.write_text(render_claims_file(cf), encoding="utf-8")
    return root


def best_wall_and_cpu(fn, runs: int = 5) -> tuple[float, float]:
    """The best wall time and the best CPU time of `runs` calls. On a machine shared with
    other work, wall time counts the waits for a core; CPU time counts only this work."""
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def best_command(command: list[str], cwd: Path, env: dict | None = None, runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time (the process's own user and system time)
    of `runs` runs of `command`, each a fresh process."""
    walls, cpus = [], []
    for _ in range(runs):
        before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def measure(root: Path, *, cli: bool = True) -> dict:
    from factcheck.config import load_config
    from factcheck.render.html import render
    from factcheck.report import build_report

    config = load_config(root)
    report = build_report(config)
    page = render(report)
    out = root / "report.html"
    command = [sys.executable, "-m", "factcheck", "report", "-o", str(out)]
    build_s, build_cpu_s = best_wall_and_cpu(lambda: build_report(config))
    render_s, render_cpu_s = best_wall_and_cpu(lambda: render(report))
    cli_s, cli_cpu_s = best_command(command, root) if cli else (0.0, 0.0)
    return {
        "build_s": build_s,
        "build_cpu_s": build_cpu_s,
        "render_s": render_s,
        "render_cpu_s": render_cpu_s,
        "cli_s": cli_s,
        "cli_cpu_s": cli_cpu_s,
        "html_kb": len(page.encode()) / 1024,
        "file": out,
    }


def browser_figures(files: list[Path]) -> list[dict] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    # The browser tests start Chromium the same way; only this checkout's run gets here,
    # so its root on the path cannot shadow another revision's package.
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.chromium import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        return None
    results = []
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for f in files:
            page = b.new_page(viewport={"width": 1366, "height": 800})
            t = time.perf_counter()
            page.goto(f.as_uri(), wait_until="load")
            load = time.perf_counter() - t
            # Time inside the page, so the driver's round trips do not count.
            per_click = page.evaluate("""() => {
                const marks = Array.from(document.querySelectorAll('mark.c.first')).slice(0, 100);
                const t = performance.now();
                for (const m of marks) { m.click(); document.body.offsetHeight; }
                return (performance.now() - t) / marks.length;
            }""")
            per_filter = page.evaluate("""() => {
                const names = ['review', 'problems', 'all'];
                const t = performance.now();
                for (let i = 0; i < 30; i++) { document.querySelector(`[data-preset=${names[i % 3]}]`).click(); document.body.offsetHeight; }
                return (performance.now() - t) / 30;
            }""")
            results.append({"load_ms": load * 1000, "click_ms": per_click, "filter_ms": per_filter})
            page.close()
        b.close()
    return results


def this_checkout() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for words, claims in SIZES:
            root = newsroom(Path(tmp) / f"n{claims}", words, claims)
            rows.append((words, claims, measure(root)))
        web = browser_figures([m["file"] for _, _, m in rows])
    print("factcheck report benchmark (best of 5; CLI best of 3, process start-up included)")
    print(f"{'words':>7} {'claims':>7} {'build ms':>9} {'render ms':>10} {'CLI ms':>8} {'HTML KB':>8} {'µs/claim':>9}")
    for words, claims, m in rows:
        per = (m["build_s"] + m["render_s"]) / claims * 1e6
        print(
            f"{words:>7} {claims:>7} {m['build_s'] * 1000:>9.1f} {m['render_s'] * 1000:>10.1f} {m['cli_s'] * 1000:>8.0f} "
            f"{m['html_kb']:>8.0f} {per:>9.0f}"
        )
    if web is None:
        print("browser: skipped (needs playwright and /usr/bin/chromium)")
        return
    print(f"\n{'claims':>7} {'page load ms':>13} {'open claim ms':>14} {'filter ms':>10}   (headless Chromium)")
    for (_, claims, _), w in zip(rows, web):
        print(f"{claims:>7} {w['load_ms']:>13.0f} {w['click_ms']:>14.2f} {w['filter_ms']:>10.2f}")
    growth = statistics.mean([web[-1]["click_ms"] / max(web[0]["click_ms"], 1e-3)])
    print(
        f"\nopening a claim with 16x the claims costs {growth:.1f}x as long (linear work would be at most 16x; n² would be 256x)"
    )


# --- this checkout against another revision ---------------------------------------------


def timed_in(tree: Path, root: Path) -> dict:
    """Build and render times of the `factcheck` in `tree`, in a fresh process, and its whole CLI run."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    worker = [sys.executable, str(Path(__file__).resolve()), "--measure", str(root), "--expect", str(tree)]
    done = subprocess.run(worker, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_report: measuring {tree}: {done.stderr.strip()}")
    figures = json.loads(done.stdout)
    cli = [sys.executable, "-m", "factcheck", "report", "-o", str(root / "report.html")]
    figures["cli_s"], figures["cli_cpu_s"] = best_command(cli, root, env)
    return figures


def against(rev: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this": REPO, rev: export(rev, Path(tmp) / "rev")}
        roots = [(claims, newsroom(Path(tmp) / f"n{claims}", words, claims)) for words, claims in SIZES]
        best: dict[tuple[str, int], dict] = {}
        for r in range(rounds):
            order = list(trees) if r % 2 == 0 else list(trees)[::-1]
            for claims, root in roots:
                for name in order:
                    got = timed_in(trees[name], root)
                    kept = best.setdefault((name, claims), got)
                    for key in TIMES:
                        kept[key] = min(kept[key], got[key])
    print(f"factcheck report: this checkout against {rev} (best of {rounds} rounds in turns; each best of 5, CLI of 3)")
    print("wall times, then CPU times of building, rendering and the command (what a busy machine does not stretch)")
    print(
        f"{'claims':>7} {'':>5} {'build ms':>9} {'render ms':>10} {'CLI ms':>8} {'HTML KB':>8}"
        f" {'build CPU':>10} {'render CPU':>11} {'CLI CPU':>8}"
    )
    for _, claims in SIZES:
        for name in trees:
            m = best[(name, claims)]
            label = "this" if name == "this" else "rev"
            print(
                f"{claims:>7} {label:>5} {m['build_s'] * 1000:>9.1f} {m['render_s'] * 1000:>10.1f} "
                f"{m['cli_s'] * 1000:>8.0f} {m['html_kb']:>8.0f} {m['build_cpu_s'] * 1000:>10.1f} "
                f"{m['render_cpu_s'] * 1000:>11.1f} {m['cli_cpu_s'] * 1000:>8.0f}"
            )
        this, other = best[("this", claims)], best[(rev, claims)]
        ratio = {key: this[key] / other[key] for key in TIMES}
        print(
            f"{claims:>7} {'ratio':>5} {ratio['build_s']:>8.2f}x {ratio['render_s']:>9.2f}x {ratio['cli_s']:>7.2f}x "
            f"{'':>8} {ratio['build_cpu_s']:>9.2f}x {ratio['render_cpu_s']:>10.2f}x {ratio['cli_cpu_s']:>7.2f}x"
            f"   (this / {rev})"
        )


def measure_here(root: Path, expect: Path) -> None:
    """The worker of --against: times the `factcheck` on PYTHONPATH and prints JSON."""
    import factcheck

    where = Path(factcheck.__file__).resolve()
    if not where.is_relative_to(expect.resolve()):
        sys.exit(f"imported {where}, not the package under {expect}")
    m = measure(root, cli=False)
    print(json.dumps({k: v for k, v in m.items() if k != "file"}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", metavar="REV", help="compare this checkout with REV (a commit, branch or tag)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of --against (default 3)")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--expect", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        measure_here(a.measure, a.expect)
    elif a.against:
        against(a.against, max(1, a.rounds))
    else:
        this_checkout()


if __name__ == "__main__":
    main()
