"""Ages against years of birth: "Ana Borg, 45," or "aged 45" in a draft, "born 12 May 1978"
in a source.

An age is a figure the source rarely writes: it gives a year of birth instead, and the age
follows from the day it is stated on, the year the draft's sentence names ("was 45 when she
set up the line in 2010") or else the draft's own date. With only years known, a person born
in 1978 is 47 or 48 during 2026; with both days known the age is exact. Never is an age
weighed against the year's digits themselves: 45 is not "less than 1978".
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates_grammar import MONTH_NUMBERS
from factcheck.match.evidence import Verdict
from factcheck.match.intervals import Interval, figure_interval
from factcheck.model import ClaimRecord, Kind

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
# "born 12 May 1978", "born May 12, 1978", "born in 1978", "(born 1978)", "b. 1978"
_BORN = re.compile(
    r"\b(?:born|b\.)\s+(?:(?:on|in)\s+)?(?:(?P<d1>\d{1,2})\s+(?P<m1>" + _MONTH + r")\s+|(?P<m2>" + _MONTH + r")"
    r"\s+(?P<d2>\d{1,2}),?\s+|(?P<m3>" + _MONTH + r")\s+)?" + _YEAR + r"\b",
    re.I,
)
_AGE_UNIT = re.compile(r"^\s*(?:years?[\s-]old|year-old|yrs?\.? old)\b", re.I)
_AGE_IN_TEXT = re.compile(r"\d\s*(?:years?[\s-]old|year-old)\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged?|\bat the age of|\bage of)\s*$", re.I)
_APPOSITION = re.compile(r"[A-Z][\w'.-]+,\s*$")
_SAID_YEAR = re.compile(r"\b(?:in|of|during)\s+((?:1[6-9]|20)\d\d)\b")


def is_age(claim: ClaimRecord) -> bool:
    """A draft figure that gives someone's age: "45 years old", "aged 45", "Ana Borg, 45,"."""
    if claim.get("kind") != Kind.FIGURE:
        return False
    try:
        value = float(claim.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if not 0 < value < 130 or value != int(value):
        return False
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return False
    unit = str(claim.get("unit") or "")
    after = sentence[at + len(text) :]
    if _AGE_UNIT.match(unit) or _AGE_UNIT.match(after) or _AGE_IN_TEXT.search(text):
        return True
    number_at = at + next((i for i, ch in enumerate(text) if ch.isdigit()), 0)
    before = sentence[:number_at]
    if _AGE_BEFORE.search(before):
        return True
    # "Ana Borg, 45, runs the line": a bare number between commas after a name
    return not unit and bool(_APPOSITION.search(before)) and after.lstrip().startswith(",")


def stated_on(claim: ClaimRecord, reference_date: dt.date) -> tuple[dt.date | None, int]:
    """The day (if known) and year the age is stated for: a year the draft's sentence names
    after the age ("when she set up the line in 2010"), or else the draft's own date."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    m = _SAID_YEAR.search(sentence, max(at, 0))
    if m:
        return None, int(m.group(1))
    return reference_date, reference_date.year


def birth(sentence: str) -> tuple[dt.date | None, int, str] | None:
    """(the day if written, the year, the words) of a year of birth in a source sentence."""
    m = _BORN.search(sentence)
    if not m:
        return None
    year = int(m.group("year"))
    month = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    born = None
    if month and day:
        try:
            born = dt.date(year, MONTH_NUMBERS[month[:3].lower()], int(day))
        except ValueError:
            born = None
    return born, year, m.group(0)


def age_interval(born: dt.date | None, born_year: int, on: dt.date | None, year: int) -> Interval:
    """The ages a person born then can have on that day (or during that year)."""
    if born is not None and on is not None:
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        return Interval(age, age)
    return Interval(year - born_year - 1, year - born_year)


def compare(claim: ClaimRecord, sentence: str, reference_date: dt.date) -> tuple[Verdict, str] | None:
    """The verdict on the draft's age from a source sentence's year of birth; None when the
    sentence gives none."""
    found = birth(sentence)
    if found is None:
        return None
    born, born_year, words = found
    on, year = stated_on(claim, reference_date)
    theirs = age_interval(born, born_year, on, year)
    text = claim.get("text") or ""
    mine = figure_interval(float(claim["value"]), text, claim.get("qualifier"))
    ages = f"{int(theirs.lo)}" if theirs.point else f"{int(theirs.lo)} or {int(theirs.hi)}"
    given = f"the source gives {words!r}: {ages} in {year}"
    if theirs.inside(mine):
        return Verdict.SUPPORTED, f"{given}; {text!r} holds"
    if not theirs.meets(mine):
        return Verdict.CONTRADICTED, f"the claim says {text!r}; {given}"
    return Verdict.NOT_FOUND, f"{given}, which does not settle {text!r}"
