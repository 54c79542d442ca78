"""Words next to amounts (a currency after one, a unit after "a", a symbol before the second
end of a range) are read by hand, to spare compiling long patterns: each must read exactly
what its pattern reads."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.numbers import after, number
from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import units as U

pytestmark = pytest.mark.slow

_COUNTRIES = sorted({c for c, _ in U.CURRENCY_COUNTRY}) + ["new", "south", "u.s"]
_WORDS = sorted(U.CURRENCY_WORDS) + ["dolla", "kron", "ster"]
# Letters outside ASCII that matching in any case takes for ASCII ones, and some that it does not.
_ODD = ["\u212a", "\u017f", "\u0130", "\u0131", "\u00e9", "\u00c9"]
_ODD_FOR = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131", "e": "\u00e9\u00c9"}


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.capitalize())[how]


@st.composite
def _after_an_amount(draw) -> str:
    text = "5" + draw(st.sampled_from([" ", "  ", "\u00a0", "-", "", "\t", " \u00a0"]))
    if draw(st.booleans()):
        country = _cased(draw(st.sampled_from(_COUNTRIES)), draw(st.integers(0, 2)))
        text += country + draw(st.sampled_from([" ", "  ", "\n", "\u00a0", "", "\u2009"]))
    word = _cased(draw(st.sampled_from(_WORDS)), draw(st.integers(0, 2)))
    odd = [k for k, ch in enumerate(word.lower()) if ch in _ODD_FOR]
    if odd and draw(st.integers(0, 2)) == 0:
        k = draw(st.sampled_from(odd))
        word = word[:k] + draw(st.sampled_from(_ODD_FOR[word[k].lower()])) + word[k + 1 :]
    text += word + draw(st.sampled_from(["", "s", "es", "S", "e"]))
    text += draw(
        st.sampled_from(["", " ", ",", "x", "-", "1", "_", ".", " sterling", "  sterling", " Sterling", "sterlingx"])
    )
    return text


_ANYTHING = st.lists(
    st.sampled_from(
        _COUNTRIES + _WORDS + _ODD + [" ", "\u00a0", "-", "$", "\u20ac", "\u00a3", "USD", "EUR", "US", "x", "1", "s"]
    ),
    max_size=6,
).map("".join)


def _pattern_reads(text: str, p: int, end: int):
    m = U._money_after_re().match(text, p, end)
    return m and (m.end(), *m.group("sym", "code", "country", "word", "sterling"))


def _hand_reads(text: str, p: int, end: int):
    r = U.money_after(text, p, end)
    return r and (r.end, r.symbol, r.code, r.country, r.word, r.sterling)


@settings(max_examples=400, deadline=None)
@given(_after_an_amount(), st.data())
def test_money_after_an_amount_is_read_as_the_pattern_reads_it(text, data):
    end = data.draw(st.integers(1, len(text)))
    assert _hand_reads(text, 1, end) == _pattern_reads(text, 1, end)


@settings(max_examples=300, deadline=None)
@given(_ANYTHING, st.data())
def test_any_text_is_read_as_the_pattern_reads_it(text, data):
    p = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(p, len(text)))
    assert _hand_reads(text, p, end) == _pattern_reads(text, p, end)


def test_common_readings():
    assert _hand_reads("5 euros.", 1, 8) == (7, None, None, None, "euro", None)
    assert _hand_reads("6 billion US dollars", 9, 20) == (20, None, None, "US", "dollar", None)
    assert _hand_reads("200 pounds sterling", 3, 19) == (19, None, None, None, "pound", " sterling")
    assert _hand_reads("15\u20ac", 2, 3) == (3, "\u20ac", None, None, None, None)
    assert _hand_reads("5m USD", 2, 6) == (6, None, "USD", None, None, None)
    assert _hand_reads("5 people", 1, 8) is None


_A_WORDS = sorted(W.A_WORDS) + ["kilowatt  hour", "light\nyear", "quart", "thirds"]


@st.composite
def _after_an_article(draw) -> str:
    word = _cased(draw(st.sampled_from(_A_WORDS)), draw(st.integers(0, 2)))
    odd = [k for k, ch in enumerate(word.lower()) if ch in _ODD_FOR]
    if odd and draw(st.integers(0, 2)) == 0:
        k = draw(st.sampled_from(odd))
        word = word[:k] + draw(st.sampled_from(_ODD_FOR[word[k].lower()])) + word[k + 1 :]
    gap = draw(st.sampled_from([" ", "  ", "\n", "\u00a0", "\t"]))
    return "a" + gap + word + draw(st.sampled_from(["", " ", "s", "x", " of"]))


@settings(max_examples=300, deadline=None)
@given(_after_an_article())
def test_the_word_after_a_is_read_as_the_pattern_reads_it(text):
    m = number._A_NEXT.match(text, 1)
    if m:  # as where _ARTICLES found the article
        assert number._a_word(text, 1) == (m.start("w"), m.end())


_SYMBOLS = re.compile(r"(?P<c>" + U.trie(U.CURRENCY_SYMBOLS) + r")")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*U.CURRENCY_SYMBOLS, "R", "U.S.", "A", "x", " ", "1"]), max_size=4).map("".join),
    st.data(),
)
def test_a_currency_symbol_is_read_as_the_pattern_reads_it(text, data):
    p = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(p, len(text)))
    m = _SYMBOLS.match(text, p, end)
    assert U.currency_symbol_at(text, p, end) == (m and m.group("c"))


_BEFORE_A_RANGE = [
    "rose",
    "fell",
    "ROSE",
    "Fell",
    "uprose",
    "3rose",
    "_fell",
    "(fell",
    "$rose",
    "\u00e9rose",
    "from",
    "to",
    "$5",
    "5%",
    "it's",
    'a"',
    "b;",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_BEFORE_A_RANGE), st.sampled_from([" ", "  ", "\n", "", ",", " - ", "\u00a0"])),
        min_size=1,
        max_size=7,
    ),
    st.data(),
)
def test_a_verb_of_change_before_a_range_is_read_as_the_pattern_reads_it(words, data):
    text = "".join(w + gap for w, gap in words) + data.draw(st.sampled_from(["", " ", " "]))  # mostly before a number
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.sampled_from([len(text), len(text), data.draw(st.integers(start, len(text)))]))
    assert after._after_change_verb(text, start, end) == (after._CHANGE.search(text, start, end) is not None)
