"""The editor's report as one self-contained HTML page.

Safety rules, kept in this one module: every piece of text from a draft, a claims file
or a source goes through `esc` (or into the JSON block through `script_json`); no such
text ever reaches an attribute other than as escaped data, a URL, a style or a script.
A Content-Security-Policy that allows only this page's own script and style by hash
stands behind the escaping, and it also keeps the page from fetching anything.
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

from factcheck.model import KIND_FIELDS, ClaimRecord, EvidenceRecord, Kind, ReviewEntry
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
    State,
    reviews,
)
from factcheck.signoff.rules import Decision, status_of

KIND_LABELS = {"quote": "Quote", "figure": "Figure", "date": "Date", "attribution": "Attribution", "other": "Other"}
PRESETS = (("all", "All claims"), ("review", "Needs review"), ("problems", "Problems"))


def esc(value: Any) -> str:
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
    css, js = asset("report.css"), asset("report.js")
    title = report.title
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_policy(css, js))}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="factcheck">\n<title>{esc(title)}</title>\n',
        f"<style>{css}</style>\n</head>\n<body>\n",
        top_bar(report, title),
        '<div class="layout">\n<main class="drafts">\n',
        toc(report.drafts),
        *(draft_section(i, d) for i, d in enumerate(report.drafts, 1)),
        "</main>\n",
        panel(report),
        "</div>\n",
        f'<script type="application/json" id="factcheck-data">{script_json(page_data(report))}</script>\n',
        f"<script>{js}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


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


def top_bar(report: Report, title: str) -> str:
    total = len(report.claims)
    return (
        '<header class="top">\n'
        f"<h1>{esc(title)}</h1>\n"
        f'<p class="sub">{len(report.drafts)} draft{_s(len(report.drafts))}{changed_since(report)}, {total} claim{_s(total)} · '
        f"generated {esc(report.generated_at)} · {gate_line(report)}</p>\n"
        f'<div class="bar" role="toolbar" aria-label="Filters">{state_chips(report.counts)}'
        f'<span class="sep"></span>{preset_buttons()}<span class="sep"></span>{kind_chips(report)}</div>\n'
        "</header>\n"
    )


def changed_since(report: Report) -> str:
    return f' changed since <span class="mono">{esc(report.base)}</span>' if report.base else ""


def gate_line(report: Report) -> str:
    waiting = report.needs_review
    rejected = report.counts[State.REJECTED]
    if waiting or rejected:
        bits = [f"{waiting} claim{_s(waiting)} still need{'s' if waiting == 1 else ''} sign-off"] if waiting else []
        bits += [f"{rejected} rejected"] if rejected else []
        return f'<span class="gate open">{esc(", ".join(bits))}</span>'
    if not report.claims:
        return '<span class="gate">no claims</span>'
    return '<span class="gate clear">every claim is signed off</span>'


def state_chips(counts: dict[State, int]) -> str:
    chips = ['<span class="label">State</span>']
    for state, label in STATE_LABELS.items():
        n = counts[state]
        chips.append(
            f'<button type="button" class="chip s-{state.value}{" zero" if not n else ""}" '
            f'data-filter-state="{state.value}" aria-pressed="true" title="Show or hide {esc(label.lower())} claims">'
            f'<span class="swatch"></span>{esc(label)} <span class="n">{n}</span></button>'
        )
    return "".join(chips)


def preset_buttons() -> str:
    return '<span class="label">Show</span>' + "".join(
        f'<button type="button" class="chip preset" data-preset="{key}" aria-pressed="false">{esc(label)}</button>'
        for key, label in PRESETS
    )


def kind_chips(report: Report) -> str:
    present = {c.kind for c in report.claims}
    kinds = [k for k in (*KINDS, "other") if k in present or k != "other"]
    return '<span class="label">Kind</span>' + "".join(
        f'<button type="button" class="chip k-{k}" data-filter-kind="{k}" aria-pressed="true">'
        f'<span class="kindline"></span>{KIND_LABELS[k]}</button>'
        for k in kinds
    )


def toc(drafts: tuple[DraftView, ...]) -> str:
    if len(drafts) < 2:
        return ""
    items = "".join(
        f'<li><a href="#draft-{i}">{esc(d.title or d.path)}</a> {count_badges(d.counts)}</li>'
        for i, d in enumerate(drafts, 1)
    )
    return f'<nav class="toc" aria-label="Drafts"><strong>Drafts</strong><ol>{items}</ol></nav>\n'


def count_badges(counts: dict[State, int]) -> str:
    return " ".join(
        f'<span class="badge s-{s.value}">{esc(STATE_LABELS[s])} {n}</span>' for s, n in counts.items() if n
    )


def _s(n: int) -> str:
    return "" if n == 1 else "s"


# --- one draft ----------------------------------------------------------------------


def draft_section(i: int, d: DraftView) -> str:
    head = [f'<section class="draft" id="draft-{i}">\n<h2>{esc(d.title or d.path)}</h2>\n']
    head.append(f'<p class="path">{draft_meta(d)}</p>\n')
    if d.claims:
        head.append(f'<p class="counts">{count_badges(d.counts)}</p>\n')
    if d.problems:
        items = "".join(f"<li>{esc(p)}</li>" for p in d.problems)
        head.append(f'<ul class="problems{" failed" if d.failed else ""}">{items}</ul>\n')
    if not d.failed:
        head.append(f'<div class="text">{marked_text(d)}</div>\n')
    head.append(unplaced(d.claims))
    head.append("</section>\n")
    return "".join(head)


def draft_meta(d: DraftView) -> str:
    bits = [f'<span class="mono">{esc(d.path)}</span>']
    for key in ("date", "author"):
        if d.meta.get(key) not in (None, ""):
            bits.append(f"{key} {esc(d.meta[key])}")
    n = len(d.claims)
    bits.append(f"{n} claim{_s(n)}")
    return " · ".join(bits)


def unplaced(claims: Iterable[ClaimView]) -> str:
    lost = [c for c in claims if not c.placed]
    if not lost:
        return ""
    items = "".join(
        f'<li class="s-{c.state.value} k-{c.kind}"><button type="button" data-pick="{c.n}">'
        f'<span class="badge s-{c.state.value}">{esc(STATE_LABELS[c.state])}</span> {esc(_short(c.record.get("text")))}'
        "</button></li>"
        for c in lost
    )
    return f'<div class="block"><h4>Claims not found in the text</h4><ul class="claim-list">{items}</ul></div>\n'


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
    label = f"{KIND_LABELS[c.kind]}, {STATE_LABELS[c.state].lower()}"
    if first:
        return f'<mark class="{cls}" id="c{c.n}" data-n="{c.n}" tabindex="0" role="button" aria-label="{esc(label)}" title="{esc(label)}">'
    return f'<mark class="{cls}" data-n="{c.n}">'


def _short(text: Any, width: int = 90) -> str:
    return snippet(str(text or ""), width)  # cut at a word, never inside one


# --- the panel: the list of claims, and each claim's evidence -------------------------


def panel(report: Report) -> str:
    return (
        '<aside class="panel" id="panel" aria-label="Evidence">\n'
        f'<div class="list-view" id="list-view">{claim_list(report)}</div>\n'
        '<nav class="detail-nav" id="detail-nav" hidden><button type="button" data-act="list">← All claims</button>'
        '<button type="button" data-act="prev">↑ Previous</button><button type="button" data-act="next">Next ↓</button></nav>\n'
        + "".join(claim_detail(c, d) for d in report.drafts for c in d.claims)
        + "</aside>\n"
    )


def claim_list(report: Report) -> str:
    rows = [
        "<h2>Claims</h2>",
        '<p class="hint">Click a highlighted claim, or one below, to see its evidence. Keys: j / k next and previous, Esc back to this list.</p>',
    ]
    rows.append('<ol class="claim-list">')
    for d in report.drafts:
        if len(report.drafts) > 1 and d.claims:
            rows.append(f'<li class="group">{esc(d.title or d.path)}</li>')
        rows.extend(_list_item(c) for c in d.claims)
    rows.append("</ol>")
    rows.append('<p class="empty-filter" id="empty-filter" hidden>No claim matches these filters.</p>')
    if not report.claims:
        rows.append(
            '<p class="none">No claims yet. Run <code>factcheck scan</code> and <code>factcheck match</code>.</p>'
        )
    return "".join(rows)


def _list_item(c: ClaimView) -> str:
    line = c.record.get("line")
    return (
        f'<li class="s-{c.state.value} k-{c.kind}"><button type="button" data-pick="{c.n}">'
        f'<span class="ln">{"L" + esc(line) if line is not None else ""}</span>'
        f'<span class="badge s-{c.state.value}">{esc(STATE_LABELS[c.state])}</span>'
        f'<span class="what"><span class="kind">{KIND_LABELS[c.kind]}</span> {esc(_short(c.record.get("text"), 70))}</span>'
        "</button></li>"
    )


def claim_detail(c: ClaimView, d: DraftView) -> str:
    rec = c.record
    parts = [
        f'<section class="detail s-{c.state.value} k-{c.kind}" id="d{c.n}" hidden aria-label="Claim {c.n}">',
        f'<h3>#{c.n} <span class="badge s-{c.state.value}">{esc(STATE_LABELS[c.state])}</span>'
        f'<span class="kind"><span class="kindline k-{c.kind}"></span> {KIND_LABELS[c.kind]}</span></h3>',
        f'<p class="meta">{detail_meta(c, d)}</p>',
        '<div class="compare">',
        draft_side(c),
        source_side(c.evidence[0])
        if c.evidence
        else '<div class="side"><h4>The source says</h4><p class="none">No source passage found.</p></div>',
        "</div>",
        quote_diff_block(c) if c.kind == Kind.QUOTE and c.evidence else "",
        values_block(c) if c.kind in (Kind.FIGURE, Kind.DATE) and c.evidence else "",
        more_evidence(c.evidence[1:]),
        history_block(c),
        f'<p class="cmd block"><code>factcheck approve {esc(_arg(d.path))} {esc(_arg(rec.get("id")))}</code></p>',
        "</section>\n",
    ]
    return "".join(parts)


def _arg(value: Any) -> str:
    """A value as one shell word, so the command shown can be pasted as it is."""
    import shlex

    return shlex.quote(str(value or ""))


def detail_meta(c: ClaimView, d: DraftView) -> str:
    rec = c.record
    bits = [f'<span class="mono">{esc(d.path)}</span>']
    if rec.get("line") is not None:
        bits.append(f"line {esc(rec.get('line'))}")
    bits.append(f'id <span class="mono">{esc(rec.get("id"))}</span>')
    bits.append(f"verdict: {esc(rec.get('verdict') or 'not matched')}")
    bits.append(f"status: {esc(status_of(rec).value if c.follows is None else c.state.value)}")
    if c.follows is not None:  # a headline claim signed off with the body claim it repeats
        bits.append(f'follows #{c.follows[0]} <span class="mono">{esc(c.follows[1])}</span>, which it repeats')
    if c.repeated_by:
        where = ", ".join(f'#{n} <span class="mono">{esc(cid)}</span>' for n, cid in c.repeated_by)
        bits.append(f"repeated in the headline as {where}")
    return " · ".join(bits)


def draft_side(c: ClaimView) -> str:
    rec = c.record
    return (
        '<div class="side"><h4>The draft says</h4>'
        f"<blockquote>{sentence_with_claim(rec)}</blockquote>"
        f"{claim_fields(rec, c.kind)}</div>"
    )


def sentence_with_claim(rec: ClaimRecord) -> str:
    text = str(rec.get("text") or "")
    sentence = rec.get("sentence")
    if not isinstance(sentence, str):
        sentence = ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return f'<b class="claim">{esc(text)}</b>' + (f"<br><small>{esc(sentence)}</small>" if sentence else "")
    return esc(sentence[:at]) + f'<b class="claim">{esc(text)}</b>' + esc(sentence[at + len(text) :])


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


def claim_fields(rec: ClaimRecord, kind: str) -> str:
    rows = [(label, rec.get(key)) for key, label in _FIELDS.get(kind, ()) if rec.get(key) not in (None, "")]
    if kind == Kind.QUOTE and not rec.get("speaker"):
        rows.append(("Speaker", "not named"))
    if not rows:
        return ""
    return '<dl class="fields">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(_plain(v))}</dd>" for k, v in rows) + "</dl>"


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.10g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def source_side(ev: EvidenceView, heading: str = "The source says") -> str:
    rec = ev.record
    verdict = rec.get("verdict")
    reason = rec.get("reason")
    score = rec.get("score")
    tail = ""
    if reason or verdict or score is not None:
        tail = (
            '<p class="reason">'
            + (f"<strong>{esc(verdict)}</strong>" if verdict else "")
            + (f" — {esc(reason)}" if reason else "")
            + (f' <span class="score">(score {esc(_score(score))})</span>' if score is not None else "")
            + "</p>"
        )
    return (
        f'<div class="side"><h4>{esc(heading)}</h4>'
        f'<p class="where">{source_where(rec)}</p>'
        f"<blockquote>{marked_passage(ev)}</blockquote>{tail}</div>"
    )


def _score(score: Any) -> str:
    return f"{score:.0f}" if isinstance(score, (int, float)) else str(score)


def source_where(rec: EvidenceRecord) -> str:
    bits = [f'<span class="mono">{esc(rec.get("source") or "unknown source")}</span>']
    if rec.get("sealed_as"):  # a confidential or embargoed passage: the local report only
        bits.insert(0, f'<strong class="sealed">{esc(str(rec["sealed_as"]).capitalize())}: do not publish</strong>')
    if rec.get("page") is not None:
        bits.append(f"page {esc(rec['page'])}")
    if rec.get("timestamp"):
        bits.append(f"at {esc(rec['timestamp'])}")
    if rec.get("speaker"):
        bits.append(f"speaker {esc(rec['speaker'])}")
    if isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int):
        bits.append(f"chars {rec['start']}–{rec['end']}")
    return " · ".join(bits)


def marked_passage(ev: EvidenceView) -> str:
    """The passage with matching words marked; neighbours with the same mark share one span."""
    if not ev.words:
        if ev.record.get("source") == "a confidential source":
            return '<span class="none">(not shown: the passage stays on the reporter\'s machine)</span>'
        return '<span class="none">(no text recorded)</span>'
    out: list[str] = []
    run: list[str] = []
    hit, gap = 0, ""
    for w in ev.words:
        if not w.hit and not w.text.strip():
            gap += w.text
            continue
        if w.hit == hit and run:
            run.append(gap + w.text)
        else:
            out.append(_run(run, hit) + esc(gap))
            run, hit = [w.text], w.hit
        gap = ""
    out.append(_run(run, hit) + esc(gap))
    return "".join(out)


def _run(words: list[str], hit: int) -> str:
    text = esc("".join(words))
    return f'<span class="w{hit}">{text}</span>' if hit and text else text


def diff_html(parts: tuple[DiffPart, ...]) -> str:
    tags = {"same": "{}", "del": "<del>{}</del>", "ins": "<ins>{}</ins>"}
    return " ".join(tags[p.op].format(esc(p.text)) for p in parts)


def quote_diff_block(c: ClaimView) -> str:
    parts = c.evidence[0].diff
    if not parts:
        return ""
    if all(p.op == "same" for p in parts):
        body = '<p class="none">The draft quotes the source word for word.</p>'
    else:
        body = (
            f'<p class="diff">{diff_html(parts)}</p>'
            '<p class="legend"><del>struck</del>: in the source, not in the draft · '
            "<ins>underlined</ins>: in the draft, not in the source</p>"
        )
    return f'<div class="block"><h4>Quote, word by word</h4>{body}</div>'


def values_block(c: ClaimView) -> str:
    rec = c.record
    ev = c.evidence[0]
    mine = _plain(rec.get("value")) + (f" {rec['unit']}" if rec.get("unit") else "")
    if rec.get("qualifier"):
        mine = f"{rec['qualifier']} {mine}"
    rows = [f"<tr><th>Draft</th><td>{esc(rec.get('text'))}</td><td>{esc(mine)}</td><td></td></tr>"]
    for v in ev.values:
        verdict = '<span class="same">same</span>' if v.same else '<span class="differs">differs</span>'
        shown = _plain(v.value) + (f" {v.unit}" if v.unit else "")
        rows.append(f"<tr><th>Source</th><td>{esc(v.text)}</td><td>{esc(shown)}</td><td>{verdict}</td></tr>")
    if not ev.values:
        rows.append(
            '<tr><th>Source</th><td colspan="3" class="none">no value read from the passage; see the marked words above</td></tr>'
        )
    head = "<tr><th></th><th>As written</th><th>Value</th><th></th></tr>"
    label = "Figures compared" if c.kind == Kind.FIGURE else "Dates compared"
    return f'<div class="block"><h4>{label}</h4><table class="values">{head}{"".join(rows)}</table></div>'


def more_evidence(rest: tuple[EvidenceView, ...]) -> str:
    if not rest:
        return ""
    sides = "".join(source_side(ev, f"Other passage {i}") for i, ev in enumerate(rest, 2))
    return f'<details class="more block"><summary>{len(rest)} more passage{_s(len(rest))}</summary>{sides}</details>'


def history_block(c: ClaimView) -> str:
    found = reviews(c.record)
    changed = ""
    if c.since_signoff:
        changed = (
            f'<p class="diff">{diff_html(c.since_signoff)}</p>'
            '<p class="legend">Changed since the last sign-off: <del>struck</del> as signed off, <ins>underlined</ins> now.</p>'
        )
    if not found:
        return f'<div class="block"><h4>Review history</h4>{changed}<p class="none">Not reviewed yet.</p></div>'
    items = "".join(_history_item(r) for r in found)
    return f'<div class="block"><h4>Review history</h4>{changed}<ol class="history">{items}</ol></div>'


def _history_item(r: ReviewEntry) -> str:
    decision = str(r.get("decision") or "")
    who = esc(r.get("name") or r.get("by") or "someone")
    if r.get("by") and r.get("name"):
        who += f' <span class="mono">&lt;{esc(r["by"])}&gt;</span>'
    note = f'<div class="note">{esc(r["note"])}</div>' if r.get("note") else ""
    state = f" s-{decision}" if decision in (Decision.APPROVED, Decision.REJECTED) else ""
    return (
        f'<li><span class="badge{state}">{esc(decision or "?")}</span> by {who}'
        f' <span class="when">{esc(r.get("at") or "")}</span>{note}</li>'
    )
