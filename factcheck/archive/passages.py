"""A source's text cut into passages, each with its term hashes, as the archive stores them.

Passages are cut by the embedded index's own `chunk_spans`, and their terms are the
embedded index's term hashes (words and neighbouring-word pairs, from `terms`), so a
claim finds the same passages on either backend and gets the same verdict.
"""

from __future__ import annotations

import struct

import numpy as np

from factcheck.sources import terms
from factcheck.sources.segment import chunk_spans

_INT8_OID = 20


class _Words(dict):
    """Every word a push has met → a number, with its term hash and stop-word flag in arrays
    indexed by that number. Words recur across documents; each is hashed once."""

    def __init__(self):
        super().__init__()
        # Each distinct line's word numbers: a wire update repeats most lines of the last
        # version, and no token spans a line break (as in the embedded index's segments).
        self.lines: dict[str, list[int]] = {}
        self.hashes = np.zeros(1 << 16, dtype=np.uint64)
        self.stops = np.zeros(1 << 16, dtype=bool)

    def __missing__(self, word: str) -> int:
        n = self[word] = len(self)
        if n == len(self.hashes):
            self.hashes = np.concatenate([self.hashes, np.zeros_like(self.hashes)])
            self.stops = np.concatenate([self.stops, np.zeros_like(self.stops)])
        self.hashes[n] = terms.token_hash(word)
        self.stops[n] = word in terms.STOP_WORDS
        return n


_words = _Words()
# A document's passages are numbered in this many bits (as in the archive's passage keys).
_PASSAGE_BITS = 24
_WORDS_MAX = 4_000_000  # then start again, so a long push's memory stays bounded
_LINES_MAX = 200_000


def cut(text: str, body_start: int) -> list[tuple[int, str, np.ndarray]]:
    """(start offset, text, sorted distinct term hashes as int64) of each passage."""
    global _words
    spans = chunk_spans(text, body_start)
    if not spans:
        return []
    if len(_words) > _WORDS_MAX or len(_words.lines) > _LINES_MAX:
        _words = _Words()
    words = _words
    ids: list[int] = []
    counts = []
    lines = words.lines
    for s, e in spans:
        before = len(ids)
        for line in text[s:e].split("\n"):
            got = lines.get(line)
            if got is None:
                got = lines[line] = list(map(words.__getitem__, terms.tokens(line)))
            ids.extend(got)
        counts.append(len(ids) - before)
    group = np.repeat(np.arange(len(spans), dtype=np.int64), np.array(counts, dtype=np.int64))
    h, g = terms.term_hashes(np.array(ids, dtype=np.int64), group, words.hashes, words.stops)
    order = _by_passage_then_hash(h, g)
    h, g = h[order], g[order]
    keep = np.ones(len(h), dtype=bool)
    keep[1:] = (h[1:] != h[:-1]) | (g[1:] != g[:-1])
    h, g = h[keep].view(np.int64), g[keep]
    bounds = np.searchsorted(g, np.arange(len(spans) + 1))
    return [(s, text[s:e], h[bounds[i] : bounds[i + 1]]) for i, (s, e) in enumerate(spans)]


_KEY_SHIFT = np.uint64(64 - _PASSAGE_BITS)


def _by_passage_then_hash(h: np.ndarray, g: np.ndarray) -> np.ndarray:
    """The order that sorts terms by passage, then by hash (`np.lexsort((h, g))`).

    One sort of a single key, the passage number above a hash's top bits, costs half what
    lexsort's two passes do. Two distinct hashes of one passage sharing those top bits
    (about one passage in ten million) would tie, so such a document is sorted by lexsort."""
    if len(h) < 2 or int(g.max()) >> _PASSAGE_BITS:
        return np.lexsort((h, g))
    key = (g.astype(np.uint64) << _KEY_SHIFT) | (h >> np.uint64(_PASSAGE_BITS))
    order = np.argsort(key)
    key, sorted_h = key[order], h[order]
    if np.any((key[1:] == key[:-1]) & (sorted_h[1:] != sorted_h[:-1])):
        return np.lexsort((h, g))
    return order


# PostgreSQL's binary COPY: one header, then each row as a field count and length-prefixed
# fields. Written by hand because it lets numpy lay out a passage's term array in one step;
# formatting hundreds of millions of integers as text would cost more than the search saves.
COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)
COPY_TRAILER = struct.pack("!h", -1)
_ELEMS = np.dtype([("len", ">i4"), ("value", ">i8")])


def copy_row(doc_id: int, ord_: int, start: int, body: str, hashes: np.ndarray) -> bytes:
    """One passages row (doc_id, ord, start_at, body, terms) in binary COPY format."""
    text = body.encode("utf-8")
    if not len(hashes):  # PostgreSQL writes an empty array with no dimensions
        array = struct.pack("!iii", 0, 0, _INT8_OID)
        return _row(doc_id, ord_, start, text, array)
    elems = np.empty(len(hashes), dtype=_ELEMS)
    elems["len"] = 8
    elems["value"] = hashes
    array = struct.pack("!iiiii", 1, 0, _INT8_OID, len(hashes), 1) + elems.tobytes()
    return _row(doc_id, ord_, start, text, array)


def _row(doc_id: int, ord_: int, start: int, text: bytes, array: bytes) -> bytes:
    return b"".join(
        (
            struct.pack("!hiqiiii", 5, 8, doc_id, 4, ord_, 4, start),
            struct.pack("!i", len(text)),
            text,
            struct.pack("!i", len(array)),
            array,
        )
    )
