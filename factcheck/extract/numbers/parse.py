"""Numbers as news copy writes them: numerals, number words, money, percentages, units.

The one public entry point is `parse_figures(text)`, used both on drafts (by the figure
extractor) and on sources (by the matcher), so that "$6 billion", "6 billion dollars",
"$6bn" and "$6,000,000,000" all come out as value 6000000000, unit "USD".

Each `Figure` carries:

- `value`: the number with magnitudes and fractions applied, an int when it is whole
  ("two" → 2, "5.5%" → 5.5, "a dozen" → 12, "half a million" → 500000, "2 1/2" → 2.5).
- `unit`: an ISO 4217 code for money ("USD", "GBP", "EUR", "JPY"); "percent" for %,
  "per cent" and "percent"; "percentage points" and "basis points" as written; a
  canonical name for units of measurement ("kilometre", "square mile", "USD per hour");
  otherwise the counted noun as the text gives it ("114 Patriot missiles" → "Patriot
  missiles"), or None.
- `qualifier`: the hedge in front of or after the number, lower-cased ("more than",
  "about", "up to", "at least", "nearly", "some", "or more" ...); the span includes it.
- Ranges ("between 10 and 20", "10-20", "10 to 20 percent", "$5-6 billion") are one
  figure: `low` and `high` hold the ends, `value` is their midpoint and the qualifier
  is "between" unless the text gives another. "From 10 to 20" is a range too, except
  after a verb of change ("rose from 10 to 20"), where the two numbers are a before and
  an after and come out as two figures.
- A share ("one in five adults", "eight out of 10") is one figure valued as the
  fraction (0.2, 0.8); "a 3-to-1 margin" is 3, unit "ratio"; a tally ("voted 19-15",
  "won 3-1") is two figures.

Not figures: ordinals ("21st", "second"), clock times, dates written with a month name
or in digits, decades ("the 1990s"), phone numbers, URLs and e-mail addresses, version
numbers, year spans ("2013-14"), numbers that are part of a name or code ("F-16",
"COVID-19", "Boeing 747", "G20", "Room 101", "page 12"), and "one" used as a pronoun
("one of the", "no one"). Bare years are figures here; the extractor lets a date claim
take them.

`factcheck.extract.numbers.units` reads currencies and units of measurement on their own
(`currency_code("euros")`, `unit_at(text, pos, end)`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import number_locale
from factcheck.extract.numbers import units as U


class _Lazy:
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


__all__ = ["Figure", "parse_figures", "parse_number", "currency_code"]

currency_code = U.currency_code


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a text: where it is (end exclusive) and what it says."""

    start: int
    end: int
    value: int | float
    unit: str | None = None
    qualifier: str | None = None
    low: int | float | None = None
    high: int | float | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None


def parse_figures(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    skip: Iterable[tuple[int, int]] = (),
    locale: str | None = None,
) -> list[Figure]:
    """Every figure in `text[start:end]`, in order, with absolute offsets into `text`.

    `skip` lists spans the caller knows hold no figures (a Markdown link target, say);
    numbers inside them are ignored. `locale` ("de-DE") says how numerals are written
    (see `factcheck.extract.numbers.number_locale`); the default is en-US.
    """
    end = len(text) if end is None else min(end, len(text))
    if start >= end:
        return []
    work = _mask(text, start, end, skip)
    return _Scan(work, start, end, number_locale.marks(locale)).run(start)


def parse_number(text: str) -> int | float | None:
    """The value of `text` when all of it is one figure ("$6bn", "six billion dollars"), else None."""
    stripped = text.strip()
    found = parse_figures(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


# --- spans that hold numbers but no figures --------------------------------------------

_trie = U.trie


_MONTH = (
    "(?:"
    + _trie(
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
    )
    + ")"
)
_ZONES = r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|IST|JST|AEST|AEDT|ET|PT|local time)"
# Spans that hold digits but no figure, blanked out before the scan. Each pattern runs
# in a pass of its own and starts with a literal, never with a look-behind or \b, so
# that the regular expression engine can skip ahead to the next possible start (one
# pattern for all would stop at every character); a pattern whose trigger is nowhere in
# the text is not run at all.
_NOT_FIGURES = tuple(
    (triggers, _Lazy(pattern) if triggers else re.compile(pattern))
    for triggers, pattern in (
        (("://", "www."), r"(?:https?://|ftp://|www\.)[^\s<>\"'\]\[)]+"),  # web addresses
        (("@",), r"@(?<=[\w.+-]@)[\w-]+(?:\.[\w-]+)+"),  # e-mail domains (the digits before "@" are in a word)
        (("@", "#"), r"[@#](?<![\w@][@#])\w*[A-Za-z_]\w*"),  # handles and hashtags (not "#1", see _Scan.left)
        (("(",), r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)"),  # (202) 555-0143
        (("+",), r"\+(?<![\w+]\+)\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}(?!\d)"),  # +44 20 7946 0958
        (
            (),
            _MONTH + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:\s*(?:-|\u2013|to|and)\s*\d{1,2}(?!\d))?"
            r"(?:,?\s+\d{4}(?!\d))?|,?\s+\d{4}(?!\d))",  # November 23, 2010; Sept. 19 to 22; November 2010
        ),
    )
)
# The same for spans that start with the digits: tried where a number starts, by `_Scan.digits`.
_NOT_A_FIGURE_AT = re.compile(
    r"\d(?:"
    + "|".join(
        (
            r"\d{2}[-.]\d{3}[-.]\d{4}(?!\d)",  # 202-555-0143
            r"\d?:\d{1,2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?!\w))?",  # clock times, ratios, verses
            r"\d?(?:[.:][0-5]\d)?\s?(?:[ap]\.m\.|[AaPp][Mm](?!\w))",  # 2 pm, 10.30am, 9 a.m.
            r"\d?(?:[0-5]\d)?\s?" + _ZONES + r"(?!\w)",  # 1400 GMT
            r"\d?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!\w)\.?(?:,?\s+\d{4}(?!\d))?",  # 23 November
            r"\d{3}-\d{1,2}-\d{1,2}(?!\d)|\d?[/.]\d{1,2}[/.]\d{2,4}(?!\d)",  # 2010-11-23, 11/23/2010
            r"\d*(?:\.\d+){2,}(?!\d)",  # version numbers and network addresses
            r"\d{0,2}0['\u2019]?s(?!\w)",  # decades: the 1990s, the 90s
            r"\d{0,4}\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
            r"|Drive|Way|Place|Square|Court|Terrace|Parkway|Pkwy|Highway|Close|Crescent|Row)(?!\w)\.?",
        )
    )
    + ")"
)
_BARRIER = "\x00"  # stands in for masked text: not a word, not a space, not a digit


def _mask(text: str, start: int, end: int, skip: Iterable[tuple[int, int]]) -> str:
    """`text` with every no-figure span blanked out, offsets unchanged."""
    spans = [(s, e) for s, e in skip if e > start and s < end]
    region = text[start:end] if start or end < len(text) else text
    for triggers, pattern in _NOT_FIGURES:
        if not triggers or any(t in region for t in triggers):
            spans.extend(m.span() for m in pattern.finditer(text, start, end))
    if not spans:
        return text
    spans.sort()
    parts, cur = [], 0
    for s, e in spans:
        s = max(s, cur)
        if e <= s:
            continue
        parts.append(text[cur:s])
        parts.append(_BARRIER * (e - s))
        cur = e
    parts.append(text[cur:])
    return "".join(parts)


# --- where a figure can start ---------------------------------------------------------


def _cases(words: Iterable[str]) -> list[str]:
    """Each word in lower case and Capitalized: (?i) would cost the engine its quick skip."""
    return [v for w in words for v in (w, w[:1].upper() + w[1:])]


# Where a figure can start: a digit, a number word, or "a"/"an" before a number or unit
# word ("a hundred", "a mile"). Each is found by a pattern of its own, and the word
# patterns start with the character before the word: one pattern for all, or a
# look-behind, would make the engine stop at every letter of the text instead of
# skipping ahead. (`_Scan.next_candidate` merges the three.)
# (Compiling these takes a good part of the command's start-up, so each exists once: a
# word at the very start of the text, with no character before it, is read by a copy
# made only when needed.)
_WORD_BEFORE = r"[\s\"'(\u201c\u2018\[\u2014\x00-]"
_DIGITS = re.compile(r"(?P<d>[\d" + "".join(W.VULGAR) + r"])")  # one class: groups in a choice cost the quick skip
_WORDS = re.compile(_WORD_BEFORE + r"(?P<w>" + _trie(_cases(W.NUMBER_WORDS)) + r")(?!\w)")
# the word after an article is in lower case ("A dozen", "a mile")
_ARTICLES = re.compile(_WORD_BEFORE + r"(?P<a>[aA]n?)\s+(?=" + _trie(W.A_WORDS) + r"(?![\w\u2019']))")
_STREAMS = (_DIGITS, _WORDS, _ARTICLES)


