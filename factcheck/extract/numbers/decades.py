"""Ages and readings given by the decade: "a man in his mid-30s", "highs in the low 90s".

A decade of years ("the 1990s", "the '90s") is the date reader's; a decade of a person's
age or of a temperature is a figure, checked like a range: "in her early 20s" runs from
20 to 23, "mid" from 24 to 26, "late" from 27 to 29, and a bare "in his 30s" the whole
decade. The words that tell the two apart come before it: a possessive for an age, a word
of the weather for a temperature.
"""

from __future__ import annotations

from fractions import Fraction

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers.quantity import WEATHER, Lazy, Quantity

# The part of the decade each word names, as (first, last) years of it.
_PART = {"early": (0, 3), "low": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9), "high": (7, 9),
         "upper": (7, 9), "": (0, 9)}  # fmt: skip

_DECADE = Lazy(
    r"(?i:\b(?P<owner>his|her|their|our|your|my|the)\s+"
    r"(?:(?P<part>early|low|mid|middle|late|high|upper)(?:\s+|-))?"
    r"(?P<d>[1-9]0['\u2019]?s|" + "|".join(W.DECADE_WORDS) + r"))(?!\w)"
)

_POSSESSIVES = frozenset("his her their our your my".split())


def find(text: str, start: int, end: int) -> list[Quantity]:
    """Every age or temperature given by its decade in `text[start:end]`."""
    out = []
    for m in _DECADE.finditer(text, start, end):
        owner, part = m.group("owner").lower(), (m.group("part") or "").lower()
        if owner not in _POSSESSIVES and not (part and WEATHER.search(text, max(start, m.start() - 80), m.start())):
            continue  # "the early 90s" may be years; "highs in the low 90s" is not
        word = m.group("d").lower()
        tens = W.DECADE_WORDS.get(word) or int(word[:2])
        first, last = _PART[part]
        s = m.start("part") if part else m.start("d")
        q = Quantity(s, m.end(), Fraction(tens + first + tens + last, 2), words=True)
        q.low, q.high = Fraction(tens + first), Fraction(tens + last)
        if owner in _POSSESSIVES:
            q.unit = "years old"  # as "a 35-year-old" reads, so that the two can be checked against each other
        out.append(q)
    return out


def possible(text: str, start: int, end: int) -> bool:
    """Whether the text can hold one: cheaper than the pattern over copy that has none."""
    return any(text.find(key, start, end) >= 0 for key in ("0s", "ties", "0'", "0\u2019"))
