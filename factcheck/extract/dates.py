"""Dates in news copy, each with an ISO 8601 value at the granularity the text gives.

"November 23, 2010" is 2010-11-23, "November 2010" is 2010-11, "2010" is 2010, and
"next month" in a story dated 2010-12-11 is 2011-01. Relative dates are read
against the story's reference date and the tense around them. Values that are
not a plain calendar date follow TimeML, the annotation standard for news:

    2010-11-03/2010-11-05, 1998/1999    ranges, as ISO 8601 intervals
    2010-W49, 2010-W49-WE               a week ("last week"), a weekend
    2010-Q3, 2010-H1                    a quarter, a half year
    2010-SU (SP, SU, FA, WI)            a season
    199, 19                             a decade ("the 1990s"), a century
    P3M                                 a stretch of time ("the past three months")
    T06:30                              a time of day ("6:30 a.m.", "at 06:30"), see clock_times.py
    PRESENT_REF, PAST_REF, FUTURE_REF   "now", "recently", "the future"
    None                                a date that cannot be placed ("that year", "Feb. 30")

A fast search (dates_grammar.py) finds the candidates; the readers below turn each
shape into a value or reject it ("May" the verb, "the Sunday Times").
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator
from typing import Final

from factcheck.extract import calendar_math as cal
from factcheck.extract import dates_grammar as grammar
from factcheck.extract.clock_times import find_times
from factcheck.extract.dates_tense import direction_at
from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers.years import counts_noun
from factcheck.model import Found, Kind


class _Answer(enum.Enum):
    REJECT = "reject"


REJECT: Final = _Answer.REJECT  # a reader's answer when the words only look like a date


class Spot:
    """One candidate: the match, the text around it, and the story's reference date."""

    def __init__(self, doc, low: str, m: re.Match, anchor: tuple[int, str] | None = None):
        self.doc, self.low, self.m = doc, low, m
        self.anchor = anchor  # the last date that named its year: (where it ended, its value)
        self.text: str = doc.text
        self.ref: dt.date = doc.reference_date
        self._direction: int | None = None

    def group(self, name: str) -> str | None:
        """A part of the date as the draft writes it (the match itself ran on lower-case text)."""
        start, end = self.m.span(name)
        return self.text[start:end] if start >= 0 else None

    def part(self, *names: str) -> str:
        """The first of `names` the draft writes, for a part this reader's pattern always
        matches: its absence would be a fault in the grammar, not in the draft."""
        value = None
        for name in names:
            value = self.group(name)
            if value:
                return value
        if value is None:
            raise LookupError(f"date grammar matched none of {names}")
        return value

    def low_group(self, name: str) -> str:
        """A part of the date lower-cased, apostrophes straightened: for looking names up."""
        return self.m.group(name) or ""

    @property
    def words(self) -> str:
        return self.text[self.m.start() : self.m.end()]

    def direction(self, default: int = cal.EITHER) -> int:
        """Which way the sentence points (PAST or FUTURE), or `default` when it does not say."""
        if self._direction is None:
            start, end = self.m.span()
            self._direction = direction_at(self.low, self.doc.sentences.at(start), start, end)
        return self._direction if self._direction != cal.EITHER else default

    def anchored(self) -> str | None:
        """The value of the date the story last named, when it is close enough to be meant.

        "On May 22, 2009 ... the following year" counts from 2009, not from today.
        """
        if self.anchor and self.m.start() - self.anchor[0] <= _ANCHOR_REACH:
            return self.anchor[1]
        return None

    def at_sentence_start(self) -> bool:
        s, _ = self.doc.sentences.at(self.m.start())
        while s < self.m.start() and self.text[s] in _OPENERS:
            s += 1
        return s == self.m.start()

    def word_before(self) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, self.m.start() - 24), self.m.start())
        return m.group(1) if m else ""

    def word_after(self) -> str:
        m = _WORD_AFTER.match(self.text, self.m.end())
        return m.group(1) if m else ""


_ANCHOR_REACH = 400  # characters: about a paragraph of news copy
_OPENERS = "\"'\u201c\u2018([*_#> \t"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")


