"""Plain text and Markdown sources: the text as stored, front matter giving the date."""

from __future__ import annotations

from factcheck.errors import FactcheckError
from factcheck.sources import MAX_SOURCE_BYTES, SourceText
from factcheck.store.draft_text import parse_draft
from factcheck.textio import decode_text


def load(data: bytes, display: str, limits=None) -> SourceText:
    text = decode_text(data, display, limit=max(len(data), MAX_SOURCE_BYTES))  # the caller checked the size
    try:
        parsed = parse_draft(text, display)
        date = parsed.date
    except FactcheckError:
        # A source's front matter is the source's business; a bad one must not hide its text.
        return SourceText(path=display, text=text)
    return SourceText(path=display, text=text, date=date, body_start=parsed.body_start)
