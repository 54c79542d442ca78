"""Figures in phrasings the main grammar tests do not cover: orders of magnitude in words
("hundreds of"), ranges after a verb of change, temperatures glued to their scale."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers.parse import parse_figures
from factcheck.match.intervals import figure_interval, kind_of


def read(text: str):
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier, f.low, f.high) for f in parse_figures(text)]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Hundreds of commuters were stranded at the depot.", "Hundreds of commuters", 100, "commuters"),
        ("The storm left thousands of farms without water.", "thousands of farms", 1000, "farms"),
        ("Dozens of shops stayed shut.", "Dozens of shops", 12, "shops"),
        ("Tens of thousands lined the route.", "Tens of thousands", 10_000, None),
        ("The scandal cost the bank hundreds of millions of dollars.", "hundreds of millions of dollars", 10**8, "USD"),
        ("Millions of passengers use the line.", "Millions of passengers", 10**6, "passengers"),
    ],
)
def test_a_plural_of_a_scale_is_the_least_it_can_mean(text, span, value, unit):
    [(got, v, u, qualifier, low, high)] = read(text)
    assert (got, v, u) == (span, value, unit)
    assert (low, high) == (value, 10 * value)  # the order of magnitude it names
    assert kind_of(qualifier) == "at_least"


def test_a_plural_with_no_count_after_it_is_no_figure():
    assert read("Thousands gathered in the square.") == []
    assert read("Sales of tens rose.") == []
    assert read("Scores of 80 and 90 were common.")[0][1] == 80  # test scores, not twenties


def test_a_plural_keeps_no_dangling_of():
    [(span, *_)] = read("They spoke to hundreds of the survivors.")
    assert span == "hundreds"


def test_a_reporters_hundreds_is_met_by_a_count_in_its_order():
    interval = figure_interval(100, "hundreds of people", "hundreds")
    assert interval.lo <= 340 <= interval.hi
    assert not interval.lo <= 40 <= interval.hi


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Rents rose between 4% and 6% last year.", "between 4% and 6%", 5),
        ("Output fell by between 10 and 20 percent.", "between 10 and 20 percent", 15),
    ],
)
def test_between_makes_a_range_even_after_a_verb_of_change(text, span, value):
    assert [(s, v) for s, v, *_ in read(text)] == [(span, value)]


def test_from_after_a_verb_of_change_is_still_two_figures():
    assert [v for _, v, *_ in read("Fares rose from 5% to 7%.")] == [5, 7]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Temperatures climbed to 38C on Sunday.", "38C", 38, "degree Celsius"),
        ("The forecast gives highs of 102F inland.", "102F", 102, "degree Fahrenheit"),
    ],
)
def test_a_temperature_glued_to_its_scale(text, span, value, unit):
    assert [(s, v, u) for s, v, u, *_ in read(text)] == [(span, value, unit)]


def test_a_capital_letter_after_a_number_without_weather_is_a_code():
    assert read("She took the 9C bus to work.") == []


def test_two_shares_written_high_to_low_are_two_figures_not_a_range():
    assert [(s, v) for s, v, *_ in read("The mayor led her rival 58 percent to 35 percent.")] == [
        ("58 percent", 58),
        ("35 percent", 35),
    ]
    assert [v for _, v, *_ in read("Forecasters see -4 to -9 degrees tonight.")] == [-6.5]  # a range of frost


def test_plus_or_minus_is_a_margin_not_a_negative():
    [(span, value, unit, *_)] = read("The survey's margin of error is plus or minus four percentage points.")
    assert (span, value, unit) == ("four percentage points", 4, "percentage points")
    assert read("Overnight it reached minus four degrees.")[0][1] == -4


@pytest.mark.parametrize(
    "text, span, value, low, high, unit",
    [
        ("Police are looking for a man in his mid-40s.", "mid-40s", 45, 44, 46, "years old"),
        ("The sisters, both in their early twenties, were unhurt.", "early twenties", 21.5, 20, 23, "years old"),
        ("She was in her 60s when she began to paint.", "60s", 64.5, 60, 69, "years old"),
        ("Forecasters expect highs in the upper 70s.", "upper 70s", 78, 77, 79, None),
    ],
)
def test_an_age_or_temperature_given_by_its_decade(text, span, value, low, high, unit):
    assert [(s, v, lo, hi, u) for s, v, u, _, lo, hi in read(text)] == [(span, value, low, high, unit)]


def test_a_decade_of_years_is_left_to_the_date_reader():
    assert read("Songs from the early 80s played all night.") == []
