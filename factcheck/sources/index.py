"""The source index under .factcheck/index/: no server, incremental, fast to query.

A SQLite catalogue records each indexed source (path, size, mtime, sha256, its
provenance, and which segment holds its chunks); segments are immutable files of postings and compressed
text (see segment.py). A run re-reads a source only when its size or mtime changed
and then its sha256 differs, or when its `NAME.source.yaml` sidecar (its provenance and
date) was added, edited or removed, so an unchanged archive costs one stat per file. An
index read under other reading budgets (`limits:`) is rebuilt: a budget lowered since may
refuse a source it holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from factcheck.config import Limits
from factcheck.errors import FactcheckError, InputError
from factcheck.sources import MB, SIDECAR_SUFFIX, SidecarFolders, parse_source, read_bytes, segment
from factcheck.sources.segment import Segment
from factcheck.store import yamlio
from factcheck.store.draft_text import parse_date

SEGMENT_CHARS = 16 * 1024 * 1024
MAX_SEGMENTS = 12
SCHEMA = 3

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS docs (
    path TEXT PRIMARY KEY, doc_id INTEGER UNIQUE, sha256 TEXT, size INTEGER, mtime_ns INTEGER,
    segment TEXT, kind TEXT, date TEXT, body_start INTEGER, chars INTEGER, marks TEXT, about TEXT, side TEXT);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER, mtime_ns INTEGER, message TEXT);
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, chunks INTEGER, chars INTEGER, bytes INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


class DocInfo(NamedTuple):
    """One indexed source as the catalogue knows it (a tuple: an archive has tens of thousands)."""

    doc_id: int
    path: str
    sha256: str
    segment: str
    kind: str
    date: dt.date | None
    body_start: int
    chars: int
    about: str = ""  # whose source it is: page title, site, author, address (see `provenance`)


@dataclass
class RefreshReport:
    """What bringing the index up to date did, for the given source paths."""

    docs: dict[str, DocInfo] = field(default_factory=dict)
    errors: list[FactcheckError] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)
    bytes_read: int = 0


def file_date(path: str) -> dt.date | None:
    """A YYYY-MM-DD in a file name ("wire/2016-09-12-debate.txt"): the source's own date."""
    m = _FILE_DATE.search(Path(path).name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_sidecar(root: Path, rel: str) -> dict:
    """The source's `*.source.yaml` sidecar, or {} when it has none (or an unreadable one)."""
    side = root / (rel + SIDECAR_SUFFIX)
    if not side.is_file():
        return {}

    try:
        data = yamlio.load(side.read_text(encoding="utf-8"), path=str(side)) or {}
    except (FactcheckError, OSError):
        return {}
    return data if isinstance(data, dict) else {}


def sidecar_date(side: dict, rel: str) -> dt.date | None:
    try:
        return parse_date(side.get("date"), path=rel + ".source.yaml")
    except FactcheckError:
        return None


# Sidecar fields that say whose a source is; hashes and fetch times say nothing about it.
_SIDECAR_PROVENANCE = ("url", "original_path", "title", "publisher", "site", "author")


def provenance(meta: dict, side: dict) -> str:
    """Whose source this is, as one line: what the file says about itself (an HTML page's
    title, site name, author, address), then what its sidecar records (where it came from)."""
    found = [str(v) for v in meta.values() if v]
    found += [str(side[k]) for k in _SIDECAR_PROVENANCE if side.get(k)]
    return " \u00b7 ".join(found)


def _parse_one(root: Path, rel: str, limits=None) -> dict:
    """Read and parse a source within the config's `limits`; what the catalogue and segment need, or the error."""
    limits = limits or Limits()
    path = root / rel
    side_state = sidecar_state(root, rel)  # before reading it: an edit meanwhile is seen next run
    try:
        st = path.stat()
        data = read_bytes(path, rel, limits.source_mb * MB)
        sha = hashlib.sha256(data).hexdigest()
        src = parse_source(data, suffix=path.suffix, display=rel, limits=limits)
    except FactcheckError as exc:
        from factcheck.sources import OverBudget  # the package imports this module

        over = isinstance(exc, OverBudget)
        return {
            "path": rel,
            "error": str(exc.message),
            "over_budget": over,
            "sha256": _sha_or_none(path),
            **_stat(path),
        }
    side = read_sidecar(root, rel)
    date = src.date or sidecar_date(side, rel) or file_date(rel)
    marks = {"pages": src.pages, "cues": [[c.offset, c.timestamp, c.speaker] for c in src.cues]}
    return {
        "path": rel,
        "sha256": sha,
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "text": src.text,
        "kind": src.kind,
        "date": date.isoformat() if date else None,
        "body_start": src.body_start,
        "marks": json.dumps(marks) if (src.pages or src.cues) else None,
        "bytes": len(data),
        "about": provenance(src.meta, side),
        "side": side_state,
    }


def sidecar_state(root: Path | str, rel: str) -> str:
    """The source's sidecar as the catalogue remembers it: "size:mtime" ("" for none)."""
    try:
        st = os.stat(os.path.join(root, rel + SIDECAR_SUFFIX))
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def _stat(path) -> dict:
    try:
        st = os.stat(path)
        return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    except OSError:
        return {"size": -1, "mtime_ns": -1}


def _sha_or_none(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _build_group(root: Path, seg_path: Path, items: list[tuple[int, str, int]], limits=None) -> list[dict]:
    """Parse a group of sources and write them as one segment (runs in a worker process)."""
    parsed = []
    for doc_id, rel, _size in items:
        rec = _parse_one(root, rel, limits)
        rec["doc_id"] = doc_id
        parsed.append(rec)
    good = [(r["doc_id"], r["text"], r["body_start"]) for r in parsed if "error" not in r]
    if good:
        summary = segment.build(good, seg_path)
        parsed.append({"segment_summary": summary, "segment": seg_path.name})
    for r in parsed:
        if "text" in r:
            r["chars"] = len(r.pop("text"))
    return parsed


class SourceIndex:
    """The index of a newsroom's sources, kept under its state folder."""

    def __init__(self, state_dir: Path, root: Path, limits=None):
        from filelock import FileLock

        self.root = root
        self.limits = limits  # the config's budgets for reading one source (None: the defaults)
        self.dir = state_dir / "index"
        self.dir.mkdir(parents=True, exist_ok=True)
        # One lock object per index, so holding it again inside `refresh` nests instead of waiting on itself.
        self._update_lock = FileLock(str(self.dir / "update.lock"), timeout=300)
        self.db = sqlite3.connect(str(self.dir / "catalogue.sqlite"), timeout=30)
        with self._update_lock:
            self._check_schema()

    def _check_schema(self) -> None:
        """Create the tables, or rebuild an index another version wrote; call with the update lock held,
        or a second process could drop the tables and segments this one is filling or reading."""
        self.db.executescript(_SCHEMA_SQL)
        if self._remembered("schema") != str(SCHEMA):
            self._drop_everything()
            self._remember("schema", str(SCHEMA))

    def _drop_everything(self) -> None:
        with self.db:
            # Dropped, not emptied: another version's tables may have other columns.
            for table in ("docs", "failures", "segments"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.executescript(_SCHEMA_SQL)
        for old in self.dir.glob("seg-*.bin"):
            old.unlink(missing_ok=True)

    def _check_budgets(self) -> None:
        """An index read under other reading budgets is read again from scratch: a budget
        lowered since would refuse sources it holds (one raised is met anyway, since a
        source over budget is never remembered)."""
        limits = self.limits or Limits()
        # Only the budgets for reading a source; a download's time budget has no say here.
        budgets = repr((limits.source_mb, limits.unpacked_mb, limits.html_mb, limits.source_seconds))
        known = self._remembered("limits")
        if known == budgets:
            return
        if known is not None:  # an index from before budgets were remembered is kept
            self._drop_everything()
        self._remember("limits", budgets)

    def _remembered(self, key: str) -> str | None:
        """What the index noted about itself under `key` (its schema, its budgets, its counters)."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def _remember(self, key: str, value: str) -> None:
        with self.db:
            self._note(key, value)

    def _note(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()

    # --- reading the catalogue -------------------------------------------------

    def docs(self) -> dict[str, DocInfo]:
        rows = self.db.execute("SELECT doc_id, path, sha256, segment, kind, date, body_start, chars, about FROM docs")
        return {r[1]: _doc_info(r) for r in rows}

    def marks(self, doc_id: int) -> dict:
        row = self.db.execute("SELECT marks FROM docs WHERE doc_id=?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def segment_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM segments ORDER BY name")]

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.dir.iterdir() if p.is_file())

    # --- bringing it up to date ---------------------------------------------

    def refresh(
        self,
        paths: list[str],
        *,
        workers: int | None = None,
        opened: dict | None = None,
        progress=None,
        select=None,
        listed=None,
    ) -> RefreshReport:
        """Index every source in `paths` that is new or changed; report the rest as they are.

        Segments the caller will read are opened into `opened` while the update lock is
        held, so another process compacting the index cannot delete them in between.
        `select(report)`, if given, says which of the docs the caller will read: a caller
        with nothing to search opens nothing (and never loads numpy).
        `progress("index", files, of_files, bytes, of_bytes)` is told as each segment is written.
        `listed(path)`, if given, says whether a folder listing made anyway (the walk of a
        glob) showed the source's sidecar: True, False, or None for a folder not listed.
        """
        with self._update_lock:
            # Another version may have rebuilt the index since this one was opened.
            self._check_schema()
            self._check_budgets()
            report = RefreshReport()
            # One read of the catalogue serves the whole of a run that changes nothing.
            rows = self._catalogue()
            stale = self._stale(paths, report, rows, SidecarFolders(self.root, listed))
            if stale:
                self._index(stale, report, workers, progress)
            # Deleted sources are forgotten before deciding what to compact, so that a
            # segment they leave mostly dead is rebuilt in this run, not in the next one:
            # a run that finds nothing changed must leave the index as it is, or verdicts
            # kept from this run would differ from ones judged afresh in the next.
            changed = bool(stale) | self._forget_deleted(set(paths), rows)
            self._drop_unused_segments()
            if self._compact(report, workers):
                changed = True
                self._drop_unused_segments()  # the segments compaction replaced
            if changed:
                rows = self._catalogue()
            report.docs = {p: _doc_info(rows[p]) for p in paths if p in rows}
            if opened is not None:
                self._open(report.docs.values() if select is None else select(report), opened)
            return report

    def _open(self, docs, opened: dict) -> None:
        names = sorted({d.segment for d in docs if d.segment} - set(opened))
        if not names:
            return

        for name in names:
            opened[name] = Segment(self.dir / name)

    def _catalogue(self) -> dict[str, tuple]:
        """path -> (doc id, path, sha256, segment, kind, date, body start, chars, about, size, mtime_ns, sidecar)."""
        rows = self.db.execute(
            "SELECT doc_id, path, sha256, segment, kind, date, body_start, chars, about, size, mtime_ns, side FROM docs"
        )
        return {r[1]: r for r in rows}

    def _stale(
        self, paths: list[str], report: RefreshReport, rows: dict[str, tuple], sidecars: SidecarFolders
    ) -> list[str]:
        failed = {r[0]: r[1:] for r in self.db.execute("SELECT path, size, mtime_ns, message FROM failures")}
        stale = []
        root = str(self.root) + os.sep
        for rel in paths:
            try:
                raw = os.stat(root + rel)
            except OSError:
                report.errors.append(InputError("no such source file", path=rel))
                continue
            known = rows.get(rel)
            if known and known[11] != (sidecar_state(self.root, rel) if sidecars.has_sidecar(rel) else ""):
                stale.append(rel)  # its provenance or date may have changed
                continue
            if known and known[9] == raw.st_size and known[10] == raw.st_mtime_ns:
                continue
            st = {"size": raw.st_size, "mtime_ns": raw.st_mtime_ns}
            bad = failed.get(rel)
            if bad and (bad[0], bad[1]) == (st["size"], st["mtime_ns"]):
                report.errors.append(InputError(bad[2], path=rel))
                continue
            if known and self._same_content(rel, known[2], st):
                continue
            stale.append(rel)
        return stale

    def _same_content(self, rel: str, sha: str, st: dict) -> bool:
        """A touched but unchanged file: refresh its stat, keep its chunks."""
        if _sha_or_none(self.root / rel) != sha:
            return False
        with self.db:
            self.db.execute("UPDATE docs SET size=?, mtime_ns=? WHERE path=?", (st["size"], st["mtime_ns"], rel))
        return True

    def _groups(self, paths: list[str], workers: int | None) -> list[list[tuple[int, str, int]]]:
        """(doc id, path, size on disk) of the sources, cut into groups of one segment each.

        The groups are about equal in size and, when there is more than one, as many as
        a multiple of the workers: seven groups on two workers would leave one of them
        idle for the last, where eight keep both busy to the end."""
        next_id = self._next_doc_id(len(paths))
        sizes = [max(_stat(self.root / rel)["size"], 0) for rel in paths]
        total = sum(sizes)
        parts = max(1, -(-total // SEGMENT_CHARS))
        pool = _worker_count(workers)
        if parts > 1 and pool > 1:
            parts = -(-parts // pool) * pool
        share = max(total / parts, 1)
        groups: list[list[tuple[int, str, int]]] = [[] for _ in range(parts)]
        done = 0
        for i, (rel, est) in enumerate(zip(paths, sizes)):
            # Each source goes to the group its middle byte falls in, so groups stay in path order.
            groups[min(parts - 1, int((done + est / 2) // share))].append((next_id + i, rel, est))
            done += est
        return [g for g in groups if g]

    def _next_doc_id(self, count: int) -> int:
        return self._count_on("next_doc_id", count)

    def _segment_path(self) -> Path:
        return self.dir / f"seg-{self._count_on('next_segment', 1):06d}.bin"

    def _count_on(self, key: str, by: int) -> int:
        """The counter `key` moved on by `by`, and its value before: numbers handed out once."""
        with self.db:
            first = int(self._remembered(key) or 1)
            self._note(key, str(first + by))
        return first

    def _index(self, paths: list[str], report: RefreshReport, workers: int | None, progress=None) -> None:
        groups = [(g, self._segment_path()) for g in self._groups(paths, workers)]
        total = sum(size for g, _ in groups for _, _, size in g)
        files = bytes_done = 0
        if progress:
            progress("index", 0, len(paths), 0, total)
        for (group, _), results in zip(groups, _run_groups(self.root, groups, workers, self.limits)):
            self._record(results, report)
            files += len(group)
            bytes_done += sum(size for _, _, size in group)
            if progress:
                progress("index", files, len(paths), bytes_done, total)

    def _record(self, results: list[dict], report: RefreshReport) -> None:
        seg = next((r for r in results if "segment_summary" in r), None)
        with self.db:
            if seg:
                s = seg["segment_summary"]
                self.db.execute(
                    "INSERT INTO segments VALUES (?,?,?,?)", (seg["segment"], s["chunks"], s["chars"], s["bytes"])
                )
            for r in results:
                if "segment_summary" in r:
                    continue
                self._record_doc(r, seg["segment"] if seg else None, report)

    def _record_doc(self, r: dict, segment: str | None, report: RefreshReport) -> None:
        if "error" in r:
            self.db.execute("DELETE FROM docs WHERE path=?", (r["path"],))
            if not r.get("over_budget"):  # a budget may be raised, so that one is tried again next run
                self.db.execute(
                    "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?)",
                    (r["path"], r["sha256"], r["size"], r["mtime_ns"], r["error"]),
                )
            report.errors.append(InputError(r["error"], path=r["path"]))
            return
        self.db.execute("DELETE FROM failures WHERE path=?", (r["path"],))
        self.db.execute(
            "INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                r["path"],
                r["doc_id"],
                r["sha256"],
                r["size"],
                r["mtime_ns"],
                segment,
                r["kind"],
                r["date"],
                r["body_start"],
                r["chars"],
                r["marks"],
                r["about"],
                r["side"],
            ),
        )
        report.reindexed.append(r["path"])
        report.bytes_read += r["bytes"]

    def _compact(self, report: RefreshReport, workers: int | None) -> bool:
        """Too many segments, or segments mostly of replaced sources: rebuild the small ones."""
        segs = list(self.db.execute("SELECT name, chars FROM segments ORDER BY chars DESC"))
        live = dict(self.db.execute("SELECT segment, SUM(chars) FROM docs GROUP BY segment"))
        sparse = [n for n, c in segs if c and live.get(n, 0) < c // 2 and live.get(n, 0) > 0]
        small = [n for n, c in segs if c < SEGMENT_CHARS // 4]
        small = small if len(small) > MAX_SEGMENTS // 2 else []
        redo = sorted(set(sparse) | set(small))
        if not redo:
            return False
        marks = ",".join("?" * len(redo))
        paths = [r[0] for r in self.db.execute(f"SELECT path FROM docs WHERE segment IN ({marks})", redo)]
        paths = [p for p in paths if (self.root / p).is_file()]
        if paths:
            self._index(paths, RefreshReport(), workers)
        return bool(paths)

    def _forget_deleted(self, checked: set[str], rows: dict[str, tuple]) -> bool:
        """Forget sources deleted from disk; True when one was.

        `checked` paths were just found on disk; only the others of `rows` (the catalogue
        as read at the start of the run) need a look."""
        gone = [p for p in rows.keys() - checked if not os.path.exists(os.path.join(self.root, p))]
        with self.db:
            self.db.executemany("DELETE FROM docs WHERE path=?", [(p,) for p in gone])
        return bool(gone)

    def _drop_unused_segments(self) -> None:
        """Delete the segments no source points at any more."""
        with self.db:
            used = {r[0] for r in self.db.execute("SELECT DISTINCT segment FROM docs")}
            for name in self.segment_names():
                if name not in used:
                    self.db.execute("DELETE FROM segments WHERE name=?", (name,))
                    (self.dir / name).unlink(missing_ok=True)


def _doc_info(r, _date=dt.date.fromisoformat, _new=tuple.__new__) -> DocInfo:
    # Positional, and past the named tuple's own __new__: this runs once per source of an
    # archive on every match.
    return _new(
        DocInfo, (r[0], r[1], r[2], r[3], r[4], _date(r[5]) if r[5] else None, r[6] or 0, r[7] or 0, r[8] or "")
    )


def _worker_count(workers: int | None) -> int:
    """Processes to build segments with: as asked, else one per core, up to four."""
    return workers if workers is not None else min(os.cpu_count() or 1, 4)


def _run_groups(root: Path, groups: list[tuple[list, Path]], workers: int | None, limits=None):
    """Build segments, in parallel when there is enough work to pay for a second process."""
    workers = min(len(groups), _worker_count(workers))
    if workers <= 1 or len(groups) == 1:
        for items, seg_path in groups:
            yield _build_group(root, seg_path, items, limits)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_build_group, root, seg_path, items, limits) for items, seg_path in groups]
        for fut in futures:
            yield fut.result()
