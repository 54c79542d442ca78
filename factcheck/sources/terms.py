"""The terms a source passage is indexed under, and a claim is looked up by.

Both sides must cut text the same way, so the index and the query share this module.
Terms are normalized words (not stop words), numbers with their thousands separators
dropped, and pairs of neighbouring words: a pair like "patriot missiles" is far rarer
than either word, which is what makes a dozen terms enough to find a passage.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

# Letters (with inner apostrophes, straight or curly) or digits (with inner , or .).
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i in is it its of on or
    our she that the their them they this to was we were which who will with would you your not
    """.split()
)

_PAIR_MULT = np.uint64(0x9E3779B97F4A7C15)


def tokens(text: str) -> list[str]:
    """Lower-cased words and numbers of `text`, in order."""
    return WORD.findall(text.lower())


def term_key(token: str) -> str:
    """A token as indexed: "6,000" and "6000" are one number; curly and straight apostrophes agree."""
    if token[0].isdigit():
        return token.replace(",", "")
    return token.replace("\u2019", "'")


def token_hash(token: str) -> int:
    """A stable 64-bit hash: the same on every machine and every run, unlike hash()."""
    digest = hashlib.blake2b(term_key(token).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def pair_hashes(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Order-sensitive hash of neighbouring words ("missiles patriot" ≠ "patriot missiles")."""
    with np.errstate(over="ignore"):
        return (left * _PAIR_MULT) ^ ((right << np.uint64(29)) | (right >> np.uint64(35)))


def vocab_arrays(vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Hash and stop-word flag of each vocabulary entry, indexed by the entry's id."""
    hashes = np.fromiter((token_hash(t) for t in vocab), dtype=np.uint64, count=len(vocab))
    stops = np.fromiter((t in STOP_WORDS for t in vocab), dtype=bool, count=len(vocab))
    return hashes, stops


def term_hashes(
    ids: np.ndarray, group: np.ndarray, hashes: np.ndarray, stops: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(term hash, group) for every term of a token stream; pairs never cross groups."""
    wh = hashes[ids]
    st = stops[ids]
    keep = ~st
    uni_h, uni_g = wh[keep], group[keep]
    pair = (group[1:] == group[:-1]) & ~(st[1:] & st[:-1])
    pair_h = pair_hashes(wh[:-1][pair], wh[1:][pair])
    return np.concatenate([uni_h, pair_h]), np.concatenate([uni_g, group[1:][pair]])


def query_terms(text: str) -> np.ndarray:
    """The distinct term hashes of a claim's text, as the index knows them."""
    words = tokens(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    vocab: dict[str, int] = {}
    ids = np.array([vocab.setdefault(w, len(vocab)) for w in words], dtype=np.int64)
    hashes, stops = vocab_arrays(vocab)
    h, _ = term_hashes(ids, np.zeros(len(ids), dtype=np.int64), hashes, stops)
    return np.unique(h)
