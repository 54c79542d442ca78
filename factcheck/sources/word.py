"""Word (.docx) sources: paragraphs and table cells, in document order."""

from __future__ import annotations

import io

from factcheck.config import Limits
from factcheck.errors import InputError
from factcheck.sources import SourceText, check_unpacked


def _paragraphs(document) -> list[str]:
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.append(" | ".join(cell.text for cell in row.cells))
    return [p.strip() for p in out if p.strip()]


def _check_parts(data: bytes, display: str, limits) -> None:
    """Refuse a .docx whose parts unpack past the budget, before any of them is unpacked.

    A .docx is a zip: 1 MB of it can hold 400 MB of XML. The sizes the archive declares
    are what zipfile will unpack at most (it stops there), so summing them is safe.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"unreadable .docx file ({type(exc).__name__})", path=display) from None
    check_unpacked(total, limits, display)


def load(data: bytes, display: str, limits=None) -> SourceText:
    import docx

    _check_parts(data, display, limits or Limits())
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(f"unreadable .docx file ({type(exc).__name__})", path=display) from None
    text = "\n\n".join(_paragraphs(document))
    if not text:
        raise InputError(".docx file has no text", path=display)
    return SourceText(path=display, text=text, kind="docx")
