"""The editor's report as one self-contained HTML page.

Safety rules, kept in this one module and its template: the page is written by a
Jinja2 template (`templates/report.html`) with autoescaping on, so every piece of text
from a draft, a claims file or a source is escaped unless it is marked as HTML built
here: the draft's Markdown body with its claim marks (rendered with raw HTML escaped),
the page's JSON block (`script_json`) and the page's own style and script. No such text
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
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from factcheck.model import KIND_FIELDS, ClaimRecord, EvidenceRecord, Kind, ReviewEntry
from factcheck.policy.sensitivity import CONFIDENTIAL_SOURCE
from factcheck.render.terminal import snippet
from factcheck.report import (
    KINDS,
    NEEDS_REVIEW,
    PROBLEMS,
    STATE_LABELS,
    ClaimView,
    DiffPart,
    DraftView,
    EvidenceView,
    Report,
    Run,
    State,
    collector_paused,
    reviews,
)
from factcheck.signoff.rules import Decision, Status

KIND_LABELS = {"quote": "Quote", "figure": "Figure", "date": "Date", "attribution": "Attribution", "other": "Other"}
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
        shown=drafts_shown(report.drafts),
    )
    return page


def draft_section(i: int, d: DraftView) -> str:
    """One draft's section of the page, as the template writes it."""
    return str(_parts().draft_section(i, d, claims_shown(d.claims, d.path)))


def _template():
    return _environment().get_template("report.html")


def _parts() -> Any:
    """The page's macros (templates/report_parts.html), each callable on its own."""
    return _environment().get_template("report_parts.html").module


@lru_cache(maxsize=1)
def _environment():
    """The templates' environment, made once per process, with autoescaping on."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        STATE_LABELS=STATE_LABELS,
        KIND_LABELS=KIND_LABELS,
        PRESETS=PRESETS,
        State=State,
        plural=_s,
        short=_short,
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


def _short(text: Any, width: int = 90) -> str:
    return snippet(str(text or ""), width)  # cut at a word, never inside one


def _arg(value: Any) -> str:
    """A value as one shell word, so the command shown can be pasted as it is."""
    return shlex.quote(str(value or ""))


# --- a claim's evidence: the values the template lays out ------------------------------
#
# Each claim's text values are read off its record here, once, so that the template only
# lays them out (and escapes them): a call from a template costs many times an attribute.
# The template asks for them claim by claim as it writes the claim, and drops them once it
# is written: made all up front, they would be tens of objects per claim alive at once,
# which the garbage collector walks again and again on a page of thousands of claims.


@dataclass(slots=True)
class SentenceParts:
    """The claim's sentence cut around the claim's words; `found` False when they are not in it."""

    found: bool
    text: str
    sentence: str
    before: str = ""
    after: str = ""


@dataclass(slots=True)
class PassageShown:
    """One source passage as the page shows it."""

    heading: str
    sealed: str  # "Confidential", "Embargoed until …", or "" for a passage in the clear
    source: str
    place: str  # page, time, speaker, characters: whatever the source says, each after a " · "
    marked: Any  # the passage's words as HTML (see marked_words); empty when its text is not recorded
    confidential: bool  # the passage stays on the reporter's machine
    verdict: str
    reason: str
    score: str | None
    diff: tuple[DiffPart, ...]
    values: tuple[tuple[str, str, bool], ...]  # (as written, value, same as the draft's)
    first: bool  # shown beside the draft; the others are folded away after the comparison
    last: bool

    @property
    def quote_changed(self) -> bool:
        """The draft's quote differs from the passage somewhere."""
        return any(p.op != "same" for p in self.diff)

    @property
    def diff_marked(self) -> Any:
        return diff_html(self.diff)


@dataclass(slots=True)
class DecisionShown:
    decision: str
    signed: bool  # approved or rejected: coloured like the state it gives
    who: str
    email: str  # shown beside the name when both are known
    at: str
    note: str


