"""Claims files: the YAML under claims/ ⇄ plain records. Atomic writes, per-file locks.

A claims file is shared between the tool (which owns the extracted fields) and people
(whose review fields must never be lost). `carry_review` keeps everything that is not
the tool's own for every claim that is still in the draft.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import DataError, FactcheckError
from factcheck.model import (
    CLAIM_FIELDS,
    DETAIL_FIELDS,
    LINK_FIELDS,
    Claim,
    ClaimRecord,
    FileClaims,
    as_claim_record,
    record_fields,
)
from factcheck.signoff import rules
from factcheck.store import reconcile, yamlio
from factcheck.textio import read_text

HEADER = "# Claims found by `factcheck scan`. Edit only the review fields; the rest is rewritten on every scan.\n"

# The fields scan owns and rewrites; every other key of a claim belongs to review.
SCAN_FIELDS = CLAIM_FIELDS + tuple(sorted(DETAIL_FIELDS)) + LINK_FIELDS

# The largest claims file any command reads or writes. Scan, match and review refuse to
# write past it, so every file they write stays one the gate can read; parsed, a claims
# file takes about forty times its size in memory.
MAX_CLAIMS_FILE_BYTES = 10 * 1024 * 1024

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.M)


@dataclass
class ClaimsFile:
    """The parsed contents of one claims file."""

    draft: str
    reference_date: str | None = None
    draft_sha256: str | None = None
    claims: list[ClaimRecord] = field(default_factory=list)
    # the publication record and its corrections (policy.publication); absent until published
    published: dict[str, Any] | None = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "draft": self.draft,
            "reference_date": self.reference_date,
            "draft_sha256": self.draft_sha256,
            "claims": self.claims,
        }
        if self.published is not None:
            data["published"] = self.published
        return data


def claims_path(claims_dir: Path, draft_rel: str) -> Path:
    """claims/<draft path with .yaml for its suffix>: the claims file mirrors the draft."""
    rel = Path(draft_rel)
    return claims_dir / rel.with_suffix(".yaml")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_claims_file(text: str, *, path: str) -> ClaimsFile:
    m = _CONFLICT.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise DataError(
            "unresolved merge conflict markers; resolve the conflict before going on (`factcheck merge-driver` can merge claims files)",
            path=path,
            line=line,
        )

    data = yamlio.load(text, path=path)
    if not isinstance(data, dict) or not isinstance(data.get("draft"), str):
        raise DataError("not a claims file: expected a mapping with `draft:` and `claims:`", path=path)
    claims = data.get("claims") or []
    if not isinstance(claims, list) or not all(isinstance(c, dict) and isinstance(c.get("id"), str) for c in claims):
        raise DataError("`claims:` must be a list of claims, each with an `id`", path=path)
    ref = data.get("reference_date")
    published = data.get("published")
    if published is not None and not isinstance(published, dict):
        raise DataError("`published:` must be the mapping `factcheck publish` writes", path=path)
    return ClaimsFile(
        draft=data["draft"],
        reference_date=str(ref) if ref is not None else None,
        draft_sha256=data.get("draft_sha256"),
        claims=claims,
        published=published,
    )


def read_claims_file(path: Path, *, display: str) -> ClaimsFile | None:
    """The claims file at `path`, or None when there is none yet."""
    if path.is_symlink():
        # a link could pull any file on the machine into a report or an export
        raise DataError("is a symbolic link; claims files must be regular files inside the repository", path=display)
    if not path.exists():
        return None
    return parse_claims_file(read_text(path, display=display, limit=MAX_CLAIMS_FILE_BYTES), path=display)


def check_size(text: str, *, path: str) -> None:
    """Refuse to write a claims file that no command could read back."""
    size = len(text.encode("utf-8"))
    if size > MAX_CLAIMS_FILE_BYTES:
        raise DataError(
            f"the claims file would be {size / 1048576:.1f} MB, over the {MAX_CLAIMS_FILE_BYTES // 1048576} MB "
            "a claims file may hold; split the draft into smaller ones",
            path=path,
        )


def render_claims_file(cf: ClaimsFile) -> str:
    return HEADER + yamlio.dump(cf.to_data())


def claim_record(claim: Claim) -> ClaimRecord:
    """A claim as stored: the public fields, with null kind fields left out to keep diffs small."""
    rec = claim.to_dict()
    return as_claim_record({k: v for k, v in rec.items() if v is not None or k in ("id", "kind", "text")})


def carry_review(old: list[ClaimRecord], new: list[Claim]) -> list[ClaimRecord]:
    """New scan results in draft order, each keeping the review fields its old self had.

    An unchanged claim keeps everything (verdict, evidence, sign-offs). A changed claim,
    paired with its old self by `reconcile`, keeps only its review history: the evidence
    was found for the old words, and the sign-off turns stale.
    """
    by_id = {c["id"]: c for c in old}
    merged = [claim_record(claim) for claim in new]
    changed = reconcile.pair_changed(old, merged)
    for j, rec in enumerate(merged):
        prev = by_id.get(rec["id"])
        fields = record_fields(rec)
        if prev is not None:
            fields.update((k, v) for k, v in record_fields(prev).items() if k not in SCAN_FIELDS)
        elif j in changed:
            was = record_fields(old[changed[j]])
            fields.update((k, was[k]) for k in rules.REVIEW_FIELDS if k in was)
        rules.refresh_status(rec)
    return merged


def stored_reference_date(draft, old: ClaimsFile | None):
    """The day relative dates are read against: the front matter's `date:`, else the one the
    claims file already holds, so that "Wednesday" does not move each day the draft is scanned."""
    import datetime as dt

    if draft.date is not None or old is None or not old.reference_date:
        return draft.date
    try:
        return dt.date.fromisoformat(old.reference_date[:10])
    except ValueError:
        return None


def build_claims_file(fc: FileClaims, draft_text: str, old: ClaimsFile | None) -> ClaimsFile:
    return ClaimsFile(
        draft=fc.path,
        reference_date=fc.reference_date,
        draft_sha256=text_sha256(draft_text),
        claims=carry_review(old.claims if old else [], list(fc.claims)),
        published=old.published if old else None,
    )


def atomic_write(path: Path, text: str) -> None:
    """Write all of `text` or nothing: a temp file in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the file it replaces, or a new file,
        # must stay readable by the rest of the newsroom as any other file would be.
        os.chmod(tmp, file_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def file_mode(path: Path) -> int:
    """The mode a rewritten file keeps, or what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def locked(state_dir: Path, target: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold an exclusive lock on `target` (kept under the git-ignored state folder)."""
    from filelock import FileLock, Timeout

    lock_dir = state_dir / "locks"
    lock_dir.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(str(target.resolve()).encode()).hexdigest()[:16]
    lock = FileLock(str(lock_dir / f"{name}.lock"))
    try:
        with lock.acquire(timeout=timeout):
            yield
    except Timeout:
        raise FactcheckError(
            f"another factcheck process is still writing this file (waited {timeout:.0f} s)", path=str(target)
        ) from None


@contextlib.contextmanager
def editing(config, rel: str, after_write: Callable[[Path], None] | None = None) -> Iterator[ClaimsFile]:
    """Lock a draft's claims file, hand it over for changes, write it back if it changed.

    The lock makes two commands on one file take turns, so neither loses the other's
    decisions; the write is atomic, so a crash leaves the old file or the new one.
    `after_write` runs on the written file while the lock is still held, so a commit of
    one person's decisions can never pick up another's.
    """
    target = claims_path(config.claims_dir, rel)
    shown = target.relative_to(config.root).as_posix()
    with locked(config.state_dir, target):
        cf = read_claims_file(target, display=shown)
        if cf is None:
            raise DataError(f"no claims file for {rel}; run `factcheck scan {rel}` first", path=shown)
        original = target.read_text(encoding="utf-8")
        before = render_claims_file(cf)
        yield cf
        after = render_claims_file(cf)
        if after != before:
            check_size(after, path=shown)
            atomic_write(target, after)
            if after_write is not None:
                try:
                    after_write(target)
                except BaseException:
                    # a decision that could not be committed must not stay behind uncommitted
                    atomic_write(target, original)
                    raise


def claims_files(config) -> list[Path]:
    """Every claims file under the claims folder, sorted."""
    if not config.claims_dir.is_dir():
        return []
    return sorted(p for p in config.claims_dir.rglob("*.yaml") if p.is_file() and not p.is_symlink())


def load_claims(config, rel: str) -> ClaimsFile | None:
    """The claims file of the draft at `rel` (relative to the root), or None if never scanned."""
    target = claims_path(config.claims_dir, rel)
    return read_claims_file(target, display=target.relative_to(config.root).as_posix())