def find(doc) -> list[Found]:
    """Every date in the draft's body, with absolute offsets into `doc.text`."""
    found: list[Found] = []
    anchor: tuple[int, str] | None = None
    low = grammar.lower(doc.text)
    for m in candidates(doc.text, doc.body_start, low):
        spot = Spot(doc, low, m, anchor)
        value = _READERS[m.lastgroup or ""](spot)
        if value is REJECT:
            continue
        found.append(Found(Kind.DATE, m.start(), m.end(), value=value))
        if value and _names_its_year(m):
            anchor = (m.end(), value)
    return _with_clock_times(doc, found)


def _with_clock_times(doc, found: list[Found]) -> list[Found]:
    """Times of day ("6:30 a.m.") are dates at a finer grain; a date already read on the
    same words keeps them."""
    import bisect

    starts = [f.start for f in found]  # dates come out leftmost first and never overlap
    times = []
    for s, e, v in find_times(doc.text, doc.body_start):
        i = bisect.bisect_left(starts, e) - 1  # the last date starting before the time ends
        if i < 0 or found[i].end <= s:
            times.append(Found(Kind.DATE, s, e, value=v))
    return sorted(found + times, key=lambda f: f.start) if times else found


def candidates(text: str, start: int = 0, low: str | None = None) -> Iterator[re.Match]:
    """Every date-shaped span from `start` on, leftmost first, as matches on the lower-cased text.

    Each is what a scan trying `grammar.CANDIDATES` at every word would find; only
    the words between a trigger and the date words before it are tried. `low` is
    the text lower-cased by `grammar.lower`, when the caller has it already.
    """
    if low is None:
        low = grammar.lower(text)
    backwards, size = low[::-1], len(low)
    pattern, back_chain, starts = grammar.pattern_for(low), grammar.back_chain_for(low), grammar.starts_for(low)
    cursor = start
    for trigger in grammar.triggers_for(low).finditer(low, start):
        if trigger.start() < cursor:
            continue
        # The chain of date words read backwards from the trigger; none means it starts there.
        chain = back_chain.match(backwards, size - trigger.start())
        run_start = size - chain.end() if chain else trigger.start()
        pos = max(cursor, run_start)
        while (word := starts.search(low, pos, trigger.end())) is not None:
            m = pattern.match(low, word.start())
            if m and grammar.month_cased(text, m):
                cursor = pos = m.end()
                yield m
            else:
                pos = word.start() + 1


def _names_its_year(m: re.Match) -> bool:
    """True when the words give the year themselves ("May 2009", "in 2009"), not the calendar."""
    shape = m.lastgroup
    if shape in ("iso", "numeric", "year", "spelled"):
        return True
    return bool(shape == "explicit" and m.group("x_yr") or shape == "month" and m.group("mo_y"))


# --- the readers, one per shape in dates_grammar.PATTERN ---------------------------------


def _month_number(name: str) -> int:
    return grammar.MONTH_NUMBERS[name[:3].lower()]


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    words = text.lower().replace("-", " ").split()
    tens = {"twenty": 20, "thirty": 30}.get(words[0], 0)
    last = words[-1]
    return tens + (grammar.ORDINAL_WORDS.index(last) + 1 if last in grammar.ORDINAL_WORDS else 0)


def read_explicit(spot: Spot):
    mon = _month_number(spot.part("x_mon", "x_mon2"))
    dom = _day_number(spot.part("x_day", "x_dom"))
    if not 1 <= dom <= 31:
        return REJECT
    if spot.group("x_yr"):
        first = cal.safe_date(int(spot.part("x_yr")), mon, dom)
    elif spot.group("x_ry"):
        first = cal.safe_date(spot.ref.year + _STEP.get(spot.part("x_ry").lower(), 0), mon, dom)
    else:
        first = _place_month_day(spot, mon, dom)
    if first is None:
        return None
    if spot.group("x_day2"):
        last = cal.safe_date(first.year, mon, _day_number(spot.part("x_day2")))
        return f"{first.isoformat()}/{last.isoformat()}" if last and last > first else first.isoformat()
    return first.isoformat()


