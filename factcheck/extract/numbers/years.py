"""A year, or a count that looks like one: "the 2019 elections" against "won by 2019 votes".

A four-digit number from 1800 to 2100 written without a comma is read as a year by default.
It counts instead when a plural noun follows it and a verb or a qualifier of amount comes
before it: "reported 1870 confirmed cases", "about 1900 students", "a margin of 2019 votes".
A determiner, a possessive or a preposition of time before it ("the 2010 elections", "in
1850 ships ...", "some 2016 candidates") keeps the year, and so do the start of a sentence,
a noun that a year commonly names ("2019 results") and a verb in -s ("2015 comes to an end").
In real news copy a count this size is nearly always written with a comma ("1,870"), so
the rule leans to the year.

The figure reader (`after`) and the date reader (`extract.dates`) both ask here, so that the
number is one or the other and never both.
"""

from __future__ import annotations

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers.quantity import Lazy

# Words right before the number that make it a year: determiners, possessives, and the
# prepositions of time.
_YEAR_BEFORE = frozenset(
    """the a an its his her their our my your this that these those whose last next each every any some all
    no many most several both few
    in since until till through during after before from circa between and or fiscal calendar""".split()
)

# Plural nouns a year commonly stands before as an adjective: events, reports and measures
# of that year ("the 2010 elections", "1989 results"), not things counted.
_YEAR_NOUNS = frozenset(
    """elections results floods accounts figures games olympics championships finals riots protests talks
    rules standards levels prices rates earnings sales profits losses revenues numbers data statistics
    estimates forecasts projections budgets targets emissions models editions versions awards nominations
    exams examinations midterms primaries reforms changes cuts attacks bombings killings strikes accords
    agreements negotiations hearings guidelines regulations laws playoffs graduates alumni recruits
    contracts campaigns polls surveys returns filings reports records rankings tournaments
    seasons series fires storms earthquakes wars uprisings events celebrations festivities crisis
    highs lows peaks totals trends dollars terms""".split()
)

# Qualifiers that only ever hedge an amount: "some" and "over" are left out, since "some
# 2016 candidates" and "over 2015 levels" are years.
COUNTING_QUALIFIERS = frozenset(
    "about around nearly almost roughly approximately than least to estimated many much few".split()
)

# "a margin of 2019 votes", "a poll of 2047 voters": "of" after a word that asks for a count.
_COUNT_OF = Lazy(r"(?i:\b(?:total|margin|poll|survey|sample|crowd|audience|majority|lead)\s+)$")

# A word ending in -s followed by a determiner or a particle is a verb ("2015 leaves the
# race open"), and the number before it the year that does the leaving.
_VERB_OBJECT = Lazy(
    r"[ \u00a0]+(?i:the|a|an|his|her|its|their|our|my|your|this|that|these|those|to|beyond|up|down|out|back|away)\b"
)

_WORD = Lazy(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'\u2019-]*)")
_WORD_BEFORE = Lazy(r"(?P<w>[A-Za-z][A-Za-z'\u2019]*)[ \u00a0]+$")


def counts_noun(text: str, start: int, end: int, limit: int | None = None) -> bool:
    """Whether the year-like number at `text[start:end]` counts the plural noun after it."""
    limit = len(text) if limit is None else limit
    noun = _plural_after(text, end, limit)
    if noun is None or noun in _YEAR_NOUNS:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False  # a sentence's first word, or after a date, a hyphenated word or a sign
    word = before.group("w")
    lower = word.lower()
    if lower == "of":
        return _COUNT_OF.search(text, max(0, before.start() - 20), before.start()) is not None
    if lower in COUNTING_QUALIFIERS:
        return True  # "about 1900 students", "more than 2000 homes"
    if lower.endswith(("'s", "\u2019s")) or lower in _YEAR_BEFORE:
        return False  # "the city's 2019 accounts", "in 1850 ships ..."
    if lower == "by" and _opens_sentence(text, before.start()):
        return False  # "By 2050 people will ...": a deadline; "won by 2019 votes" counts
    return not (word[:1].isupper() and lower not in W.NOT_NAMES)  # "Euro 2016 qualifiers" names a year


def _plural_after(text: str, p: int, limit: int) -> str | None:
    """The plural noun that ends the lower-case noun phrase after `p` (up to three words), or None."""
    for _ in range(3):
        m = _WORD.match(text, p, limit)
        if not m:
            return None
        word = m.group("w")
        lower = word.lower()
        if not word.islower() or lower in W.NOUN_PHRASE_STOPS or lower in W.NUMBER_WORD_SET:
            return None
        if _plural(lower):
            return None if _VERB_OBJECT.match(text, m.end(), limit) else lower  # "as 2015 comes to an end"
        p = m.end()
    return None


def _plural(word: str) -> bool:
    if word in W.IRREGULAR_PLURALS or word.endswith(("men", "people")):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "\u2019s"))


def _opens_sentence(text: str, start: int) -> bool:
    """A number that opens the text or a sentence: "1998 floods ..." in a headline is a year."""
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?:\n"\u201c'
