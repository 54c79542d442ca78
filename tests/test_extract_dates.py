"""Dates and their ISO values, on hand-written news copy."""

import datetime as dt
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import dates, make_doc
from factcheck.extract import dates_grammar as grammar

SATURDAY = dt.date(2010, 12, 11)
THURSDAY = dt.date(2024, 3, 14)


def found(text, reference=SATURDAY, body_start=0):
    return dates.find(make_doc(text, reference_date=reference, body_start=body_start))


def pairs(text, reference=SATURDAY):
    """(words, value) for every date, read back through the offsets."""
    return [(text[f.start : f.end], f.value) for f in found(text, reference)]


# --- dates that carry their own year ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted on March 5, 2019, to close the depot.", [("March 5, 2019", "2019-03-05")]),
        ("Work on the tunnel began in October 2021.", [("October 2021", "2021-10")]),
        ("The bridge first opened in 1998.", [("1998", "1998")]),
        ("The ferry sank on 4 June 1987 off the coast.", [("4 June 1987", "1987-06-04")]),
        ("The audit covers Wednesday, Dec. 8, 2010 only.", [("Wednesday, Dec. 8, 2010", "2010-12-08")]),
        ("The filing is dated 2021-06-30.", [("2021-06-30", "2021-06-30")]),
        ("The form was signed 7/4/2019 in Ohio.", [("7/4/2019", "2019-07-04")]),
        ("Rents climbed through mid-2009.", [("mid-2009", "2009")]),
    ],
)
def test_explicit_dates_at_the_granularity_the_text_gives(text, expected):
    assert pairs(text) == expected


def test_a_date_that_does_not_exist_is_still_a_claim_without_a_value():
    assert pairs("The permit was issued on Feb. 30, 2019.") == [("Feb. 30, 2019", None)]
    assert pairs("The log shows 2021-02-30 as the day.") == [("2021-02-30", None)]


def test_ranges_are_iso_intervals():
    assert pairs("The festival will run Nov. 3-5 in the old town.", THURSDAY) == [("Nov. 3-5", "2024-11-03/2024-11-05")]
    assert pairs("Revenue fell in the 1998-99 season.") == [("1998-99", "1998/1999")]
    assert pairs("Prices doubled from 2008 to 2012.") == [("2008", "2008"), ("2012", "2012")]


# --- a month and day without a year ------------------------------------------------------------


def test_abbreviated_month_with_a_period_and_exact_offsets():
    text = "The plant shut down Dec. 10 after the storm."
    (date,) = found(text)
    assert text[date.start : date.end] == "Dec. 10"
    assert date.value == "2010-12-10"


def test_month_day_takes_the_year_nearest_the_story():
    # Story dated 2024-03-14: December is last December, April is next month.
    assert pairs("The mill closed Dec. 20 after a fire.", THURSDAY) == [("Dec. 20", "2023-12-20")]
    assert pairs("The vote is set for April 2.", THURSDAY) == [("April 2", "2024-04-02")]


def test_a_deadline_word_points_ahead():
    # "payable" and "by" name a day still to come even in a sentence about the past.
    text = "The board declared a dividend payable Jan. 5 to holders of record."
    assert pairs(text, dt.date(2023, 11, 2)) == [("Jan. 5", "2024-01-05")]


def test_a_weekday_next_to_the_date_picks_the_year():
    # Only in 2009 was Nov. 26 a Thursday (2010's fell on a Friday).
    assert pairs("They met on Thursday, Nov. 26 in Oslo.") == [("Thursday, Nov. 26", "2009-11-26")]


def test_month_alone_is_placed_by_tense():
    assert pairs("Officials said prices peaked in September.") == [("September", "2010-09")]
    assert pairs("The inquiry will report in February.") == [("February", "2011-02")]


def test_last_and_next_month_names_skip_the_month_just_gone_or_coming():
    story = dt.date(1998, 3, 1)
    assert pairs("Two helicopters collided last February.", story) == [("last February", "1997-02")]
    assert pairs("Elections are due next April.", story) == [("next April", "1999-04")]
    assert pairs("The pact was signed in June last year.", story) == [("June last year", "1997-06")]


# --- weekdays and tense ---------------------------------------------------------------------------


def test_weekday_in_a_past_sentence_is_the_latest_such_day():
    # Story dated Saturday 2010-12-11.
    assert pairs("Envoys held talks in Seoul on Friday.") == [("Friday", "2010-12-10")]
    assert pairs("The minister resigned Monday.") == [("Monday", "2010-12-06")]