@dataclass(slots=True)
class ClaimShown:
    """One claim as the page shows it, in the list of claims and in its detail: every
    text the template writes, read off the claim's view once for both."""

    n: int
    path: str  # the draft's
    placed: bool  # its words were found in the draft text
    classes: str  # the state's and kind's classes, which the page's filters and colours go by
    state: str
    state_label: str
    kind: str
    kind_label: str
    line: str
    brief: str  # its words, cut to fit the list
    id: str
    verdict: str
    status: str
    sentence: SentenceParts
    fields: tuple[tuple[str, str], ...]
    passages: tuple[PassageShown, ...]
    more_passages: int  # the passages after the first
    draft_value: str
    since_signoff: tuple[DiffPart, ...]
    history: tuple[DecisionShown, ...]
    command: str
    follows: tuple[int, str] | None = None  # a headline claim: the body claim it repeats, signed off for both
    repeated_by: tuple[tuple[int, str], ...] = ()  # a body claim: the headline claims that repeat it

    @property
    def since_signoff_marked(self) -> Any:
        return diff_html(self.since_signoff)


def drafts_shown(drafts: Iterable[DraftView]) -> list[tuple[DraftView, tuple[ClaimShown, ...]]]:
    """Each draft with its claims as the page shows them, made once for the list and the details."""
    return [(d, claims_shown(d.claims, d.path)) for d in drafts]


def claims_shown(claims: Iterable[ClaimView], path: str) -> tuple[ClaimShown, ...]:
    return tuple(claim_shown(c, path) for c in claims)


def claim_shown(c: ClaimView, path: str) -> ClaimShown:
    rec = c.record
    line = rec.get("line")
    text = rec.get("text")
    last = len(c.evidence)
    return ClaimShown(
        n=c.n,
        path=path,
        placed=c.placed,
        classes=f"s-{c.state.value} k-{c.kind}",
        state=c.state.value,
        state_label=STATE_LABELS[c.state],
        kind=c.kind,
        kind_label=KIND_LABELS[c.kind],
        line="" if line is None else str(line),
        brief=_short(text, 70),
        id=str(rec.get("id")),
        verdict=str(rec.get("verdict") or "not matched"),
        status=_status(c),
        sentence=sentence_parts(rec),
        fields=tuple((label, _plain(value)) for label, value in field_rows(rec, c.kind)),
        passages=tuple(passage_shown(ev, i, last) for i, ev in enumerate(c.evidence, 1)),
        more_passages=max(0, last - 1),
        draft_value=draft_value(rec),
        since_signoff=c.since_signoff,
        history=tuple(decision_shown(r) for r in reviews(rec)),
        command=f"factcheck approve {_arg(path)} {_arg(rec.get('id'))}",
        follows=c.follows,
        repeated_by=c.repeated_by,
    )


# A claim's state is its sign-off's when it has one; else it waits for one.
_SIGNED_STATES = frozenset(s.value for s in Status if s is not Status.PENDING)


def _status(c: ClaimView) -> str:
    """The claim's review status as `factcheck status` names it, read off its state (a
    headline claim that follows a body claim shows the state it takes from it)."""
    state = c.state.value
    if c.follows is not None or state in _SIGNED_STATES:
        return state
    return Status.PENDING.value


def passage_shown(ev: EvidenceView, i: int, last: int) -> PassageShown:
    """The claim's `i`th passage of `last`."""
    rec = ev.record
    source, sealed, score = rec.get("source"), rec.get("sealed_as"), rec.get("score")
    return PassageShown(
        heading="The source says" if i == 1 else f"Other passage {i}",
        sealed=str(sealed).capitalize() if sealed else "",
        source=str(source or "unknown source"),
        place=_place(rec),
        marked=marked_words(ev.runs),
        confidential=source == CONFIDENTIAL_SOURCE,
        verdict=str(rec.get("verdict") or ""),
        reason=str(rec.get("reason") or ""),
        score=None if score is None else _score(score),
        diff=ev.diff,
        values=tuple([(v.text, _plain(v.value) + (f" {v.unit}" if v.unit else ""), v.same) for v in ev.values]),
        first=i == 1,
        last=i == last,
    )


