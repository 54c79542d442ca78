"""`factcheck sources add`: keep a copy of a source in the newsroom, with its provenance.

A web page changes and a file on a laptop moves; the snapshot under `sources/` is what
the editor checked against. Beside it, `NAME.source.yaml` records where it came from
(the URL or original path), when it was retrieved, and its sha256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from factcheck.config import Limits
from factcheck.errors import InputError
from factcheck.sources import LOADERS, MB, SIDECAR_SUFFIX, parse_source, read_bytes
from factcheck.sources.download import download
from factcheck.store import yamlio
from factcheck.store.claims_files import atomic_write, file_mode
from factcheck.store.drafts import relative_draft

_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class Added:
    """A snapshot taken: where it was written, and whether it was already there."""

    path: str
    sidecar: str
    sha256: str
    existed: bool = False
    draft_updated: bool = False


@dataclass(frozen=True)
class Fetched:
    data: bytes
    name: str
    url: str | None
    original: str | None
    content_type: str | None


def is_url(target: str) -> bool:
    return urlparse(target).scheme in ("http", "https")


def fetch(url: str, limits=None) -> Fetched:
    """GET a URL within the `limits` budgets (size of the unpacked body, one overall deadline)."""
    limits = limits or Limits()
    got = download(url, max_bytes=limits.source_mb * MB, seconds=limits.fetch_seconds)
    return Fetched(got.data, _url_name(got.url, got.content_type), url, None, got.content_type)


def _url_name(url: str, ctype: str) -> str:
    parts = urlparse(url)
    stem = Path(parts.path).stem or "index"
    suffix = Path(parts.path).suffix.lower()
    if suffix not in LOADERS:
        suffix = _TYPES.get(ctype, ".html")
    host = parts.hostname or "web"
    return slug(f"{host}-{stem}") + suffix


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "source"


def _read_local(target: str, limits) -> Fetched:
    path = Path(target).expanduser()
    data = read_bytes(path, target, limits.source_mb * MB)
    return Fetched(data, slug(path.stem) + path.suffix.lower(), None, str(path.resolve()), None)


def _free_name(folder: Path, name: str, sha: str) -> tuple[Path, bool]:
    """`name` in `folder`, or name-2, name-3… if a different file already has it."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 1000):
        candidate = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        if not candidate.exists():
            return candidate, False
        if hashlib.sha256(candidate.read_bytes()).hexdigest() == sha:
            return candidate, True
    raise InputError("too many sources with this name", path=str(folder / name))


def add(config, target: str, *, draft: str | None = None, now: dt.datetime | None = None) -> Added:
    """Snapshot `target` (a path or an http(s) URL) into the sources folder."""
    limits = config.limits
    got = fetch(target, limits) if is_url(target) else _read_local(target, limits)
    # Refuse what could never be matched, or is over a budget, before anything is written.
    parse_source(got.data, suffix=Path(got.name).suffix, display=target, limits=limits)
    sha = hashlib.sha256(got.data).hexdigest()
    folder = config.sources_dir
    folder.mkdir(parents=True, exist_ok=True)
    dest, existed = _free_name(folder, got.name, sha)
    rel = dest.relative_to(config.root).as_posix()
    sidecar = dest.with_name(dest.name + SIDECAR_SUFFIX)
    # Read and edit the draft before writing anything, so a bad --draft leaves no snapshot behind.
    draft_edit = draft_with_source(config, draft, rel) if draft else None
    if not existed:
        _write_bytes(dest, got.data)
        when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        record = {
            "source": dest.name,
            "url": got.url,
            "original_path": got.original,
            "retrieved_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sha256": sha,
            "content_type": got.content_type,
        }
        atomic_write(sidecar, yamlio.dump({k: v for k, v in record.items() if v is not None}))
    updated = False
    if draft_edit and draft_edit[1] is not None:
        atomic_write(draft_edit[0], draft_edit[1])
        updated = True
    return Added(rel, sidecar.relative_to(config.root).as_posix(), sha, existed, updated)


def _write_bytes(path: Path, data: bytes) -> None:
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a snapshot is shared like any newsroom file.
        os.chmod(tmp, file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the draft's front matter -------------------------------------------------------------

_FRONT = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(^---[ \t]*(?:\r?\n|\Z))", re.S | re.M)


def draft_with_source(config, draft: str, rel: str) -> tuple[Path, str | None]:
    """The draft's path and its text with `rel` listed (None when it is listed already)."""
    draft_rel = relative_draft(config, draft)
    path = config.root / draft_rel
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the draft ({exc})", path=draft_rel) from None
    new = with_source(text, rel, path=draft_rel)
    return path, (None if new == text else new)


def with_source(text: str, rel: str, *, path: str) -> str:
    """`text` with `rel` added to its front matter's `sources:` list."""
    nl = "\r\n" if "\r\n" in text[:200] else "\n"
    m = _FRONT.match(text)
    if not m:
        return f"---{nl}sources:{nl}  - {rel}{nl}---{nl}" + text
    head, body, tail = m.group(1), m.group(2), m.group(3)
    return head + _with_entry(body, rel, nl, path) + tail + text[m.end() :]


def _with_entry(front: str, rel: str, nl: str, path: str) -> str:
    data = yamlio.load(front, path=path, line_offset=1) or {}
    current = data.get("sources") if isinstance(data, dict) else None
    current = [current] if isinstance(current, str) else current or []
    if rel in current:
        return front
    lines = front.splitlines(keepends=True)
    at = next((i for i, ln in enumerate(lines) if re.match(r"sources\s*:", ln)), None)
    if at is None:
        sep = "" if not front or front.endswith("\n") else nl
        return front + f"{sep}sources:{nl}  - {rel}{nl}"
    if re.match(r"sources\s*:\s*(#.*)?$", lines[at].rstrip("\r\n")):
        end, indent = at + 1, "  "
        while end < len(lines) and re.match(r"\s*-\s|\s*#|\s*$", lines[end]) and lines[end].strip() != "---":
            if lines[end].lstrip().startswith("-"):
                indent = lines[end][: len(lines[end]) - len(lines[end].lstrip())]
            end += 1
        while end > at + 1 and not lines[end - 1].strip():
            end -= 1
        return "".join(lines[:end] + [f"{indent}- {rel}{nl}"] + lines[end:])
    block = f"sources:{nl}" + "".join(f"  - {s}{nl}" for s in [*current, rel])
    return "".join(lines[:at] + [block] + lines[at + 1 :])