def test_weekday_named_on_its_own_day_is_that_day():
    assert pairs("The agency said Thursday it had found the leak.", THURSDAY) == [("Thursday", "2024-03-14")]


def test_weekday_in_a_future_sentence_is_the_coming_one():
    assert pairs("The council will meet Monday to vote.", THURSDAY) == [("Monday", "2024-03-18")]
    assert pairs("Talks are set to resume Tuesday.", THURSDAY) == [("Tuesday", "2024-03-19")]


def test_participle_after_will_is_not_a_past_tense():
    # "named" follows "be": the sentence is in the future.
    assert pairs("She will be named captain on Tuesday.", THURSDAY) == [("Tuesday", "2024-03-19")]


def test_last_and_next_weekday_never_mean_today():
    assert pairs("Both sides met last Thursday.", THURSDAY) == [("last Thursday", "2024-03-07")]
    assert pairs("The court rules next Thursday.", THURSDAY) == [("next Thursday", "2024-03-21")]


def test_weekday_with_a_part_of_the_day_is_one_claim():
    assert pairs("Firefighters arrived late Friday night.") == [("late Friday night", "2010-12-10")]


# --- relative dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("today", "2010-12-11"),
        ("yesterday", "2010-12-10"),
        ("tomorrow", "2010-12-12"),
        ("last night", "2010-12-10"),
        ("next month", "2011-01"),
        ("last month", "2010-11"),
        ("this month", "2010-12"),
        ("earlier this year", "2010"),
        ("last year", "2009"),
        ("next year", "2011"),
        ("early next year", "2011"),
        ("the end of the year", "2010"),
        ("last week", "2010-W48"),
        ("this week", "2010-W49"),
        ("two years ago", "2008"),
        ("three months ago", "2010-09"),
        ("a week ago", "2010-12-04"),
        ("five days ago", "2010-12-06"),
        ("last summer", "2009-SU"),
        ("the 1990s", "199"),
        ("the late '80s", "198"),
        ("the 20th century", "19"),
        ("the third quarter of 2009", "2009-Q3"),
        ("the first half of 2010", "2010-H1"),
        ("now", "PRESENT_REF"),
        ("in recent years", "PAST_REF"),
        ("the past three months", "P3M"),
    ],
)
def test_relative_dates_at_the_granularity_they_name(words, value):
    text = f"The figures were released {words}, officials said."
    (date,) = found(text)
    assert date.value == value
    assert words.endswith(text[date.start : date.end])


def test_quarter_without_a_year_is_the_latest_one_reported():
    assert pairs("Third-quarter profit fell 8%.", THURSDAY) == [("Third-quarter", "2023-Q3")]


def test_year_ago_quarter_is_the_same_quarter_a_year_back():
    assert pairs("Profit beat the year-ago third quarter.") == [("the year-ago third quarter", "2009-Q3")]
    assert pairs("Sales fell in the third quarter of last year.") == [("the third quarter of last year", "2009-Q3")]


def test_anaphoric_year_counts_from_the_year_the_story_named():
    text = "The plant opened in May 2005. The following year it doubled its output."
    assert pairs(text) == [("May 2005", "2005-05"), ("The following year", "2006")]


def test_that_year_without_an_earlier_year_has_no_value():
    assert pairs("Sales were weak that year.") == [("that year", None)]


def test_holidays_are_dates():
    assert pairs("Shops open late before Christmas.", THURSDAY) == [("Christmas", "2023-12-25")]
    assert pairs("The count finished after Election Day 2008.") == [("Election Day 2008", "2008-11-04")]
    assert pairs("Families gather on Thanksgiving.", THURSDAY) == [("Thanksgiving", "2023-11-23")]


def test_spelled_out_years_from_broadcast_transcripts():
    assert pairs("It began in nineteen ninety-six.") == [("nineteen ninety-six", "1996")]
    assert pairs("It was due by the year two thousand.") == [("the year two thousand", "2000")]


# --- words that only look like dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Voters may decide the matter in a referendum.",
        "May the best candidate win.",
        "The March organizers expect a crowd.",
        "Protesters will march to the capitol.",
        "The claim first ran in the Sunday Times.",
        "The train leaves at 10:30 sharp.",
        "The court heard John 14:30 read aloud.",
        "The shelter housed 2,010 people and 1,998 pets.",
        "The fund paid out $2010 in fees.",
        "The mayor served for three years.",
        "He won a quarter of the vote.",
        "Rates rose in the third quarter of the game.",
        "She felt a spring in her step after the fall of the regime.",
        'Baker spoke on ABC\'s "This Week" program.',
        "Many offices still ran Windows 2000 at the time.",
        "The rally moved to 1600 Pennsylvania Avenue by noon.",
    ],
)
def test_no_date_in_copy_that_only_looks_like_one(text):
    assert pairs(text) == []