@functools.cache
def _at_start(pattern: re.Pattern) -> re.Pattern:
    """`pattern` without the character before the word, for a word that opens the text."""
    return re.compile(pattern.pattern.removeprefix(_WORD_BEFORE))


def _candidate_at(text: str, p: int, end: int) -> re.Match | None:
    """A digit or a number word starting right at `p`: the other end of a range, "five" in "one in five"."""
    m = _DIGITS.match(text, p, end)
    if m or p >= end:
        return m
    return _WORDS.match(text, p - 1, end) if p > 0 else _at_start(_WORDS).match(text, p, end)


_LAST_WORDS = re.compile(r"(?:\S+\s+){1,4}$")
_OPENERS = "([\"'\u201c\u2018\u2014"


def _qualifier_at_end(window: str) -> tuple[int, str] | None:
    """The qualifier that `window` ends with ("more than "), as (its length, its words), else None."""
    m = _LAST_WORDS.search(window, max(0, len(window) - 40))
    if not m:
        return None
    words = m.group().split()
    for k in range(len(words), 0, -1):
        first = words[-k].lstrip(_OPENERS)
        phrase = " ".join([first, *words[len(words) - k + 1 :]]).lower()
        if first and phrase in W.QUALIFIER_SET:
            start = window.rindex(first, 0, len(window) - len(" ".join(words[len(words) - k + 1 :])))
            if start == 0 or not (window[start - 1].isalnum() or window[start - 1] in "._"):
                return len(window) - start, phrase
    return None


def _last_word(window: str) -> str:
    """The word `window` ends with (before white space), lower-cased, without an opening bracket or quote."""
    parts = window.rsplit(None, 1)
    return parts[-1].lstrip(_OPENERS).lower() if parts and window[-1:].isspace() else ""


# Words that leave the number as it is but show that "one" counts something ("only one").
_EMPHASIS_BEFORE = _Lazy(r"(?i:\b(?:only|just|a\s+mere|exactly|precisely)\s+$)")
_SYMBOL_BEFORE = re.compile(r"(?P<q>>=|<=|[~≈><≥≤])$")
_QUALIFIER_AFTER = re.compile(r"(?i:(?P<q>\+(?![\w/-])|-?plus\b|-odd\b|\s+or\s+(?:more|so|less|fewer|above|over)\b))")
_TOLERANCE = _Lazy(r"\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?")

_CHANGE = _Lazy(lambda: r"(?i:\b(?:" + _trie(W.CHANGE_VERBS) + r")(?:\s+[\w$%.,'\u2019]+){0,4}?\s+$)")
# The same for text in ASCII, with the verbs looked up in a set (see _after_change_verb).
_CHANGE_VERB_SET = frozenset(W.CHANGE_VERBS)
_TRAILING_LETTERS = re.compile(r"[A-Za-z]+$")
_CHANGE_WORD = re.compile(r"[\w$%.,'\u2019]+")
_BETWEEN = re.compile(r"(?i:\b(?P<w>between|from)\s+$)")

# A capitalized word just before a bare number makes a name: "Boeing 747", "Apollo 11".
_IDIOM_AFTER = _Lazy(
    r"\(k\)|\(b\)|[ \u00a0]+(?i:call|calls|caller|callers|dispatcher|dispatchers|operator|operators|emergency|"
    r"plan|plans|account|accounts)\b"
)
_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s(\"'\u201c\u2018\u2014\u2013/]))(?P<w>[A-Za-z][\w&'\u2019-]*)[ \u00a0]$")
_PRONOUN_ONE_BEFORE = _Lazy(
    r"(?i:\b(?:no|the|this|that|which|any|each|every|such|someone|everyone|little|last|another|a|an|"
    r"one|which)\s+$)"
)
_NOT_HALF_BEFORE = _Lazy(r"(?i:\b(?:the|first|second|third|fourth|last|other|latter|former|back|better|in|a)\s+$)")
_ZERO_IDIOMS = _Lazy(r"(?i:\s*-?\s*(?:tolerance|sum|hour|day)\b)")
_ZERO_IDIOM_BEFORE = _Lazy(r"(?i:\bground\s+$)")

_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z.'\u2019&-]*)")
_COMPOUND = _Lazy(r"-(?P<w>[a-z]{3,})(?![\w-])")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}$")
_CLAUSE_BREAK = re.compile(r"[,;:)\]\u2014]|\.(?!\w)")


