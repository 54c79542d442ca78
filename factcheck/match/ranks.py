"""Ranks and ordinals around a claim: "the third-largest city", "ranked 26th", "at number 4".

A rank is no claim of its own, yet it is as much a fact of the sentence as its figures:
a draft's "2010 ... their 91st season" is not borne out by a source's "2010 ... their
90th season", however well the year matches. When the draft's sentence ranks something
one way and the source's sentence another, a figure or date found in both does not
settle the claim; the judge says so rather than clear it.

Each rank is read as the places it allows: "26th" is 26 alone, "below 26th" anything
after it, "above 26th" anything before, "top ten" 1 to 10. A superlative with no ordinal
("the biggest-selling album") is first. Two ranks of the same thing (the word after
them: "largest", "season") differ when the places they allow cannot meet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_CARDINALS = "one two three four five six seven eight nine ten eleven twelve".split()
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_RANK = re.compile(
    r"(?<![\w.])(?:(?P<digits>\d+)\s?(?:st|nd|rd|th)|(?:(?P<tens>"
    + "|".join(_TENS)
    + r")[\s-])?(?P<word>"
    + "|".join(_WORDS)
    + r")"
    r"|(?:no\.|#|number)\s?(?P<place>\d+))(?![\w])",
    re.I,
)
_TOP = re.compile(r"\btop\s+(?P<n>\d+|" + "|".join(_CARDINALS) + r")\b", re.I)
_BEFORE = re.compile(
    r"\b(?P<bound>below|under|lower than|behind|outside(?: of)?(?: the)?(?: top)?|above|over|higher than|ahead of)"
    r"(?:\s+the)?\s*$",
    re.I,
)
_SUPERLATIVE = re.compile(r"\b(?:most\s+\w+|\w+est|best|worst)(?:-\w+)?\b", re.I)
_NOT_SUPERLATIVE = frozenset("interest forest west east honest modest protest guest request test latest".split())


@dataclass(frozen=True)
class Rank:
    low: float
    high: float
    key: str  # the word it ranks by ("largest", "season"), lower case
    shown: str

    def meets(self, other: Rank) -> bool:
        return self.low <= other.high and other.low <= self.high


def ranks(sentence: str) -> list[Rank]:
    """The ranks a sentence gives, ordinals in dates ("March 5th") left out."""
    out = []
    for m in _RANK.finditer(sentence):
        if m.group("digits"):
            if _in_date(sentence, m.start(), m.end()):
                continue
            place = int(m.group("digits"))
        elif m.group("word"):
            place = _WORDS.index(m.group("word").lower()) + 1
            if m.group("tens"):  # "thirty-sixth" is 36th, not sixth
                place += (_TENS.index(m.group("tens").lower()) + 2) * 10
        else:
            place = int(m.group("place"))
        before = sentence[max(0, m.start() - 30) : m.start()]
        low, high = _bounded(before, place)
        bound = _BEFORE.search(before)
        shown = f"{bound.group('bound')} {m.group(0)}" if bound else m.group(0)
        out.append(Rank(low, high, _key_after(sentence, m.end()), shown))
    for m in _TOP.finditer(sentence):
        n = m.group("n").lower()
        limit = int(n) if n.isdigit() else _CARDINALS.index(n) + 1
        before = sentence[max(0, m.start() - 30) : m.start()].lower()
        low, high = (limit + 1, math.inf) if re.search(r"\b(?:outside|missed|out of)\b", before) else (1, limit)
        out.append(Rank(low, high, _key_after(sentence, m.end()), m.group(0)))
    return out


def _in_date(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[max(0, start - 12) : start], sentence[end : end + 12]
    return bool(re.search(_MONTH + r"\s*$", before, re.I) or re.match(r"\s*(?:of\s+)?" + _MONTH, after, re.I))


def _bounded(before: str, place: int) -> tuple[float, float]:
    m = _BEFORE.search(before)
    if not m:
        return place, place
    bound = m.group("bound").lower()
    if bound.startswith(("below", "under", "lower", "behind", "outside")):
        return place + 1, math.inf
    return 1, place - 1


_KEY = re.compile(r"[\s-]*(?:most\s+)?([A-Za-z][\w'-]*)")


def _key_after(sentence: str, end: int) -> str:
    m = _KEY.match(sentence, end)
    return m.group(1).lower().split("-")[0] if m else ""


def _superlatives(sentence: str) -> set[str]:
    """Superlatives with no rank in front ("the biggest-selling"): each is first."""
    out = set()
    for m in _SUPERLATIVE.finditer(sentence):
        word = m.group(0).lower()
        head = word.split()[-1] if word.startswith("most ") else word
        head = head.split("-")[0]
        if head in _NOT_SUPERLATIVE or len(head) < 4:
            continue
        before = sentence[max(0, m.start() - 16) : m.start()]
        last = before.split()[-1].lower() if before.split() else ""
        if _RANK.search(last) or last in _CARDINALS or re.search(r"\d\s*(?:st|nd|rd|th)?[\s-]*$", before):
            continue  # "third largest", "top ten highest-grossing": ranked, or one of several
        if _BEHIND.search(sentence, m.end()):
            continue  # "the highest revenue, behind Real Madrid": not first after all
        out.add(head)
    return out


_BEHIND = re.compile(r"\b(?:behind|after|trailing|second to|only to)\b", re.I)


def differ(draft_sentence: str, source_sentence: str) -> str | None:
    """Why the two sentences rank things differently, or None when they do not."""
    mine, theirs = ranks(draft_sentence), ranks(source_sentence)
    # The draft's bare superlative against the source's ranked one ("the biggest-selling"
    # against "the sixth biggest-selling"). Not the other way round: a source often tells
    # how a thing lost first place ("had the highest ... until it was put into second").
    mine += [Rank(1, 1, k, f"{k} (first)") for k in _superlatives(draft_sentence) if any(t.key == k for t in theirs)]
    if not mine or not theirs:
        return None
    for r in mine:
        same = [t for t in theirs if t.key and t.key == r.key]
        if same and not any(r.meets(t) for t in same):
            return _why(r, same[0])
    keyed = any(t.key == r.key for r in mine for t in theirs)
    if not keyed and not any(r.meets(t) for r in mine for t in theirs):
        # No rank of the same thing on both sides; none of them agrees either.
        return _why(mine[0], theirs[0])
    return None


def clash(draft_sentence: str, source_sentence: str) -> str | None:
    """Why the source's sentence, found to state the draft's figure or date, contradicts its
    rank: both rank the same thing (the same word after the rank: "town", "single",
    "biggest") in places that cannot meet ("the first town" against "the second town").
    None when they agree, or rank different things."""
    mine, theirs = ranks(draft_sentence), ranks(source_sentence)
    mine += [Rank(1, 1, k, f"{k} (first)") for k in _superlatives(draft_sentence) if any(t.key == k for t in theirs)]
    for r in mine:
        same = [t for t in theirs if r.key and t.key == r.key]
        if same and not any(r.meets(t) for t in same):
            return _why(r, same[0])
    return None


def _why(mine: Rank, theirs: Rank) -> str:
    return f"the draft's sentence ranks it {mine.shown!r}, the source's {theirs.shown!r}"