def test_curly_apostrophes_read_like_straight_ones():
    text = "Crowds gathered on New Year\u2019s Day, as in the \u201990s."
    assert pairs(text, THURSDAY) == [("New Year\u2019s Day", "2024-01-01"), ("the \u201990s", "199")]


def test_may_and_march_as_months_after_a_preposition():
    assert pairs("Turnout fell in May.") == [("May", "2010-05")]
    assert pairs("The budget was passed by March 3.") == [("March 3", "2011-03-03")]


# --- the draft and its offsets -------------------------------------------------------------------


def test_only_the_body_is_read_and_offsets_stay_absolute():
    front = "---\ndate: 2010-12-11\ntitle: Talks on Friday\n---\n"
    text = front + "The talks ended on Friday."
    (date,) = found(text, body_start=len(front))
    assert date.start > len(front)
    assert text[date.start : date.end] == "Friday"


def test_offsets_survive_letters_that_change_length_when_lower_cased():
    # "İ" lower-cases to two code points with str.lower(); the offsets must not drift.
    text = "İİİ İstanbul officials met Friday."
    (date,) = found(text)
    assert text[date.start : date.end] == "Friday"


# --- properties ------------------------------------------------------------------------------------

_DATE_WORDS = (
    "the this last next early late mid of in a year years month week quarter third-quarter ago earlier "
    "Friday friday May may March Nov. 23 1998 2010 '90s 1990s now recent recently today summer fall "
    "Christmas nineteen ninety-six , . - the past three months Q3 fiscal Sunday Times"
).split()
_copy = st.lists(st.sampled_from(_DATE_WORDS) | st.text(max_size=6), max_size=30).map(" ".join)


def _slow_scan(text):
    """CANDIDATES tried at every position: what the fast path must reproduce."""
    low = text.translate(grammar.ASCII_LOWER)
    pos, spans = 0, []
    while (m := grammar.CANDIDATES.search(low, pos)) is not None:
        if grammar.month_cased(text, m):
            spans.append(m.span())
            pos = m.end()
        else:
            pos = m.start() + 1
    return spans


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_copy)
@example("'1 May")
@example("x'early May 'last Friday")
def test_fast_candidate_search_finds_what_a_full_scan_finds(text):
    assert [m.span() for m in dates.candidates(text)] == _slow_scan(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_copy, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_extraction_never_raises_and_offsets_index_the_text(text, reference):
    for f in found(text, reference):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == text[f.start : f.end].strip()
        assert f.value is None or isinstance(f.value, str)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_at_all_never_raises(text):
    found(text)


def test_calendar_values_are_iso_8601():
    text = "On Friday, Nov. 26, 2010, and in March 2011 and in 2012, and yesterday."
    values = [f.value for f in found(text)]
    assert values and all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v) for v in values)


# --- clock times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The shop opens at 6:00 a.m. on weekdays.", "6:00 a.m.", "T06:00"),
        ("The vote closed at 10:30 p.m. after a long debate.", "10:30 p.m.", "T22:30"),
        ("Doors open at 7pm.", "7pm", "T19:00"),
        ("The bells rang at 12 a.m. sharp.", "12 a.m.", "T00:00"),
        ("Lunch was served at 12:15 PM.", "12:15 PM", "T12:15"),
        ("The first train left at 05:40.", "05:40", "T05:40"),
        ("Kick-off is at 19:45 local time.", "19:45 local time", "T19:45"),
        ("The curfew runs until 23:00.", "23:00", "T23:00"),
    ],
)
def test_a_clock_time_is_a_date_valued_as_an_iso_time(text, span, value):
    assert pairs(text) == [(span, value)]


def test_a_time_beside_a_date_is_a_claim_of_its_own():
    assert pairs("The storm hit on June 2, 2023, at 4:15 a.m.") == [
        ("June 2, 2023", "2023-06-02"),
        ("4:15 a.m.", "T04:15"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 3:1 on the night.",
        "The ratio moved 15:20 in favour.",
        "The bus came at 9:30 and left.",  # morning or evening: not said
        "Aged 6 am I told to wait?",
    ],
)
def test_no_time_where_the_reading_is_in_doubt(text):
    assert pairs(text) == []
