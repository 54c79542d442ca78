"""Word (.docx) sources: paragraphs and table cells, in document order."""

from __future__ import annotations

import io

from factcheck.errors import InputError
from factcheck.sources import SourceText


def _paragraphs(document) -> list[str]:
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.append(" | ".join(cell.text for cell in row.cells))
    return [p.strip() for p in out if p.strip()]


def load(data: bytes, display: str) -> SourceText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises zip, XML and key errors alike
        raise InputError(f"unreadable .docx file ({type(exc).__name__})", path=display) from None
    text = "\n\n".join(_paragraphs(document))
    if not text:
        raise InputError(".docx file has no text", path=display)
    return SourceText(path=display, text=text, kind="docx")
