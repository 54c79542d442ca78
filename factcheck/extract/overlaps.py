"""Settling spans that two extractors both claim."""

from __future__ import annotations

from factcheck.model import Found, Kind


def settle(found: list[Found]) -> list[Found]:
    """A number that is part of a date ("November 23", "2010") is a date, not a figure."""
    dates = sorted((f.start, f.end) for f in found if f.kind is Kind.DATE)
    if not dates:
        return found
    out = []
    for f in found:
        if f.kind is Kind.FIGURE and any(s <= f.start and f.end <= e for s, e in dates):
            continue
        out.append(f)
    return out
