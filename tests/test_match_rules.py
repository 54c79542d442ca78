"""The comparison rules, one by one: quotes word by word, figures by value, dates by value."""

from __future__ import annotations

import pytest

from factcheck.match import quotes, values
from factcheck.match.evidence import Verdict
from factcheck.match.judge import same_person

SOURCE = (
    "At the depot, the transport minister said: \u201cWe will not be cutting a single route this winter, "
    "and the fares stay where they are.\u201d Then she left."
)


def cmp(quote: str, source: str = SOURCE):
    return quotes.compare(quote, source, 0, len(source))


def test_quote_word_for_word_ignores_marks_case_and_spacing():
    c = cmp("we will not be cutting a single route  this winter, and the fares stay where they are.")
    assert (c.changes, c.matched, c.words) == (0, 17, 17)
    assert (
        SOURCE[c.start : c.end]
        == "We will not be cutting a single route this winter, and the fares stay where they are"
    )


def test_quote_with_curly_apostrophe_matches_straight_one():
    source = "He said: 'It's the wrong bridge, and we won't build it.'"
    assert cmp("It\u2019s the wrong bridge, and we won\u2019t build it.", source).changes == 0


def test_ellipsis_may_stand_for_left_out_words():
    c = cmp("We will not be cutting a single route \u2026 and the fares stay where they are.")
    assert c.changes == 0
    assert cmp("We will not be cutting a single route... the fares stay where they are").changes == 0


def test_brackets_may_stand_in_for_words():
    assert cmp("[The government] will not be cutting a single route this winter").changes == 0
    assert cmp("We will not be cutting a single [bus] route this winter").changes == 0


def test_changed_word_is_a_change_with_a_diff():
    c = cmp("We will not be cutting a single line this winter")
    assert c.changes == 1
    assert "[-route-] {+line+}" in c.diff


def test_dropped_word_without_ellipsis_is_a_change():
    c = cmp("We will not be cutting a route this winter")
    assert c.changes == 1
    assert "[-single-]" in c.diff


def test_added_word_is_a_change():
    c = cmp("We will not be cutting a single bus route this winter")
    assert c.changes == 1
    assert "{+bus+}" in c.diff


def test_words_not_in_the_source_have_low_coverage():
    c = cmp("Nobody told the council about the strike until the morning it began")
    assert c.coverage < 0.6


@pytest.mark.parametrize(
    "draft, source, qualifier, ok",
    [
        (6e9, 6.4e9, "more than", True),
        (6e9, 5.9e9, "more than", False),
        (114, 141, None, False),
        (141, 141, None, True),
        (50, 48, "nearly", True),
        (50, 30, "nearly", False),
        (100, 100, "at least", True),
        (100, 120, "up to", False),
        (20, 19, "fewer than", True),
        (20, 19, "higher than", False),  # the bound words live in one list, intervals.py
        (20, 21, "north of", True),
    ],
)
def test_figures_by_value_with_qualifiers(draft, source, qualifier, ok):
    text = f"{qualifier} {draft:g}" if qualifier else f"{draft:g}"
    claim = {"kind": "figure", "value": draft, "text": text, "qualifier": qualifier}
    verdict, _ = values.compare_figures(claim, source, None, f"{source:g}")
    assert (verdict is Verdict.SUPPORTED) is ok


@pytest.mark.parametrize(
    "text, value, source, ok",
    [
        # "$6 billion" is 6.4 billion rounded; "6.4" is not 6.46 rounded to one decimal, 6.44 is.
        ("$6 billion", 6e9, 6.4e9, True),
        ("6.4", 6.4, 6.44, True),
        ("6.4", 6.4, 6.46, False),
        ("140", 140, 141, False),
    ],
)
def test_rounding_as_written(text, value, source, ok):
    claim = {"kind": "figure", "value": value, "text": text, "unit": "USD" if "$" in text else None}
    verdict, _ = values.compare_figures(claim, source, claim["unit"], f"{source:g}")
    assert (verdict is Verdict.SUPPORTED) is ok


@pytest.mark.parametrize(
    "qualifier, bound",
    [
        ("more than", True),
        ("no fewer than", True),
        ("lower than", True),
        ("nearly", False),
        ("about", False),
        ("", False),
    ],
)
def test_a_bound_is_read_from_the_one_list_of_bound_words(qualifier, bound):
    assert values.bounds_only(qualifier) is bound


def test_compare_figures_contradicts_other_value():
    claim = {"kind": "figure", "text": "114", "value": 114, "unit": None}
    verdict, reason = values.compare_figures(claim, 141, None, "141")
    assert verdict is Verdict.CONTRADICTED
    assert "141" in reason


def test_compare_figures_same_value_written_differently():
    claim = {"kind": "figure", "text": "$6 billion", "value": 6_000_000_000, "unit": "USD"}
    assert values.compare_figures(claim, 6_000_000_000, "USD", "6 billion dollars")[0] is Verdict.SUPPORTED
    assert values.compare_figures(claim, 6_000_000_000, "EUR", "6 billion euros")[0] is Verdict.CONTRADICTED


def test_written_numbers_without_parsed_values():
    assert values.compare_written("$6 billion", "6,000 million")[0] is Verdict.SUPPORTED
    assert values.compare_written("2", "6")[0] is Verdict.CONTRADICTED


@pytest.mark.parametrize(
    "mine, theirs, verdict",
    [
        ("2020-03-03", "2020-03-03", Verdict.SUPPORTED),
        ("2020-03", "2020-03-03", Verdict.SUPPORTED),
        ("2020-06-03", "2020-03-03", Verdict.CONTRADICTED),
        ("2019", "2020-03-03", Verdict.CONTRADICTED),
    ],
)
def test_dates_by_value(mine, theirs, verdict):
    assert values.compare_dates({"value": mine, "text": "x"}, theirs, "y")[0] is verdict


def test_same_person_by_name_words():
    assert same_person("Maren Oduya", "MAREN ODUYA")
    assert same_person("Oduya", "Council chair Maren Oduya")
    assert not same_person("Tom Reyes", "Maren Oduya")