class _Quantity:
    """A figure being read: its span and what has been learnt about it so far.

    A plain class: generating a dataclass's methods would cost start-up for nothing here.
    """

    __slots__ = (
        "start", "end", "value", "plain", "words", "base", "number_end", "magnitude", "currency", "unit",
        "counted", "qualifier", "low", "high", "bare_one", "hash", "powered",
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

    def figure(self) -> Figure:
        low = _number(self.low) if self.low is not None else None
        high = _number(self.high) if self.high is not None else None
        return Figure(self.start, self.end, _number(self.value), self.currency or self.unit, self.qualifier, low, high)


def _number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


_HUGE = 10**300


def _sane(value: Fraction) -> bool:
    """Within what a float holds: "9^99" times "10^99" and the like are not amounts anyone checks."""
    n, d = abs(value.numerator), value.denominator
    return n < _HUGE * d and (n == 0 or n * _HUGE > d)


class _Reject(Exception):
    """Not a figure; scanning resumes at `resume`."""

    def __init__(self, resume: int):
        super().__init__(resume)
        self.resume = resume


# --- the scan --------------------------------------------------------------------------

_TOKEN_END = re.compile(r"[\w.\-/+]*\w")


class _Scan:
    """One pass over a text: find candidates, read each into a figure or reject it."""

    def __init__(self, text: str, start: int, end: int, marks: number_locale.Marks = number_locale.ENGLISH):
        self.text = text
        self.marks = marks
        self.start = start  # a figure never reaches back before the region it was asked for
        self.end = end
        self._next: list[re.Match | None | Literal[False]] = [None, None, None]  # per pattern; False: none left

    def run(self, pos: int) -> list[Figure]:
        found: list[_Quantity] = []
        while True:
            m = self.next_candidate(pos)
            if m is None:
                break
            if m.lastgroup in ("w", "a") and _inside_word(self.text, m.start(m.lastgroup)):
                pos = m.end()
                continue
            try:
                q = self.read(m)
            except _Reject as r:
                pos = max(r.resume, m.end())
                continue
            if q.powered and not _sane(q.value):
                pos = q.end
                continue
            found.append(q)
            pos = q.end
        _share_units(self.text, found)
        return [q.figure() for q in found]

    def next_candidate(self, pos: int) -> re.Match | None:
        """The earliest next match of the three candidate patterns, from `pos`."""
        text, best_start = self.text, self.end
        best: re.Match | None = None
        for i, scan in enumerate(_STREAMS):
            m = self._next[i]
            if m is not False and (m is None or _kind_start(m) < pos):
                # a pattern is searched again only once the scan has passed its last match
                if scan is _DIGITS:
                    m = scan.search(text, pos, self.end)
                elif pos == 0:
                    m = _at_start(scan).match(text, 0, self.end) or scan.search(text, 0, self.end)
                else:
                    m = scan.search(text, pos - 1, self.end)  # the character before a word at `pos`
                self._next[i] = m or False
            if m and _kind_start(m) < best_start:
                best, best_start = m, _kind_start(m)
        return best

    def read(self, m: re.Match) -> _Quantity:
        q = self.core(m, first=True)
        self.left(q)
        self.right(q)
        self.check_names(q)
        return q

    def capitalized_name(self, q: _Quantity) -> bool:
        """ "Zero Hedge", "One Direction", "Three Mile Island": a capitalized number word in a name."""
        if q.counted:
            return q.value <= 1 and all(w[:1].isupper() for w in (q.unit or "").split())
        nxt = _WORD.match(self.text, q.end, self.end)
        return (
            q.unit is None
            and nxt is not None
            and nxt.group("w")[:1].isupper()
            and nxt.group("w").lower() not in W.NOT_NAMES
        )

    def token_end(self, p: int) -> int:
        m = _TOKEN_END.match(self.text, p)
        return m.end() if m else p + 1

    # the number itself

    def core(self, m: re.Match, *, first: bool) -> _Quantity:
        kind = m.lastgroup
        s = _kind_start(m)
        if kind == "d" and m.group("d") in W.VULGAR:
            num, den = W.VULGAR[m.group("d")]
            return _Quantity(s, s + 1, Fraction(num, den))
        if kind == "d":
            return self.digits(s, first=first)
        if kind == "w":
            return self.words(s)
        return self.article(m)

    def digits(self, s: int, *, first: bool) -> _Quantity:
        text = self.text
        local = self.local_numeral(s)
        if first:
            self.check_before_digits(s)
            m = None if local and local.end() - s > 4 else _NOT_A_FIGURE_AT.match(text, s, self.end)
            if m:
                raise _Reject(m.end())
        m = local or _numeral_at(text, s)
        if text[m.end() : m.end() + 1].isdigit():
            raise _Reject(self.token_end(m.end()))  # too many digits for an amount
        raw, dec = m.group("int"), m.group("dec")
        digits = raw if raw.isdigit() else _DIGIT_GROUPING.sub("", raw)
        value = Fraction(int(digits + dec[1:]), 10 ** (len(dec) - 1)) if dec else Fraction(int(digits))
        q = _Quantity(s, m.end(), value, plain=dec is None and raw.isdigit())
        self.exponent(q)
        self.fraction(q, raw)
        self.glued(q)
        return q

    def local_numeral(self, s: int) -> re.Match | None:
        """A numeral in the newsroom's own marks ("1.234,5" in de-DE), or one with a decimal comma
        that no locale reads otherwise ("1.234.567,89", "3,5 million"); None for plain English."""
        text, marks = self.text, self.marks
        if marks.numeral is not None:
            m = marks.numeral.match(text, s)
            return m if m is not None and (m.group("dec") or not m.group("int").isdigit()) else None
        nxt = text[s + 1 : s + 5]
        if "," not in nxt and "." not in nxt:
            return None
        m = _COMMA_DECIMAL.match(text, s)
        if m and (
            m.group("int").count(".")
            or _DECIMAL_COMMA_CONTEXT.match(text, m.end(), self.end)
            or text[max(0, s - 1) : s] == "\u20ac"
        ):
            return m
        return None

    def check_before_digits(self, s: int) -> None:
        """Digits inside a token ("i7", "F-16", "3.2.1", "11/23") or after an apostrophe ("'09")."""
        text = self.text
        before = text[s - 1] if s > 0 else " "
        if before.isupper() and _CODE_GLUED.search(text, max(0, s - 6), s):
            return  # "EUR250", "USD12m": a currency code written against the amount
        if (
            before.isalnum()
            or before in "_.,/:\u00ad"
            or (before in "-\u2010\u2011\u2013" and _code_hyphen(text, s - 1))
        ):
            raise _Reject(self.token_end(s))
        if before in "'\u2019" and _numeral_at(text, s).end() - s == 2:
            raise _Reject(s + 2)

    def exponent(self, q: _Quantity) -> None:
        """ "4e14", "2.48×10−5", "6×10²³", "8x2^10", "2^10"."""
        nxt = self.text[q.end : q.end + 2]
        if not nxt or nxt[0] not in _EXPONENT_LEADS and (nxt[-1] not in _TIMES_SIGNS or not nxt[0].isspace()):
            return  # as _EXPONENT cannot match (a sign of times may follow a space): "6 euros" need not compile it
        m = _EXPONENT.match(self.text, q.end, self.end)
        if not m:
            return
        q.powered = True
        ten = m.group("t") or m.group("t2") or m.group("t3")
        if m.group("e") is not None:
            q.value *= Fraction(10) ** int(_minus(m.group("e")))
        elif ten is not None:
            q.value *= Fraction(10) ** _superscript(ten)
        elif m.group("b") is not None:
            q.value *= Fraction(int(m.group("b"))) ** int(_minus(m.group("p")))
        else:
            q.value = q.value ** int(m.group("x"))
        q.end, q.plain = m.end(), False

    def fraction(self, q: _Quantity, raw: str) -> None:
        """ "1/4", "1/40", "2 1/2", "2½"; "24/7" and "12/25" are not fractions."""
        text = self.text
        if q.plain and text.startswith("/", q.end):
            m = _SLASH.match(text, q.end)
            if not m or not _is_fraction(int(raw), int(m.group(1))):
                raise _Reject(self.token_end(q.end))
            q.value, q.end, q.plain = Fraction(int(raw), int(m.group(1))), m.end(), False
            return
        nxt = text[q.end : q.end + 2]
        mixed = nxt[:1] in W.VULGAR or nxt[-1:].isdigit() or nxt[-1:] in W.VULGAR
        m = _MIXED.match(text, q.end, self.end) if q.plain and mixed else None
        if not m:
            return
        if m.group("v"):
            num, den = W.VULGAR[m.group("v")]
        else:
            num, den = int(m.group("n")), int(m.group("d"))
            if not _is_fraction(num, den):
                return
        q.value += Fraction(num, den)
        q.end, q.plain = m.end(), False

    def glued(self, q: _Quantity) -> None:
        """Letters right after the digits: an ordinal, a magnitude, a unit, or a code like "4G"."""
        text, p = self.text, q.end
        if p >= self.end or not (text[p].isalpha() or text[p] in "µμ°º"):
            return
        m = _GLUED_WORD.match(text, p)
        if m is None:
            return
        word = m.group()
        after = text[m.end()] if m.end() < len(text) else " "
        if word in ("st", "nd", "rd", "th") or word.lower() in ("am", "pm") or word == "x" and after.isdigit():
            raise _Reject(m.end())
        known = word in U.UNIT_SYMBOLS or word in U.MAGNITUDE_ABBREVIATIONS or word.upper() in U.CURRENCY_CODES
        if after.isdigit() and word not in U.UNIT_SYMBOLS:
            raise _Reject(self.token_end(p))
        if word[0].isupper() and not known and word not in U.UNIT_SYMBOLS and len(word) <= 3:
            raise _Reject(self.token_end(p))  # "3D", "4G", "2FA"

    def words(self, s: int) -> _Quantity:
        tokens = W.word_tokens(self.text, s, self.end)
        first = tokens[0][0].lower()
        if first == "half":
            q = _Quantity(s, tokens[0][2], Fraction(1, 2), words=True)
            self.half(q)
            return q
        tokens = _before_and_fraction(tokens)
        value, used, last = W.word_value(tokens)
        if used == 0 or W.word_kind(first) in ("hundred", "scale"):
            raise _Reject(tokens[max(used, 1) - 1][2])  # "several hundred", "thousands": no number given
        if used < len(tokens) and last in ("teen", "tens") and W.word_kind(tokens[used][0].lower()) in ("teen", "tens"):
            raise _Reject(tokens[used][2])  # "nineteen ninety-one": a year read aloud, for the date reader
        q = _Quantity(s, tokens[used - 1][2], value, words=True)
        if last == "scale":
            q.base = value / W.SCALES[tokens[used - 1][0].lower()]
        q.bare_one = used == 1 and first == "one"
        if used == 1 and first == "zero":
            self.zero(q)
        self.word_fraction(q, tokens, used, last)
        return q

    def word_fraction(self, q: _Quantity, tokens, used: int, last: str) -> None:
        """ "two thirds", "three-quarters", "one and a half", "three-quarters of a million"."""
        if last in ("unit", "teen", "tens") and used < len(tokens):
            word, sep, tok_end = tokens[used]
            den = W.FRACTION_WORDS.get(word.lower())
            if den and sep.strip() in ("", "-") and word.lower().endswith("s") == (q.value > 1):
                q.value /= den
                q.end, q.bare_one = tok_end, False
        if last in ("unit", "teen", "tens", "scale", "hundred"):
            step = q.value / q.base if last == "scale" and q.base else Fraction(100 if last == "hundred" else 1)
            self.and_fraction(q, step)
        self.fraction_of_magnitude(q)

    def and_fraction(self, q: _Quantity, step: Fraction) -> None:
        """ "one and a half", "3 million and a half", "two hundred and three quarters": the
        fraction is of the last scale named (a half of a million), so the value stays between
        the whole and the next whole of that scale."""
        m = _AND_FRACTION.match(self.text, q.end, self.end)
        if not m:
            return
        if m.group("f"):
            num, den = 1, W.FRACTION_WORDS[m.group("f").lower()]
        elif m.group("dn"):
            num, den = int(m.group("dn")), int(m.group("dd"))
            if not _is_fraction(num, den):
                return
        else:
            num, den = W.CARDINALS[m.group("n").lower()], W.FRACTION_WORDS[m.group("fs").lower()]
            if num >= den:
                return
        q.value += Fraction(num, den) * step
        q.end, q.bare_one, q.plain = m.end(), False, False

    def fraction_of_magnitude(self, q: _Quantity) -> None:
        """ "half a million", "a quarter of a million", "half a dozen"."""
        if q.value >= 1 and q.value.denominator == 1:
            return
        m = _OF_A_MAGNITUDE.match(self.text, q.end, self.end)
        if m:
            q.value *= _MAGNITUDE_OF[m.group("m").lower()]
            q.end, q.magnitude = m.end(), True

    def half(self, q: _Quantity) -> None:
        text = self.text
        if _NOT_HALF_BEFORE.search(text, max(0, q.start - 12), q.start):
            raise _Reject(q.end)
        self.fraction_of_magnitude(q)
        if q.magnitude:
            return
        if text.startswith("-", q.end):
            raise _Reject(q.end)
        after = _HALF_AFTER.match(text, q.end, self.end)
        if not after:
            raise _Reject(q.end)
        if after.group().strip().lower() != "of":  # "half a mile", "half a percentage point"
            unit = U.unit_at(text, after.end(), self.end)
            points = _PERCENT_AFTER.match(text, after.end(), self.end)
            if points and points.group("points"):
                q.unit, q.end = _percent_unit(points), points.end()
            elif unit:
                q.end, q.unit = unit

    def zero(self, q: _Quantity) -> None:
        """ "zero tolerance", "ground zero", "zero-sum" are not quantities."""
        text = self.text
        if _ZERO_IDIOMS.match(text, q.end, self.end) or _ZERO_IDIOM_BEFORE.search(text, max(0, q.start - 8), q.start):
            raise _Reject(q.end)

    def article(self, m: re.Match) -> _Quantity:
        """ "a hundred", "a dozen", "a baker's dozen", "a third of", "a mile", "a dollar"."""
        text, s = self.text, m.start("a")
        w_start, w_end = _a_word(text, m.end("a"))
        word = " ".join(text[w_start:w_end].lower().split())
        if word in ("hundred", "dozen", *W.SCALES):
            return self.a_number(s, w_start)
        if word.startswith("baker"):
            return _Quantity(s, w_end, Fraction(13), words=True)
        if word in W.FRACTION_WORDS:
            q = _Quantity(s, w_end, Fraction(1, W.FRACTION_WORDS[word]), words=True)
            self.fraction_of_magnitude(q)
            if (
                not q.magnitude
                and not _PART_OF.match(text, q.end, self.end)
                and not _BY_BEFORE.search(text, max(0, s - 4), s)
            ):
                raise _Reject(q.end)  # "the third quarter"; but "cut by a third" is an amount
            return q
        q = _Quantity(s, w_end, Fraction(1), words=True)
        if word in ("dollar", "euro"):
            q.currency = U.CURRENCY_WORDS[word]
        else:
            q.unit = "penny" if word == "penny" else U.UNIT_NAMES.get(word)
        if self.text.startswith(" and", q.end):
            self.and_fraction(q, Fraction(1))  # "an hour and a half"
        return q

    def a_number(self, s: int, word_start: int) -> _Quantity:
        """ "a hundred and two", "a million", "a dozen": "a" stands for "one"."""
        tokens = W.word_tokens(self.text, word_start, self.end)
        tokens = [("one", "", word_start), (tokens[0][0], " ", tokens[0][2]), *tokens[1:]]
        value, used, last = W.word_value(tokens)
        q = _Quantity(s, tokens[used - 1][2], value, words=True)
        if last == "scale":
            q.base = value / W.SCALES[tokens[used - 1][0].lower()]
        self.word_fraction(q, tokens, used, last)
        return q

    # what comes before

    def left(self, q: _Quantity) -> None:
        """A sign, a currency symbol, then a qualifier, read backwards from the number."""
        text, s = self.text, q.start
        window = text[max(self.start, s - 40) : s]
        if not window:
            return
        tail = window.rstrip(" \u00a0-")[-5:]
        if not q.words and (window[-1] in _SIGNS or tail[-1:] in _CURRENCY_TAILS or tail[-1:].isupper()):
            window = self.sign_and_currency(q, window)
        elif tail.lower() in ("minus", "ative"):  # "minus one", "negative five"
            m = _MINUS_WORD.search(window)
            if m:
                q.value, q.start = -q.value, q.start - len(m.group())
                window = window[: len(window) - len(m.group())]
        self.qualifier_before(q, window)

    def sign_and_currency(self, q: _Quantity, window: str) -> str:
        """ "-15", "$6", "US$ 6", "$-99.99", "-$5", "minus 5"."""
        if window.endswith("#"):
            # "#1" ranks; "#557 million" and "#10.86" are pounds written the way older
            # wire copy wrote "£" (check_names drops the rank once the magnitude is known)
            q.currency, q.start, q.hash = "GBP", q.start - 1, True
            return window[:-1]
        sign = _SIGN_BEFORE.search(window)
        if sign:
            q.value, q.start = -q.value, q.start - 1
            window = window[:-1]
        cur = _CURRENCY_BEFORE.search(window)
        if cur:
            q.currency = U.currency_code(cur.group("c"))
            if cur.group("s"):
                self.scale_by(q, _SHORTHAND_SCALES[cur.group("s")])  # "MUSD 12"
            q.start -= len(cur.group())
            window = window[: len(window) - len(cur.group())]
            if cur.group().endswith("-") and not sign:
                q.value = -q.value
            elif not sign and _SIGN_BEFORE.search(window):
                q.value, q.start = -q.value, q.start - 1
                window = window[:-1]
        elif not sign:
            m = _MINUS_WORD.search(window)
            if m:
                q.value, q.start = -q.value, q.start - len(m.group())
                window = window[: len(window) - len(m.group())]
        return window

    def qualifier_before(self, q: _Quantity, window: str) -> None:
        m = _SYMBOL_BEFORE.search(window) if window[-1:] in _QUALIFIER_SYMBOL_TAILS else None
        if m:
            q.qualifier = W.QUALIFIER_SYMBOL[m.group("q")]
            q.start -= len(m.group())
            return
        found = _qualifier_at_end(window) if _last_word(window) in W.QUALIFIER_ENDS else None
        if found:
            q.qualifier = W.CANON_QUALIFIER.get(found[1], found[1])
            q.start -= found[0]
        elif _EMPHASIS_BEFORE.search(window):
            q.bare_one = False

    # what comes after

    def right(self, q: _Quantity) -> None:
        # Each step first looks at the next two characters: most figures are followed by a
        # space and a plain word, and a pattern that cannot match there is not tried.
        nxt = self.next_two(q)
        if nxt[0] in _MAGNITUDE_LEADS or nxt[1] in _MAGNITUDE_LEADS:
            self.magnitudes(q)
        whole = q.base if q.magnitude and q.base is not None else q.value
        if not q.words and self.next_two(q) == " a" and whole.denominator == 1:
            self.and_fraction(q, q.value / q.base if q.magnitude and q.base else Fraction(1))
            if not q.magnitude and q.value.denominator != 1:
                self.magnitudes(q)  # "2 and a half million"
        q.number_end = q.end
        if self.next_two(q) in (" i", " o") and self.ratio(q):
            return
        self.measure(q)
        nxt = self.next_two(q)
        if "\u00b1" in nxt or "+" in nxt:
            self.tolerance(q)
        self.range(q)
        nxt = self.next_two(q)
        if nxt[0] in "+-" or nxt[1] in "op":
            self.qualifier_after(q)
        if q.currency or q.unit or self.next_two(q) == " t":
            self.rate(q)
        if q.currency is None and q.unit is None and not self.year_like(q):
            self.counted_noun(q)
            self.qualifier_after(q)  # "100 guests or more"
        if q.counted and (q.unit or "").lower() in W.TALLY_NOUNS and self.next_two(q) == " t":
            self.tally_in_words(q)
        self.pronoun_one(q)

    def named(self, q: _Quantity) -> bool:
        """A capitalized name just before the number: "Boeing 747-400" is a model, not a tally."""
        m = _NAME_BEFORE.search(self.text[max(0, q.start - 30) : q.start])
        return m is not None and _is_name_word(m.group("w"))

    def tally_talk(self, q: _Quantity) -> bool:
        """ "voted 51 to 49", "won 3 to 1": a verb of voting or winning makes two numbers a tally."""
        return bool(_TALLY_BEFORE.search(self.text, max(self.start, q.start - 40), q.start))

    def tally(self, q: _Quantity, second: _Quantity) -> None:
        """A tally or score is one figure: its value is the first count, and its unit says what
        the other side had ("to 1"; with a counted noun, "votes to 4"), so that a changed count
        on either side is a changed figure."""
        noun = f"{q.unit} " if q.counted else ""
        q.unit, q.counted, q.end, q.plain = f"{noun}to {_number(second.value)}", False, second.end, False

    def tally_in_words(self, q: _Quantity) -> None:
        """ "nine votes to four", "12 seats to 9"."""
        m = _TO_COUNT.match(self.text, q.end, self.end)
        c = _candidate_at(self.text, m.end(), self.end) if m else None
        if not c or c.lastgroup not in ("d", "w") or (c.lastgroup == "w") != q.words:
            return
        try:
            second = self.core(c, first=False)
        except _Reject:
            return
        if second.value.denominator == 1 and second.value < q.value and not second.magnitude:
            self.tally(q, second)

    def next_two(self, q: _Quantity) -> str:
        nxt = self.text[q.end : q.end + 2]
        return nxt if len(nxt) == 2 else nxt.ljust(2)

    def ratio(self, q: _Quantity) -> bool:
        """ "one in five adults", "1 in 10", "eight out of 10": a share, valued as the fraction (0.2, 0.1, 0.8)."""
        if q.value.denominator != 1 or q.value < 1 or q.magnitude:
            return False
        m = _IN.match(self.text, q.end, self.end)
        c = _candidate_at(self.text, m.end(), self.end) if m else None
        if not c or c.lastgroup not in ("d", "w"):
            return False
        try:
            whole = self.core(c, first=False)
        except _Reject:
            return False
        self.magnitudes(whole)
        if whole.value.denominator != 1 or whole.value <= q.value or self.year_like(whole):
            return False
        q.value, q.end, q.plain, q.bare_one = q.value / whole.value, whole.end, False, False
        q.number_end = q.end
        self.counted_noun(q, plural=True)
        return True

    def magnitudes(self, q: _Quantity) -> None:
        """ "6 billion", "$6bn", "€5m", "0.5k", "2 dozen"."""
        text = self.text
        while True:
            m = _MAGNITUDE_AFTER.match(text, q.end, self.end)
            if not m and self.marks.indian:
                m = _INDIAN_ABBREVIATION.match(text, q.end, self.end)  # "Rs 5 cr", "20 lacs"
                if not m or m.group("w") == "L" and not q.currency:
                    return  # "20 L" alone is litres; "Rs 20 L" is twenty lakh
                self.scale_by(q, U.MAGNITUDE_WORDS["crore" if m.group("w").lower().startswith("cr") else "lakh"])
                q.end, q.plain = m.end(), False
                continue
            if not m:
                return
            word = m.group("w")
            key = word if word in U.MAGNITUDE_ABBREVIATIONS else word.lower()
            if key in U.MONEY_ONLY_ABBREVIATIONS and not self.money_context(q, m.end(), talk=key != "m"):
                return
            spaced = m.group("glue") is None
            if spaced and key in U.MAGNITUDE_ABBREVIATIONS and key not in _SPACED_ABBREVIATIONS and not q.currency:
                # "7.5 k runners" counts thousands; "7.5 K" alone may be kelvins
                if key not in ("k", "K") or not self.money_context(q, m.end()):
                    return
            if q.base is None:
                q.base = q.value
            q.value *= _MAGNITUDE_OF.get(key) or U.MAGNITUDE_ABBREVIATIONS[key]
            q.end, q.magnitude, q.plain = m.end(), True, False
            if key == "dozen":
                return

    def money_context(self, q: _Quantity, after: int, *, talk: bool = False) -> bool:
        """ "€5m" and "5m people" are millions; "a 5m wall" is five metres. With `talk`, a
        clause about money also makes one ("raised 5bn", "raised 5mil"): "m" never needs it."""
        if q.currency or U.money_after(self.text, after, self.end):
            return True
        nxt = _WORD.match(self.text, after, self.end)
        if nxt is not None and _is_plural(nxt.group("w")) and nxt.group("w").lower() not in U.UNIT_NAMES:
            return True
        return talk and self.money_talk(q)

    def measure(self, q: _Quantity) -> None:
        """Percent, a currency after the amount, or a unit of measurement."""
        if q.unit:
            return
        text, p = self.text, q.end
        m = _PERCENT_AFTER.match(text, p, self.end)
        if m:
            q.unit = _percent_unit(m)
            q.end, q.plain = m.end(), False
            return
        if self.shorthand_after(q):
            return
        money = U.money_after(text, p, self.end)
        if money and self.currency_after(q, money):
            if not q.magnitude:
                self.magnitudes(q)  # "40 EUR million"
            self.minor_units(q)
            return
        if q.currency:
            self.minor_units(q)
            return
        unit = U.unit_at(text, p, self.end)
        if unit and self.year_like(q) and text[unit[0] - 1] not in "sS":
            return  # "the 1988 second quarter"
        if unit:
            q.end, q.unit = unit
            q.plain = False

    def shorthand_after(self, q: _Quantity) -> bool:
        """ "85 MGBP", "12 BUSD": a scale letter glued to the currency code, as financial copy writes it."""
        nxt = self.next_two(q)
        if q.currency or not (nxt[0] in "MBKT" or nxt[0] == " " and nxt[1] in "MBKT"):
            return False
        m = _SHORTHAND_AFTER.match(self.text, q.end, self.end)
        if not m:
            return False
        self.scale_by(q, _SHORTHAND_SCALES[m.group("s")])
        q.currency, q.end, q.plain = U.currency_code(m.group("c")), m.end(), False
        return True

    def scale_by(self, q: _Quantity, scale: int) -> None:
        if q.base is None:
            q.base = q.value
        q.value *= scale
        q.magnitude = True

    def minor_units(self, q: _Quantity) -> None:
        """ "8 dollars 20 cents", "twelve euros and ten cents", "£5 and 50p": one amount."""
        text = self.text
        if q.magnitude or q.value.denominator != 1 or q.low is not None:
            return
        m = _MINOR_GAP.match(text, q.end, self.end)
        c = _candidate_at(text, m.end(), self.end) if m else None
        if not c or c.lastgroup not in ("d", "w"):
            return
        try:
            minor = self.core(c, first=False)
        except _Reject:
            return
        unit = _MINOR_AFTER.match(text, minor.end, self.end)
        if not unit or minor.value.denominator != 1 or not 0 < minor.value < 100:
            return
        q.value = (q.value + minor.value / 100) if q.value >= 0 else (q.value - minor.value / 100)
        q.end, q.plain = unit.end(), False

    def currency_after(self, q: _Quantity, money: U.MoneyAfter) -> bool:
        """ "15€", "5m USD", "6 billion US dollars", "200 pounds" (weight unless it reads as money)."""
        if money.symbol or money.code:
            code = U.currency_code(money.symbol or money.code)
        else:
            word = money.word.lower()
            if word == "pound" and not (q.magnitude or money.sterling or self.money_talk(q)):
                q.unit, q.end, q.plain = "pound", money.end, False
                return True
            if word in ("won", "mark") and not (
                q.magnitude or q.value >= 100 or money.country or "." in self.text[q.start : q.end]
            ):
                return False  # "the team that won", "top marks"
            code = U.currency_for(word, money.country)
        if q.currency and q.currency != code:
            return False
        q.currency, q.end, q.plain = code, money.end, False
        return True

    def money_talk(self, q: _Quantity) -> bool:
        """ "fined 500 pounds", "£2.50": pounds sterling; "weighs 200 pounds": a weight."""
        text = self.text
        if _PENCE.search(text, q.start, q.end):
            return True
        clause = _CLAUSE_START.split(text[max(0, q.start - 40) : q.start])[-1]
        return bool(_MONEY_WORDS.search(clause)) and not _WEIGHT_WORDS.search(clause)

    def tolerance(self, q: _Quantity) -> None:
        """ "9.8 ± 0.1 m/s": the margin is part of the figure, the value is the centre."""
        m = _TOLERANCE.match(self.text, q.end, self.end)
        if m:
            q.end, q.plain = m.end(), False
            if not q.unit and not q.currency:
                self.measure(q)

    def range(self, q: _Quantity) -> None:
        """ "10-20", "10 to 20", "between 10 and 20", "$5-6 billion", "8- to 16-metre"."""
        text = self.text
        m = _FOR_ONE.match(text, q.end, self.end)
        if m:
            raise _Reject(m.end())  # "a two-for-one split", "3-for-2": a ratio, not two figures
        m = _RANGE_JOIN.match(text, q.end, self.end)
        if not m or q.bare_one and m.group("j").lower() != "to":
            return
        if self.year_like(q) and m.group("j").lower() in ("to", "and", "through"):
            return  # "from 1990 to 2000" is for the date reader; "by 2030 to 32 percent" no range
        join = m.group("j").lower()
        dash = join in ("-", "\u2013", "\u2014")
        opener = _BETWEEN.search(text, max(self.start, q.start - 9), q.start)
        if join == "and" and not (opener and opener.group("w").lower() == "between"):
            return
        if not dash and _after_change_verb(text, max(0, q.start - 60), opener.start() if opener else q.start):
            return
        if join in ("to", "-", "\u2013") and (r := _TO_ONE.match(text, q.end, self.end)) and q.plain and q.value > 1:
            q.unit, q.end, q.plain = "ratio", r.end(), False  # "a 3-to-1 margin", "won by 2 to 1"
            return
        second = self.second(m.end(), q)
        if second is None:
            if dash and text[m.end() : m.end() + 1].isdigit():
                raise _Reject(self.token_end(m.end()))
            return
        if not _same_measure(q, second) or self.not_a_range(q, second) or not opener and self.far_apart(q, second):
            if self.score(q, second) and (dash or self.tally_talk(q)) and not self.named(q):
                self.tally(q, second)  # "voted 19-15", "won 3-1", "the Senate voted 51 to 49"
            elif dash:
                raise _Reject(second.end)
            return
        self.make_range(q, second, opener)

    def second(self, pos: int, first: _Quantity) -> _Quantity | None:
        """The other end of a range: "20" in "10-20", "$20" in "$10 to $20"."""
        text = self.text
        symbol = U.currency_symbol_at(text, pos, self.end)
        p = pos + len(symbol) if symbol else pos
        if symbol and p < self.end and text[p] in " \u00a0":
            p += 1
        sign = _SIGN_AT.match(text, p, self.end)
        p = sign.end() if sign else p
        m = _candidate_at(text, p, self.end)
        if not m or m.lastgroup == "a" or (m.lastgroup == "w") != first.words:
            return None
        try:
            q = self.core(m, first=False)
            if q.bare_one or q.words and m.group().lower() == "half":
                return None
        except _Reject:
            return None
        if sign:
            q.value = -q.value
        if symbol:
            q.currency = U.currency_code(symbol)
        self.magnitudes(q)
        self.measure(q)
        return q

    def not_a_range(self, a: _Quantity, b: _Quantity) -> bool:
        """Digit pairs that read as a span of years, a phone number, or a score or vote."""
        if not (a.plain and b.plain):
            return False
        sa, sb = self.text[a.start : a.end], self.text[b.start : b.end]
        if len(sa) == 4 and 1800 <= a.value <= 2100 and len(sb) in (2, 4):
            return True  # 2013-14, 1990 to 2000: the date reader's
        if len(sa) == 3 and len(sb) == 4 and not sb.endswith("00"):
            return True  # 555-1234
        return a.value > b.value  # 3-1, a 5-4 ruling, "voted 6 to 3"

    def score(self, a: _Quantity, b: _Quantity) -> bool:
        """ "a 5-4 ruling", "won 3-1", "voted 19-15": a tally whose two numbers can each be checked."""
        return (
            a.plain
            and b.plain
            and a.value > b.value
            and self.text[a.start : a.end].isdigit()
            and len(self.text[a.start : a.end]) <= 3
            and not (len(self.text[a.start : a.end]) == 3 and len(self.text[b.start : b.end]) == 4)
        )

    def far_apart(self, a: _Quantity, b: _Quantity) -> bool:
        """ "skidded 1.74 to 123.5": a change and a level, not a range; a range's ends are of a size."""
        if a.magnitude or b.magnitude or a.value <= 0 or b.value <= 0:
            return False
        return max(a.value, b.value) / min(a.value, b.value) > 10

    def make_range(self, q: _Quantity, second: _Quantity, opener: re.Match | None) -> None:
        if second.magnitude and not q.magnitude and second.base:
            scale = second.value / second.base
            if abs(q.value) < abs(second.base):
                q.value *= scale
        low, high = sorted((q.value, second.value))
        q.low, q.high, q.value = low, high, (low + high) / 2
        q.currency = q.currency or second.currency
        q.unit = q.unit or second.unit
        q.end, q.plain, q.magnitude = second.end, False, q.magnitude or second.magnitude
        if opener:
            q.start = min(q.start, opener.start())
        q.qualifier = q.qualifier or "between"

    def qualifier_after(self, q: _Quantity) -> None:
        """ "10,000+", "50-plus", "40-odd", "100 or more", "a dozen or so"."""
        m = _QUALIFIER_AFTER.match(self.text, q.end, self.end)
        if m and not q.qualifier:
            word = " ".join(m.group("q").lower().split())
            q.qualifier = W.CANON_QUALIFIER.get(word, word)
            q.end, q.bare_one = m.end(), False

    def rate(self, q: _Quantity) -> None:
        """ "$3 a gallon", "$15.4/hour", "four times per week", "20 J/m² per year"."""
        m = _TIMES.match(self.text, q.end, self.end)
        if m and not (q.unit or q.currency):
            q.unit, q.end = "times", m.end()
        for _ in range(2):
            if not (q.currency or q.unit):
                return
            m = _PER.match(self.text, q.end, self.end)
            unit = self.rate_unit(q, m) if m else None
            if not unit:
                return
            q.unit = f"{q.currency or q.unit} per {unit[1]}"
            q.currency, q.end = None, unit[0]

    def rate_unit(self, q: _Quantity, per: re.Match) -> tuple[int, str] | None:
        """What "a"/"per"/"/" divides by: a unit, or for money a thing priced ("a share")."""
        text, p = self.text, per.end()
        article = per.group().strip() in ("a", "an")
        unit = U.unit_at(text, p, self.end, spaced=False)
        if (
            unit
            and article
            and (unit[1] not in U.TIME_UNITS | U.ONE_OF_UNITS or _RELATIVE_TIME.match(text, unit[0], self.end))
        ):
            return None  # "$5 a year earlier" is a date, not a rate
        if unit or not (q.currency or q.unit in ("cent", "penny")):
            return unit
        m = _PRICED.match(text, p, self.end)
        return (m.end(), m.group().lower()) if m else None

    def year_like(self, q: _Quantity) -> bool:
        """ "1989 results", "the 2010 election": a year used as an adjective counts nothing."""
        return q.plain and 1800 <= q.value <= 2100 and q.value.denominator == 1

    def counted_noun(self, q: _Quantity, plural: bool = False) -> None:
        """ "114 Patriot missiles" → "Patriot missiles"; "two of the" → nothing."""
        text, p = self.text, q.end
        words: list[str] = []
        singular = q.value <= 1 and not plural
        if q.value.denominator != 1 and not plural:
            return  # "two thirds of voters": a share, not a count
        m = _COMPOUND.match(text, p, self.end) if text.startswith("-", p) else None
        if m and not q.bare_one:
            q.unit, q.counted, q.end = m.group("w").lower(), True, m.end()  # "a 40-page report"
            return
        for _ in range(4):
            m = _WORD.match(text, p, self.end)
            if not m:
                break
            word = m.group("w")
            clean = (
                word
                if _ABBREVIATION.search(word)
                else word.rstrip(".,'\u2019").removesuffix("'s").removesuffix("\u2019s")
            )
            lower = clean.lower()
            if not clean or lower in W.NOUN_PHRASE_STOPS or lower.split("-")[0] in W.NUMBER_WORD_SET:
                break
            if singular and lower.endswith(("ed", "ing", "ly")):
                break
            words.append(clean)
            p = m.end()
            if not singular and _is_plural(clean) or clean != word or _CLAUSE_BREAK.match(text, p):
                break
        if words and (singular or _is_plural(words[-1])):
            q.unit, q.counted = " ".join(words), True
            q.end = text.index(words[-1], q.end) + len(words[-1])

    def pronoun_one(self, q: _Quantity) -> None:
        """Bare "one" is a figure only when it counts something: "one person", not "one of the"."""
        if not q.bare_one or q.qualifier:
            return
        text = self.text
        if _PRONOUN_ONE_BEFORE.search(text, max(0, q.start - 12), q.start):
            raise _Reject(q.number_end)
        nxt = _WORD.match(text, q.number_end, self.end)
        if not nxt or nxt.group("w").lower() in W.PRONOUN_ONE_AFTER or not (q.unit or q.currency):
            raise _Reject(q.number_end)

    # names and labels

    def check_names(self, q: _Quantity) -> None:
        """ "Boeing 747", "Apollo 11", "Room 101", "page 12", "Air Force One": a name, not a quantity."""
        text, s = self.text, q.start
        if q.hash and q.plain:
            raise _Reject(q.end)
        if q.plain and _IDIOM_AFTER.match(text, q.number_end, self.end) and q.value in W.IDIOM_NUMBERS:
            raise _Reject(q.end)  # "a 911 call", "a 401(k) plan"
        if q.words and text[s].isupper() and self.capitalized_name(q):
            raise _Reject(q.end)
        if q.qualifier or q.currency or q.low is not None or q.magnitude or q.unit and not q.counted:
            return
        if not (q.plain or q.words and text[s].isupper()):
            return
        window = text[max(0, s - 30) : s]
        if _last_word(window) in W.LABEL_WORDS:
            raise _Reject(q.number_end)
        m = _NAME_BEFORE.search(window)
        if m and _is_name_word(m.group("w")):
            # A number in a name ("Boeing 747", "Voyager 2") stays a figure, since "Boeing 737"
            # where the source says 747 is the kind of error a check is for; but it counts
            # nothing, so the noun after it is no unit ("747 jets" are not 747 jets).
            after = text[q.number_end : q.number_end + 2]
            if len(after) == 2 and after[0] in "-\u2010\u2011\u2013" and after[1].isdigit():
                raise _Reject(self.token_end(q.number_end + 1))  # a model code ("747-400"), not a tally
            q.unit, q.counted, q.end = None, False, q.number_end


# --- helpers for the scan --------------------------------------------------------------


# At most 24 digits before the point and 12 after: longer runs are identifiers, not amounts.
# Indian grouping ("45,67,890": pairs of digits before the last three) cannot be read any other
# way, so it is read in every locale. A space or thin space groups thousands ("2 345 678"), and
# a decimal point may follow the last group ("9 876 543.21").
def _kind_start(m: re.Match) -> int:
    """Where a candidate's named part (digits, number word or article) starts."""
    return m.start(m.lastgroup or 0)


def _numeral_at(text: str, s: int) -> re.Match:
    """The numeral at `s`, where a digit stands: _NUMERAL reads one from any digit."""
    m = _NUMERAL.match(text, s)
    if m is None:
        raise ValueError(f"no numeral at {s}")
    return m


_NUMERAL = re.compile(
    r"(?P<int>\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3}){1,7}(?!\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d\-/,])(?!\.\d+\.\d)){1,7}(?!\d)|\d{1,24})"
    r"(?P<dec>\.\d{1,12}(?!\.\d))?"
)
_DIGIT_GROUPING = re.compile(r"[,.'\u2019\s\u00a0\u202f\u2009]")
# A decimal comma in English copy, read only where nothing else fits: after points that group
# thousands ("1.234.567,89"), or before a scale, a percent sign or euros ("3,5 million", "2,75 %").
_COMMA_DECIMAL = _Lazy(r"(?P<int>\d{1,3}(?:\.\d{3})+(?=,\d{1,2}(?![\d,]))|\d{1,3})(?P<dec>,\d{1,2})(?![\d,]|\.\d)")
_DECIMAL_COMMA_CONTEXT = _Lazy(
    r"[ \u00a0]?(?:%|\u20ac|(?:EUR|Mio|Mrd)\b|(?i:per[ -]?cent|percent|million|billion|trillion|euros?)\b)"
)
_EXPONENT = _Lazy(
    r"[eE](?P<e>[-+\u2212]?\d{1,2})(?!\w|\.\d)"
    r"|\s?[x\u00d7\u00b7*]\s?10(?:(?:\^|\*\*)(?P<t>[-+\u2212]?\d{1,2})|(?P<t2>[-\u2212+]\d{1,2})"
    r"|(?P<t3>[\u207b\u207a]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,2}))(?!\d)"
    r"|\s?[x\u00d7]\s?(?P<b>\d{1,3})(?:\^|\*\*)(?P<p>[-+\u2212]?\d{1,2})(?!\d)"
    r"|(?:\^|\*\*)(?P<x>\d{1,2})(?!\d)"
)
_EXPONENT_LEADS = frozenset("eE^*x\u00d7\u00b7")
_TIMES_SIGNS = frozenset("x\u00d7\u00b7*")  # after a space
_SLASH = _Lazy(r"/(\d{1,4})(?![\d/])")
_MIXED = _Lazy(r"(?:[ \u00a0\u2009-])?(?:(?P<n>\d{1,2})/(?P<d>\d{1,3})(?![\d/])|(?P<v>[" + "".join(W.VULGAR) + r"]))")
_GLUED_WORD = re.compile(r"[\u00b0\u00ba]?[^\W\d_]+|[\u00b0\u00ba]")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 1000})


