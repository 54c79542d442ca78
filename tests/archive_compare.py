"""Run one newsroom's drafts against the embedded index and against the archive server,
on the same sources, and return both exports' verdicts by draft and claim id."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.helpers import run_cli


def _ok(proc, what: str) -> None:
    assert proc.returncode in (0, 1), f"{what}: {proc.stderr.decode()[-800:]}"


def verdicts(export: bytes) -> dict[tuple[str, str], str]:
    data = json.loads(export)
    return {(d["path"], c["id"]): c["verdict"] for d in data["drafts"] for c in d["claims"]}


def both_backends(repo: Path, sources: str, url: str) -> tuple[dict, dict]:
    """`sources` (a folder of the newsroom) is searched for every draft: as an `archives:`
    folder by the embedded index, then, moved away, from the archive server."""
    git = ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
    subprocess.run(git + ["add", "-A"], cwd=repo, check=True, capture_output=True)
    subprocess.run(git + ["commit", "-qm", "newsroom"], cwd=repo, check=True, capture_output=True)
    _ok(run_cli("scan", cwd=repo), "scan")
    _ok(run_cli("match", cwd=repo), "embedded match")
    embedded = run_cli("export", "--format", "json", cwd=repo)
    _ok(embedded, "export")
    env = {"FACTCHECK_ARCHIVE_URL": url}
    _ok(run_cli("archive", "migrate", cwd=repo, env=env), "migrate")
    _ok(run_cli("archive", "push", sources, cwd=repo, env=env), "push")
    shutil.move(repo / sources, repo.parent / "moved-away")  # only the server has them now
    _ok(run_cli("match", cwd=repo, env=env), "archive match")
    archived = run_cli("export", "--format", "json", cwd=repo, env=env)
    _ok(archived, "export")
    return verdicts(embedded.stdout), verdicts(archived.stdout)


def candidates(repo: Path, url: str, query: str) -> tuple[list, list]:
    """The passages each backend offers the judge for `query`, in order, as (path, start, text):
    the embedded index (after `factcheck sources index`) and the archive (after a push)."""
    from factcheck.archive.search import ArchiveSearch, CombinedSearcher
    from factcheck.config import load_config
    from factcheck.sources.index import SourceIndex
    from factcheck.sources.search import Searcher

    config = load_config(repo)
    index = SourceIndex(config.state_dir, config.root)
    embedded = Searcher(index.dir, list(index.docs().values()))
    archive = ArchiveSearch(url)
    served = CombinedSearcher(Searcher(index.dir, []), archive)
    try:
        found = []
        for searcher in (embedded, served):
            passages = [searcher.passage(seg, chunk) for seg, chunk, _ in searcher.candidates(query)]
            found.append([(p.doc.path, p.start, p.text) for p in passages])
        return found[0], found[1]
    finally:
        embedded.close()
        archive.close()
        index.close()
