"""Figures in news copy: amounts of money, percentages, counts and measurements.

The number grammar lives in `factcheck.numbers`, shared with the matcher that reads
sources; this module adds what is particular to a Markdown draft: numbers in link
targets, code, list markers and footnote marks are part of the markup, not claims.
"""

from __future__ import annotations

import re

from factcheck.model import Found, Kind

# Markdown that can hold digits but never a claim.
_MARKUP = re.compile(
    "|".join(
        (
            r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]{0,3}(?P=fence)[ \t]*$",  # fenced code
            r"`[^`\n]+`",  # inline code
            r"\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)",  # link and image targets
            r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$",  # reference link definitions
            r"<[A-Za-z/!][^>\n]*>",  # HTML tags and autolinks
            r"\[\^[^\]\n]+\]|\[\d+\]",  # footnote and citation marks
            r"^[ \t]{0,3}\d{1,9}[.)](?=[ \t])",  # ordered list markers
            r"\{#[^}\n]*\}",  # heading ids
        )
    ),
    re.M | re.S,
)


def find(doc) -> list[Found]:
    """Every figure in the draft's body, with absolute offsets into `doc.text`."""
    from factcheck.numbers import parse_figures

    text, start = doc.text, doc.body_start
    skip = [m.span() for m in _MARKUP.finditer(text, start)]
    return [
        Found(kind=Kind.FIGURE, start=f.start, end=f.end, value=f.value, unit=f.unit, qualifier=f.qualifier)
        for f in parse_figures(text, start, skip=skip)
    ]

