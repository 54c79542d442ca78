"""The corrections log as text for people, JSON for scripts, and one HTML page to publish.

The page is for readers: it names the editor who approved each correction by name, never
by email, and escapes every piece of draft text.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from factcheck.policy.corrections import LogEntry
from factcheck.render import templating


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
    return templating.environment().get_template("corrections.html").render(title=title, entries=entries)


FORMATS: dict[str, Callable[..., str]] = {"text": as_text, "json": as_json, "html": as_html}