def _before_and_fraction(tokens):
    """Number words up to an "and" that opens a fraction: in "two hundred and three quarters"
    the three counts quarters, not units (`_Scan.and_fraction` reads it)."""
    for i in range(1, len(tokens) - 1):
        if tokens[i][1].strip().lower() == "and" and tokens[i + 1][0].lower() in W.FRACTION_WORDS:
            return tokens[:i]
    return tokens


def _is_fraction(num: int, den: int) -> bool:
    """1/4 and 1/40 are fractions; 12/25 is more likely a date, 24/7 and 50/50 are idioms."""
    if den == 0 or num >= den:
        return False
    return den in _FRACTION_DENOMINATORS or den > 31


def _inside_word(text: str, pos: int) -> bool:
    """ "one" in "someone", "ten" in "often", "a" in "Korea a": not the start of a word."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_'\u2019-")


def _minus(s: str) -> str:
    return s.replace("\u2212", "-")


_SUPERSCRIPTS = str.maketrans(
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u207a", "0123456789-+"
)


def _superscript(s: str) -> int:
    return int(_minus(s.translate(_SUPERSCRIPTS)))


def _code_hyphen(text: str, hyphen: int) -> bool:
    """ "F-16", "COVID-19", "mid-2010", "10-20", "September 16-19": a hyphen after a letter, a digit
    or a masked date joins a code, a range or a date, and the digits after it are no figure of their own."""
    return hyphen > 0 and (text[hyphen - 1].isalnum() or text[hyphen - 1] == _BARRIER)


_BY_BEFORE = _Lazy(r"(?i:\bby\s+)$")
_AND_FRACTION = _Lazy(
    r"(?i:\s+and\s+(?:an?\s+(?P<f>half|third|quarter|fourth|fifth|eighth|tenth)"
    r"|(?P<n>one|two|three|four|five|seven|nine)[\s-]+(?P<fs>thirds|quarters|fourths|fifths|eighths|tenths)"
    r"|(?P<dn>\d{1,2})/(?P<dd>\d{1,2})(?![\d/])))(?!\w)"
)
_MAGNITUDE_OF = {**{k: Fraction(v) for k, v in U.MAGNITUDE_WORDS.items()}, "dozen": Fraction(12)}
# "half a million", "a quarter of a million", "half million", "a half-million"
_OF_A_MAGNITUDE = _Lazy(
    r"(?i:(?:\s+(?:of\s+)?(?:an?\s+)?|-)(?P<m>hundred|thousand|million|billion|trillion|dozen|lakh|crore))(?!\w)"
)
_HALF_AFTER = _Lazy(r"(?i:\s+(?:of|an?)\b)")
_PART_OF = _Lazy(r"(?i:\s+(?:of|century|point|percentage\s+point)\b|-(?:century|point)\b)")
_A_NEXT = _Lazy(lambda: r"\s+(?P<w>(?i:" + _trie(w.lower() for w in W.A_WORDS) + r"))")
_A_WORDS_BY_FIRST = U.by_first_letter({w.lower() for w in W.A_WORDS})


def _a_word(text: str, p: int) -> tuple[int, int]:
    """Where the word after "a" at `p` starts and ends (_ARTICLES saw that there is one): what
    _A_NEXT matches, read by hand (see units.money_after) unless a letter outside ASCII makes
    that unsure."""
    start = p
    while start < len(text) and text[start].isspace():
        start += 1
    end = U.any_case_word_at(text, start, len(text), _A_WORDS_BY_FIRST) if start > p else None
    if end is U.UNSURE:
        m = _A_NEXT.match(text, p)
        return (m.start("w"), m.end()) if m else (start, start)
    return start, end if isinstance(end, int) else start  # no word of the list: an empty one


_SIGNS = "-\u2212\u2013#"
_CURRENCY_TAILS = frozenset("".join(U.CURRENCY_SYMBOLS) + "s.")
_QUALIFIER_SYMBOL_TAILS = frozenset("~≈><≥≤=")
_SIGN_BEFORE = re.compile(r"(?:(?<=[\s(\[\"'\u201c:=\x00])|^)[-\u2212\u2013]$")
_SIGN_AT = _Lazy(r"[-\u2212]")
_MINUS_WORD = _Lazy(r"(?i:\b(?:minus|negative)\s+)$")
_CODES = "|".join(sorted(U.CURRENCY_CODES | set(U.CODE_ALIASES)))
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<=[^\w$£€¥])|^)(?:(?P<s>MN|BN|[KMBT])(?=(?:" + _CODES + r")[ \u00a0]?$))?"
    r"(?P<c>" + _trie(U.CURRENCY_SYMBOLS) + r"|(?:" + _CODES + r"))[ \u00a0]?-?$"
)
_CODE_GLUED = _Lazy(lambda: r"(?<![\w])(?:MN|BN|[KMBT])?(?:" + _CODES + r")$")
_TALLY_BEFORE = _Lazy(
    r"(?i:\b(?:vot(?:ed|es?|ing)|won|wins?|winning|beat|beats|lost|los(?:es?|ing)|defeated|ruled|margin|scored?|"
    r"drew|draw|tally|split|passed|rejected|approved|confirmed)\b(?:\s+[\w,]+){0,3}?\s+$)"
)
_TO_COUNT = _Lazy(r"[ \u00a0]+to[ \u00a0]+")
_PENCE = _Lazy(r"\.\d\d$")
_SHORTHAND_SCALES = {"K": 1_000, "M": 1_000_000, "MN": 1_000_000, "B": 1_000_000_000, "BN": 1_000_000_000,
                     "T": 1_000_000_000_000}  # fmt: skip
_SHORTHAND_AFTER = _Lazy(lambda: r"[ \u00a0]?(?P<s>MN|BN|[KMBT])(?P<c>" + _CODES + r")(?!\w)")
_MINOR_GAP = _Lazy(r"(?:,?[ \u00a0]+and)?[ \u00a0]+(?=\w)")
_MINOR_AFTER = _Lazy(r"(?:[ \u00a0]*(?i:cents?|pence|centimes|paise)|p(?!\.m\.))(?!\w)")
_CLAUSE_START = _Lazy(r"[;.!?]\s")
_WEIGHT_WORDS = _Lazy(r"(?i:\b(?:weigh\w*|heav\w+|lighter|mass)\b)")
_MONEY_WORDS = _Lazy(
    r"(?i:\b(?:fined?|fines|paid|pay|pays|paying|cost|costs|costing|worth|earn(?:s|ed|ing)?|salary|wages?|"
    r"spen[dt]|spending|owe[sd]?|price[sd]?|bill|compensation|damages|award(?:ed)?|donat\w*|sold|bought|"
    r"budget|tax|fees?|charged?|raised|won|prize|bonus|loan|debt|invest\w*|funding|grant)\b)"
)
_PERCENT_AFTER = re.compile(
    r"[ \u00a0]?%|(?i:[ \u00a0]*-?(?:per[ -]?cent|percent|pct\.?)(?!\w)"
    r"|\s+(?P<points>percentage[ -]points?|basis[ -]points?)(?!\w)|[ \u00a0]?(?P<bps>bps)\b)"
)


def _percent_unit(m: re.Match) -> str:
    if m.group("bps"):
        return "basis points"
    if m.group("points"):
        return "percentage points" if m.group("points").lower().startswith("percentage") else "basis points"
    return "percent"


# Characters a magnitude ("million", "bn", "k", "dozen", "-million") can start with.
_MAGNITUDE_LEADS = frozenset("hHtTmMbBdDkKlLcC-")
_INDIAN_ABBREVIATION = _Lazy(r"[ \u00a0]?(?P<w>(?i:crs?|lacs?|lakhs?)|L)(?!\w)")
_SPACED_ABBREVIATIONS = frozenset({"mn", "mln", "bn", "bln", "tn", "trn", "tln"})
_MAGNITUDE_AFTER = re.compile(
    r"(?:(?P<glue>)(?=[A-Za-z])|[ \u00a0]+|\s*-\s*)"
    r"(?P<w>(?i:hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)|bn|bln|mn|mln|tn|trn|tln|mil|MM|[kKmMbBT])(?!\w)"
)
_RANGE_JOIN = re.compile(r"-?\s*(?P<j>-|\u2013|\u2014|(?i:to|and|through)(?!\w))\s*(?=[\d$£€¥\w\u2212-])")
_TO_ONE = _Lazy(r"(?:[ \u00a0]+to[ \u00a0]+|-to-|:)(?:1|one)(?![\d.,:]|\w)")
_FOR_ONE = _Lazy(r"(?i:-for-(?:\d+|one|two|three|four|five|ten)\b)")
_PER = re.compile(r"\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+")
_TIMES = re.compile(r"\s+times\b")
_IN = _Lazy(r"[ \u00a0]+(?:in|out\s+of)[ \u00a0]+")
_RELATIVE_TIME = _Lazy(r"(?i:\s+(?:earlier|ago|before|later|after|prior|on|from)\b)")
_PRICED = _Lazy(r"(?i:share|head|person|capita|piece|unit|night|ticket|seat|visit|item|dose)(?!\w)")


def _after_change_verb(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` ends with a verb of change, up to four words and a space: "rose from ".

    This is _CHANGE.search(text, start, end). Compiling _CHANGE (a long tree of words matched
    in any case) costs more than most drafts take to read, so text in ASCII, where lower()
    is what matching in any case does, is read word by word from its end instead.
    """
    window = text[start:end]
    if not window.isascii():
        return _CHANGE.search(text, start, end) is not None
    if not window[-1:].isspace():
        return False
    words = window.split()
    for i in range(1, min(5, len(words)) + 1):
        word = words[-i]
        letters = _TRAILING_LETTERS.search(word)
        if letters and letters.group().lower() in _CHANGE_VERB_SET:
            # the verb must begin a word: "rose", "(rose"; not "prose", "3rose"
            cut = letters.start()
            before = word[cut - 1] if cut else _char_before(text, start, len(words) - i, window)
            if not (before.isalnum() or before == "_"):
                return True
        if not _CHANGE_WORD.fullmatch(word):
            return False  # the words after the verb are letters, digits and "$%.,'"
    return False


