"""Verdicts kept between `match` runs, in .factcheck/verdicts.sqlite (git-ignored).

A verdict depends on the claim's binding (its scanned words, sentence, speaker, value,
and the draft's reference date), on the sources it was judged against, and on the code
that judged it. Each is part of the key:

- the binding is hashed as the claims file holds it;
- the sources are a draft's whole source set, as a digest of every (path, sha256, place
  in the index). A verdict also keeps what judging it asked of the sources (its `Watch`):
  the sources proposed or read, and every search and rarity lookup with a digest of the
  answer. When the set changes, a verdict stands only if none of the sources it read
  changed and every question, asked again, gets the same answer: then judging it afresh
  would give the very same verdict and evidence;
- the code is a digest of the modules that judge, search and index (`code_version`): a
  change to any of them, or a new factcheck, judges everything again.

A draft matched again with nothing changed, its claims file and source set as they were
left, is not even parsed: one row says how it was left. With only sources changed, its
claims are known from that row too, and the file is parsed only if a claim needs judging.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS drafts (
    draft TEXT PRIMARY KEY, claims_sha TEXT, sources TEXT, counts TEXT, claims TEXT);
CREATE TABLE IF NOT EXISTS verdicts (draft TEXT, binding TEXT, record TEXT, PRIMARY KEY (draft, binding));
CREATE INDEX IF NOT EXISTS verdicts_by_binding ON verdicts (binding);
CREATE TABLE IF NOT EXISTS source_sets (digest TEXT, path TEXT, sha256 TEXT, PRIMARY KEY (digest, path));
"""

# Folders of the package whose code has no say in a verdict.
_NOT_JUDGING = ("commands", "render")

_version: str | None = None


def code_version() -> str:
    """A digest of the code a verdict comes from: every module of the package but the
    command and rendering layers. Read from the files, not imported, so a warm run that
    judges nothing never loads the judge."""
    global _version
    if _version is None:
        package = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256()
        for dirpath, dirnames, filenames in os.walk(package):
            dirnames[:] = sorted(d for d in dirnames if d not in _NOT_JUDGING and not d.startswith((".", "__")))
            for name in sorted(filenames):
                if name.endswith(".py"):
                    path = os.path.join(dirpath, name)
                    digest.update(os.path.relpath(path, package).encode() + b"\0")
                    with open(path, "rb") as fh:
                        digest.update(fh.read())
        _version = digest.hexdigest()[:32]
    return _version


def set_digest(shas: dict[str, str]) -> str:
    """One digest for a source set: every path with its content's sha256."""
    text = "".join([f"{path}\0{shas[path]}\n" for path in sorted(shas)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def binding_key(binding: tuple) -> str:
    return hashlib.sha256(repr(binding).encode()).hexdigest()[:32]


@dataclass
class DraftState:
    """How a run left a draft: its claims file's sha256 ("" if not as the run wrote it), the
    digest of its source set, its verdict counts, and (claim id, binding key) of each claim."""

    claims_sha: str
    sources: str
    counts: dict
    claims: list[tuple[str, str]]


@dataclass
class Cached:
    """A verdict as cached: the claims-file record, and what judging it asked of the sources."""

    verdict: str
    evidence: list
    sources: list[str]
    searches: list[tuple[str, int, str]]  # each search: its query, its limit, a digest of its candidates
    supporters: list[str] | None = None  # every source bearing the claim out (more than the evidence shows)
    rarities: list[tuple[list[str], str]] = field(default_factory=list)  # words looked up, a digest of their weights

    def to_json(self) -> str:
        return json.dumps(
            [self.verdict, self.evidence, self.sources, self.searches, self.supporters, self.rarities],
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Cached:
        verdict, evidence, sources, searches, supporters, rarities = json.loads(text)
        return cls(verdict, evidence, sources, [tuple(s) for s in searches], supporters, [tuple(r) for r in rarities])


class VerdictCache:
    """The cache under a newsroom's state folder. Callers serialize writers (the index's
    update lock is held while a run reads and writes it)."""

    def __init__(self, state_dir: Path):
        state_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(state_dir / "verdicts.sqlite"), timeout=30)
        # A cache: a commit need not wait for the disk (WAL keeps it whole if one is lost).
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.version = f"{SCHEMA}:{code_version()}"
        row = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != self.version:
            self.clear()

    def clear(self) -> None:
        """Forget everything: another version of factcheck judged it (maybe with other tables)."""
        with self.db:
            for table in ("drafts", "verdicts", "source_sets"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.executescript(_SCHEMA)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (self.version,))

    def close(self) -> None:
        self.db.close()

    # --- whole drafts ---------------------------------------------------------------

    def draft(self, draft: str) -> DraftState | None:
        """How this draft was left by the last run that matched it, if any."""
        row = self.db.execute(
            "SELECT claims_sha, sources, counts, claims FROM drafts WHERE draft=?", (draft,)
        ).fetchone()
        if row is None:
            return None
        return DraftState(row[0], row[1], json.loads(row[2]), [tuple(c) for c in json.loads(row[3])])

    # --- claims ---------------------------------------------------------------------

    def verdicts(self, draft: str) -> dict[str, Cached]:
        """binding → verdict, for a draft's claims, as judged against its last source set."""
        rows = self.db.execute("SELECT binding, record FROM verdicts WHERE draft=?", (draft,))
        return {b: Cached.from_json(r) for b, r in rows}

    def judged_elsewhere(self, binding: str, sources: str) -> Cached | None:
        """The same claim judged in another draft against the very same sources."""
        row = self.db.execute(
            "SELECT v.record FROM verdicts v JOIN drafts d ON d.draft = v.draft WHERE v.binding=? AND d.sources=? LIMIT 1",
            (binding, sources),
        ).fetchone()
        return Cached.from_json(row[0]) if row else None

    def source_set(self, digest: str) -> dict[str, str] | None:
        rows = self.db.execute("SELECT path, sha256 FROM source_sets WHERE digest=?", (digest,)).fetchall()
        return dict(rows) if rows else None

    def save_draft(self, draft: str, state: DraftState, shas: dict[str, str], changed: dict[str, Cached]) -> None:
        """Record how a run left a draft: its state, and the verdicts that changed. Every other
        verdict kept for the draft's claims was checked against these sources."""
        keep = {key for _, key in state.claims}
        with self.db:
            old = [
                b for (b,) in self.db.execute("SELECT binding FROM verdicts WHERE draft=?", (draft,)) if b not in keep
            ]
            self.db.executemany("DELETE FROM verdicts WHERE draft=? AND binding=?", [(draft, b) for b in old])
            self.db.executemany(
                "INSERT OR REPLACE INTO verdicts VALUES (?,?,?)", [(draft, b, c.to_json()) for b, c in changed.items()]
            )
            self.db.execute(
                "INSERT OR REPLACE INTO drafts VALUES (?,?,?,?,?)",
                (draft, state.claims_sha, state.sources, json.dumps(state.counts), json.dumps(state.claims)),
            )
            if not self.db.execute("SELECT 1 FROM source_sets WHERE digest=? LIMIT 1", (state.sources,)).fetchone():
                self.db.executemany(
                    "INSERT INTO source_sets VALUES (?,?,?)", [(state.sources, p, s) for p, s in shas.items()]
                )

    def forget_unused_sets(self) -> None:
        """Drop source sets no draft was last matched against."""
        with self.db:
            self.db.execute("DELETE FROM source_sets WHERE digest NOT IN (SELECT sources FROM drafts)")
