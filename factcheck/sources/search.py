"""Finding candidate passages for a claim: the rarest terms first, then the best chunks.

Looking up every word of a claim would touch huge posting lists ("said", "percent").
A dozen of its rarest terms pick out the few chunks worth aligning, which is where the
speed comes from: alignment (the expensive part) runs on a handful of passages only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factcheck.sources import terms
from factcheck.sources.index import DocInfo
from factcheck.sources.segment import Segment

QUERY_TERMS = 12
CANDIDATES = 24


@dataclass(frozen=True)
class Passage:
    """A stretch of a source's extracted text: where it is and what it says."""

    doc: DocInfo
    start: int
    text: str
    score: float = 0.0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Searcher:
    """Candidate passages from a chosen set of sources, for one draft at a time."""

    def __init__(self, index_dir: Path, docs: list[DocInfo], opened: dict | None = None):
        """`opened` shares segments (and their cache of unpacked text) between searchers."""
        self.docs = {d.doc_id: d for d in docs}
        names = sorted({d.segment for d in docs if d.segment})
        self._own = opened is None
        opened = {} if opened is None else opened
        for name in names:
            if name not in opened:
                opened[name] = Segment(index_dir / name)
        self.segments = [opened[name] for name in names]
        top = max(self.docs, default=0) + 1
        allowed = np.zeros(top, dtype=bool)
        allowed[list(self.docs)] = True
        self._allowed = [_mask(seg.chunk_doc, allowed) for seg in self.segments]
        self.total_chunks = sum(int(m.sum()) for m in self._allowed) or 1
        self.watch: Watch | None = None

    def close(self) -> None:
        if self._own:
            for seg in self.segments:
                seg.close()

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[tuple[int, int, float]]:
        """(segment, chunk, score) of the chunks sharing most rare terms with `query`."""
        chosen, weights = self._query(query)
        found = self._every_chunk(self._score(chosen, weights, limit) if weights else [], limit)
        if self.watch is not None:
            self.watch.searched(self, chosen, weights, limit, found)
        return found

    def _query(self, query: str) -> tuple[np.ndarray, list[float]]:
        """The dozen rarest terms of `query` these sources hold, and their weights."""
        hashes = terms.query_terms(query)
        if not len(hashes) or not self.segments:
            return hashes[:0], []
        df = sum(seg.doc_freq(hashes) for seg in self.segments)
        chosen = hashes[df > 0]
        if not len(chosen):
            return chosen, []
        order = np.argsort(df[df > 0], kind="stable")[:QUERY_TERMS]
        chosen, freq = chosen[order], df[df > 0][order]
        return chosen, [math.log(1 + self.total_chunks / f) for f in freq.tolist()]

    def terms_of_chunks(self, doc_ids: set[int]) -> list[set[int]]:
        """The term hashes each chunk of these sources is indexed under."""
        out = []
        for seg in self.segments:
            for chunk in np.flatnonzero(np.isin(seg.chunk_doc, list(doc_ids))).tolist():
                out.append(set(terms.query_terms(seg.chunk_text(chunk)[1]).tolist()))
        return out

    def _every_chunk(self, found: list[tuple[int, int, float]], limit: int) -> list[tuple[int, int, float]]:
        """When no chunk of these sources scored and they hold no more chunks than are asked
        for, every one is a candidate: the rarest terms are chosen across the whole index,
        and a draft's own few sources may hold none of them."""
        if found or self.total_chunks > limit:
            return found
        return [(si, int(c), 0.0) for si, mask in enumerate(self._allowed) for c in np.flatnonzero(mask)][:limit]

    def rarity(self, words: list[str]) -> list[float | None]:
        """How rare each word is in these sources (log inverse chunk frequency): "corrosion"
        says more about a passage than "council". None for a word no chunk holds."""
        if not words or not self.segments:
            return [None] * len(words)
        hashes = np.fromiter((terms.token_hash(w) for w in words), dtype=np.uint64, count=len(words))
        df = sum(seg.doc_freq(hashes) for seg in self.segments)
        return [math.log(1 + self.total_chunks / f) if f else None for f in df.tolist()]

    def mentions(self, doc_id: int, words: list[str]) -> bool:
        """Does one chunk of the source hold all of `words` (lower case)? The index says
        which chunks may; only those are read, to confirm."""
        doc = self.docs.get(doc_id)
        if self.watch is not None and doc is not None:
            self.watch.read(doc)
        if doc is None or not words or not doc.segment:
            return False
        names = sorted({d.segment for d in self.docs.values() if d.segment})
        seg = self.segments[names.index(doc.segment)]
        chunks = None
        for word in words:
            forms = np.fromiter((terms.token_hash(w) for w in (word, word + "'s")), dtype=np.uint64, count=2)
            ids = np.unique(np.concatenate(seg.chunks_of(forms)).astype(np.int64))
            ids = ids[seg.chunk_doc[ids] == doc_id]
            chunks = ids if chunks is None else np.intersect1d(chunks, ids)
        wanted = set(words)
        if chunks is None:
            return False
        return any(wanted <= bare_tokens(seg.chunk_text(int(c))[1]) for c in chunks.tolist())

    def _score(self, hashes: np.ndarray, weights: list[float], limit: int) -> list[tuple[int, int, float]]:
        keys, wts = [], []
        for si, seg in enumerate(self.segments):
            lists = seg.chunks_of(hashes)
            sizes = [len(x) for x in lists]
            if not any(sizes):
                continue
            ids = np.concatenate(lists).astype(np.int64)
            keep = self._allowed[si][ids]
            keys.append((ids + (si << 16))[keep])
            wts.append(np.repeat(np.array(weights), sizes)[keep])
        if not keys:
            return []
        chunks, where = np.unique(np.concatenate(keys), return_inverse=True)
        scores = np.bincount(where, weights=np.concatenate(wts))
        best = np.arange(len(scores))
        if len(scores) > limit:
            best = np.argpartition(-scores, limit)[:limit]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(chunks[i] >> 16), int(chunks[i] & 0xFFFF), float(scores[i])) for i in best]

    def passage(self, segment: int, chunk: int, pad: int = 400) -> Passage:
        """A candidate chunk with up to `pad` characters of its neighbours on each side."""
        seg = self.segments[segment]
        doc = self.docs[int(seg.chunk_doc[chunk])]
        if self.watch is not None:
            self.watch.read(doc)
        start, text = seg.chunk_text(chunk)
        if chunk > 0 and seg.chunk_doc[chunk - 1] == seg.chunk_doc[chunk]:
            _, before = seg.chunk_text(chunk - 1)
            before = before[-pad:]
            start, text = start - len(before), before + text
        if chunk + 1 < seg.n_chunks and seg.chunk_doc[chunk + 1] == seg.chunk_doc[chunk]:
            text += seg.chunk_text(chunk + 1)[1][:pad]
        return Passage(doc=doc, start=start, text=text)


