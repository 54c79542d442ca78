"""Rendering extracted claims as text, JSON (the public contract) or YAML."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.model import Claim, FileClaims, Kind
from factcheck.render.terminal import snippet
from factcheck.store import yamlio


def as_json(files: Iterable[FileClaims]) -> str:
    import json  # only this format needs it: ~1 ms of start-up for the others

    return json.dumps({"files": [f.to_dict() for f in files]}, ensure_ascii=False, indent=2) + "\n"


def as_yaml(files: Iterable[FileClaims]) -> str:
    return yamlio.dump({"files": [f.to_dict() for f in files]})


def _detail(c: Claim) -> str:
    if c.kind is Kind.QUOTE:
        return f"speaker: {c.speaker or '(not named)'}"
    if c.kind is Kind.FIGURE:
        parts = [f"value: {figure_text(c.value)}"]
        if c.unit:
            parts.append(f"unit: {c.unit}")
        if c.qualifier:
            parts.append(f"qualifier: {c.qualifier}")
        return ", ".join(parts)
    if c.kind is Kind.DATE:
        return f"value: {c.value}"
    return f"attributed to: {c.attributed_to or '?'}"


def figure_text(value) -> str:
    """6000000000 → 6,000,000,000: people read figures with separators, not exponents."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _short(text: str, width: int = 70) -> str:
    return snippet(text, width)  # cut at a word, never inside one


def as_text(files: Iterable[FileClaims]) -> str:
    lines = []
    for f in files:
        n = len(f.claims)
        lines.append(f"{f.path}  ({n} claim{'s' if n != 1 else ''}, dates read against {f.reference_date})")
        for c in f.claims:
            lines.append(f"  {c.line:>4}  {c.kind.value:<11} {c.id}  {_short(c.text)!s}")
            lines.append(f"        {'':<11} {'':<12}  {_detail(c)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS: dict[str, Callable[..., str]] = {"text": as_text, "json": as_json, "yaml": as_yaml}
