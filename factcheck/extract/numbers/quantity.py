"""A figure while it is being read, the region it is read in, and what every step shares.

The reading is split by what it looks at: `number` reads the number itself, `before` what
comes before it, `after` what comes after it, `names` whether it names something instead
of counting. Each step is a function over these plain values: the `Region` of text, the
`Quantity` read so far, which it completes, and `Reject` when there is no figure after all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import number_locale
from factcheck.extract.numbers import units as U


class Lazy:
    """A pattern compiled on first use. Compiling every pattern at import would cost the
    command a good part of its start-up; these are needed only by some texts. `pattern`
    may be a function that writes it, where writing it costs too (a tree of words)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern | None = None

    def _get(self) -> re.Pattern:
        if self._compiled is None:
            pattern = self.pattern if isinstance(self.pattern, str) else self.pattern()
            self._compiled = re.compile(pattern, self.flags)
        return self._compiled

    def match(self, *args):
        return self._get().match(*args)

    def search(self, *args):
        return self._get().search(*args)

    def fullmatch(self, *args):
        return self._get().fullmatch(*args)

    def finditer(self, *args):
        return self._get().finditer(*args)

    def split(self, *args):
        return self._get().split(*args)


class Region:
    """The text being read and the part of it asked for (end exclusive), in the newsroom's marks.

    `text` is the whole text with no-figure spans masked (see `not_figures.mask`), so that
    offsets stay those of the caller's text; a figure never reaches back before `start`.
    A plain class, as `Quantity` is.
    """

    __slots__ = ("text", "start", "end", "marks")

    def __init__(self, text: str, start: int, end: int, marks: number_locale.Marks = number_locale.ENGLISH):
        self.text, self.start, self.end, self.marks = text, start, end, marks


class Quantity:
    """A figure being read: its span and what has been learnt about it so far.

    A plain class: generating a dataclass's methods would cost start-up for nothing here.
    """

    __slots__ = (
        "start", "end", "value", "plain", "words", "base", "number_end", "magnitude", "currency", "unit",
        "counted", "qualifier", "low", "high", "bare_one", "hash", "powered", "code", "own_start", "ends",
    )  # fmt: skip

    def __init__(self, start: int, end: int, value: Fraction, *, plain: bool = False, words: bool = False):
        self.start, self.end, self.value = start, end, value
        self.plain = plain  # an integer written in digits alone, as names and labels use
        self.words = words  # written in words
        self.base: Fraction | None = None  # the value before a magnitude word: 6 in "6 billion"
        self.number_end = 0  # where the number (with its magnitude) ends, before unit or noun
        self.magnitude = False
        self.currency: str | None = None
        self.unit: str | None = None
        self.counted = False  # the unit is a counted noun from the text, not a measure
        self.qualifier: str | None = None
        self.low: Fraction | None = None
        self.high: Fraction | None = None
        self.bare_one = False  # the single word "one", maybe a pronoun
        self.hash = False  # written after "#": a rank unless it reads as money
        self.powered = False  # written with an exponent: may be too big or too small for a float
        self.code = False  # joined by a hyphen to the name before it: "G-20", "F-35"
        self.own_start = start  # where the figure starts without a qualifier before it ("about $5": "$5")
        self.ends: tuple[End, End] | None = None  # each written end of a range or side of a score


class End:
    """One written end of a range ("$5 million" in "$5 million to $7 million") or side of a
    score ("52" in "won 52-48"): its own span and value. `unit` is its own; `shared` says that
    it takes the range's unit where it has none ("40" in "between 40 and 45 percent")."""

    __slots__ = ("start", "end", "value", "unit", "shared")

    def __init__(self, start: int, end: int, value: Fraction, unit: str | None, shared: bool):
        self.start, self.end, self.value, self.unit, self.shared = start, end, value, unit, shared


def as_number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


_HUGE = 10**300


def sane(value: Fraction) -> bool:
    """Within what a float holds: "9^99" times "10^99" and the like are not amounts anyone checks."""
    n, d = abs(value.numerator), value.denominator
    return n < _HUGE * d and (n == 0 or n * _HUGE > d)


class Reject(Exception):
    """Not a figure; scanning resumes at `resume`."""

    def __init__(self, resume: int):
        super().__init__(resume)
        self.resume = resume


_TOKEN_END = re.compile(r"[\w.\-/+]*\w")


def token_end(text: str, p: int) -> int:
    m = _TOKEN_END.match(text, p)
    return m.end() if m else p + 1


def scale_by(q: Quantity, scale: int) -> None:
    if q.base is None:
        q.base = q.value
    q.value *= scale
    q.magnitude = True


# A word of the weather (see figure_words.WEATHER_WORDS), searched for before a number.
WEATHER = Lazy(r"(?i:\b(?:" + W.WEATHER_WORDS + r"))\b")


WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z.'\u2019&-]*)")


CODES = "|".join(sorted(U.CURRENCY_CODES | set(U.CODE_ALIASES)))
