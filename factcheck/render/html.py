"""The editor's report as one self-contained HTML page.

Safety rules, kept in this one module and its template: the page is written by a
Jinja2 template (`templates/report.html`) with autoescaping on, so every piece of text
from a draft, a claims file or a source is escaped unless it is marked as HTML built
here: the draft's Markdown body with its claim marks (rendered with raw HTML escaped),
the page's JSON block (`script_json`) and the page's own style and script; or in the
report's model (`render/report_model.py`): a passage's marked words and a word diff,
every run of them escaped. The template lays out that model. No such text
ever reaches an attribute other than as escaped data. A Content-Security-Policy that
allows only this page's own script and style by hash stands behind the escaping, and it
also keeps the page from fetching anything. Jinja2 is imported only when a page is
rendered.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from factcheck.model import KINDS
from factcheck.render import templating
from factcheck.render.report_model import (
    KIND_LABELS,
    NEEDS_REVIEW,
    PROBLEMS,
    STATE_LABELS,
    ClaimView,
    DraftView,
    Report,
    State,
    short,
)
from factcheck.report import collector_paused

PRESETS = (("all", "All claims"), ("review", "Needs review"), ("problems", "Problems"))


def esc(value: Any) -> str:
    """Text escaped for HTML, for the marks this module writes around the Markdown body."""
    return html.escape("" if value is None else str(value), quote=True)


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early nor open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@cache
def asset(name: str) -> str:
    from importlib.resources import files

    return files("factcheck.render").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_policy(css: str, js: str) -> str:
    """Nothing may load, connect or run except this page's own style and script."""
    return (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- the page -----------------------------------------------------------------------


def render(report: Report) -> str:
    with collector_paused():  # see report.collector_paused: every escaped value is a tracked object
        return _render(report)


def _render(report: Report) -> str:
    from markupsafe import Markup

    css, js = asset("report.css"), asset("report.js")
    page = _template().render(
        report=report,
        policy=content_policy(css, js),
        css=Markup(css),  # the page's own files, hashed into the policy above
        js=Markup(js),
        page_data=Markup(script_json(page_data(report))),
    )
    return page


def draft_section(i: int, d: DraftView) -> str:
    """One draft's section of the page, as the template writes it."""
    return str(_parts().draft_section(i, d))


def _template():
    return _environment().get_template("report.html")


def _parts() -> Any:
    """The page's macros (templates/report_parts.html), each callable on its own."""
    return _environment().get_template("report_parts.html").module


@lru_cache(maxsize=1)
def _environment():
    """The pages' environment, with the report's own helpers added once per process."""
    from markupsafe import Markup

    env = templating.environment()
    env.globals.update(
        STATE_LABELS=STATE_LABELS,
        KIND_LABELS=KIND_LABELS,
        PRESETS=PRESETS,
        State=State,
        plural=_s,
        short=short,
        kinds_shown=kinds_shown,
        marked_text=lambda d: Markup(marked_text(d)),  # Markdown rendered with raw HTML escaped, then marked
    )
    return env


def page_data(report: Report) -> dict[str, Any]:
    """What the page's script needs: claim order, state and kind. No text from drafts."""
    return {
        "generated": report.generated_at,
        "states": [s.value for s in STATE_LABELS],
        "kinds": [*KINDS, "other"],
        "presets": {
            "all": [s.value for s in STATE_LABELS],
            "review": [s.value for s in STATE_LABELS if s in NEEDS_REVIEW],
            "problems": [s.value for s in STATE_LABELS if s in PROBLEMS],
        },
        "counts": {s.value: n for s, n in report.counts.items()},
        "claims": [{"n": c.n, "state": c.state.value, "kind": c.kind, "placed": c.placed} for c in report.claims],
    }


def kinds_shown(report: Report) -> list[str]:
    """Every kind's filter, and "other" only when a claim has a kind this version does not know."""
    present = {c.kind for c in report.claims}
    return [k for k in (*KINDS, "other") if k in present or k != "other"]


def _s(n: int) -> str:
    return "" if n == 1 else "s"


# --- one draft: its text with every placed claim marked --------------------------------


def marked_text(d: DraftView) -> str:
    """The draft body rendered from Markdown, with every placed claim wrapped in a <mark>.

    Claims are placed in the Markdown source, so each claim's start and end are marked
    there with a private-use character naming it, the source is rendered, and the marks
    become <mark> elements. A mark never contains an element boundary: it is closed
    before every tag and opened again after it, so the page stays well nested however
    a claim crosses emphasis or a link. Claims may also nest (a figure inside a quote)
    or, rarely, overlap: an overlapping claim is cut into fragments the same way.
    """
    text, base = d.text, d.body_start
    placed = [c for c in d.claims if c.placed]
    source: list[str] = []
    last = base
    for pos, closing, _, claim in _span_events(placed):
        source.append(text[last:pos])
        last = pos
        source.append(chr((_CLOSE if closing else _OPEN) + claim.n))
    source.append(text[last:])
    rendered = markdown_html(_after_block_marks("".join(source)))
    return _marks_from_sentinels(rendered, {c.n: c for c in placed})


# Private-use code points (planes 15 and 16) that stand for a claim's start and end while
# the Markdown is rendered: they are neither space nor punctuation, so emphasis, links and
# paragraphs parse as if they were not there.
_OPEN, _CLOSE = 0xF0000, 0x100000
_SENTINEL = re.compile("[\U000f0000-\U0010fffd]")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_LINE_START_MARKS = re.compile(
    "(?m)^([\U000f0000-\U0010fffd]+)([ \t]{0,3}(?:#{1,6}(?=[ \t])|[-*+>](?=[ \t])|\\d{1,9}[.)](?=[ \t])))"
)


def _after_block_marks(source: str) -> str:
    """Move claim starts that fall before a line's block syntax (`# `, `- `, `1. `) to after it.

    A sentinel at the very start of a line would otherwise turn a heading or list item
    into a paragraph.
    """
    return _LINE_START_MARKS.sub(lambda m: m.group(2) + m.group(1), source)


def _marks_from_sentinels(rendered: str, claims: dict[int, ClaimView]) -> str:
    """Rendered HTML with its claim sentinels turned into <mark> elements.

    `active` is the claims the reader is inside, outermost first; `shown` the marks
    actually open in the output. They are brought together only before text is written,
    and every mark is closed before a tag, so a mark holds text alone and never an
    empty fragment or the space between paragraphs.
    """
    out: list[str] = []
    active: list[ClaimView] = []
    shown: list[ClaimView] = []
    opened: set[int] = set()

    def sync() -> None:
        keep = 0
        while keep < min(len(active), len(shown)) and active[keep] is shown[keep]:
            keep += 1
        out.append("</mark>" * (len(shown) - keep))
        del shown[keep:]
        for c in active[keep:]:
            out.append(_open(c, first=c.n not in opened))
            opened.add(c.n)
            shown.append(c)

    def apply(code: int) -> None:
        claim = claims.get(code - (_CLOSE if code >= _CLOSE else _OPEN))
        if claim is None:
            return
        if code >= _CLOSE:
            if claim in active:
                active.remove(claim)
        elif claim not in active:
            active.append(claim)

    for piece in _TAG_OR_TEXT.split(rendered):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append("</mark>" * len(shown))
            shown.clear()
            out.append(_SENTINEL.sub("", piece))
            for ch in _SENTINEL.findall(piece):  # a claim's edge inside a tag (a link's address) counts after it
                apply(ord(ch))
            continue
        start = 0
        for m in _SENTINEL.finditer(piece):
            if m.start() > start:
                sync()
                out.append(piece[start : m.start()])
            apply(ord(m.group()))
            start = m.end()
        if start < len(piece):
            if piece[start:].strip():
                sync()
            out.append(piece[start:])
    out.append("</mark>" * len(shown))
    return "".join(out)


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _web_link
    md.add_render_rule("image", _image_as_text)
    md.add_render_rule("link_open", _inert_link_open)
    return md


def markdown_html(source: str) -> str:
    """A draft's Markdown as HTML: raw HTML escaped, images as their alt text, links only to http(s)."""
    return _markdown().render(source)


def _web_link(url: str) -> bool:
    """Only http(s) addresses become links; anything else (javascript:, data:, file:, relative) stays text."""
    return url.strip().lower().startswith(("http://", "https://"))


def _image_as_text(self, tokens, idx, options, env) -> str:
    # The page loads nothing: an image in a draft is shown as its description.
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="img-alt">[image: {esc(alt)}]</span>'


def _inert_link_open(self, tokens, idx, options, env) -> str:
    # A link from a draft opens in a new tab and tells the site nothing about the page.
    token = tokens[idx]
    token.attrSet("rel", "noopener noreferrer nofollow")
    token.attrSet("target", "_blank")
    return self.renderToken(tokens, idx, options, env)


def _span_events(claims: Iterable[ClaimView]) -> list[tuple[int, bool, tuple[int, int], ClaimView]]:
    # At one position closings go first, innermost first; longer claims open first so
    # shorter ones nest inside them. The tie-break keys make equal spans nest, not overlap.
    events: list[tuple[int, bool, tuple[int, int], ClaimView]] = []
    for c in claims:
        if c.start is None or c.end is None:
            continue  # a claim whose words are not in the draft has no span to mark
        events.append((c.start, False, (-c.end, c.n), c))
        events.append((c.end, True, (-c.start, -c.n), c))
    events.sort(key=lambda e: (e[0], not e[1], e[2]))
    return events


def _open(c: ClaimView, *, first: bool) -> str:
    cls = f"c k-{c.kind} s-{c.state.value}" + (" first" if first else "")
    if first:
        label = _mark_label(c.kind, c.state)
        return f'<mark class="{cls}" id="c{c.n}" data-n="{c.n}" tabindex="0" role="button" aria-label="{label}" title="{label}">'
    return f'<mark class="{cls}" data-n="{c.n}">'


@cache
def _mark_label(kind: str, state: State) -> str:
    """A mark's label, escaped: one of a few kinds and states, so each is made once."""
    return esc(f"{KIND_LABELS[kind]}, {STATE_LABELS[state].lower()}")
