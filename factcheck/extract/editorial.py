"""Which extracted claims an editor is asked to sign off.

`extract` reports every date phrase, as the date-tagging benchmarks count them. An
editor, though, cannot check "a year earlier" or "the previous year" on its own: it
counts from another moment in the story, not from the day the story runs, and the
moment it counts from is a claim of its own. Such a phrase becomes a claim only when its
sentence states a year, so that the phrase has something to be read against.
"""

from __future__ import annotations

import re

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
    return [c for c in claims if not needs_no_sign_off(c.kind.value, c.text, c.sentence)]
