"""Direct quotes in news copy and who said them.

Quote marks are read one paragraph at a time. Curly marks say which way they face;
straight marks are read from the characters around them, and where those do not
decide, from whether a quote is already open. A quote left open at the end of a
paragraph carries on when the next paragraph opens with a quote mark, the news
convention for a quote that runs over several paragraphs; each paragraph's part
becomes its own claim, and all parts share one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.model import Found, Kind

# A markup tag (its attribute quotes are not speech), a double quote mark, or a paragraph end.
_MARK = re.compile(r"<[A-Za-z/][^<>\n]*>|[\"\u201c\u201d\u201e]|\n")
_OPENERS = "\u201c\u201e"
_BEFORE_OPEN = set(" \t\n([{/\u2014\u2013-\u2018'")
_AFTER_CLOSE = set(" \t\n.,;:!?)]}/\u2014\u2013-\u2019'\u2026")
_OPEN, _CLOSE, _EITHER = 1, -1, 0


@dataclass
class Quoted:
    """The words between one pair of quote marks (or one paragraph's part of a longer quote)."""

    start: int
    end: int
    mark_start: int  # offset of the opening mark
    mark_end: int  # offset just after the closing mark, or the paragraph end when left open
    continues: bool = False  # the quote carries on into the next paragraph
    continued: bool = False  # this part carries on a quote from the previous paragraph
    speaker: str | None = None


def find(doc) -> list[Found]:
    from factcheck.extract import speakers

    parts = quoted_spans(doc.text, doc.body_start)
    speakers.assign(doc, parts)
    return [Found(Kind.QUOTE, q.start, q.end, speaker=q.speaker) for q in parts]


def _facing(text: str, pos: int, mark: str) -> int:
    """Which way a mark faces, from its glyph or, for a straight mark, its neighbours."""
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = after in _AFTER_CLOSE and not before.isspace()
    if mark in _OPENERS:
        return _CLOSE if closes and not opens else _OPEN
    if mark == "\u201d":
        return _OPEN if opens and not closes else _CLOSE
    if opens != closes:
        return _OPEN if opens else _CLOSE
    return _EITHER


def quoted_spans(text: str, start: int = 0) -> list[Quoted]:
    """Every quoted stretch of text[start:], in order, without its marks."""
    found: list[Quoted] = []
    open_at = -1  # offset of the open mark, -1 when no quote is open
    depth = 0  # quotes within the open quote that are still open
    for m in _MARK.finditer(text, start):
        mark = m.group()
        if mark == "\n":
            open_at, depth = _end_paragraph(text, found, open_at, m.start()), 0
            continue
        if len(mark) > 1:
            continue  # a markup tag
        pos = m.start()
        facing = _facing(text, pos, mark)
        if open_at < 0:
            if facing != _CLOSE:
                open_at = pos
        elif facing == _OPEN:
            depth += 1  # a quote within the quote
        elif depth:
            depth -= 1
        else:
            _add(text, found, open_at, pos, pos + 1)
            open_at = -1
    _end_paragraph(text, found, open_at, len(text))
    return found


def _end_paragraph(text: str, found: list[Quoted], open_at: int, end: int) -> int:
    """Close a quote left open at a paragraph end; it may carry on into the next paragraph."""
    if open_at < 0:
        return -1
    part = _add(text, found, open_at, end, end)
    if part is not None:
        part.continues = _next_opens_quote(text, end)
    return -1


_NEXT_PARAGRAPH = re.compile(r"\s*[\"\u201c\u201e]")


def _next_opens_quote(text: str, end: int) -> bool:
    return _NEXT_PARAGRAPH.match(text, end) is not None


def _add(text: str, found: list[Quoted], open_at: int, close_at: int, mark_end: int) -> Quoted | None:
    s, e = open_at + 1, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    part = Quoted(s, e, open_at, mark_end)
    if found and found[-1].continues and _NEXT_PARAGRAPH.fullmatch(text, found[-1].mark_end, open_at + 1):
        part.continued = True
    found.append(part)
    return part
