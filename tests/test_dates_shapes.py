"""The date pattern is compiled only for the shapes a draft can hold: that must change no date."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import dates
from factcheck.extract import dates_grammar as grammar


def test_the_shapes_joined_are_the_whole_pattern():
    joined = "|".join(grammar.SHAPES)
    assert re.sub(r"\s+", "", joined) == re.sub(r"\s+", "", grammar.PATTERN)
    assert len(grammar.SHAPE_NAMES) == len(set(grammar.SHAPE_NAMES)) == 16
    assert set(grammar.SHAPE_WORDS) <= set(grammar.SHAPE_NAMES)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(grammar.SHAPE_WORDS))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_date_of_a_shape_holds_one_of_its_words(name, data):
    shape = grammar.SHAPES[grammar.SHAPE_NAMES.index(name)]
    words = data.draw(st.from_regex(re.compile(shape, re.VERBOSE), fullmatch=True))
    assert any(w in words for w in grammar.SHAPE_WORDS[name]), words


_PARTIALS = (grammar._DATES, grammar._TRIGGERS, grammar._STARTS, grammar._BACK_CHAIN)


def _forget(*patterns):
    for partial in patterns:
        partial.held, partial.pattern = frozenset(), None


@pytest.fixture
def fresh_pattern(monkeypatch):
    """As in a new process: nothing compiled yet."""
    for partial in _PARTIALS:
        monkeypatch.setattr(partial, "held", frozenset())
        monkeypatch.setattr(partial, "pattern", None)


_WORDS = (
    "the this last next early late mid of in a year years month weeks quarter half ago earlier later "
    "Friday Monday May March Nov. 23 1998 2010 2010-11-23 11/23/2010 '90s 1990s the sixties century now "
    "currently recent today tonight morning summer fall Christmas New Year's nineteen ninety-six two thousand "
    "the past three months Q3 fiscal future term , . -"
).split()


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=5), max_size=25).map(" ".join))
def test_a_draft_gets_the_dates_the_whole_patterns_find(fresh_pattern, text):
    _forget(*_PARTIALS)  # each example is a new process
    first = [(m.span(), m.lastgroup) for m in dates.candidates(text)]
    wholes = grammar.CANDIDATES, grammar.TRIGGERS, grammar.STARTS, grammar.BACK_CHAIN
    assert tuple(partial.pattern for partial in _PARTIALS) == wholes
    assert first == [(m.span(), m.lastgroup) for m in dates.candidates(text)]


def test_a_draft_without_a_shapes_words_leaves_it_out(fresh_pattern):
    list(dates.candidates("The council met on Friday and will vote next year."))
    held = grammar._DATES.held
    assert {"weekday", "rel", "explicit", "year"} <= held
    assert not {"holiday", "spelled", "decade", "season"} & held
    assert grammar._TRIGGERS.held == {"friday", "year", "day"}
    assert {"friday", "next", "year", "the"} <= grammar._STARTS.held and "christmas" not in grammar._STARTS.held
    assert {"next", "the"} <= grammar._BACK_CHAIN.held and "christmas" not in grammar._BACK_CHAIN.held


def test_a_draft_without_trigger_words_still_finds_years():
    _forget(partial := grammar.PartialPattern(grammar._TRIGGER_LIST, grammar._TRIGGERS.words, grammar._triggers))
    pattern = partial.for_text("in 2010 and 11/23")
    assert partial.held == frozenset()
    assert [m.group() for m in pattern.finditer("in 2010 and 11/23")] == ["2010", "11/2"]


def test_a_later_draft_with_more_shapes_gets_them_all(fresh_pattern):
    list(dates.candidates("The council met on Friday."))
    assert grammar._DATES.held != frozenset(grammar.SHAPE_NAMES)
    found = [m.group() for m in dates.candidates("It closed on Christmas Day in the 1990s.")]
    assert found == ["christmas day", "the 1990s"]
    assert grammar._DATES.held == frozenset(grammar.SHAPE_NAMES)
    assert grammar._TRIGGERS.held == frozenset(grammar._TRIGGER_LIST)


def test_a_text_longer_than_a_draft_gets_the_whole_patterns(fresh_pattern):
    list(dates.candidates("The council met on Friday. " * 3000))
    assert all(partial.held == frozenset(partial.parts) for partial in _PARTIALS)


def _same_for_the_patterns(a: str, b: str) -> bool:
    return (
        a == b
        or not (a.isascii() or b.isascii())
        and all(bool(re.match(cls, a)) == bool(re.match(cls, b)) for cls in (r"\w", r"\s", r"\d"))
    )


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=60)
    | st.lists(st.sampled_from(["Friday", "NEW YEAR\u2019S", "\u00c9T\u00c9", "\u212a", "\u0130", "\u02bc", " "])).map(
        "".join
    )
)
def test_lowering_keeps_offsets_and_reads_as_the_table_does(text):
    by_table = text.translate(grammar.ASCII_LOWER)
    fast = grammar.lower(text)
    assert len(fast) == len(text)
    assert all(_same_for_the_patterns(a, b) for a, b in zip(by_table, fast))
    assert [m.span() for m in dates.candidates(text)] == [m.span() for m in dates.candidates(text, 0, by_table)]


def test_lowering_straightens_apostrophes_and_keeps_odd_capitals():
    assert grammar.lower("New Year\u2019s Day \u00c9T\u00c9") == "new year's day \u00e9t\u00e9"
    assert grammar.lower("\u212a 2010") == "\u212a 2010"  # the Kelvin sign would lower to an ASCII "k"
    assert grammar.lower("\u0130stanbul") == "\u0130stanbul"  # lower() would add a combining dot