def _place(rec: EvidenceRecord) -> str:
    """Where in its source the passage is, as far as the source says, each part after a " · "."""
    place = ""
    if (page := rec.get("page")) is not None:
        place += f" · page {page}"
    if timestamp := rec.get("timestamp"):
        place += f" · at {timestamp}"
    if speaker := rec.get("speaker"):
        place += f" · speaker {speaker}"
    start, end = rec.get("start"), rec.get("end")
    if isinstance(start, int) and isinstance(end, int):
        place += f" · chars {start}–{end}"
    return place


def decision_shown(r: ReviewEntry) -> DecisionShown:
    decision = str(r.get("decision") or "")
    name, by = r.get("name"), r.get("by")
    return DecisionShown(
        decision=decision,
        signed=decision in (Decision.APPROVED, Decision.REJECTED),
        who=str(name or by or "someone"),
        email=str(by) if by and name else "",
        at=str(r.get("at") or ""),
        note=str(r.get("note") or ""),
    )


def sentence_parts(rec: ClaimRecord) -> SentenceParts:
    text = str(rec.get("text") or "")
    sentence = rec.get("sentence")
    if not isinstance(sentence, str):
        sentence = ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return SentenceParts(False, text, sentence)
    return SentenceParts(True, text, sentence, sentence[:at], sentence[at + len(text) :])


# How a claim's own fields are labelled; a date's value is its date.
FIELD_LABELS = {
    "speaker": "Speaker",
    "value": "Value",
    "unit": "Unit",
    "qualifier": "Qualifier",
    "attributed_to": "Attributed to",
    "figure": "Also a figure",  # a lone year's number (a date that is also a figure)
}
_FIELDS = {
    kind.value: tuple((f, "Date" if kind is Kind.DATE and f == "value" else FIELD_LABELS[f]) for f in fields)
    for kind, fields in KIND_FIELDS.items()
}


def field_rows(rec: ClaimRecord, kind: str) -> list[tuple[str, Any]]:
    """(label, value) for each of the kind's fields the claim has; a quote says when nobody is named."""
    rows = [(label, value) for key, label in _FIELDS.get(kind, ()) if (value := rec.get(key)) not in (None, "")]
    if kind == Kind.QUOTE and not rec.get("speaker"):
        rows.append(("Speaker", "not named"))
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.10g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def draft_value(rec: ClaimRecord) -> str:
    """The draft's figure or date as read: qualifier, value and unit."""
    mine = _plain(rec.get("value")) + (f" {rec.get('unit')}" if rec.get("unit") else "")
    return f"{rec.get('qualifier')} {mine}" if rec.get("qualifier") else mine


def _score(score: Any) -> str:
    return f"{score:.0f}" if isinstance(score, (int, float)) else str(score)


# --- fragments built here: many small runs of text, each escaped ------------------------
#
# A passage's marked words and a word diff are dozens of short runs per claim; laid out
# by the template, each run would cost a loop step and an escape call, which on a page
# of thousands of claims is most of its render time. They are built here instead, every
# run escaped by the template's own escape function, and handed to it as HTML.


@cache
def _markupsafe() -> Any:
    """markupsafe, imported when a page is first written; an import statement in the
    functions below would cost more than their work, which runs for every passage."""
    import markupsafe

    return markupsafe


def marked_words(runs: Iterable[Run]) -> Any:
    """A passage's runs (see report.mark_words) as HTML: the claim's words in `w2`, its sentence's in `w1`."""
    ms = _markupsafe()
    escape = ms.escape
    out = []
    for r in runs:
        text = escape(r.text)
        out.append(f'<span class="w{r.hit}">{text}</span>' if r.hit else text)
    return ms.Markup("".join(out))


_DIFF_TAGS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}


def diff_html(parts: Iterable[DiffPart]) -> Any:
    """A word diff as HTML: words only before in <del>, only after in <ins>, runs joined by a space."""
    ms = _markupsafe()
    out = []
    for p in parts:
        tags = _DIFF_TAGS.get(p.op)
        escaped = ms.escape(p.text)
        out.append(f"{tags[0]}{escaped}{tags[1]}" if tags else escaped)
    return ms.Markup(" ".join(out))
