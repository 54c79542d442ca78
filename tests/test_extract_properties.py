"""Properties of extraction on any text: it never raises, and every claim points at its own words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures

pytestmark = pytest.mark.slow

DAY = dt.date(2021, 6, 15)

# Pieces of news copy that exercise every extractor: quotes, speech verbs, numbers in
# words and digits, money, dates, Markdown. Written for these tests.
FRAGMENTS = [
    "The mayor said",
    "according to officials",
    "she told reporters.",
    "“We will rebuild,” ",
    '"It is over", he added.',
    "‘partly’",
    " ... ",
    "— ",
    "Mr. Okafor",
    "the minister",
    "$4.2bn",
    "£300",
    "€5m",
    "12%",
    "3.5 per cent",
    "two thirds",
    "a dozen",
    "half a million",
    "between 10 and 20",
    "10-20",
    "more than 40",
    "nearly 1,200 people",
    "-7",
    "minus 3",
    "1/4",
    "2 1/2",
    "½",
    "one of the",
    "no one",
    "F-16",
    "COVID-19",
    "Boeing 737",
    "page 12",
    "#1",
    "#557 million",
    "on Friday",
    "last week",
    "March 3",
    "3 March 2020",
    "2019",
    "the 1990s",
    "2013-14",
    "10:30 a.m.",
    "2 pm",
    "next month",
    "earlier this year",
    "in 2010",
    "21st",
    "second",
    "(555) 010-2000",
    "https://example.org/a/2020/1",
    "[link](http://x.test/9)",
    "`code 7`",
    "1. ",
    "\n\n",
    "\n",
    " ",
    ", ",
    ". ",
    "\u00a0",
    "'",
    "\u201d",
    "(",
    ")",
    "[",
    "]",
    "<b>",
    "0",
    "9",
    "e",
    "x10^3",
    "km",
    "kg",
    "per",
]

news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.text(max_size=300)


def check(text: str) -> None:
    claims = extract_claims(text, reference_date=DAY)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        if c.kind.value == "figure":
            assert isinstance(c.value, (int, float))


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
def test_any_text(text):
    check(text)


@SETTINGS
@given(news_like)
def test_news_like_text(text):
    check(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join))
def test_news_mixed_with_noise(text):
    check(text)


@SETTINGS
@given(news_like, st.integers(min_value=0, max_value=60))
def test_figures_respect_the_region(text, start):
    start = min(start, len(text))
    for f in parse_figures(text, start):
        assert start <= f.start < f.end <= len(text)


@SETTINGS
@given(st.text(alphabet="0123456789 ,.-/$%½abemkx", max_size=40))
def test_digit_soup(text):
    check(text)
