"""Where in the sources a claim's words are: candidate chunks, then fuzzy alignment.

The index proposes a couple of dozen chunks; `partial_ratio_alignment` then finds the
best-matching stretch of each, with a rising score cutoff so that hopeless candidates
are dropped early. Long needles are cut: alignment time grows with the square of the
needle's length, and two hundred characters already pin a passage down.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.match.words import fold
from factcheck.sources.search import WEAKER, Passage, Searcher

MAX_NEEDLE = 220
SURE = 95.0


@dataclass(frozen=True)
class Hit:
    """A stretch of a passage that aligns with the needle, and how well."""

    passage: Passage
    start: int  # offsets into passage.text
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


def trim_needle(text: str, limit: int = MAX_NEEDLE) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def locate(
    searcher: Searcher, needle: str, *, query: str | None = None, keep: int = 3, floor: float = 50.0
) -> list[Hit]:
    """The best-aligned stretches for `needle`, best first, at most one per passage."""
    from rapidfuzz import fuzz

    needle = trim_needle(needle)
    if not needle.strip():
        return []
    folded = fold(needle)
    hits: list[Hit] = []
    cutoff = floor
    candidates = searcher.candidates(query or needle)
    top = candidates[0][2] if candidates else 0.0
    for seg, chunk, weight in candidates:
        if hits and hits[0].score >= SURE and weight < top * WEAKER:
            break  # a near-exact passage is in hand; chunks sharing far fewer rare terms won't beat it
        passage = searcher.passage(seg, chunk)
        res = fuzz.partial_ratio_alignment(folded, fold(passage.text), score_cutoff=cutoff)
        if res is None:
            continue
        hits.append(Hit(passage, res.dest_start, res.dest_end, res.score))
        hits.sort(key=lambda h: -h.score)
        if len(hits) >= keep:
            cutoff = max(cutoff, hits[keep - 1].score)
    hits.sort(key=lambda h: -h.score)
    return _distinct(hits)[:keep]


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Neighbouring chunks overlap by their padding; keep one hit per spot in a source."""
    out: list[Hit] = []
    for h in hits:
        a = h.passage.start + h.start
        if any(o.passage.doc.doc_id == h.passage.doc.doc_id and abs(o.passage.start + o.start - a) < 50 for o in out):
            continue
        out.append(h)
    return out
