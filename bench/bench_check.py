"""How long `factcheck check` takes on a big newsroom: one changed draft vs every draft.

Builds a temporary git repository with N drafts (default 5,000), every claim scanned,
approved by a reviewer and committed; then a branch edits one draft, rescans it and has
it approved again, as a pull request would. Runs, side by side in this one process:

  check --base main   (what the pull request gate runs)
  check               (every draft)

and prints wall-clock times of the real CLI (start-up included).

    python bench/bench_check.py [--drafts 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = ("Wanda Writer", "wanda@example.org")
EDITOR = ("Ed Itor", "ed@example.org")
TOWNS = ["Ashford", "Brierley", "Calder", "Dunmore", "Eastwick", "Fenby", "Garston", "Holme"]


def draft_text(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (
        f"---\ndate: 2026-03-{1 + i % 28:02d}\n---\n# {town} budget, part {i}\n\n"
        f"The {town} council approved {100 + i % 900} new homes on Tuesday, its planning chief said.\n\n"
        f'"We have waited {3 + i % 9} years for this," said Maria Lopez, who chairs the {town} residents\' group.\n\n'
        f"The scheme will cost {2 + i % 40} million pounds and should open in March {2027 + i % 3}.\n"
    )


def env_for(who: tuple[str, str], tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(tmp / "gitconfig"),
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": who[0],
        "GIT_COMMITTER_EMAIL": who[1],
    }


def git(repo: Path, tmp: Path, who, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env_for(who, tmp), check=True, capture_output=True)


def build(repo: Path, tmp: Path, n: int) -> None:
    from factcheck.config import load_config
    from factcheck.extract import extract_draft
    from factcheck.signoff import rules
    from factcheck.store import claims_files
    from factcheck.store.drafts import read_draft

    (tmp / "gitconfig").write_text("")
    git(repo, tmp, WRITER, "init", "-q", "-b", "main")
    (repo / ".factcheck.yaml").write_text("reviewers: [ed@example.org]\n")
    (repo / ".gitignore").write_text(".factcheck/\n")
    for i in range(n):
        p = repo / f"drafts/desk{i % 50:02d}/story{i:05d}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(draft_text(i))
    git(repo, tmp, WRITER, "add", "-A")
    git(repo, tmp, WRITER, "commit", "-q", "-m", "Drafts")
    config = load_config(repo)
    who = rules.Reviewer(*EDITOR)
    for i in range(n):
        rel = f"drafts/desk{i % 50:02d}/story{i:05d}.md"
        draft = read_draft(config, rel)
        cf = claims_files.build_claims_file(extract_draft(draft), draft.text, None)
        for rec in cf.claims:
            rules.record(rec, rules.Decision.APPROVED, who, "2026-03-30T09:00:00Z")
        claims_files.atomic_write(claims_files.claims_path(config.claims_dir, rel), claims_files.render_claims_file(cf))
    git(repo, tmp, EDITOR, "add", "-A")
    git(repo, tmp, EDITOR, "commit", "-q", "-m", "Fact-check every draft\n\nFact-checked-by: Ed Itor <ed@example.org>")


def open_pull_request(repo: Path, tmp: Path) -> None:
    """A branch that edits one draft's figure, rescans it and gets it signed off again."""
    git(repo, tmp, WRITER, "checkout", "-q", "-b", "story")
    p = repo / "drafts/desk07/story00007.md"
    p.write_text(p.read_text().replace("new homes", "new flats"))
    factcheck(repo, tmp, WRITER, "scan", "-q", "drafts/desk07/story00007.md")
    git(repo, tmp, WRITER, "add", "-A")
    git(repo, tmp, WRITER, "commit", "-q", "-m", "Homes are flats")
    ids = [
        ln.split()[0]
        for ln in factcheck(repo, tmp, EDITOR, "show", "drafts/desk07/story00007.md").stdout.splitlines()
        if ln[:2] in ("q-", "f-", "d-", "a-")
    ]
    factcheck(repo, tmp, EDITOR, "approve", "drafts/desk07/story00007.md", *ids)


def factcheck(repo: Path, tmp: Path, who, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from factcheck.cli import main; main()", *args]
    proc = subprocess.run(cmd, cwd=repo, env=env_for(who, tmp), capture_output=True, text=True)
    if check and proc.returncode not in (0, 1):
        raise SystemExit(f"factcheck {' '.join(args)} failed: {proc.stderr}")
    return proc


def timed(repo: Path, tmp: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = factcheck(repo, tmp, EDITOR, *args)
    return time.perf_counter() - start, proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drafts", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5, help="runs of the --base check (the full check runs once)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as d:
        tmp = Path(d)
        repo = tmp / "newsroom"
        repo.mkdir()
        t0 = time.perf_counter()
        build(repo, tmp, args.drafts)
        open_pull_request(repo, tmp)
        print(f"built a newsroom of {args.drafts} drafts in {time.perf_counter() - t0:.1f} s")
        base_runs = [timed(repo, tmp, "check", "--base", "main") for _ in range(args.repeat)]
        full_time, full = timed(repo, tmp, "check")
        last = base_runs[-1][1]
        print(
            f"check --base main : median {statistics.median(t for t, _ in base_runs):.3f} s over {args.repeat} runs "
            f"(min {min(t for t, _ in base_runs):.3f}, exit {last.returncode}): {last.stdout.strip().splitlines()[-1]}"
        )
        print(
            f"check (every draft): {full_time:.3f} s (exit {full.returncode}): {full.stdout.strip().splitlines()[-1]}"
        )


if __name__ == "__main__":
    main()
