"""One immutable slice of the source index: postings, chunk table and compressed text.

A segment covers up to 64K chunks of about a kilobyte each, so a chunk number fits
in two bytes and a posting costs two bytes. Terms are hashed into a fixed number of
buckets per segment; a bucket's postings are the chunks holding any of its terms.
A rare collision only adds a chunk to the candidates, which alignment then rejects.

Segments are never edited: a changed source is written to a new segment and its old
chunks are ignored because the catalogue no longer points at them.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.sources import terms

CHUNK_CHARS = 1000
MAX_CHUNKS = 65535
BLOCK_CHUNKS = 8
MAGIC = b"FCSEG001"


def chunk_spans(text: str, start: int = 0, target: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut text into pieces of about `target` characters, at a line, sentence or word end."""
    spans = []
    a, n = start, len(text)
    while a < n:
        if n - a <= target * 3 // 2:
            spans.append((a, n))
            break
        lo, hi = a + target // 2, a + target * 3 // 2
        cut = text.rfind("\n", lo, hi)
        if cut < 0:
            cut = text.rfind(". ", lo, hi)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", lo, hi)
        cut = cut if cut > a else hi
        spans.append((a, cut))
        a = cut
    return spans


class _Vocab(dict):
    """Token → id, giving each new token the next id."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


class _LineIds(dict):
    """A line of text → the vocabulary ids of its tokens, each distinct line tokenised once.

    Wire archives hold the same story again and again, each update repeating most of
    the last one's paragraphs: most lines of a segment were seen before, and a dict
    lookup costs far less than the regex. No token spans a line break, so a chunk's
    tokens are its lines' tokens in order.
    """

    def __init__(self, vocab: _Vocab):
        super().__init__()
        self._vocab = vocab

    def __missing__(self, line: str):
        from array import array

        value = self[line] = array("i", map(self._vocab.__getitem__, terms.tokens(line)))
        return value


@dataclass
class _Batch:
    """What a segment is built from, collected chunk by chunk."""

    chunk_doc: list[int]
    chunk_start: list[int]
    chunk_end: list[int]
    chunk_tokens: list[int]
    blocks: list[bytes]
    chunk_block: list[int]


def _new_batch() -> _Batch:
    return _Batch([], [], [], [], [], [])


def bucket_count(chars: int) -> int:
    """About one bucket per 32 characters of text, a power of two between 2^10 and 2^22."""
    want = max(1024, min(1 << 22, chars // 32))
    return 1 << (want - 1).bit_length()


def build(docs: list[tuple[int, str, int]], path: Path) -> dict:
    """Write a segment for (doc id, text, body start) items; return its summary."""
    from array import array

    vocab = _Vocab()
    line_ids = _LineIds(vocab)
    ids = array("i")
    batch = _new_batch()
    chars = 0
    for doc_id, text, body_start in docs:
        spans = chunk_spans(text, body_start)
        for i in range(0, len(spans), BLOCK_CHUNKS):
            group = spans[i : i + BLOCK_CHUNKS]
            batch.blocks.append(zlib.compress(text[group[0][0] : group[-1][1]].encode("utf-8"), 1))
            for s, e in group:
                before = len(ids)
                for line in text[s:e].split("\n"):
                    ids.extend(line_ids[line])
                batch.chunk_doc.append(doc_id)
                batch.chunk_start.append(s)
                batch.chunk_end.append(e)
                batch.chunk_tokens.append(len(ids) - before)
                batch.chunk_block.append(len(batch.blocks) - 1)
        chars += len(text) - body_start
    return _write(batch, np.frombuffer(ids, dtype=np.int32), vocab, chars, path)


def _postings(batch: _Batch, ids: np.ndarray, vocab: dict, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    n_chunks = len(batch.chunk_doc)
    group = np.repeat(np.arange(n_chunks, dtype=np.int64), np.array(batch.chunk_tokens, dtype=np.int64))
    hashes, stops = terms.vocab_arrays(vocab)
    h, g = terms.term_hashes(ids, group, hashes, stops)
    keys = ((h & np.uint64(buckets - 1)) << np.uint64(16)) | g.astype(np.uint64)
    keys = _sorted_unique(keys)
    bucket_of = (keys >> np.uint64(16)).astype(np.int64)
    offsets = np.zeros(buckets + 1, dtype=np.uint32)
    np.cumsum(np.bincount(bucket_of, minlength=buckets), out=offsets[1:])
    return offsets, (keys & np.uint64(0xFFFF)).astype(np.uint16)


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    # np.unique hashes before sorting, several times slower than a plain sort here.
    keys = np.sort(keys)
    if len(keys) < 2:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


def _write(batch: _Batch, ids: np.ndarray, vocab: dict, chars: int, path: Path) -> dict:
    buckets = bucket_count(chars)
    offsets, postings = _postings(batch, ids, vocab, buckets)
    block_pos = np.zeros(len(batch.blocks) + 1, dtype=np.uint64)
    np.cumsum([len(b) for b in batch.blocks], out=block_pos[1:])
    arrays = {
        "offsets": offsets,
        "postings": postings,
        "chunk_doc": np.array(batch.chunk_doc, dtype=np.uint32),
        "chunk_start": np.array(batch.chunk_start, dtype=np.uint32),
        "chunk_end": np.array(batch.chunk_end, dtype=np.uint32),
        "chunk_block": np.array(batch.chunk_block, dtype=np.uint32),
        "block_pos": block_pos,
    }
    _save(path, arrays, b"".join(batch.blocks))
    return {"chunks": len(batch.chunk_doc), "chars": chars, "bytes": path.stat().st_size}


def _save(path: Path, arrays: dict[str, np.ndarray], blob: bytes) -> None:
    layout, parts, pos = {}, [], 0
    for name, arr in arrays.items():
        data = np.ascontiguousarray(arr).tobytes()
        layout[name] = [arr.dtype.str, pos, int(arr.size)]
        parts.append(data)
        pos += len(data) + (-len(data) % 8)
        parts.append(b"\0" * (-len(data) % 8))
    layout["blob"] = ["|u1", pos, len(blob)]
    header = json.dumps(layout).encode()
    head = MAGIC + struct.pack("<I", len(header)) + header
    head += b"\0" * (-len(head) % 8)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(head)
        for part in parts:
            fh.write(part)
        fh.write(blob)
    os.replace(tmp, path)


class Segment:
    """A segment opened for reading; its arrays are memory-mapped, not loaded."""

    def __init__(self, path: Path):
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:8] != MAGIC:
            raise ValueError(f"{path} is not an index segment")
        (size,) = struct.unpack("<I", self._map[8:12])
        layout = json.loads(self._map[12 : 12 + size])
        base = 12 + size + (-(12 + size) % 8)
        self._arrays = {
            name: np.frombuffer(self._map, dtype=np.dtype(dt), count=count, offset=base + off)
            for name, (dt, off, count) in layout.items()
        }
        self.offsets = self._arrays["offsets"]
        self.postings = self._arrays["postings"]
        self.chunk_doc = self._arrays["chunk_doc"]
        self.chunk_start = self._arrays["chunk_start"]
        self.chunk_end = self._arrays["chunk_end"]
        self.chunk_block = self._arrays["chunk_block"]
        self.buckets = len(self.offsets) - 1
        self._blocks: dict[int, str] = {}

    @property
    def n_chunks(self) -> int:
        return len(self.chunk_doc)

    def bucket(self, hashes: np.ndarray) -> np.ndarray:
        return (hashes & np.uint64(self.buckets - 1)).astype(np.int64)

    def doc_freq(self, hashes: np.ndarray) -> np.ndarray:
        b = self.bucket(hashes)
        return self.offsets[b + 1].astype(np.int64) - self.offsets[b]

    def chunks_of(self, hashes: np.ndarray) -> list[np.ndarray]:
        b = self.bucket(hashes)
        lo, hi = self.offsets[b], self.offsets[b + 1]
        return [self.postings[x:y] for x, y in zip(lo.tolist(), hi.tolist())]

    def block_text(self, block: int) -> str:
        text = self._blocks.get(block)
        if text is None:
            pos = self._arrays["block_pos"]
            blob = self._arrays["blob"]
            text = zlib.decompress(blob[int(pos[block]) : int(pos[block + 1])].tobytes()).decode("utf-8")
            self._blocks[block] = text
        return text

    def chunk_text(self, chunk: int) -> tuple[int, str]:
        """(offset in the source's text, text) of one chunk."""
        block = int(self.chunk_block[chunk])
        first = chunk
        while first > 0 and int(self.chunk_block[first - 1]) == block:
            first -= 1
        base = int(self.chunk_start[first])
        start, end = int(self.chunk_start[chunk]), int(self.chunk_end[chunk])
        return start, self.block_text(block)[start - base : end - base]

    def close(self) -> None:
        self._arrays.clear()
        self.offsets = self.postings = self.chunk_doc = None  # type: ignore[assignment]
        self.chunk_start = self.chunk_end = self.chunk_block = None  # type: ignore[assignment]
        try:
            self._map.close()
        except BufferError:
            pass  # arrays still referenced elsewhere keep the map alive until collected
