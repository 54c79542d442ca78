"""Candidate passages from the archive server, for the same judge that reads the embedded index.

The rarest-terms idea of the embedded index (sources/search.py) runs in PostgreSQL:
a claim's term hashes are counted against the GIN index of passage terms, the dozen
rarest are weighted by rarity, and the server scores every passage holding any of them.
Only the best passages' text crosses the wire. Term counts are cached for the run:
common words recur in every claim and are counted once.

Ranking ties are broken as the embedded index breaks them (source path, then position),
with the same arithmetic, so the judge sees the same passages in the same order.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np

from factcheck.archive import connect, driver, failure, redact
from factcheck.archive.schema import require_current
from factcheck.sources import terms
from factcheck.sources.index import DocInfo
from factcheck.sources.search import CANDIDATES, QUERY_TERMS, Passage, bare_tokens

# Archive documents get negative ids, so they never clash with the embedded index's.
ARCHIVE_SEGMENT = -1
# How the archive shows among a verdict's sources, so a verdict the archive helped reach
# is judged again once the archive is no longer searched.
ARCHIVE_SOURCE = "(archive server)"
_ORD_BITS = 24

_DF = "SELECT t, (SELECT count(*) FROM passages WHERE terms @> ARRAY[t]) FROM unnest(%s::bigint[]) AS t"
# One round trip per search: each term's passage count (counted only where the run has
# not counted it yet: `known` is -1), the dozen rarest picked by count, then position, as
# the embedded index picks them, and every passage holding each picked term, straight from
# the GIN index (the passages' term arrays are never read). Every one: when a claim's words
# are all common, its "rarest" terms are in a fifth of the archive's passages, and
# returning only some of them picked other candidates than the embedded index picks. The
# scores are summed here, in the same order as the embedded index sums them, so equal
# scores stay equal to the last bit. A CASE runs its subquery only for the picked terms.
# Each term's passages come back as one string of 8-byte integers: numpy reads it at once,
# where an array would be parsed into a Python int per passage, most of a search's time
# for a common term.
_SEARCH = """
WITH q AS MATERIALIZED (
    SELECT u.t, u.i,
           CASE WHEN u.k >= 0 THEN u.k ELSE (SELECT count(*) FROM passages WHERE terms @> ARRAY[u.t]) END AS df
    FROM unnest(%s::bigint[], %s::bigint[]) WITH ORDINALITY AS u(t, k, i)
), picked AS (
    SELECT i FROM q WHERE df > 0 ORDER BY df, i LIMIT %s
)
SELECT q.i, q.df,
       CASE WHEN q.i IN (SELECT i FROM picked) THEN
           (SELECT string_agg(int8send((p.doc_id << 24) | p.ord), ''::bytea)
            FROM passages AS p WHERE p.terms @> ARRAY[q.t])
       END
FROM q ORDER BY q.i
"""
_TEXT = """
SELECT w.doc_id, w.ord, p.start_at, p.body, b.body, a.body,
       d.path, d.sha256, d.kind, d.source_date, d.body_start, d.chars, d.about
