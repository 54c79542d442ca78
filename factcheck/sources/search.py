"""Finding candidate passages for a claim: the rarest terms first, then the best chunks.

Looking up every word of a claim would touch huge posting lists ("said", "percent").
A dozen of its rarest terms pick out the few chunks worth aligning, which is where the
speed comes from: alignment (the expensive part) runs on a handful of passages only.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.sources import terms
from factcheck.sources.index import DocInfo
from factcheck.sources.segment import Segment

QUERY_TERMS = 12
CANDIDATES = 24
# Alignment stops at candidates scoring under this share of the best once a near-exact
# passage is in hand (locate.py); a watched search remembers which side of it each fell on.
WEAKER = 0.5


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
        self._ranks: np.ndarray | None = None

    def close(self) -> None:
        if self._own:
            for seg in self.segments:
                seg.close()

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[tuple[int, int, float]]:
        """(segment, chunk, score) of the chunks sharing most rare terms with `query`."""
        chosen, weights = self._query(query)
        return self._every_chunk(self._score(chosen, weights, limit) if weights else [], limit)

    def identify(self, segment: int, chunk: int) -> tuple[str, int]:
        """A candidate as (source path, offset of its chunk): the same passage, wherever the
        index keeps it."""
        seg = self.segments[segment]
        return self.docs[int(seg.chunk_doc[chunk])].path, int(seg.chunk_start[chunk])

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

    def _every_chunk(self, found: list[tuple[int, int, float]], limit: int) -> list[tuple[int, int, float]]:
        """When no chunk of these sources scored and they hold no more chunks than are asked
        for, every one is a candidate: the rarest terms are chosen across the whole index,
        and a draft's own few sources may hold none of them."""
        if found or self.total_chunks > limit:
            return found
        parts = [np.flatnonzero(mask).astype(np.int64) + (si << 16) for si, mask in enumerate(self._allowed)]
        if not parts:
            return []
        keys = np.concatenate(parts)
        keys = keys[self._best_first(keys, np.zeros(len(keys)))][:limit]  # in (path, offset) order
        return [(int(k >> 16), int(k & 0xFFFF), 0.0) for k in keys.tolist()]

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
            # Every chunk scoring at least the limit-th best, ties included: which of equally
            # good chunks make the list must not hang on how a partial sort met them, or a
            # change elsewhere in the index could swap them and a kept verdict would differ
            # from a fresh one. Ties go in (path, offset) order.
            kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            best = np.flatnonzero(scores >= kth)
        best = best[self._best_first(chunks[best], scores[best])][:limit]
        return [(int(chunks[i] >> 16), int(chunks[i] & 0xFFFF), float(scores[i])) for i in best]

    def _best_first(self, keys: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """The order of these chunks: best score first, equal scores by (source path, offset).
        Chunk numbers follow the order sources were indexed in, which is path order only for
        an index built in one go: breaking ties by them would let equally good passages swap
        places as sources are added, and the archive server, which has no chunk numbers,
        could not break them the same way."""
        segment, chunk = keys >> 16, keys & 0xFFFF
        rank = np.empty(len(keys), dtype=np.int64)
        start = np.empty(len(keys), dtype=np.int64)
        path_rank = self._path_ranks()
        for si in np.unique(segment).tolist():
            here = segment == si
            seg = self.segments[si]
            rank[here] = path_rank[seg.chunk_doc[chunk[here]].astype(np.int64)]
            start[here] = seg.chunk_start[chunk[here]]
        return np.lexsort((start, rank, -scores))

    def _path_ranks(self) -> np.ndarray:
        """Each source's rank by path, indexed by doc id (worked out on the first search)."""
        if self._ranks is None:
            by_path = sorted(self.docs.values(), key=lambda d: d.path)
            self._ranks = np.zeros(max(self.docs, default=0) + 1, dtype=np.int64)
            self._ranks[[d.doc_id for d in by_path]] = np.arange(len(by_path))
        return self._ranks

    def passage(self, segment: int, chunk: int, pad: int = 400) -> Passage:
        """A candidate chunk with up to `pad` characters of its neighbours on each side."""
        seg = self.segments[segment]
        doc = self.docs[int(seg.chunk_doc[chunk])]
        start, text = seg.chunk_text(chunk)
        if pad > 0 and chunk > 0 and seg.chunk_doc[chunk - 1] == seg.chunk_doc[chunk]:
            _, before = seg.chunk_text(chunk - 1)
            before = before[-pad:]  # with pad 0 this would be all of it, hence the test above
            start, text = start - len(before), before + text
        if pad > 0 and chunk + 1 < seg.n_chunks and seg.chunk_doc[chunk + 1] == seg.chunk_doc[chunk]:
            text += seg.chunk_text(chunk + 1)[1][:pad]
        return Passage(doc=doc, start=start, text=text)


class Watch:
    """The sources as judging one claim sees them: every question asked of them, and a
    digest of each answer, beside every source proposed or read.

    The judge learns about the sources only through these questions, so while none of the
    sources it read has changed and every question gets the same answer again, judging
    the claim afresh would give the same verdict and evidence: its kept verdict stands.
    That holds whatever changed elsewhere, even when rarity weights shifted."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.docs = searcher.docs
        self.sources: set[str] = set()
        self.searches: list[tuple[str, int, str]] = []  # (query, limit, digest of the candidates)
        self.rarities: list[tuple[list[str], str]] = []  # (words, digest of their weights)

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[tuple[int, int, float]]:
        found = self.searcher.candidates(query, limit)
        ids, answer = _answer(self.searcher, found)
        self.sources.update(path for path, _ in ids)
        self.searches.append((query, limit, answer))
        return found

    def passage(self, segment: int, chunk: int, pad: int = 400) -> Passage:
        passage = self.searcher.passage(segment, chunk, pad)
        self.sources.add(passage.doc.path)
        return passage

    def rarity(self, words: list[str]) -> list[float | None]:
        found = self.searcher.rarity(words)
        self.rarities.append((list(words), _digest(found)))
        return found

    def mentions(self, doc_id: int, words: list[str]) -> bool:
        doc = self.docs.get(doc_id)
        if doc is not None:
            self.sources.add(doc.path)
        return self.searcher.mentions(doc_id, words)


class Replay:
    """The questions of watched judgements asked again of the sources as they are now.
    Drafts sharing sources ask many of the same questions: each is answered once."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._answers: dict = {}

    def same_answers(self, searches, rarities) -> bool:
        """Would every question get the answer it got when the verdict was found?"""
        for query, limit, answer in searches:
            key = ("c", query, limit)
            if key not in self._answers:
                self._answers[key] = _answer(self.searcher, self.searcher.candidates(query, limit))[1]
            if self._answers[key] != answer:
                return False
        for words, answer in rarities:
            key = ("r", *words)
            if key not in self._answers:
                self._answers[key] = _digest(self.searcher.rarity(list(words)))
            if self._answers[key] != answer:
                return False
        return True


def _answer(searcher, found: list[tuple[int, int, float]]) -> tuple[list[tuple[str, int]], str]:
    """A search's passages by (path, start), and its answer as alignment uses it: which
    passages, in what order, and which of them score under WEAKER of the best (alignment
    may stop before those). The scores themselves shift with every change to the sources;
    what they decide here does not."""
    ids = [searcher.identify(seg, chunk) for seg, chunk, _ in found]
    top = found[0][2] if found else 0.0
    return ids, _digest([(path, start, score < top * WEAKER) for (path, start), (_, _, score) in zip(ids, found)])


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value).encode("utf-8", "surrogateescape")).hexdigest()[:24]


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
