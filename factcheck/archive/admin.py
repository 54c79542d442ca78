"""`factcheck archive migrate|status|prune`: look after the archive server."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.archive import ArchiveError, connect, driver, failure, redact, schema


@dataclass
class ArchiveStatus:
    """How the archive stands."""

    url: str  # without its password
    schema: int | None
    latest: int
    documents: int = 0
    passages: int = 0
    bytes: int = 0
    last_push: dt.datetime | None = None
    last_pusher: str | None = None


@dataclass
class MigrateResult:
    url: str
    before: int | None
    applied: list[int]


@dataclass
class PruneResult:
    url: str
    documents: int
    bytes: int
    dry_run: bool


def _guarded(url: str, doing: str, fn):
    psycopg = driver()
    with connect(url) as conn:
        conn.autocommit = True
        try:
            return fn(conn)
        except psycopg.Error as exc:
            raise failure(url, exc, doing) from None


def migrate(url: str) -> MigrateResult:
    def run(conn):
        before, applied = schema.migrate(conn, url)
        return MigrateResult(redact(url), before, applied)

    return _guarded(url, "migrate failed", run)


def status(url: str) -> ArchiveStatus:
    def run(conn):
        version = schema.current_version(conn)
        out = ArchiveStatus(redact(url), version, schema.LATEST)
        if version is None or version > schema.LATEST:
            return out
        row = conn.execute("SELECT count(*), coalesce(sum(bytes), 0), max(pushed_at) FROM documents").fetchone()
        out.documents, out.bytes, out.last_push = int(row[0]), int(row[1]), row[2]
        if out.last_push is not None:
            who = conn.execute("SELECT pushed_by FROM documents ORDER BY pushed_at DESC LIMIT 1").fetchone()
            out.last_pusher = who[0] if who else None
        # The planner's estimate: counting a billion-row table exactly would take minutes.
        # Passages are kept in partitions, and only a partition (never their parent) is
        # analysed, so the estimate is the partitions' sum.
        est = conn.execute(_PASSAGES_ESTIMATE).fetchone()
        if est[1]:  # a partition never analysed yet is young and small enough to count
            est = conn.execute("SELECT count(*) FROM passages").fetchone()
        out.passages = int(est[0])
        return out

    return _guarded(url, "cannot read the archive's status", run)


_PASSAGES_ESTIMATE = """
    SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint, coalesce(bool_or(c.reltuples < 0), true)
    FROM pg_class c
    WHERE c.relkind = 'r'
      AND (c.oid = 'passages'::regclass
           OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'passages'::regclass))
"""


def prune(url: str, *, older_than: dt.timedelta | None, path_glob: str | None, dry_run: bool) -> PruneResult:
    """Delete documents pushed longer ago than `older_than` and/or whose path matches `path_glob`."""
    if older_than is None and not path_glob:
        raise ArchiveError("prune needs --older-than or --path: it never deletes the whole archive by default")
    where: list[str] = []
    params: list[str | dt.timedelta] = []
    if older_than is not None:
        where.append("pushed_at < now() - %s::interval")
        params.append(older_than)
    if path_glob:
        where.append("path LIKE %s ESCAPE '\\'")
        params.append(glob_to_like(path_glob))
    cond = " AND ".join(where)

    def run(conn):
        schema.require_current(conn, url)
        if dry_run:
            row = conn.execute(
                f"SELECT count(*), coalesce(sum(bytes), 0) FROM documents WHERE {cond}", params
            ).fetchone()
        else:
            row = conn.execute(
                f"WITH gone AS (DELETE FROM documents WHERE {cond} RETURNING bytes) SELECT count(*), coalesce(sum(bytes), 0) FROM gone",
                params,
            ).fetchone()
        return PruneResult(redact(url), int(row[0]), int(row[1]), dry_run)

    return _guarded(url, "prune failed", run)


def glob_to_like(pattern: str) -> str:
    """A path glob (`*` any run of characters, `?` one) as a LIKE pattern, LIKE's own marks escaped."""
    out = []
    for ch in pattern:
        if ch in "\\%_":
            out.append("\\" + ch)
        elif ch == "*":
            out.append("%")
        elif ch == "?":
            out.append("_")
        else:
            out.append(ch)
    return "".join(out)


def parse_age(text: str) -> dt.timedelta:
    """`90d`, `12w`, `6m` (30-day months), `2y` (365 days), or `36h` → a timedelta."""
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([hdwmy])\s*", text or "")
    if not m:
        raise ArchiveError(f"--older-than {text!r}: give a number and a unit, such as 90d, 12w, 6m or 2y")
    n, unit = int(m.group(1)), m.group(2)
    hours = {"h": 1, "d": 24, "w": 24 * 7, "m": 24 * 30, "y": 24 * 365}[unit]
    return dt.timedelta(hours=n * hours)
