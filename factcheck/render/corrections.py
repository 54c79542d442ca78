"""The corrections log as text for people, JSON for scripts, and one HTML page to publish.

The page is for readers: it names the editor who approved each correction by name, never
by email, and escapes every piece of draft text.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from factcheck.policy.corrections import LogEntry
from factcheck.render.safe import html_text as h


def as_text(entries: list[LogEntry], newsroom: str | None = None) -> str:
    if not entries:
        return "no corrections\n"
    lines = []
    for e in entries:
        lines.append(f"{e.at}  {e.draft}" + (f"  ({e.title})" if e.title else ""))
        lines.append(f"  was: {e.was}")
        lines.append(f"  now: {e.now if e.now is not None else '(taken out)'}")
        lines.append(f"  {e.note}")
        lines.append(f"  approved by {e.name}")
    n = len(entries)
    lines.append(f"{n} correction{'s' if n != 1 else ''}")
    return "\n".join(lines) + "\n"


def as_json(entries: list[LogEntry], newsroom: str | None = None) -> str:
    return json.dumps({"corrections": [e.to_dict() for e in entries]}, ensure_ascii=False, indent=2) + "\n"


def as_html(entries: list[LogEntry], newsroom: str | None = None) -> str:
    title = f"Corrections: {newsroom}" if newsroom else "Corrections"
    items = []
    for e in entries:
        story = h(e.title or e.draft)
        if e.url:
            story = f'<a href="{h(e.url)}">{story}</a>'
        right = f"<ins>{h(e.now)}</ins>" if e.now is not None else "<em>taken out</em>"
        items.append(
            "<li>"
            f'<p class="story">{story} <time datetime="{h(e.at)}">{h(e.at[:10])}</time></p>'
            f'<p class="note">{h(e.note)}</p>'
            f'<p class="change">Was: <del>{h(e.was or "")}</del> Now: {right}</p>'
            f'<p class="by">Approved by {h(e.name)}</p>'
            "</li>"
        )
    body = f"<ol>{''.join(items)}</ol>" if items else "<p>No corrections.</p>"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{h(title)}</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
        "li{margin-bottom:1.5em}.story{font-weight:600;margin:0}.by{color:#555;margin:0}del{color:#a00}ins{color:#070}</style>"
        f"</head><body><h1>{h(title)}</h1>{body}</body></html>\n"
    )


FORMATS: dict[str, Callable[..., str]] = {"text": as_text, "json": as_json, "html": as_html}