@dataclass
class Watch:
    """What judging one claim took from the sources: every source a search proposed or a
    passage was read from, and each search with the score a chunk needed to make its list.

    A verdict cached with its watch stays right while those sources are unchanged and no
    changed source would score into one of those lists."""

    sources: set[str] = field(default_factory=set)
    searches: list[tuple[list[int], list[float], float]] = field(default_factory=list)  # (terms, weights, needed)

    def read(self, doc: DocInfo) -> None:
        self.sources.add(doc.path)

    def searched(
        self,
        searcher: Searcher,
        chosen: np.ndarray,
        weights: list[float],
        limit: int,
        found: list[tuple[int, int, float]],
    ) -> None:
        for si, chunk, _ in found:
            self.read(searcher.docs[int(searcher.segments[si].chunk_doc[chunk])])
        # A short list took every chunk that scored at all; a full one, those up to its last;
        # one holding chunks that scored nothing took every chunk there was (-1: any will do).
        needed = -1.0 if any(score == 0 for _, _, score in found) else found[-1][2] if len(found) >= limit else 0.0
        self.searches.append((chosen.tolist(), [round(w, 3) for w in weights], round(needed, 3)))


def best_score(terms: list[int], weights: list[float], chunk_terms: list[set[int]]) -> float:
    """The best score a search for these weighted terms gives any of these chunks, each
    given by its set of term hashes (see `Searcher.terms_of_chunks`): would it make the list?"""
    pairs = list(zip(terms, weights))
    return max((sum(w for h, w in pairs if h in held) for held in chunk_terms), default=0.0)


def _mask(chunk_doc: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    ids = chunk_doc.astype(np.int64)
    ok = ids < len(allowed)
    out = np.zeros(len(ids), dtype=bool)
    out[ok] = allowed[ids[ok]]
    return out


def bare_tokens(text: str) -> set[str]:
    """The words of a text, lower case, a possessive 's taken off."""
    found = (terms.term_key(t) for t in terms.tokens(text))
    return {t.removesuffix("'s") for t in found}
