"""Quote against source, word by word, with the liberties news style allows.

Allowed: different quote marks, spacing, punctuation and case; an ellipsis standing
for words left out; [bracketed] words standing in for words (or added for clarity).
Anything else — a word changed, added or dropped — makes the quote a misquote, and the
diff shows exactly where: `[-what the source says-] {+what the draft says+}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.match.words import WORD as WORD_PATTERN
from factcheck.match.words import Word, word_key, words

_PART = re.compile(r"\[[^\]]*\]|\.(?:\s?\.){2}|\u2026|" + WORD_PATTERN.pattern)
GAP, BRACKET, WORD = "gap", "bracket", "word"
CONTEXT_WORDS = 3


@dataclass(frozen=True)
class Part:
    kind: str
    text: str
    key: str


@dataclass(frozen=True)
class QuoteComparison:
    """How a quote lines up with a stretch of source text."""

    matched: int  # quote words found in order in the source
    words: int  # words in the quote (ellipses and brackets not counted)
    changes: int  # changed, added or dropped stretches
    start: int  # the source stretch the quote covers, as offsets into the source text
    end: int
    diff: str

    @property
    def coverage(self) -> float:
        return self.matched / self.words if self.words else 0.0


def parts(quote: str) -> list[Part]:
    out = []
    for m in _PART.finditer(quote):
        text = m.group()
        if text.startswith("["):
            out.append(Part(BRACKET, text, f"\0b{m.start()}"))
        elif text[0] in ".\u2026":
            out.append(Part(GAP, text, f"\0g{m.start()}"))
        else:
            out.append(Part(WORD, text, word_key(text)))
    return out


def compare(quote: str, source: str, start: int, end: int) -> QuoteComparison:
    """Align the quote's words with the source words in source[start:end]."""
    qp = parts(quote)
    sw = words(source, start, end)
    ops = _trimmed(SequenceMatcher(None, [p.key for p in qp], [w.key for w in sw], autojunk=False).get_opcodes())
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    changes = sum(1 for op in ops if _is_change(op, qp))
    span = _span(ops, sw, start)
    return QuoteComparison(
        matched, sum(p.kind == WORD for p in qp), changes, span[0], span[1], _diff(ops, qp, sw, source)
    )


def _trimmed(ops: list[tuple]) -> list[tuple]:
    """Source words before the quote starts or after it ends are not part of the comparison."""
    while ops and ops[0][0] == "insert":
        ops = ops[1:]
    while ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    if ops and ops[0][0] == "replace":
        tag, i1, i2, j1, j2 = ops[0]
        ops[0] = (tag, i1, i2, max(j1, j2 - (i2 - i1)), j2)
    if ops and ops[-1][0] == "replace":
        tag, i1, i2, j1, j2 = ops[-1]
        ops[-1] = (tag, i1, i2, j1, min(j2, j1 + (i2 - i1)))
    return ops


def _is_change(op: tuple, qp: list[Part]) -> bool:
    tag, i1, i2, j1, j2 = op
    if tag == "equal":
        return False
    if tag == "insert":
        return True  # source words dropped with no ellipsis to mark the cut
    return any(p.kind == WORD for p in qp[i1:i2])  # an ellipsis or [bracket] may stand for anything


def _span(ops: list[tuple], sw: list[Word], start: int) -> tuple[int, int]:
    js = [j for _, _, _, j1, j2 in ops for j in (j1, j2 - 1) if j2 > j1]
    if not js:
        return start, start
    return sw[min(js)].start, sw[max(js)].end


def _diff(ops: list[tuple], qp: list[Part], sw: list[Word], source: str) -> str:
    """Word-level diff, source words struck and draft words added, with a little context."""
    pieces: list[str] = []
    for n, op in enumerate(ops):
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            pieces.append(_context([p.text for p in qp[i1:i2]], first=n == 0, last=n == len(ops) - 1))
        elif not _is_change(op, qp):
            pieces.append(" ".join(p.text for p in qp[i1:i2]))
        else:
            src = " ".join(source[w.start : w.end] for w in sw[j1:j2])
            mine = " ".join(p.text for p in qp[i1:i2])
            pieces.append(" ".join(x for x in (f"[-{src}-]" if src else "", f"{{+{mine}+}}" if mine else "") if x))
    return " ".join(p for p in pieces if p)


def _context(texts: list[str], *, first: bool, last: bool) -> str:
    k = CONTEXT_WORDS
    if len(texts) <= 2 * k:
        return " ".join(texts)
    head = [] if first else texts[:k]
    tail = [] if last else texts[-k:]
    return " ".join(head + ["…"] + tail)
