"""Confidential and embargoed sources: which sources they are, and what others may see of them.

A source is *sealed* while it is confidential, or embargoed and its time has not come.
Evidence from a sealed source never reaches a file that leaves the reporter's machine:
`match` writes it into the claims file (which is committed and pushed) as a placeholder
that says only "a confidential source", with the verdict and score and a local key; the
passage itself, with its path, page, reason and diff, is kept in the git-ignored state
folder (`.factcheck/confidential.sqlite`). The local terminal commands and the local
report put the passage back, marked; everything CI-facing renders the placeholder.

The key is a keyed hash (HMAC) made with a secret that is created on the machine and
never leaves `.factcheck/`: without it, nobody can test a guessed document against it.

A source is marked in three places, all read here:
- its sidecar, `NAME.source.yaml`: `confidential: true` or `embargoed: <datetime>`;
- the draft's front matter, next to the source: `- {path: GLOB, confidential: true}`;
- the config: `confidential:` (a list of globs) and `embargoed:` (glob → datetime).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from factcheck.errors import DataError, FactcheckError
from factcheck.model import ClaimRecord, EvidenceRecord, as_claim_record, record_fields
from factcheck.policy.settings import parse_moment
from factcheck.sources import SIDECAR_SUFFIX, SidecarFolders
from factcheck.store import drafts, yamlio
from factcheck.textio import read_text

CONFIDENTIAL_SOURCE = "a confidential source"
VAULT_NAME = "confidential.sqlite"

# What a placeholder keeps of a sealed passage: how strongly it bore on the claim, and
# how. Nothing here could tell anybody which document it came from.
KEPT_FIELDS: tuple[Literal["score", "verdict"], ...] = ("score", "verdict")


def utc_now() -> dt.datetime:
    """The clock embargoes are read against (tests replace it)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Mark:
    """How a source is marked: confidential for good, or embargoed until a moment (or both)."""

    confidential: bool = False
    embargoed: dt.datetime | None = None

    def sealed_at(self, now: dt.datetime) -> bool:
        return self.confidential or (self.embargoed is not None and now < self.embargoed)

    def label(self, now: dt.datetime) -> str:
        """How the local commands mark a passage from this source."""
        if self.confidential:
            return "confidential"
        if self.embargoed is not None and now < self.embargoed:
            return f"embargoed until {self.embargoed.strftime('%Y-%m-%d %H:%M')} UTC"
        return ""

    def __or__(self, other: Mark) -> Mark:
        """Marks from several places add up: any confidential wins, the latest embargo counts."""
        ends = [m for m in (self.embargoed, other.embargoed) if m is not None]
        return Mark(self.confidential or other.confidential, max(ends) if ends else None)


NO_MARK = Mark()


# --- globs ------------------------------------------------------------------------------

_GLOB_PART = re.compile(r"\*\*/?|\*|\?|\[[^\]/]+\]|[^*?\[]+|\[")


def glob_regex(pattern: str) -> re.Pattern:
    """A root-relative glob as a regex over root-relative paths: `*` and `?` stay within a
    folder, `**` crosses folders, and a pattern naming a folder covers every file below it."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") if pattern not in ("", ".") else "**"
    out = []
    for m in _GLOB_PART.finditer(pattern):
        part = m.group()
        if part.startswith("**"):
            out.append("(?:.*/)?" if part.endswith("/") else ".*")
        elif part == "*":
            out.append("[^/]*")
        elif part == "?":
            out.append("[^/]")
        elif part.startswith("[") and len(part) > 1:
            inside = part[1:-1].replace("\\", "\\\\")
            out.append("[^" + inside[1:] + "]" if inside[0] in "!^" else "[" + inside + "]")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out) + "(?:/.*)?", re.S)


@dataclass(frozen=True)
class Rule:
    """Sources matching `pattern` carry `mark`; `origin` says where the rule was written."""

    pattern: str
    mark: Mark
    origin: str

    def matches(self, path: str) -> bool:
        return _regex(self.pattern).fullmatch(path) is not None


_compiled: dict[str, re.Pattern] = {}


def _regex(pattern: str) -> re.Pattern:
    if pattern not in _compiled:
        _compiled[pattern] = glob_regex(pattern)
    return _compiled[pattern]


# --- where marks are written ----------------------------------------------------------------


def config_rules(config) -> tuple[Rule, ...]:
    """The config's `confidential:` globs and `embargoed:` globs with their end."""
    rules = [Rule(p, Mark(confidential=True), ".factcheck.yaml") for p in getattr(config, "confidential", ())]
    rules += [Rule(p, Mark(embargoed=until), ".factcheck.yaml") for p, until in getattr(config, "embargoed", ())]
    return tuple(rules)


def front_matter_rules(draft) -> tuple[Rule, ...]:
    """Marks written next to a source in a draft's front matter:

    sources:
      - sources/council.vtt
      - path: sources/protected/*
        confidential: true
      - path: sources/budget-release.pdf
        embargoed: 2026-12-05T09:00:00Z
    """
    entries = draft.meta.get("sources") or []
    rules = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            if not isinstance(entry.get("path"), str) or not entry["path"].strip():
                raise DataError("front matter `sources:`: an entry written as a mapping needs `path:`", path=draft.path)
            mark = _mark_of(entry, path=draft.path, where="front matter `sources:` entry")
            if mark != NO_MARK:
                rules.append(Rule(str(entry["path"]), mark, draft.path))
    return tuple(rules)


