"""Scores, ratios, counts that look like years, scales and units that need the words after them,
and capitalized number words in names: each a rule of the figure reader, tested on sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures


def _one(text: str):
    found = parse_figures(text)
    assert len(found) == 1, [(text[f.start : f.end], f.value, f.unit) for f in found]
    f = found[0]
    return text[f.start : f.end], f.value, f.unit


def _claims(text: str):
    return [(c.kind.value, c.text, c.value, c.unit) for c in extract_claims(text, reference_date=dt.date(2026, 1, 1))]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The Rovers beat them 24-17 in the rain.", "24-17", 24, "to 17"),
        ("Harbour Town won 3\u20131 after extra time.", "3\u20131", 3, "to 1"),
        ("The Hawks beat the Wolves 101-99 on Saturday.", "101-99", 101, "to 99"),
        ("The visitors won 2:1 in front of a small crowd.", "2:1", 2, "to 1"),
        ("The board voted seven to two to sell the site.", "seven to two", 7, "to 2"),
        ("Jurors voted ten to two for acquittal.", "ten to two", 10, "to 2"),
        ("Residents backed the merger two to one.", "two to one", 2, "ratio"),
        ("The bill passed by a margin of three to one.", "three to one", 3, "ratio"),
        ("Bookmakers put the outsider at 50 to 1.", "50 to 1", 50, "ratio"),
        ("Members approved it by a two-to-one vote.", "two-to-one", 2, "ratio"),
        ("Wards run at a 12:1 ratio of patients to nurses.", "12:1", 12, "ratio"),
        ("The old sets used a 4:3 picture.", "4:3", 4, "to 3"),
        ("The ratio of 16:10 suits laptops.", "16:10", 16, "to 10"),
    ],
)
def test_scores_and_ratios_are_one_figure_with_both_sides(text, span, value, unit):
    assert _one(text) == (span, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The hearing resumes at 10:30 tomorrow.",
        "The sermon took John 3:16 as its text.",
        "Genesis 1:1 is read first.",
    ],
)
def test_clock_times_and_verses_are_no_ratio(text):
    assert parse_figures(text) == []


def test_counting_down_from_three_to_one_is_no_ratio():
    found = parse_figures("The road narrows from three to one lane.")
    assert all(f.unit != "ratio" for f in found)


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Health officials logged 1870 confirmed cases on the ward.", "1870 confirmed cases", 1870, "confirmed cases"),
        ("The challenger lost by 2019 votes.", "2019 votes", 2019, "votes"),
        ("The closure put 1850 jobs at risk.", "1850 jobs", 1850, "jobs"),
        ("Roughly 1999 runners finished the course.", "Roughly 1999 runners", 1999, "runners"),
        ("A poll of 2047 likely voters was published.", "2047 likely voters", 2047, "likely voters"),
        ("Nearly 2000 households lost power.", "Nearly 2000 households", 2000, "households"),
    ],
)
def test_a_number_before_a_counted_noun_is_a_count_not_a_year(text, span, value, unit):
    assert _one(text) == (span, value, unit)
    assert not [c for c in _claims(text) if c[0] == "date"]


@pytest.mark.parametrize(
    "text, year",
    [
        ("The 2010 elections changed the council.", "2010"),
        ("In 1850 ships were still built of oak.", "1850"),
        ("The firm's 2019 accounts show a loss.", "2019"),
        ("Officials said 2019 results were better.", "2019"),
        ("Some 2016 presidential candidates stayed away.", "2016"),
        ("As 2015 comes to an end, the markets are calm.", "2015"),
        ("The end of 2015 leaves the race open.", "2015"),
        ("Police logged the Sept. 9, 2013 traffic problems.", "2013"),
    ],
)
def test_a_year_before_a_noun_it_describes_stays_a_year(text, year):
    claims = _claims(text)
    assert any(kind == "date" and year in words for kind, words, _, _ in claims)
    assert not any(kind == "figure" and unit for kind, _, _, unit in claims)


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The state set aside 30 crore for the canal.", "30 crore", 300_000_000, None),
        (
            "The scheme costs 2 lakh 50 thousand rupees a year.",
            "2 lakh 50 thousand rupees a year",
            250_000,
            "INR per year",
        ),
        (
            "The estate was valued at 3 million 400 thousand dollars.",
            "3 million 400 thousand dollars",
            3_400_000,
            "USD",
        ),
        ("The bakery sold 4 dozens before noon.", "4 dozens", 48, None),
        ("A cinema ticket now costs 8 dollars 20.", "8 dollars 20", 8.2, "USD"),
        ("Cleaners were paid 6 pounds and 50 pence an hour.", "6 pounds and 50 pence an hour", 6.5, "GBP per hour"),
        ("The index gained 2.5 points on Friday.", "2.5 points", 2.5, "points"),
        ("Her lead shrank by half a point.", "half a point", 0.5, "points"),
        ("He walked away with 100 grand.", "100 grand", 100_000, None),
        ("The club paid 40 grand for the striker.", "40 grand", 40_000, None),
        ("The border saw 14 fewer crossings in May.", "14 fewer crossings", 14, "crossings"),
        ("The hospital hired 30 more midwives.", "30 more midwives", 30, "midwives"),
        ("The bolt is 3 3/8 inches long.", "3 3/8 inches", 3.375, "inch"),
        ("The award covers only a half, the rest comes later.", "a half", 0.5, None),
        ("Attendance fell by nearly a third.", "nearly a third", 1 / 3, None),
    ],
)
def test_units_and_scales(text, span, value, unit):
    got = _one(text)
    assert got[0] == span and got[2] == unit
    assert got[1] == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The shop sold 100 grand pianos last year.",
        "A grand jury will hear the case.",
        "At one point the talks nearly collapsed.",
    ],
)
def test_grand_and_point_as_plain_words(text):
    assert all(f.value < 1000 and f.unit != "points" for f in parse_figures(text))


def test_more_than_after_a_number_is_no_comparative_noun():
    found = parse_figures("Turnout was 14 more than in the spring.")
    assert [(f.value, f.unit) for f in found] == [(14, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The vice president boarded Air Force Two at dawn.",
        "Ocean's Eleven was shown again on Sunday night.",
        "One of them said the gate was open.",
        "She was the one who raised the alarm.",
        "They helped one another through the winter.",
        "At one stage the talks looked dead.",
        "He was the only one to vote against the budget.",
    ],
)
def test_names_and_pronouns_are_no_figures(text):
    assert [c for c in _claims(text) if c[0] == "figure"] == []


def test_a_counted_noun_keeps_a_capitalized_number_in_a_headline():
    assert _one("Police Arrest Two Men After Raid")[1] == 2


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The derby was drawn 2-2 after a late equaliser.", "2-2", 2, "to 2"),
        ("The sides were tied 1-1 at the break.", "1-1", 1, "to 1"),
        ("A coffee at the station costs 95p.", "95p", 95, "penny"),
        ("Parking is \u00a33 and 40p an hour.", "\u00a33 and 40p an hour", 3.4, "GBP per hour"),
        ("Close to a third of a million people applied.", "a third of a million people", 1_000_000 / 3, "people"),
    ],
)
def test_draws_pence_and_a_fraction_of_a_scale_that_counts(text, span, value, unit):
    got = _one(text)
    assert got[0].endswith(span) and got[2] == unit
    assert got[1] == pytest.approx(value)


def test_a_screen_resolution_is_no_pence():
    assert [(f.value, f.unit) for f in parse_figures("The camera records 720p video.")] == [(720, None)]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("The driver, in her late forties, walked away.", 48, "years old"),
        ("Forecasters expect highs in the low 90s.", 91.5, None),
        ("It was warm, with afternoon temperatures of 31C.", 31, "degree Celsius"),
    ],
)
def test_decade_words_and_weather_words_are_shared(text, value, unit):
    assert [(f.value, f.unit) for f in parse_figures(text)] == [(value, unit)]


def test_a_decade_in_words_is_still_a_date():
    assert ("date", "the sixties", "196", None) in _claims("Rents doubled in the sixties.")


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The bill cleared the House 232-197 late on Thursday.", "232-197", 232, "to 197"),
        ("By a ratio of nearly 2 to 1, members said no.", "nearly 2 to 1", 2, "ratio"),
    ],
)
def test_a_score_after_a_name_and_a_ratio_before_a_comma(text, span, value, unit):
    assert _one(text) == (span, value, unit)


def test_a_model_number_is_neither_a_range_nor_a_score():
    assert parse_figures("The carrier flies the Boeing 737-800 on that route.") == []


def test_a_deadline_that_opens_the_sentence_stays_a_year():
    assert ("date", "2050", "2050", None) in _claims("By 2050 people will live longer, the report says.")


@pytest.mark.parametrize("text", ["0k", "0 lakh 5 thousand", "0 million 3 hundred"])
def test_nought_of_a_scale_takes_no_part(text):
    assert all(f.value <= 5000 for f in parse_figures(text))


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Rent on the flat is 900 pounds a month.", "900 pounds a month", 900, "GBP per month"),
        ("The state pension rises to 230 pounds a week.", "230 pounds a week", 230, "GBP per week"),
        ("The baby weighed 7 pounds at birth.", "7 pounds", 7, "pound"),
        ("The leaders are 2 1/2 games clear.", "2 1/2 games", 2.5, "games"),
    ],
)
def test_pounds_of_money_and_a_mixed_number_that_counts(text, span, value, unit):
    assert _one(text) == (span, value, unit)


def test_a_share_of_a_group_is_no_count():
    assert [(f.value, f.unit) for f in parse_figures("Two thirds of voters backed the plan.")] == [(2 / 3, None)]


def test_only_one_before_a_noun_still_counts():
    assert _one("Only one bidder was left at the auction.")[1:] == (1, "bidder")


def test_a_half_after_and_is_no_figure_of_its_own():
    assert all(f.value != 0.5 for f in parse_figures("The drive takes an hour and a half."))


def test_a_billion_and_millions_add_up():
    assert _one("The deal is worth 1 billion 200 million dollars.")[1:] == (1_200_000_000, "USD")