def _char_before(text: str, start: int, index: int, window: str) -> str:
    """The character before the `index`-th word of `window` (text[start:end]): a space, or the
    one before the window when the word opens it."""
    if index or window[0].isspace():
        return " "
    return text[start - 1] if start else " "


def _same_measure(a: _Quantity, b: _Quantity) -> bool:
    """Both ends of a range measure the same thing: "44 mg to 50 mg", not "44 ml to 50 mg"."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.unit and b.unit != a.unit:
        return False
    return not (a.currency and b.unit)


def _is_plural(word: str) -> bool:
    w = word.lower().rstrip(".")
    if w in W.IRREGULAR_PLURALS or w.endswith(("men", "people")):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def _is_name_word(word: str) -> bool:
    """A capitalized word that names something, not a sentence-opening function word."""
    return any(c.isupper() for c in word) and word.lower() not in W.NOT_NAMES


_SHARED = _Lazy(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
_COMMA_JOIN = _Lazy(r"\s*,\s*(?:and|or)\s*")
_LIST_COMMA = _Lazy(r"\s*,\s*")


def _share_units(text: str, found: list[_Quantity]) -> None:
    """ "45 and 50 mg", "5, 10 or 15 percent": a bare number in a list takes the measure of the next."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.unit or a.currency or b.counted or not (b.unit or b.currency):
            continue
        if _SHARED.fullmatch(text, a.end, b.start) and not _joins_clauses(text, found, i):
            a.unit, a.currency = b.unit, b.currency


def _joins_clauses(text: str, found: list[_Quantity], i: int) -> bool:
    """ ", and" after a lone number joins two clauses ("in 2013, and 278,000 t"): a comma
    before "and" belongs to a list only when an item of the list comes before it."""
    if not _COMMA_JOIN.fullmatch(text, found[i].end, found[i + 1].start):
        return False
    return i == 0 or not _LIST_COMMA.fullmatch(text, found[i - 1].end, found[i].start)
