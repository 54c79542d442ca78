"""HTML sources: the article's main text, without menus, ads, footers or scripts.

trafilatura reads the page as data (lxml); no script or style in it ever runs. Its
plain-text output ends every block with a single line break, the same break a <br>
gives, so a headline, a dateline and the first paragraph would read as one sentence.
The article is therefore taken as trafilatura's element tree and written out here
block by block (headings, paragraphs, list items, table rows, block quotes), with a
blank line between blocks: the sentence splitter never runs a sentence across one.

Besides the text, the page says whose it is: its <title> ("… | Port Authority"), site
name, author and address are kept as the source's provenance, so an attribution to the
page's publisher can be checked even when the article never names it.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re

from factcheck.config import Limits
from factcheck.errors import InputError
from factcheck.sources import MB, OverBudget, SourceText

# A page whose bytes are mostly script and that yields little text is an app shell:
# its article arrives by JavaScript, which factcheck never runs.
_SCRIPT = re.compile(rb"<script\b.*?</script\s*>", re.S | re.I)
MIN_TEXT_CHARS = 200

# trafilatura's element names for blocks; everything else (hi, ref, del …) is inline.
_BLOCKS = frozenset({"head", "p", "item", "row", "quote", "code", "list", "table", "div", "cell", "graphic"})
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.S | re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


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


def _field(document, name: str):
    """A field of trafilatura's result: an object in 2.x, a dict in 1.x."""
    if isinstance(document, dict):
        return document.get(name)
    return getattr(document, name, None)


def _page_date(document) -> dt.date | None:
    value = _field(document, "date")
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- the article, block by block ------------------------------------------------------


def article_text(body) -> str:
    """The article's blocks, one blank line between each."""
    blocks: list[str] = []
    _emit(body, blocks)
    return "\n\n".join(b for b in blocks if b)


def _emit(element, blocks: list[str]) -> None:
    if element.tag == "row":
        cells = [_inline(c) for c in element if c.tag == "cell"]
        blocks.append(" | ".join(c for c in cells if c))
    elif any(child.tag in _BLOCKS for child in element.iterdescendants()):
        blocks.append(_clean(element.text or ""))
        for child in element:
            _emit(child, blocks)
            blocks.append(_clean(child.tail or ""))
    else:
        blocks.append(_inline(element))


def _inline(element) -> str:
    """A block's words; a line break inside it stays a single line break."""
    parts: list[str] = []
    _collect(element, parts)
    return _clean("".join(parts))


def _collect(element, parts: list[str]) -> None:
    parts.append(element.text or "")
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            _collect(child, parts)
        parts.append(child.tail or "")


def _clean(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --- whose page it is ------------------------------------------------------------------


def provenance(page: str, document) -> dict:
    """The page's own title (with the site name sites append to it), site, author and address."""
    m = _TITLE.search(page)
    found = {
        "title": _clean(html_lib.unescape(m.group(1))) if m else None,
        "site": _field(document, "sitename"),
        "author": _field(document, "author"),
        "url": _field(document, "url") or _field(document, "hostname"),
    }
    return {k: v for k, v in found.items() if v}


def load(data: bytes, display: str, limits=None) -> SourceText:
    limits = limits or Limits()
    if len(data) > limits.html_mb * MB:
        # Parsed, a page takes tens of times its size; a 40 MB page took 1.5 GB and 44 s.
        raise OverBudget(
            f"HTML page is {len(data) / MB:.0f} MB, over the {limits.html_mb} MB budget "
            "(`limits: html_mb` in .factcheck.yaml); save the article as text instead",
            path=display,
        )
    import trafilatura

    page = _decode(data)
    document = trafilatura.bare_extraction(
        page, include_comments=False, include_tables=True, favor_recall=True, with_metadata=True
    )
    body = _field(document, "body") if document is not None else None
    text = article_text(body) if body is not None else ""
    share = _script_share(data)
    if len(text.strip()) < MIN_TEXT_CHARS and share > 0.5:
        raise InputError(
            f"HTML page is mostly scripts ({share:.0%} of its bytes) and holds almost no article text; "
            "scripts are never run, so save the article as text or PDF instead",
            path=display,
        )
    if not text.strip():
        raise InputError("HTML page has no article text that could be extracted", path=display)
    meta = provenance(page, document) if document is not None else {}
    return SourceText(path=display, text=text, date=_page_date(document), kind="html", meta=meta)
