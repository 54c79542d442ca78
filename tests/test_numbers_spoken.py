"""Number forms of spoken and financial copy: decimals read aloud, half of what follows, share splits."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers.parse import parse_figures


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit) for f in parse_figures(text)]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        (
            "The reservoir lost three point two billion litres.",
            "three point two billion litres",
            3_200_000_000,
            "litre",
        ),
        ("Seventy-four point five percent of pupils passed.", "Seventy-four point five percent", 74.5, "percent"),
        ("The tremor measured six point one.", "six point one", 6.1, None),
        ("Mortgage costs rose one point two five per cent.", "one point two five per cent", 1.25, "percent"),
        ("Growth slowed to zero point three percent.", "zero point three percent", 0.3, "percent"),
        (
            "Turnover reached eight point oh five million pounds.",
            "eight point oh five million pounds",
            8_050_000,
            "GBP",
        ),
    ],
)
def test_a_decimal_read_aloud_is_one_figure(text, span, value, unit):
    assert figures(text) == [(span, value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "At one point the crowd fell silent.",
        "The striker missed from the penalty spot.",
    ],
)
def test_point_without_digits_after_it_is_no_decimal(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("The storm tore away half the roofs in the village.", "half"),
        ("Investors lost almost half their savings.", "almost half"),
        ("The founder sold half his stake last spring.", "half"),
        ("Half those questioned had no pension.", "Half"),
    ],
)
def test_half_before_what_it_divides_is_a_share(text, span):
    assert figures(text) == [(span, 0.5, None)]


def test_half_of_a_game_is_no_share():
    assert figures("In the second half the visitors tired.") == []


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The brewer will carry out a three-for-one stock split.", "three-for-one", 3, "for 1"),
        ("Holders approved a 1-for-20 reverse split.", "1-for-20", 1, "for 20"),
        ("The board backed a 5-for-4 split of its shares.", "5-for-4", 5, "for 4"),
    ],
)
def test_a_share_split_is_one_figure_with_the_other_side_as_unit(text, span, value, unit):
    assert figures(text) == [(span, value, unit)]


def test_a_split_changed_on_either_side_reads_differently():
    assert figures("a 3-for-2 split") != figures("a 3-for-1 split")
    assert figures("a 3-for-2 split") != figures("a 4-for-2 split")


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("The cap on fees was lifted from £250 to £400.", ("£250", 250), ("£400", 400)),
        ("Landlords hiked rents from 900 euros to 1,100 euros.", ("900 euros", 900), ("1,100 euros", 1100)),
        ("The season was extended from 30 weeks to 34 weeks.", ("30 weeks", 30), ("34 weeks", 34)),
    ],
)
def test_a_verb_of_change_makes_a_before_and_an_after(text, first, second):
    assert [(span, value) for span, value, _ in figures(text)] == [first, second]


def test_at_one_point_is_a_moment_and_the_count_after_it_stands_alone():
    assert figures("At one point three trawlers were stuck in the ice.") == [("three trawlers", 3, "trawlers")]


def test_half_the_time_is_a_manner_of_speaking_but_half_the_fleet_is_a_share():
    assert figures("Half the time the buses ran late.") == []
    assert [(t, v) for t, v, _ in figures("Half the fleet was idle.")] == [("Half", 0.5)]
