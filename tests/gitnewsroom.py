"""A newsroom in a real temporary git repository, with fixed people and a tiny extractor.

The review and check tests care about sign-off, not about how well claims are found,
so drafts are read by a small, predictable extractor: every number is a figure and
every double-quoted passage a quote. That keeps these tests stable while the real
extractors improve.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from factcheck.model import Found, Kind

WRITER = ("Wanda Writer", "wanda@example.org")
EDITOR = ("Ed Itor", "ed@example.org")
RITA = ("Rita Reviewer", "rita@example.org")
STRANGER = ("Sam Stranger", "sam@example.org")

CONFIG = """\
reviewers:
  - ed@example.org
  - rita@example.org
"""

_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_QUOTE = re.compile(r'"([^"\n]+)"')


def simple_find_all(doc) -> list[Found]:
    body, off = doc.body, doc.body_start
    found = [Found(Kind.QUOTE, off + m.start(1), off + m.end(1)) for m in _QUOTE.finditer(body)]
    for m in _NUMBER.finditer(body):
        if not any(f.start <= off + m.start() < f.end for f in found):
            found.append(Found(Kind.FIGURE, off + m.start(), off + m.end(), value=float(m.group().replace(",", ""))))
    return found


def git_env(tmp: Path, who: tuple[str, str] = WRITER) -> dict[str, str]:
    env = {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(tmp / "gitconfig"),
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": who[0],
        "GIT_COMMITTER_EMAIL": who[1],
        "GIT_AUTHOR_DATE": "2026-01-05T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-05T10:00:00Z",
    }
    return env


_runner = None


def _app():
    from factcheck import cli

    if not cli.app.registered_commands:
        cli._register()
    return cli.app


class Newsroom:
    """A git repo with .factcheck.yaml; run commands and commit as one of the people above."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        self.mp = monkeypatch
        (root / "home").mkdir(exist_ok=True)
        (root / "gitconfig").write_text("")
        self.repo = root / "newsroom"
        self.repo.mkdir()
        for k, v in git_env(root).items():
            monkeypatch.setenv(k, v)
        monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)  # never write to a real CI summary
        monkeypatch.chdir(self.repo)
        self.git("init", "-q", "-b", "main")
        self.write(".factcheck.yaml", CONFIG)
        self.write(".gitignore", ".factcheck/\n")
        self.commit("Set up the newsroom")

    def as_(self, who: tuple[str, str]) -> None:
        for k, v in git_env(self.root, who).items():
            self.mp.setenv(k, v)

    def git(self, *args: str, who: tuple[str, str] | None = None, check: bool = True) -> str:
        env = {**os.environ, **(git_env(self.root, who) if who else {})}
        proc = subprocess.run(["git", *args], cwd=self.repo, env=env, capture_output=True, text=True)
        if check and proc.returncode:
            raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout

    def write(self, rel: str, text: str) -> Path:
        p = self.repo / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        return p

    def read(self, rel: str) -> str:
        return (self.repo / rel).read_text(encoding="utf-8")

    def commit(self, message: str, who: tuple[str, str] = WRITER, paths: tuple[str, ...] = ()) -> str:
        self.git("add", "-A", *paths, who=who)
        self.git("commit", "-q", "--allow-empty", "-m", message, who=who)
        return self.git("rev-parse", "HEAD").strip()

    def run(self, *args: str, who: tuple[str, str] = EDITOR, input: str | None = None):
        self.as_(who)
        try:
            return CliRunner().invoke(_app(), list(args), input=input, catch_exceptions=False)
        finally:
            self.as_(WRITER)

    def claims(self, draft: str = "drafts/vote.md") -> list[dict]:
        from factcheck.config import load_config
        from factcheck.store import claims_files

        cf = claims_files.load_claims(load_config(self.repo), draft)
        return cf.claims if cf else []

    def claim_id(self, text: str, draft: str = "drafts/vote.md") -> str:
        return next(c["id"] for c in self.claims(draft) if c["text"] == text)


DRAFT = """\
---
date: 2026-01-04
---
# Council backs new homes

The council approved 114 new homes on the old depot site.

"We will start building in spring," the council leader said.

The scheme will cost 12 million pounds over three years.
"""


def scanned(room: Newsroom, text: str = DRAFT, draft: str = "drafts/vote.md") -> Newsroom:
    """The draft written by the writer, scanned, and both committed by the writer."""
    room.write(draft, text)
    result = room.run("scan", "-q", who=WRITER)
    assert result.exit_code == 0, result.output
    room.commit(f"Draft {draft}")
    return room
