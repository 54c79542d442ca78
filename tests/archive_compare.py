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