def _mark_of(data: dict, *, path: str, where: str) -> Mark:
    confidential = data.get("confidential", False)
    if confidential is None:
        confidential = False
    if not isinstance(confidential, bool):
        raise DataError(f"{where}: `confidential` must be true or false", path=path)
    embargoed = data.get("embargoed")
    until = None if embargoed in (None, "") else parse_moment(embargoed, path=path, what=f"{where}: `embargoed`")
    return Mark(confidential, until)


class Sidecars:
    """Marks in sources' `NAME.source.yaml` sidecars. A folder is listed once, so a source
    without a sidecar costs no stat; a sidecar that cannot be read seals its source, since
    nobody can tell what it says."""

    def __init__(self, root: Path):
        self.root = root
        self._folders = SidecarFolders(root)
        self._marks: dict[str, Mark] = {}

    def mark(self, path: str) -> Mark:
        if path not in self._marks:
            found = self._folders.has_sidecar(path)
            self._marks[path] = self._read(path + SIDECAR_SUFFIX) if found else NO_MARK
        return self._marks[path]

    def _read(self, rel: str) -> Mark:
        try:
            data = yamlio.load(read_text(self.root / rel, display=rel), path=rel) or {}
        except FactcheckError:
            return Mark(confidential=True)
        if not isinstance(data, dict):
            return Mark(confidential=True)
        return _mark_of(data, path=rel, where="sidecar")


class SourcePolicy:
    """Which of a draft's sources are sealed now: its config, its front matter and the sidecars."""

    def __init__(self, rules: Iterable[Rule], sidecars: Sidecars | None, now: dt.datetime | None = None):
        self.rules = tuple(rules)
        self.sidecars = sidecars
        self.now = now or utc_now()

    @classmethod
    def for_draft(
        cls, config, draft=None, *, sidecars: Sidecars | None = None, now: dt.datetime | None = None
    ) -> SourcePolicy:
        rules = config_rules(config) + (front_matter_rules(draft) if draft is not None else ())
        return cls(rules, sidecars if sidecars is not None else Sidecars(config.root), now)

    def mark(self, path: str) -> Mark:
        found = self.sidecars.mark(path) if self.sidecars is not None else NO_MARK
        for rule in self.rules:
            if rule.matches(path):
                found = found | rule.mark
        return found

    def sealed(self, path: str) -> bool:
        return self.mark(path).sealed_at(self.now)

    def sealed_among(self, paths: Iterable[str]) -> frozenset[str]:
        return frozenset(p for p in paths if self.sealed(p))


# --- placeholders -------------------------------------------------------------------------


def is_placeholder(ev: Any) -> bool:
    return isinstance(ev, dict) and ev.get("source") == CONFIDENTIAL_SOURCE


def placeholder(record: EvidenceRecord, key: str | None = None) -> EvidenceRecord:
    """What the outside world sees of a sealed passage: that it exists, and how it bore on the claim."""
    out: EvidenceRecord = {"source": CONFIDENTIAL_SOURCE}
    if key:
        out["sealed"] = key
    for k in KEPT_FIELDS:
        if record.get(k) is not None:
            out[k] = record[k]
    return out