FROM unnest(%s::bigint[], %s::int[]) AS w(doc_id, ord)
JOIN passages p ON p.doc_id = w.doc_id AND p.ord = w.ord
JOIN documents d ON d.id = w.doc_id
LEFT JOIN passages b ON b.doc_id = w.doc_id AND b.ord = w.ord - 1
LEFT JOIN passages a ON a.doc_id = w.doc_id AND a.ord = w.ord + 1
"""
# The archive's state as a run opens: its documents, and what the verdict cache keys on.
_STATE = "SELECT count(*), coalesce(sum(hashint8(id)::bigint), 0), coalesce(max(pushed_at)::text, '') FROM documents"


def _configure(conn) -> None:
    # Prepared, but planned for each call's own terms: a generic plan cannot see that a
    # term is rare, and may scan every passage instead of asking the GIN index.
    conn.execute("SET plan_cache_mode = force_custom_plan")
    # Every search statement is an index lookup. On a small archive the planner would scan
    # the table instead, not counting that each row's term array is stored out of line.
    conn.execute("SET enable_seqscan = off")
    # On a large archive the planner's cost for a search passes jit_above_cost, and
    # compiling it costs the server more than running it: 0.9 s of JIT against 0.14 s of
    # execution for one search of 100 MB with inlining. Every search is a few index
    # lookups, which compiled code does not speed up.
    conn.execute("SET jit = off")


class ArchiveSearch:
    """One match run's view of the archive: a connection pool and caches shared by every draft."""

    def __init__(self, url: str):
        self.url = url
        psycopg = driver()
        self._error = psycopg.Error
        with connect(url) as conn:
            require_current(conn, url)
        try:
            from psycopg_pool import ConnectionPool

            # A pool, so the run's statements stay prepared on connections that stay open.
            self.pool = ConnectionPool(
                url,
                min_size=1,
                max_size=2,
                open=True,
                timeout=30,
                configure=_configure,
                kwargs={"autocommit": True, "connect_timeout": 10},
            )
            with self.pool.connection() as conn, conn.transaction():
                # Reading every document is what a scan is for (the session forbids scans).
                conn.execute("SET LOCAL enable_seqscan = on")
                row = conn.execute(_STATE).fetchone()
        except psycopg.Error as exc:  # the pool's timeout is one of these too
            raise failure(url, exc, "cannot search the archive") from None
        self.documents = int(row[0])
        self._state = f"{redact(url)} {row[0]} {row[1]} {row[2]}"
        self._total_chunks: int | None = None
        self._df: dict[int, int] = {}
        self._docs: dict[int, DocInfo] = {}
        self._paths: dict[int, str] = {}
        # Every document's rank by path, read on the first search (see _path_ranks).
        self._rank_ids = np.zeros(0, dtype=np.int64)
        self._ranks = np.zeros(0, dtype=np.int64)
        self._text: dict[tuple[int, int], tuple[int, str, str | None, str | None]] = {}
        self._marks: dict[int, dict] = {}

    def close(self) -> None:
        self.pool.close()

    @property
    def total_chunks(self) -> int:
        """How many passages the archive holds: counted on the first search, so a run whose
        verdicts all stand (nothing searched) never counts a large archive's passages."""
        if self._total_chunks is None:
            self._total_chunks = int(self._query("SELECT count(*) FROM passages", ())[0][0])
        return self._total_chunks

    def _query(self, sql: str, params: tuple) -> list:
        try:
            with self.pool.connection() as conn:
                return conn.execute(sql, params, prepare=True).fetchall()
        except self._error as exc:
            raise failure(self.url, exc, "archive search failed") from None

    def _read_all(self, sql: str) -> list:
        """A statement that reads a whole table, which the session's settings forbid."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                conn.execute("SET LOCAL enable_seqscan = on")
                return conn.execute(sql).fetchall()
        except self._error as exc:
            raise failure(self.url, exc, "archive search failed") from None

    # --- what the judge asks -------------------------------------------------------

    def doc_freq(self, hashes: np.ndarray) -> np.ndarray:
        """In how many archive passages each term hash occurs."""
        signed = hashes.astype(np.uint64).view(np.int64).tolist()
        missing = [h for h in dict.fromkeys(signed) if h not in self._df]
        if missing:
            for t, n in self._query(_DF, (missing,)):
                self._df[t] = int(n)
        return np.array([self._df[h] for h in signed], dtype=np.int64)

    def search(self, hashes: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """(chunk key, score) of the best passages for a claim's distinct term hashes,
        picked exactly as the embedded index picks them."""
        signed = hashes.astype(np.uint64).view(np.int64).tolist()
        rows = self._query(_SEARCH, (signed, [self._df.get(h, -1) for h in signed], QUERY_TERMS))
        for i, df, _ in rows:
            self._df[signed[i - 1]] = int(df)
        picked = sorted(((int(df), i, keys) for i, df, keys in rows if keys), key=lambda r: r[:2])
        if not picked:
            return []
        weights = [math.log(1 + self.total_chunks / df) for df, _, _ in picked]
        return self._rank([np.frombuffer(keys, dtype=">i8").astype(np.int64) for _, _, keys in picked], weights, limit)

    def _rank(self, lists: list[np.ndarray], weights: list[float], limit: int) -> list[tuple[int, float]]:
        """The best of the passages holding each picked term (`lists`, rarest term first)."""
        found = np.concatenate(lists)
        wts = np.repeat(np.array(weights), [len(x) for x in lists])
        # Rank passages by (path, position): the order of the embedded index's chunk numbers.
        ordered = (self._path_ranks(found >> _ORD_BITS) << _ORD_BITS) | (found & ((1 << _ORD_BITS) - 1))
        ranks, where = np.unique(ordered, return_inverse=True)
        scores = np.bincount(where, weights=wts)
        first = np.zeros(len(ranks), dtype=np.int64)
        first[where] = np.arange(len(found))
        keys = found[first]  # the (doc id, position) key of each ranked passage
        best = np.arange(len(scores))
        if len(scores) > limit:
            # Every passage scoring at least the limit-th best, ties included, then ties in
            # (path, position) order, as the embedded index breaks them: a partial sort's
            # choice among equal scores is arbitrary, and the 26 versions of a wire story
            # hold many equally good passages, of which the judge reads only the first.
            kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            best = np.flatnonzero(scores >= kth)
        best = best[np.argsort(-scores[best], kind="stable")][:limit]
        chosen = [(int(keys[i]), float(scores[i])) for i in best]
        self._fetch_text([k for k, _ in chosen])
        return chosen

    def _path_ranks(self, doc_ids: np.ndarray) -> np.ndarray:
        """Each document's rank by path, the order of the embedded index's chunk numbers.
        Every document's path is read once, on the first search (at 1 GB, 218,400 rows in
        a fraction of a second), not sorted again for every search; documents pushed since
        are read when a search first meets them."""
        ranks, known = self._known_ranks(doc_ids)
        if not known.all():
            rows = self._read_all("SELECT id, path FROM documents")
            by_path = sorted(rows, key=lambda r: (r[1], r[0]))
            ids = np.array([r[0] for r in by_path], dtype=np.int64)
            order = np.argsort(ids)
            self._rank_ids = ids[order]
            self._ranks = order  # rank by path of each id, in id order
            self._paths.update(rows)
            ranks, known = self._known_ranks(doc_ids)
            # A document pruned since the search found it has no path: its passages rank
            # after every other, each such document by its id.
            gone = np.unique(doc_ids[~known])
            ranks[~known] = len(self._rank_ids) + np.searchsorted(gone, doc_ids[~known])
        return ranks

    def _known_ranks(self, doc_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(rank by path, whether the rank is known) of each document, as last read."""
        if not len(self._rank_ids):
            return np.zeros(len(doc_ids), dtype=np.int64), np.zeros(len(doc_ids), dtype=bool)
        pos = np.minimum(np.searchsorted(self._rank_ids, doc_ids), len(self._rank_ids) - 1)
        return self._ranks[pos], self._rank_ids[pos] == doc_ids

    def passage(self, key: int, pad: int = 400) -> Passage:
        doc_id, ord_ = key >> _ORD_BITS, key & ((1 << _ORD_BITS) - 1)
        if (doc_id, ord_) not in self._text:
            self._fetch_text([key])
        start, text, before, after = self._text[(doc_id, ord_)]
        if before and pad > 0:  # before[-0:] would be all of it
            before = before[-pad:]
            start, text = start - len(before), before + text
        if after and pad > 0:
            text += after[:pad]
        return Passage(doc=self._docs[doc_id], start=start, text=text)

    def mentions(self, doc_id: int, words: list[str]) -> bool:
        """Does one passage of the archive document hold all of `words`? The GIN index
        says which passages may; their text confirms."""
        conds, params = [], [-doc_id]
        for word in words:
            conds.append("terms && %s::bigint[]")
            forms = np.fromiter((terms.token_hash(w) for w in (word, word + "'s")), dtype=np.uint64, count=2)
            params.append(forms.view(np.int64).tolist())
        sql = f"SELECT body FROM passages WHERE doc_id = %s AND {' AND '.join(conds)}"
        wanted = set(words)
        return any(wanted <= bare_tokens(body) for (body,) in self._query(sql, tuple(params)))

    def marks(self, doc_id: int) -> dict:
        if doc_id not in self._marks:
            rows = self._query("SELECT marks FROM documents WHERE id = %s", (-doc_id,))
            value = rows[0][0] if rows else None
            self._marks[doc_id] = (json.loads(value) if isinstance(value, str) else value) or {}
        return self._marks[doc_id]

    def every_passage(self) -> list[tuple[int, float]]:
        """Every passage of a small archive, in (path, position) order, each scoring 0."""
        rows = self._query("SELECT doc_id, ord FROM passages", ())
        keys = [(d << _ORD_BITS) | o for d, o in rows]
        self._fetch_text(keys)  # their documents, and so their paths, come with their text
        keys.sort(key=lambda k: (self._paths[k >> _ORD_BITS], k & ((1 << _ORD_BITS) - 1)))
        return [(k, 0.0) for k in keys]

    def fingerprint(self) -> dict[str, str]:
        """A pseudo-source standing for the archive's state, for the verdict cache's digest.

        Documents are only ever inserted (with ids from a sequence, never reused) and
        deleted, never updated, and their passages come and go with them: the count and a
        sum of hashed ids change with any push or prune, even one whose insert committed
        after a higher id and landed beside a delete. Read once, as the run opens."""
        return {ARCHIVE_SOURCE: self._state}

    def holds(self, paths: list[str]) -> set[str]:
        """Which of these paths the archive holds a document for."""
        if not paths:
            return set()
        return {r[0] for r in self._query("SELECT DISTINCT path FROM documents WHERE path = ANY(%s)", (paths,))}

    # --- caches -------------------------------------------------------------------------

    def _learn_doc(self, doc_id: int, r: tuple) -> None:
        """A document from its (path, sha256, kind, source_date, body_start, chars, about)."""
        self._docs[doc_id] = DocInfo(
            doc_id=-doc_id,
            path=r[0],
            sha256=r[1],
            segment="archive",
            kind=r[2],
            date=r[3] if isinstance(r[3], dt.date) else None,
            body_start=r[4],
            chars=r[5],
            about=r[6] or "",
        )
        self._paths[doc_id] = r[0]

    def _fetch_text(self, keys: list[int]) -> None:
        """The passages' text, their neighbours' and their documents', in one round trip."""
        mask = (1 << _ORD_BITS) - 1
        wanted = [(k >> _ORD_BITS, k & mask) for k in keys if (k >> _ORD_BITS, k & mask) not in self._text]
        if not wanted:
            return
        rows = self._query(_TEXT, ([d for d, _ in wanted], [o for _, o in wanted]))
        for doc_id, ord_, start, body, before, after, *doc in rows:
            self._text[(doc_id, ord_)] = (start, body, before, after)
            if doc_id not in self._docs:
                self._learn_doc(doc_id, tuple(doc))


