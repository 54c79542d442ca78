"""`factcheck archive push`: index sources into the shared archive server.

A push is idempotent: a file whose path the server already holds with the same sha256 is
neither parsed nor stored again. Many reporters can push at once: each batch takes a
transaction-scoped advisory lock on every path it writes (always in the same order,
so two pushes never wait on each other in a circle), and the unique (sha256, path) makes
the second of two identical documents a no-op rather than a duplicate. The same content
under two paths is two documents, as it is two sources in the embedded index. A path pushed with
new content replaces its older version, so search sees one version of each path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.archive import connect, driver, failure
from factcheck.archive.passages import COPY_HEADER, COPY_TRAILER, copy_row, cut
from factcheck.archive.schema import PARTS, require_current
from factcheck.errors import FactcheckError, InputError
from factcheck.sources import SIDECAR_SUFFIX, is_supported, parse_source, read_bytes
from factcheck.sources.index import file_date, provenance, read_sidecar, sidecar_date

# Documents are written in transactions of about this much text: one commit (one disk
# flush) per document would cap a push at a few hundred documents a second.
BATCH_BYTES = 1024 * 1024


@dataclass
class PushReport:
    """What one push did."""

    files: int = 0
    added: int = 0
    already: int = 0
    replaced: int = 0
    bytes_added: int = 0
    passages: int = 0
    withheld: int = 0  # confidential or embargoed sources left out
    errors: list[FactcheckError] = field(default_factory=list)

    def add(self, written: dict) -> None:
        """Counts from one written batch (the writer thread hands them back, never edits these)."""
        for key, value in written.items():
            setattr(self, key, getattr(self, key) + value)


def files_to_push(paths: list[str]) -> tuple[list[Path], list[FactcheckError]]:
    """The supported source files named by `paths` (files, or folders walked in full)."""
    found: list[Path] = []
    errors: list[FactcheckError] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found += [Path(dirpath) / n for n in sorted(filenames) if not n.startswith(".") and is_supported(n)]
        elif p.is_file():
            if is_supported(p.name):
                found.append(p)
            else:
                errors.append(InputError("not a supported source format", path=given))
        else:
            errors.append(InputError("no such file or folder", path=given))
    return sorted(set(found)), errors


def archive_path(path: Path, root: Path) -> str:
    """How a document is known in the archive: its path from the newsroom root when it
    lies inside it (so a draft's `sources:` entry names it), else its absolute path."""
    full = path.resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        return full.as_posix()


class _Names:
    """Each file's archive path and whether it has a sidecar, for thousands of files in a few
    folders: each folder is resolved and listed once, not each file (a resolve is a system
    call per path component, and most of a near-duplicate wire archive's per-file cost)."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._dirs: dict[Path, tuple[Path, frozenset[str]]] = {}

    def _dir(self, folder: Path) -> tuple[Path, frozenset[str]]:
        got = self._dirs.get(folder)
        if got is None:
            try:
                listed = frozenset(n for n in os.listdir(folder) if n.endswith(SIDECAR_SUFFIX))
            except OSError:
                listed = frozenset()
            got = self._dirs[folder] = (folder.resolve(), listed)
        return got

    def path(self, f: Path) -> str:
        if f.is_symlink():  # a linked file is known by where it points, as `archive_path` says
            return archive_path(f, self.root)
        full = self._dir(f.parent)[0] / f.name
        try:
            return full.relative_to(self.root).as_posix()
        except ValueError:
            return full.as_posix()

    def has_sidecar(self, f: Path) -> bool:
        return f.name + SIDECAR_SUFFIX in self._dir(f.parent)[1]


def push(url: str, root: Path, paths: list[str], withhold=None) -> PushReport:
    """Push the sources under `paths` into the archive at `url`.

    `withhold(archive path)` says which to leave out: every reporter's `match` searches
    the archive, so a confidential source pushed there would be quoted in the clear by
    drafts whose reporters cannot know it is one.
    """
    found, errors = files_to_push(paths)
    names = _Names(root)
    files = [(f, name) for f, name in ((f, names.path(f)) for f in found) if withhold is None or not withhold(name)]
    report = PushReport(files=len(files), withheld=len(found) - len(files), errors=errors)
    with connect(url) as conn, _Writers(url) as writers:
        conn.autocommit = True
        require_current(conn, url)
        for batch in _batches(files):
            parsed = _prepare(conn, url, names, batch, report)
            if parsed:
                writers.write(parsed, report)
        writers.finish(report)
    return report


class _Writers:
    """One connection and one thread per partition of `passages` (see schema.PARTS).

    Batch after batch goes to the next partition's writer: its documents get ids that
    fall in that partition, so each connection writes, and its backend merges into the
    GIN index, one partition only, side by side with the others. The batches are parsed
    here meanwhile (psycopg lets go of the interpreter while it waits on the server)."""

    def __init__(self, url: str):
        from concurrent.futures import ThreadPoolExecutor

        self.url = url
        self.conns: list = []
        self.threads: list = []
        self.pending: list = [None] * PARTS
        self.turn = 0
        try:
            for _ in range(PARTS):
                conn = connect(url)
                conn.autocommit = True
                self.conns.append(conn)
                self.threads.append(ThreadPoolExecutor(1))
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> _Writers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for thread in self.threads:
            thread.shutdown(wait=True, cancel_futures=True)
        for conn in self.conns:
            conn.close()

    def write(self, parsed: list[dict], report: PushReport) -> None:
        """Store a batch through the next partition's connection, once its last batch is stored."""
        part = self.turn
        self.turn = (self.turn + 1) % PARTS
        if self.pending[part] is not None:
            report.add(self.pending[part].result())
        self.pending[part] = self.threads[part].submit(_write, self.conns[part], self.url, part, parsed)

    def finish(self, report: PushReport) -> None:
        """Wait for every batch; if anything was added, settle every partition's index at once."""
        for part, future in enumerate(self.pending):
            if future is not None:
                report.add(future.result())
            self.pending[part] = None
        if report.added:
            settling = [self.threads[p].submit(_settle, self.conns[p], self.url, p) for p in range(PARTS)]
            for future in settling:
                future.result()


def _settle(conn, url: str, part: int) -> None:
    """Merge what this push added to one partition into its search index now, while the
    pusher waits, rather than in the first `match` that needs it (see migration 2)."""
    try:
        conn.execute("SELECT factcheck_settle(%s)", (part,))
    except driver().Error as exc:
        raise failure(url, exc, "push stored its documents but could not settle the search index") from None


def _batches(files: list[tuple[Path, str]]) -> Iterator[list[tuple[Path, str, os.stat_result | None]]]:
    """(file, archive path, its stat or None) in batches of about BATCH_BYTES."""
    batch: list[tuple[Path, str, os.stat_result | None]] = []
    size = 0
    for f, name in files:
        try:
            st: os.stat_result | None = f.stat()
        except OSError:
            st = None  # reading it says why, naming the file
        est = st.st_size if st else 0
        if batch and size + est > BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append((f, name, st))
        size += est
    if batch:
        yield batch


def _read(files: list, report: PushReport) -> list[tuple[Path, str, bytes, str, float]]:
    out = []
    for f, name, st in files:
        try:
            data = read_bytes(f, str(f))
        except FactcheckError as exc:
            report.errors.append(exc)
            continue
        mtime = st.st_mtime if st else f.stat().st_mtime
        out.append((f, name, data, hashlib.sha256(data).hexdigest(), mtime))
    return out


def _prepare(conn, url: str, names: _Names, files: list, report: PushReport) -> list[dict]:
    """A batch's sources that the server lacks, parsed and cut into passages."""
    psycopg = driver()
    read = _read(files, report)
    if not read:
        return []
    try:
        # A document another push is writing right now is not seen here; ON CONFLICT skips it then.
        held = set(conn.execute("SELECT sha256, path FROM documents WHERE sha256 = ANY(%s)", ([r[3] for r in read],)))
    except psycopg.Error as exc:
        raise failure(url, exc, "push failed") from None
    fresh = [r for r in read if (r[3], r[1]) not in held]
    report.already += len(read) - len(fresh)
    return [d for d in (_parse(r, names.has_sidecar(r[0]), report) for r in fresh) if d]


def _write(conn, url: str, part: int, parsed: list[dict]) -> dict:
    psycopg = driver()
    try:
        return _store(conn, part, parsed)
    except psycopg.Error as exc:
        raise failure(url, exc, "push failed") from None


def _parse(item: tuple[Path, str, bytes, str, float], sidecar: bool, report: PushReport) -> dict | None:
    """Everything stored for one source, parsed exactly as the embedded index parses it."""
    path, name, data, sha, mtime = item
    try:
        src = parse_source(data, suffix=path.suffix, display=str(path))
    except FactcheckError as exc:
        report.errors.append(exc)
        return None
    side = read_sidecar(path.parent, path.name) if sidecar else {}
    date = src.date or sidecar_date(side, str(path)) or file_date(name)
    marks = {"pages": src.pages, "cues": [[c.offset, c.timestamp, c.speaker] for c in src.cues]}
    return {
        "path": name,
        "sha256": sha,
        "url": side.get("url"),
        "retrieved_at": _retrieved_at(side, mtime),
        "kind": src.kind,
        "source_date": date,
        "body_start": src.body_start,
        "chars": len(src.text),
        "bytes": len(data),
        "marks": marks if (src.pages or src.cues) else None,
        "about": provenance(src.meta, side),
        "passages": cut(src.text, src.body_start),
    }


def _retrieved_at(side: dict, mtime: float) -> dt.datetime:
    """When the source was retrieved: its sidecar says for a fetched page; else the file's mtime."""
    stamp = side.get("retrieved_at")
    if stamp:
        try:
            return dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(mtime, tz=dt.UTC)


_INSERT = """
INSERT INTO documents (id, sha256, path, url, retrieved_at, kind, source_date, body_start, chars, bytes, marks, about)
VALUES (%(id)s, %(sha256)s, %(path)s, %(url)s, %(retrieved_at)s, %(kind)s, %(source_date)s, %(body_start)s, %(chars)s,
        %(bytes)s, %(marks)s, %(about)s)
ON CONFLICT (sha256, path) DO NOTHING
RETURNING id
"""


# Ids from the documents' sequence that fall in one partition of `passages` (PostgreSQL
# hashes doc_id to choose it): about one drawn in PARTS does, the others are never used.
_IDS = """
SELECT n FROM (SELECT nextval('documents_id_seq') AS n FROM generate_series(1, %s)) AS drawn
WHERE satisfies_hash_partition('passages'::regclass, %s, %s, n)
"""


def _ids_in(conn, part: int, count: int) -> list[int]:
    """`count` new document ids whose passages go to partition `part`."""
    ids: list[int] = []
    while len(ids) < count:
        wanted = count - len(ids)
        ids += [r[0] for r in conn.execute(_IDS, (wanted * PARTS + 16, PARTS, part)).fetchall()]
    return ids[:count]


def _store(conn, part: int, parsed: list[dict]) -> dict:
    """One transaction: lock the batch's paths, insert what is new, replace older versions.
    Every document gets an id in partition `part`, so the batch writes that partition only."""
    from psycopg.types.json import Jsonb

    done = {"already": 0, "added": 0, "replaced": 0, "passages": 0, "bytes_added": 0}
    with conn.transaction():
        conn.execute(
            "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(p, 0) AS k"
            " FROM unnest(%s::text[]) AS p ORDER BY 1) AS keys",
            ([d["path"] for d in parsed],),
        )
        added = []
        ordered = sorted(parsed, key=lambda d: (d["sha256"], d["path"]))
        ids = _ids_in(conn, part, len(ordered))
        cur = conn.cursor()
        # One pipelined round trip for the batch's documents, not one per document.
        cur.executemany(
            _INSERT,
            [
                {**d, "id": i, "marks": Jsonb(d["marks"]) if d["marks"] else None}
                for i, d in zip(ids, ordered, strict=True)
            ],
            returning=True,
        )
        for d, _ in zip(ordered, cur.results()):
            row = cur.fetchone()
            if row is None:
                done["already"] += 1  # pushed by someone else since this batch looked
                continue
            added.append((row[0], d))
        if not added:
            return done
        cur = conn.execute(
            "DELETE FROM documents WHERE path = ANY(%s) AND NOT id = ANY(%s)",
            ([d["path"] for _, d in added], [i for i, _ in added]),
        )
        done["replaced"] = cur.rowcount
        rows = [COPY_HEADER]
        for doc_id, d in added:
            rows += [copy_row(doc_id, i, start, body, hashes) for i, (start, body, hashes) in enumerate(d["passages"])]
            done["passages"] += len(d["passages"])
        rows.append(COPY_TRAILER)
        with conn.cursor().copy(
            "COPY passages (doc_id, ord, start_at, body, terms) FROM STDIN (FORMAT BINARY)"
        ) as copy:
            copy.write(b"".join(rows))  # one write: a write per row waits on the socket each time
    done["added"] = len(added)
    done["bytes_added"] = sum(d["bytes"] for _, d in added)
    return done
