"""Which extracted claims an editor is asked to sign off.

`extract` reports every date phrase, as the date-tagging benchmarks count them. An
editor, though, cannot check "a year earlier" or "the previous year" on its own: it
counts from another moment in the story, not from the day the story runs, and the
moment it counts from is a claim of its own. Such a phrase becomes a claim only when its
sentence states a year, so that the phrase has something to be read against.

A lone year ("in 2014") is read twice, as a date and as a figure, and `extract` lists both
readings; the date carries the number as its `figure`. It is one fact, though, so an editor
signs it off once: the claims file keeps the date claim, with its `figure`, and not the
figure claim on the same words. So it is with the length of a period inside a date ("the
past 52 weeks", "22 years ago"): the date claim holds the count, and the figure claim
inside it is left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.extract.overlaps import TIME_UNITS, Spans
from factcheck.model import Claim, Kind

# Words that make a date count from another moment in the story ("the previous year",
# "a year earlier", "three days later", "the following week", "the same month").
_FROM_THE_STORY = re.compile(r"\b(?:previous|prior|preceding|following|earlier|later|before|same)\b", re.I)
# Anything that names a date outright keeps the phrase a claim: a digit, a month, a day...
_NAMES_A_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?!\w)"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    # ...and so does a word that counts from the day the story runs ("earlier this year")
    r"|\b(?:this|last|next|ago|now|today|yesterday|tomorrow|tonight|current)\b",
    re.I,
)
_STATED_YEAR = re.compile(r"(?<![\d.,])(?:1[0-9]|20|21)\d\d(?![\d.,]\d)")


def counts_from_the_story(kind: str, text: str) -> bool:
    """A date phrase with no date in it that counts from another moment of the story."""
    return kind == Kind.DATE.value and bool(_FROM_THE_STORY.search(text)) and not _NAMES_A_DATE.search(text)


def needs_no_sign_off(kind: str, text: str, sentence: str) -> bool:
    """Left out of the claims file: a story-relative phrase in a sentence that states no year."""
    return counts_from_the_story(kind, text) and not _STATED_YEAR.search(sentence)


def for_editors(claims: list[Claim]) -> list[Claim]:
    """The claims an editor signs off; the others stay visible through `extract`."""
    read_as_years = {(c.start, c.end) for c in claims if c.kind is Kind.DATE and c.figure is not None}
    periods = Spans(sorted((c.start, c.end) for c in claims if c.kind is Kind.DATE))
    return [
        c
        for c in claims
        if not needs_no_sign_off(c.kind.value, c.text, c.sentence)
        and not (c.kind is Kind.FIGURE and (c.start, c.end) in read_as_years)
        and not (c.kind is Kind.FIGURE and c.unit in TIME_UNITS and periods.covers(c.start, c.end))
    ]


def pair_year_readings(claims: list[Claim]) -> list[Claim]:
    """Give a date that is a lone year the number its figure claim on the same words reads."""
    years = {(c.start, c.end): k for k, c in enumerate(claims) if c.kind is Kind.DATE and _is_lone_year(c.value)}
    if not years:
        return claims
    out = list(claims)
    for c in claims:
        k = years.get((c.start, c.end))
        if k is not None and c.kind is Kind.FIGURE and not c.unit and isinstance(c.value, int):
            out[k] = dataclasses.replace(out[k], figure=c.value)
    return out


def _is_lone_year(value) -> bool:
    """An ISO date value that names only a year: "2014", "987"."""
    return isinstance(value, str) and 3 <= len(value) <= 4 and value.isdigit()


def is_year_reading(old: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> bool:
    """A figure claim of a claims file that is now the `figure` of a date claim on the same words."""
    if old.get("kind") != Kind.FIGURE.value:
        return False
    return any(
        c.get("kind") == Kind.DATE.value
        and c.get("figure") is not None
        and c.get("text") == old.get("text")
        and c.get("sentence") == old.get("sentence")
        for c in claims
    )
