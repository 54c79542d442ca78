"""HTML sources: the article's main text, without menus, ads, footers or scripts.

trafilatura reads the page as data (lxml); no script or style in it ever runs.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.errors import InputError
from factcheck.sources import SourceText

# A page whose bytes are mostly script and that yields little text is an app shell:
# its article arrives by JavaScript, which factcheck never runs.
_SCRIPT = re.compile(rb"<script\b.*?</script\s*>", re.S | re.I)
MIN_TEXT_CHARS = 200


def _decode(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _script_share(data: bytes) -> float:
    scripts = sum(len(m.group()) for m in _SCRIPT.finditer(data))
    return scripts / max(len(data), 1)


def _page_date(html: str) -> dt.date | None:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    value = getattr(meta, "date", None) if meta else None
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def load(data: bytes, display: str) -> SourceText:
    import trafilatura

    html = _decode(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    share = _script_share(data)
    if len(text.strip()) < MIN_TEXT_CHARS and share > 0.5:
        raise InputError(
            f"HTML page is mostly scripts ({share:.0%} of its bytes) and holds almost no article text; "
            "scripts are never run, so save the article as text or PDF instead",
            path=display,
        )
    if not text.strip():
        raise InputError("HTML page has no article text that could be extracted", path=display)
    return SourceText(path=display, text=text, date=_page_date(html), kind="html")
