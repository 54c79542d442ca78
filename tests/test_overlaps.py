"""Spans two extractors both claim: the date wins, except that a lone year and the length of a
period are also figures."""

import datetime as dt

from factcheck.extract import extract_claims


def kinds(text):
    return [(c.kind.value, c.text) for c in extract_claims(text, reference_date=dt.date(2012, 1, 1))]


def test_a_lone_year_is_a_date_and_a_figure():
    got = kinds("The probe flew past Saturn in 1981.")
    assert ("date", "1981") in got and ("figure", "1981") in got


def test_a_year_inside_a_full_date_is_only_a_date():
    got = kinds("The plant closed on May 3, 2010.")
    assert ("date", "May 3, 2010") in got
    assert not [k for k in got if k[0] == "figure"]


def test_the_length_of_a_period_inside_a_date_is_a_figure_too():
    got = kinds("The talks ended three years ago, after a strike that ran for the past 11 weeks.")
    assert ("date", "three years ago") in got and ("figure", "three years") in got
    assert ("figure", "11 weeks") in got


def test_a_count_of_things_inside_a_date_is_still_only_a_date():
    got = kinds("The mill closed on May 3, 2010.")
    assert [k for k in got if k[0] == "figure"] == []


def test_a_year_before_a_comma_and_a_measure_is_still_a_figure():
    got = kinds("The dam was finished in 1994, and 350 tonnes of steel went into it.")
    assert ("date", "1994") in got and ("figure", "1994") in got


def test_a_decade_is_a_date_and_its_first_year_a_figure():
    claims = extract_claims("Ferry traffic peaked in the 1970s.", reference_date=dt.date(2012, 1, 1))
    assert [(c.kind.value, c.text, c.value, c.unit) for c in claims] == [
        ("date", "the 1970s", "197", None),
        ("figure", "1970s", 1970, None),
    ]


def test_a_two_digit_decade_stays_only_a_date():
    got = kinds("The arcade was popular in the '80s.")
    assert not [k for k in got if k[0] == "figure"]


def test_a_decade_inside_a_full_date_is_only_a_date():
    got = kinds("The 1980s mill closed on May 3, 2010.")
    assert ("figure", "2010") not in got


def test_a_clock_time_gives_no_figure():
    got = kinds("The ferry sailed at 6:45 a.m. and again at 18:30 with 40 cars.")
    assert [k for k in got if k[0] == "figure"] == [("figure", "40 cars")]
    assert ("date", "6:45 a.m.") in got and ("date", "18:30") in got