def _place_month_day(spot: Spot, mon: int, dom: int) -> dt.date | None:
    """The year of "Nov. 23": the weekday decides when it is given, else the tense."""
    named = spot.group("x_wd")
    if named:
        weekday = grammar.WEEKDAY_NUMBERS[named[:3].lower()]
        fits = [d for k in (0, -1, 1) if (d := cal.safe_date(spot.ref.year + k, mon, dom)) and d.weekday() == weekday]
        if fits:
            return fits[0]
    return cal.month_day_near(spot.ref, mon, dom, _calendar_direction(spot))


# Words that set a deadline or a start: "payable Dec. 15", "by March", "effective June 1".
_DEADLINE_CUES = frozenset("by until till effective payable through starting beginning expire expires".split())


def _calendar_direction(spot: Spot) -> int:
    """The tense for a month or day named without its year; a deadline word points ahead."""
    if spot.word_before().lower() in _DEADLINE_CUES:
        return cal.FUTURE
    return spot.direction()


def read_iso(spot: Spot):
    d = cal.safe_date(int(spot.part("i_y")), int(spot.part("i_m")), int(spot.part("i_d")))
    return d.isoformat() if d else None


def read_numeric(spot: Spot):
    year = int(spot.part("n_y"))
    if year < 100:
        year = _century_near(spot.ref.year, year)
    d = cal.safe_date(year, int(spot.part("n_m")), int(spot.part("n_d")))
    return d.isoformat() if d else None


def _century_near(ref_year: int, two_digits: int) -> int:
    """ "'98" is the year ending in 98 closest to the story's year."""
    base = ref_year - ref_year % 100 + two_digits
    return min((base - 100, base, base + 100), key=lambda y: abs(y - ref_year))


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_YEAR_WORDS = re.compile(r"\b(last|next|this|the)\s+year\b(?![-\s](?:ago|earlier))")


def read_quarter(spot: Spot):
    text = spot.m.group()
    if spot.group("q_short"):
        num, unit = int(spot.part("q_short")[1]), "Q"
    elif spot.group("q_ord"):
        num, unit = _ORDINALS[spot.part("q_ord").lower()], "H" if spot.part("q_unit").lower() == "half" else "Q"
        if unit == "H" and num > 2:
            return None
    elif _is_a_share(spot):
        return REJECT
    else:
        return _bare_quarter(spot, text)
    year = _named_year(spot, text)
    if year is None:
        placed = cal.quarter_near(spot.ref, num if unit == "Q" else 2 * num, spot.direction(cal.PAST))
        year = int(placed[:4]) - _year_ago(text)
    return f"{year:04d}-{unit}{num}"


def _is_a_share(spot: Spot) -> bool:
    """ "a quarter", "quarter" alone: a fraction or a coin; "the quarter", "the latest quarter": a period."""
    det = (spot.group("q_det") or "").lower()
    return not spot.group("q_adj") and det in ("", "a")


def _named_year(spot: Spot, text: str) -> int | None:
    """The year a quarter names: "of 2010", "2010's", "last year's"."""
    m = _YEAR_IN.search(text)
    if m:
        return int(m.group())
    m = _YEAR_WORDS.search(text)
    return spot.ref.year + {"last": -1, "next": 1}.get(m.group(1), 0) if m else None


def _year_ago(text: str) -> int:
    return 1 if ("year-ago" in text or "year-earlier" in text or "year earlier" in text or "year ago" in text) else 0


def _bare_quarter(spot: Spot, text: str) -> str:
    """ "the quarter", "the latest quarter": in results copy, the one just reported."""
    here = cal.quarter_of(spot.ref)
    if re.search(r"\b(?:this|current)\b", text):
        step = 0
    elif re.search(r"\bnext\b", text):
        step = 1
    else:
        step = -1
    index = spot.ref.year * 4 + here - 1 + step - 4 * _year_ago(text)
    named = _named_year(spot, text)
    year = named if named is not None else index // 4
    return f"{year:04d}-Q{index % 4 + 1}"


_UNIT_LETTER = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "century": "Y", "quarter": "M"}
_UNIT_SCALE = {"decade": 10, "century": 100, "quarter": 3}


