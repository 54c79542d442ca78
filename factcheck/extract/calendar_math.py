"""Calendar arithmetic for reading dates against a story's reference date.

Every function here is pure and returns ISO 8601 text at the granularity asked
for ("2010", "2010-11", "2010-11-23", "2010-W49", "2010-Q4"), because a date
claim is only as precise as the words that made it.
"""

from __future__ import annotations

import datetime as dt

# Direction a relative expression points in: the story's past, its future, or
# unknown (then the nearest candidate on either side wins, ties going to the past).
PAST, FUTURE, EITHER = -1, 1, 0


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def week(d: dt.date) -> str:
    year, num, _ = d.isocalendar()
    return f"{year:04d}-W{num:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, mon: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (mon - 1) + delta
    return index // 12, index % 12 + 1


def shift_month_text(ref: dt.date, delta: int) -> str:
    return month(*shift_months(ref.year, ref.month, delta))


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    """The date, or None when the text names one that does not exist (Feb. 30)."""
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The named weekday nearest the reference date in the story's direction.

    Wire copy dated Friday says "Friday" for the same day, so the reference day
    itself counts on either side.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == FUTURE:
        return ref + dt.timedelta(days=ahead)
    if direction == EITHER and ahead < back:
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)


# How much farther a date may lie on the side the tense argues against and still win.
# Tense cues in news copy are noisy ("declared a dividend payable Dec. 15"), so a
# nearby date beats a far one unless the verb is clear and the two are close.
AGAINST_TENSE = 3


def _closest(ref_index: int, before: int | None, after: int | None, direction: int) -> int | None:
    """Of a candidate before and one after (as day or month counts), the one that fits best."""
    if before is None or after is None:
        return before if after is None else after
    return _closer(ref_index, before, after, direction)


def _closer(ref_index: int, before: int, after: int, direction: int) -> int:
    """Of a candidate before and one after, both there, the one that fits best."""
    cost_before = (ref_index - before) * (AGAINST_TENSE if direction == FUTURE else 1)
    cost_after = (after - ref_index) * (AGAINST_TENSE if direction == PAST else 1)
    if cost_before == cost_after:
        return after if direction == FUTURE else before  # a tie goes the way the verb points
    return before if cost_before < cost_after else after


def month_day_near(ref: dt.date, mon: int, dom: int, direction: int) -> dt.date | None:
    """A month and day without a year ("Nov. 23"), placed in the year that fits the story."""
    candidates = [d for d in (safe_date(ref.year + k, mon, dom) for k in (-1, 0, 1)) if d]
    before = [d.toordinal() for d in candidates if d <= ref]
    after = [d.toordinal() for d in candidates if d >= ref]
    pick = _closest(ref.toordinal(), before[-1] if before else None, after[0] if after else None, direction)
    return dt.date.fromordinal(pick) if pick is not None else None


def month_near(ref: dt.date, mon: int, direction: int) -> tuple[int, int]:
    """A month named without a year ("in October"), placed like `month_day_near`."""
    here = ref.year * 12 + ref.month - 1
    past = here - ((ref.month - mon) % 12)
    future = here + ((mon - ref.month) % 12)
    pick = _closer(here, past, future, direction)
    return pick // 12, pick % 12 + 1


def month_last_next(ref: dt.date, mon: int, step: int) -> tuple[int, int]:
    """ "last April" is the latest April at least two months back ("last March" said in
    April means a year ago; a month back would be "last month"); "next April" likewise ahead."""
    here = ref.year * 12 + ref.month - 1
    if step < 0:
        back = (ref.month - mon) % 12
        pick = here - (back if back >= 2 else back + 12)
    else:
        ahead = (mon - ref.month) % 12
        pick = here + (ahead if ahead >= 2 else ahead + 12)
    return pick // 12, pick % 12 + 1


# Holidays news copy names instead of dates: a fixed (month, day), or a rule per year.
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14),
}  # fmt: skip


def _nth_weekday(year: int, mon: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, mon, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(name: str, year: int) -> dt.date:
    """The holiday's date in `year`: US Thanksgiving and Election Day follow their rules."""
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # the fourth Thursday of November
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)  # the Tuesday after the first Monday


def holiday_near(ref: dt.date, name: str, direction: int, strict: bool = False) -> dt.date:
    """The holiday nearest the reference date in the story's direction; `strict` skips today's."""
    days = [holiday(name, ref.year + k) for k in (-1, 0, 1)]
    before = [d.toordinal() for d in days if d < ref or (d == ref and not strict)]
    after = [d.toordinal() for d in days if d > ref or (d == ref and not strict)]
    if strict:
        pick = before[-1] if direction == PAST else after[0]
    else:
        pick = _closer(ref.toordinal(), before[-1], after[0], direction)
    return dt.date.fromordinal(pick)


def quarter_near(ref: dt.date, num: int, direction: int) -> str:
    """A quarter named without a year: results talk about the latest one that has begun."""
    here = quarter_of(ref)
    year = ref.year
    if direction == FUTURE:
        year += num < here
    else:
        year -= num > here
    return f"{year:04d}-Q{num}"


def units_back(ref: dt.date, unit: str, count: int) -> str:
    """The date `count` units before the reference date, at that unit's granularity."""
    if unit == "year":
        return f"{ref.year - count:04d}"
    if unit == "month":
        return shift_month_text(ref, -count)
    if unit == "decade":
        return f"{(ref.year - 10 * count) // 10:03d}"
    if unit == "century":
        return f"{(ref.year - 100 * count) // 100:02d}"
    # "two weeks ago" names a day as often as a week; the day is the more checkable claim.
    days = 7 * count if unit == "week" else count
    return day(ref - dt.timedelta(days=days))
