"""PDF sources: the text layer, page by page, so evidence can name the page."""

from __future__ import annotations

import io

from factcheck.config import Limits
from factcheck.errors import InputError
from factcheck.sources import SourceText, check_unpacked


def _reader(data: bytes, display: str):
    import logging

    from pypdf import PdfReader

    # pypdf logs its repairs of damaged files ("EOF marker not found") to stderr; a bad
    # source must still come out as our one line naming the file, nothing more.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
    except (PdfReadError, ValueError, OSError) as exc:
        raise InputError(f"unreadable PDF ({exc})", path=display) from None
    if reader.is_encrypted:
        _unlock(reader, display)
    return reader


def _unlock(reader, display: str) -> None:
    """Many PDFs are 'encrypted' with an empty password only to block editing; open those."""
    try:
        if reader.decrypt(""):
            return
    except Exception:
        pass
    raise InputError("PDF is encrypted with a password; save an unencrypted copy as the source", path=display)


def load(data: bytes, display: str, limits=None) -> SourceText:
    limits = limits or Limits()
    reader = _reader(data, display)
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    try:
        for number, page in enumerate(reader.pages, start=1):
            text = (page.extract_text() or "").strip()
            pages.append((offset, number))
            parts.append(text)
            offset += len(text) + 2
            check_unpacked(offset, limits, display, what="text runs past")  # pypdf caps each stream, not their sum
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"unreadable PDF ({type(exc).__name__}: {exc})", path=display) from None
    text = "\n\n".join(parts)
    if not text.strip():
        raise InputError("PDF has no text layer (a scanned image?); run OCR on it first", path=display)
    return SourceText(path=display, text=text, pages=tuple(pages), kind="pdf")