def _count(word: str) -> int | None:
    """The number in "three years ago"; None for vague counts ("several", "a few")."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word in ("a couple of", "a few", "several", "some", "many"):
        return None
    return grammar.NUMBER_WORDS.get(word)


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def read_ago(spot: Spot):
    if spot.group("a_adj"):
        return f"{spot.ref.year - 1:04d}"
    count = _count(spot.part("a_n"))
    direction = spot.part("a_dir").lower()
    back = direction in ("ago", "earlier", "previously")
    forward = direction.startswith("from") or direction == "hence"
    if count is None:
        return "PAST_REF" if back else "FUTURE_REF" if forward else None
    unit = _unit(spot.part("a_unit"))
    if unit == "quarter":
        index = spot.ref.year * 4 + cal.quarter_of(spot.ref) - 1 + (count if forward else -count)
        return f"{index // 4:04d}-Q{index % 4 + 1}" if back or forward else None
    if back:
        return cal.units_back(spot.ref, unit, count)
    return cal.units_back(spot.ref, unit, -count) if forward else None


_BACKWARD = ("past", "last", "previous", "recent")


def read_stretch(spot: Spot):
    if spot.group("s_future"):
        return "FUTURE_REF"
    way = spot.part("s_dir").lower()
    count = _count(spot.part("s_n")) if spot.group("s_n") else None
    if count is None or way == "recent":
        return "PAST_REF" if way in _BACKWARD else "FUTURE_REF" if way in ("next", "coming", "following") else None
    unit = _unit(spot.part("s_unit"))
    return f"P{count * _UNIT_SCALE.get(unit, 1)}{_UNIT_LETTER[unit]}"


_STEP = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "this past": -1,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1, "this coming": 1,
}  # fmt: skip


_ANAPHORIC = frozenset(("following", "previous", "prior", "preceding", "same", ""))


def read_relative(spot: Spot):
    if spot.group("r_yearend"):
        return f"{spot.ref.year:04d}"
    if _is_programme(spot):
        return REJECT
    unit = spot.part("r_unit").lower()
    adj = " ".join((spot.group("r_adj") or "").lower().split())
    step = _STEP.get(adj, 0)
    said_that = not adj and spot.m.group().startswith("that")
    if adj in _ANAPHORIC and unit in ("year", "month") and (said_that or adj):
        # "that year", "the following month": counted from the date the story last named
        anchored = _from_anchor(spot.anchored(), unit, step)
        if anchored or said_that:
            return anchored
    if adj == "this past" and unit in ("year", "decade", "century"):
        step = 0
    return _unit_value(spot, unit, step)


def _from_anchor(anchor: str | None, unit: str, step: int) -> str | None:
    if not anchor or not anchor[:4].isdigit():
        return None
    if unit == "year":
        return f"{int(anchor[:4]) + step:04d}"
    if len(anchor) >= 7 and anchor[5:7].isdigit():
        return cal.month(*cal.shift_months(int(anchor[:4]), int(anchor[5:7]), step))
    return None


def _is_programme(spot: Spot) -> bool:
    """ "ABC's This Week", "VOA Today": capitalized mid-sentence, the words name a programme."""
    return all(w[:1].isupper() for w in spot.words.split()) and not spot.at_sentence_start()


def _unit_value(spot: Spot, unit: str, step: int) -> str:
    ref = spot.ref
    if unit == "year":
        return f"{ref.year + step:04d}"
    if unit == "month":
        return cal.shift_month_text(ref, step)
    if unit == "week":
        return cal.week(ref + dt.timedelta(weeks=step))
    if unit == "weekend":
        return _weekend(spot, step)
    if unit == "decade":
        return f"{ref.year // 10 + step:03d}"
    return f"{ref.year // 100 + step:02d}"


def _weekend(spot: Spot, step: int) -> str:
    direction = cal.PAST if step < 0 else cal.FUTURE if step > 0 else spot.direction(cal.PAST)
    saturday = cal.weekday_near(spot.ref, 5, direction)
    if step < 0 and saturday == spot.ref:
        saturday -= dt.timedelta(weeks=1)
    return cal.week(saturday) + "-WE"


# Words after which a capitalized "May" or "March" is the month, not the verb or the walk.
_MONTH_CUES = frozenset(
    """
    in since until till by from through of before after during between and or to on early late
    last this next mid until end beginning start middle
    """.split()
)


def read_month(spot: Spot):
    name = spot.part("mo_m")
    mon = _month_number(name)
    year = spot.group("mo_y")
    if year:
        return cal.month(_year_number(year), mon)
    if spot.group("mo_ry"):
        return cal.month(spot.ref.year + _STEP.get(spot.part("mo_ry").lower(), 0), mon)
    rel = " ".join((spot.group("mo_rel") or "").lower().split())
    if not rel and not spot.group("mo_edge") and not _is_month_alone(spot, name):
        return REJECT
    if rel in ("last", "this past"):
        return cal.month(*cal.month_last_next(spot.ref, mon, -1))
    if rel in ("next", "this coming"):
        return cal.month(*cal.month_last_next(spot.ref, mon, 1))
    if rel == "this":
        return cal.month(spot.ref.year, mon)
    if rel == "that":
        return None
    return cal.month(*cal.month_near(spot.ref, mon, _calendar_direction(spot)))


def _is_month_alone(spot: Spot, name: str) -> bool:
    """A bare month name: "in March" is the month, "March organizers" and "May rise" are not."""
    before = spot.word_before().lower()
    if before in _MONTH_CUES:
        return True
    if name.lower() in ("may", "march"):
        return False
    after = spot.word_after()
    return not (after[:1].isupper() and after.lower() not in _MONTH_FOLLOWERS)


_MONTH_FOLLOWERS = frozenset("the a an he she it they we i".split())


def _year_number(text: str) -> int:
    return int(text) if text.isdigit() else _spelled_year(text)


_MEDIA = frozenset(
    """
    times telegraph express mirror post herald mail tribune independent observer star sport
    people business review magazine edition journal night sun news today world record
    """.split()
)


def read_weekday(spot: Spot):
    if _is_name_part(spot):
        return REJECT
    weekday = grammar.WEEKDAY_NUMBERS[spot.part("w_day")[:3].lower()]
    mod = " ".join((spot.group("w_mod") or "").lower().split())
    ref = spot.ref
    if mod in ("last", "this past", "the previous"):
        back = (ref.weekday() - weekday) % 7 or 7
        return cal.day(ref - dt.timedelta(days=back))
    if mod in ("next", "this coming", "the following"):
        ahead = (weekday - ref.weekday()) % 7 or 7
        return cal.day(ref + dt.timedelta(days=ahead))
    if mod == "that":
        return None
    return cal.day(cal.weekday_near(ref, weekday, spot.direction(cal.PAST)))


def _is_name_part(spot: Spot) -> bool:
    """ "the Sunday Times", "Saturday Night Live": a weekday that is part of a name."""
    after = spot.word_after()
    if not after[:1].isupper() or after[:3].lower() in grammar.MONTH_NUMBERS:
        return False
    return after.lower() in _MEDIA or spot.word_before().lower() == "the"


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def read_deictic(spot: Spot):
    if _is_programme(spot):
        return REJECT
    far = spot.group("d_far")
    if far:
        offset = -2 if far.lower().startswith("before") else 2
    elif spot.group("d_part"):
        offset = -1 if spot.part("d_part").lower() == "last" else 0  # "last night", "this morning"
    else:
        offset = _DEICTIC[spot.part("d_w").lower()]
    return cal.day(spot.ref + dt.timedelta(days=offset))


def read_holiday(spot: Spot):
    name = " ".join(spot.low_group("h_name").split())
    rel = (spot.group("h_rel") or "").lower()
    if spot.group("h_y"):
        day = cal.holiday(name, int(spot.part("h_y")))
    elif rel in ("last", "next"):
        day = cal.holiday_near(spot.ref, name, cal.PAST if rel == "last" else cal.FUTURE, strict=True)
    elif rel == "this":
        day = cal.holiday(name, spot.ref.year)
    else:
        day = cal.holiday_near(spot.ref, name, spot.direction())
    return day.isoformat()


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_CUES = frozenset("in into during by since until till through throughout over for of".split())


def read_season(spot: Spot):
    season = spot.part("se_s").lower()
    rel = " ".join((spot.group("se_rel") or "").lower().split())
    year = spot.group("se_y")
    if not year and not _is_season(spot, season, rel):
        return REJECT
    if year:
        number = _year_number(year)
    else:
        number = spot.ref.year + {"last": -1, "next": 1, "this coming": 1}.get(rel, 0)
    return f"{number:04d}-{_SEASONS[season]}"


def _is_season(spot: Spot, season: str, rel: str) -> bool:
    """ "last fall" is a season; "the fall of the regime" and "a spring in his step" are not."""
    if rel and (rel not in ("the", "that") or season not in ("fall", "spring")):
        return True
    if spot.group("se_edge"):
        return season not in ("fall", "spring") or spot.word_after().lower() != "of"
    if spot.word_before().lower() not in _SEASON_CUES:
        return False
    return spot.word_after().lower() != "of"


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}


def read_decade(spot: Spot):
    if spot.group("de_y"):
        return spot.part("de_y")[:3]
    if spot.group("de_s"):
        return f"{_century_near(spot.ref.year, int(spot.part('de_s'))) // 10:03d}"
    if spot.group("de_w"):
        return f"19{W.DECADE_WORDS[spot.part('de_w').lower()] // 10}"
    name = spot.part("ce_n").lower()
    number = int(name[:2]) if name[:2].isdigit() else _CENTURY_WORDS[" ".join(name.split())]
    return f"{number - 1:02d}"


def read_year(spot: Spot):
    bare = not (spot.group("y_edge") or spot.group("y_pre") or spot.group("y_y2"))
    if bare and (_follows_a_name(spot) or _STREET.match(spot.text, spot.m.end())):
        return REJECT  # "Windows 2000", "Flight 1549", "1600 Pennsylvania Avenue"
    if bare and not spot.group("y_tail") and counts_noun(spot.text, *spot.m.span("y_y")):
        return REJECT  # "1870 confirmed cases", "won by 2019 votes": a count, the figure reader's
    first = int(spot.part("y_y"))
    second = spot.group("y_y2")
    if second:
        last = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if last > first:
            return f"{first:04d}/{last:04d}"
    return f"{first:04d}"


_STREET = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Way|Place|"
    r"Court|Highway|Parkway|Square)"
)
# Capitalized words that commonly come before a year without naming anything.
_YEAR_LEADS = frozenset("in since by from until through before after during of and or to the for".split())


def _follows_a_name(spot: Spot) -> bool:
    """A number right after a capitalized word mid-sentence is part of a name, not a year."""
    m = _NAME_BEFORE.search(spot.text, max(0, spot.m.start() - 30), spot.m.start())
    if not m or m.group(1).lower() in _YEAR_LEADS or m.group(1).lower() in grammar.MONTH_WORDS:
        return False
    sentence_start, _ = spot.doc.sentences.at(spot.m.start())
    return m.start(1) > sentence_start


_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*) $")


def _spelled_year(text: str) -> int:
    """ "nineteen ninety-six" → 1996, "two thousand and one" → 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("the", "year", "and", "hundred")]
    if words[:2] == ["two", "thousand"]:
        century, rest = 2000, words[2:]
    else:
        century, rest = W.CARDINALS[words[0]] * 100, words[1:]
    value = 0
    for w in rest:
        value += W.TENS.get(w) or W.CARDINALS.get(w, 0)
    return century + value


def read_spelled(spot: Spot):
    return f"{_spelled_year(spot.part('sp_y')):04d}"


def read_reference(spot: Spot):
    if _is_programme(spot):
        return REJECT
    return "PRESENT_REF" if spot.group("ref_now") else "PAST_REF"


_READERS: dict[str, Callable[[Spot], str | _Answer | None]] = {
    "explicit": read_explicit,
    "iso": read_iso,
    "numeric": read_numeric,
    "quarter": read_quarter,
    "ago": read_ago,
    "stretch": read_stretch,
    "holiday": read_holiday,
    "rel": read_relative,
    "month": read_month,
    "weekday": read_weekday,
    "deictic": read_deictic,
    "season": read_season,
    "decade": read_decade,
    "year": read_year,
    "spelled": read_spelled,
    "ref": read_reference,
}