class CombinedSearcher:
    """A draft's own sources (the embedded index) and the shared archive, searched as one.

    The judge asks this what it asks the embedded Searcher. Where only one side holds
    passages for a query, its answer is passed through unchanged, which is what keeps
    verdicts identical to the embedded index for the same sources.
    """

    def __init__(self, local, archive: ArchiveSearch):
        self.local = local
        self.archive = archive
        self.docs = local.docs

    def __getattr__(self, name: str):
        return getattr(self.local, name)  # what the verdict cache asks of the draft's own sources

    def close(self) -> None:
        self.local.close()

    @property
    def total_chunks(self) -> int:
        own = sum(int(m.sum()) for m in self.local._allowed)
        return (own + self.archive.total_chunks) or 1

    def _local_df(self, hashes: np.ndarray) -> np.ndarray:
        if not self.local.segments:
            return np.zeros(len(hashes), dtype=np.int64)
        return sum(seg.doc_freq(hashes) for seg in self.local.segments)

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[tuple[int, int, float]]:
        hashes = terms.query_terms(query)
        if not len(hashes):
            return []
        local = self.local.candidates(query, limit) if self.local.segments else []
        archive = self._archive_candidates(hashes, limit)
        if not archive and 0 < self.archive.total_chunks <= limit:
            # As the embedded index does: a small set of sources where no passage scored
            # offers every passage.
            archive = [(ARCHIVE_SEGMENT, key, score) for key, score in self.archive.every_passage()[:limit]]
        if not local or not archive:
            return local or archive
        merged = sorted(local + archive, key=lambda c: -c[2])  # stable: the draft's own sources first on ties
        return merged[:limit]

    def _archive_candidates(self, hashes: np.ndarray, limit: int) -> list[tuple[int, int, float]]:
        if not self.archive.total_chunks:
            return []
        return [(ARCHIVE_SEGMENT, key, score) for key, score in self.archive.search(hashes, limit)]

    def identify(self, segment: int, chunk: int) -> tuple[str, int]:
        """A candidate for the verdict cache: an archive passage by its key (any change
        to the archive judges every claim again)."""
        if segment == ARCHIVE_SEGMENT:
            return ARCHIVE_SOURCE, chunk
        return self.local.identify(segment, chunk)

    def passage(self, segment: int, chunk: int, pad: int = 400) -> Passage:
        if segment == ARCHIVE_SEGMENT:
            return self.archive.passage(chunk, pad)
        return self.local.passage(segment, chunk, pad)

    def rarity(self, words: list[str]) -> list[float | None]:
        if not words:
            return []
        hashes = np.fromiter((terms.token_hash(w) for w in words), dtype=np.uint64, count=len(words))
        df = self._local_df(hashes) + self.archive.doc_freq(hashes)
        total = self.total_chunks
        return [math.log(1 + total / f) if f else None for f in df.tolist()]

    def mentions(self, doc_id: int, words: list[str]) -> bool:
        if doc_id < 0:
            return bool(words) and self.archive.mentions(doc_id, words)
        return self.local.mentions(doc_id, words)

    def marks_for(self, local_marks):
        """The judge's marks lookup (page, timestamp) across both sides."""

        def marks(doc_id: int) -> dict:
            return self.archive.marks(doc_id) if doc_id < 0 else local_marks(doc_id)

        return marks
