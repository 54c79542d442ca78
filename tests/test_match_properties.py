"""Properties of every parser the judge calls, on any text and any window of it.

A source passage is cut out of a longer text at arbitrary offsets, so a window may start
or end inside a number, a word or a quote; none of the parsers may raise on that.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures, parse_number
from factcheck.extract.sentences import Sentences
from factcheck.match import quotes, values
from factcheck.match.words import words

pytestmark = pytest.mark.slow

DAY = dt.date(2020, 6, 1)

# Pieces of copy with figures, units, qualifiers and dates, written for these tests.
PIECES = [
    "certified for 13 million albums",
    "more than 300",
    "under £250,000",
    "nearly 1.5bn",
    "between 4 and 6",
    "4–6",
    "half of the 20",
    "one in five",
    "doubled to 40,000 from 20,000",
    "over seven years",
    "120 km/h",
    "75 mph",
    "-3°C",
    "27 °F",
    "6 ft",
    "1.8 m",
    "90kg",
    "ranked 4th",
    "sixth-largest",
    "3–1",
    "2-2",
    "early 2019",
    "before March 9",
    "as of 29 April",
    "will be held on September 21",
    "aged 70",
    "born in 1950",
    "$3.1 million",
    "12,480,300",
    "%",
    "per cent",
    " ",
    ", ",
    ". ",
    "\u201c",
    "\u201d",
    "\n",
]
text_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=25).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text_like, st.integers(-5, 400), st.integers(-5, 400))
def test_parse_figures_on_any_window(text, a, b):
    for f in parse_figures(text, a, b):
        lo = max(a, 0)
        assert lo <= f.start < f.end <= len(text)
        assert f.end <= max(b, 0) or f.end <= len(text)


@SETTINGS
@given(text_like)
def test_parse_figures_window_ending_inside_every_number(text):
    for cut in range(len(text) + 1):
        parse_figures(text, 0, cut)


@SETTINGS
@given(text_like)
def test_number_readers_never_raise(text):
    parse_number(text)
    values.numbers_in(text)
    values.rounding_step(text, 1.0)


@SETTINGS
@given(text_like, st.integers(0, 300), st.integers(0, 300))
def test_sentences_and_words_on_any_window(text, a, b):
    s = Sentences(text, min(a, len(text)), min(max(a, b), len(text)))
    for lo, hi in s.spans:
        assert 0 <= lo <= hi <= len(text)
    if text:
        s.covering(min(a, len(text) - 1), min(max(a, b), len(text)))
    for w in words(text, a, b):
        assert 0 <= w.start < w.end <= len(text)


@SETTINGS
@given(text_like, text_like)
def test_quote_comparison_on_any_texts(quote, source):
    cmp = quotes.compare(quote, source, 0, len(source))
    assert 0 <= cmp.start <= cmp.end <= len(source)
    assert 0 <= cmp.coverage <= 1


@SETTINGS
@given(text_like)
def test_extraction_of_a_passage_never_raises(text):
    for c in extract_claims(text, reference_date=DAY):
        assert c.text == text[c.start : c.end]


def test_window_ending_inside_a_number_reads_what_is_inside():
    found = parse_figures("certified for 13 million albums", 0, 15)
    assert [(f.start, f.value) for f in found] == [(14, 13)]