class Vault:
    """Sealed passages on this machine, by key: `.factcheck/confidential.sqlite` (git-ignored)."""

    def __init__(self, state_dir: Path, *, create: bool = True):
        import sqlite3

        path = state_dir / VAULT_NAME
        self.db: Any = None
        if not create and not path.is_file():
            return
        state_dir.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists()
        self.db = sqlite3.connect(str(path), timeout=30)
        if fresh:
            os.chmod(path, 0o600)  # the one file on the machine that holds protected passages
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS passages (key TEXT PRIMARY KEY, record TEXT, why TEXT);"
        )
        self._secret: bytes | None = None

    def secret(self) -> bytes:
        import secrets

        assert self.db is not None
        if self._secret is None:
            with self.db:
                row = self.db.execute("SELECT value FROM meta WHERE key='secret'").fetchone()
                if row is None:
                    self.db.execute("INSERT OR IGNORE INTO meta VALUES ('secret', ?)", (secrets.token_hex(32),))
                    row = self.db.execute("SELECT value FROM meta WHERE key='secret'").fetchone()
            self._secret = bytes.fromhex(row[0])
        return self._secret

    def seal(self, record: EvidenceRecord, mark: Mark) -> EvidenceRecord:
        """Keep `record` here and return its placeholder. The same passage gets the same key on
        this machine, so rematching rewrites nothing."""
        import hashlib
        import hmac

        assert self.db is not None
        body = json.dumps(record, sort_keys=True, ensure_ascii=False)
        key = hmac.new(self.secret(), body.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
        why = json.dumps(
            {"confidential": mark.confidential, "embargoed": mark.embargoed.isoformat() if mark.embargoed else None}
        )
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO passages VALUES (?,?,?)", (key, body, why))
        return placeholder(record, key)

    def passage(self, key: str) -> tuple[EvidenceRecord, Mark] | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT record, why FROM passages WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        why = json.loads(row[1])
        until = dt.datetime.fromisoformat(why["embargoed"]) if why.get("embargoed") else None
        return json.loads(row[0]), Mark(bool(why.get("confidential")), until)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class Sealer:
    """Seals the evidence of one source set as it is judged."""

    def __init__(self, policy: SourcePolicy, sealed: frozenset[str], vault_of):
        self.policy, self.sealed, self._vault_of = policy, sealed, vault_of

    def __call__(self, records: list[EvidenceRecord]) -> list[EvidenceRecord]:
        if not self.sealed and not self.policy.rules:
            return records
        out = []
        for rec in records:
            source = rec.get("source")
            # a passage of the shared archive server is sealed by the rules alone
            if isinstance(source, str) and (source in self.sealed or self.policy.sealed(source)):
                out.append(self._vault_of().seal(rec, self.policy.mark(str(source))))
            else:
                out.append(rec)
        return out


# --- what each audience sees -----------------------------------------------------------------


def reveal(state_dir: Path, claims: list[ClaimRecord], now: dt.datetime | None = None) -> list[ClaimRecord]:
    """For the local terminal commands and the local report: each placeholder this machine
    holds the passage of becomes the passage again, marked (`sealed_as`: "confidential" or
    "embargoed until …"). Copies; the records given are not changed."""
    if not any(is_placeholder(ev) for rec in claims for ev in _evidence(rec)):
        return claims
    now = now or utc_now()
    vault = Vault(state_dir, create=False)
    try:
        return [_revealed(rec, vault, now) for rec in claims]
    finally:
        vault.close()


def _revealed(rec: ClaimRecord, vault: Vault, now: dt.datetime) -> ClaimRecord:
    evidence = _evidence(rec)
    if not any(is_placeholder(ev) for ev in evidence):
        return rec
    shown = []
    for ev in evidence:
        kept = vault.passage(str(ev.get("sealed"))) if is_placeholder(ev) and ev.get("sealed") else None
        if kept is None:
            shown.append(ev)
            continue
        record, mark = kept
        shown.append({**record, "sealed_as": mark.label(now) or "confidential"})
    return {**rec, "evidence": shown}


def conceal(claims: list[ClaimRecord], policy: SourcePolicy) -> list[ClaimRecord]:
    """For everything CI-facing: evidence from a source that is sealed now but was written in
    the clear (matched before it was marked) is shown as "a confidential source" too, and so
    is such a source where a sign-off names it. Copies; the records given are not changed."""
    return [_concealed(rec, policy) for rec in claims]


def _concealed(rec: ClaimRecord, policy: SourcePolicy) -> ClaimRecord:
    evidence = _evidence(rec)
    clear = [i for i, ev in enumerate(evidence) if _exposes(ev.get("source"), policy)]
    found = rec.get("reviews")
    reviews: list[Any] = found if isinstance(found, list) else []
    bound = [i for i, r in enumerate(reviews) if isinstance(r, dict) and _exposes(_bound_source(r), policy)]
    if not clear and not bound:
        return rec
    out = dict(record_fields(rec))
    if clear:
        out["evidence"] = [placeholder(ev) if i in clear else ev for i, ev in enumerate(evidence)]
    if bound:
        out["reviews"] = [
            {**r, "bound": {**r["bound"], "source": CONFIDENTIAL_SOURCE}} if i in bound else r
            for i, r in enumerate(reviews)
        ]
    return as_claim_record(out)


def _bound_source(review: Mapping[str, Any]) -> Any:
    bound = review.get("bound")
    return bound.get("source") if isinstance(bound, dict) else None


def conceal_claims_file(config, cf, *, sidecars: Sidecars | None = None):
    """A claims file as CI-facing outputs show it (see `conceal`), by its draft's policy.
    A draft that cannot be read leaves the config's marks and the sidecars to go by."""
    from dataclasses import replace

    try:
        draft = drafts.read_draft(config, cf.draft)
    except FactcheckError:
        draft = None
    return replace(cf, claims=conceal(cf.claims, SourcePolicy.for_draft(config, draft, sidecars=sidecars)))


def _exposes(source: Any, policy: SourcePolicy) -> bool:
    return isinstance(source, str) and source != CONFIDENTIAL_SOURCE and policy.sealed(source)


def exposed(claims: list[ClaimRecord], policy: SourcePolicy) -> list[str]:
    """Ids of the claims whose stored evidence shows a sealed source in the clear."""
    return [str(rec.get("id")) for rec in claims if any(_exposes(ev.get("source"), policy) for ev in _evidence(rec))]


def _evidence(rec: ClaimRecord) -> list[EvidenceRecord]:
    evidence = rec.get("evidence")
    return [ev for ev in evidence if isinstance(ev, dict)] if isinstance(evidence, list) else []


# --- the config keys ---------------------------------------------------------------------------
