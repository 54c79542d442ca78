"""The number itself: digits in the newsroom's marks, exponents, fractions, number words, "a dozen"."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import units as U
from factcheck.extract.numbers.candidates import kind_start
from factcheck.extract.numbers.not_figures import BARRIER, NOT_A_FIGURE_AT
from factcheck.extract.numbers.quantity import CODES, WEATHER, Lazy, Quantity, Region, Reject, scale_by, token_end

_trie = U.trie


def core(r: Region, m: re.Match, *, first: bool) -> Quantity:
    """The number a candidate match starts: a vulgar fraction, digits, number words or "a" before one.

    `first`: the number opens a figure (not the second end of a range), so what may stand
    before digits is checked too."""
    kind = m.lastgroup
    s = kind_start(m)
    if kind == "d" and m.group("d") in W.VULGAR:
        num, den = W.VULGAR[m.group("d")]
        return Quantity(s, s + 1, Fraction(num, den))
    if kind == "d":
        return digits(r, s, first=first)
    if kind == "w":
        return words(r, s)
    return article(r, m)


def digits(r: Region, s: int, *, first: bool) -> Quantity:
    text = r.text
    local = local_numeral(r, s)
    code = False
    if first:
        code = check_before_digits(r.text, s)
        m = (
            None
            if local and local.end() - s > 4 or colon_pair(text, s, r.end)
            else NOT_A_FIGURE_AT.match(text, s, r.end)
        )
        if m:
            raise Reject(m.end())
    m = local or _numeral_at(text, s)
    if text[m.end() : m.end() + 1].isdigit():
        raise Reject(token_end(r.text, m.end()))  # too many digits for an amount
    raw, dec = m.group("int"), m.group("dec")
    digits = raw if raw.isdigit() else _DIGIT_GROUPING.sub("", raw)
    value = Fraction(int(digits + dec[1:]), 10 ** (len(dec) - 1)) if dec else Fraction(int(digits))
    q = Quantity(s, m.end(), value, plain=dec is None and raw.isdigit())
    q.code = code
    exponent(r, q)
    fraction(r, q, raw)
    glued(r, q)
    return q


def colon_pair(text: str, s: int, end: int) -> re.Match | None:
    """ "a 25:1 ratio", "won 2:1": two counts set against each other, where a clock time or a
    verse would have two digits after the colon ("10:30", "John 3:16"). Two digits there make
    a ratio only where the word says so ("a 16:10 ratio")."""
    m = _COLON_PAIR.match(text, s, end)
    if m is None or _CLOCK_AFTER.match(text, m.end(), end):
        return None
    if len(m.group("b")) == 1 and not _VERSE_BEFORE.search(text, max(0, s - 30), s):
        return m
    return m if _RATIO_AFTER.match(text, m.end(), end) or _RATIO_BEFORE.search(text, max(0, s - 20), s) else None


def local_numeral(r: Region, s: int) -> re.Match | None:
    """A numeral in the newsroom's own marks ("1.234,5" in de-DE), or one with a decimal comma
    that no locale reads otherwise ("1.234.567,89", "3,5 million"); None for plain English."""
    text, marks = r.text, r.marks
    if marks.numeral is not None:
        m = marks.numeral.match(text, s)
        return m if m is not None and (m.group("dec") or not m.group("int").isdigit()) else None
    nxt = text[s + 1 : s + 5]
    if "," not in nxt and "." not in nxt:
        return None
    m = _COMMA_DECIMAL.match(text, s)
    if m and (
        m.group("int").count(".")
        or _DECIMAL_COMMA_CONTEXT.match(text, m.end(), r.end)
        or text[max(0, s - 1) : s] == "\u20ac"
    ):
        return m
    return None


def code_start(text: str, s: int) -> int | None:
    """Where the name starts when the digits at `s` follow it and a hyphen: 0 in "G-20"."""
    if s < 2 or text[s - 1] not in "-\u2010\u2011\u2013":
        return None
    m = _NAMED_CODE.search(text, max(0, s - 9), s - 1)
    return m.start() if m else None


def check_before_digits(text: str, s: int) -> bool:
    """Digits inside a token ("i7", "3.2.1", "11/23") or after an apostrophe ("'09") are no figure.

    True for the number of a name joined to it by a hyphen ("G-20", "F-35", "COVID-19"):
    a figure that names rather than counts, as "Boeing 747" is (see `names`)."""
    before = text[s - 1] if s > 0 else " "
    if before.isupper() and _CODE_GLUED.search(text, max(0, s - 6), s):
        return False  # "EUR250", "USD12m": a currency code written against the amount
    if code_start(text, s) is not None:
        return True
    if before.isalnum() or before in "_.,/:\u00ad" or (before in "-\u2010\u2011\u2013" and _code_hyphen(text, s - 1)):
        raise Reject(token_end(text, s))
    if before in "'\u2019" and _numeral_at(text, s).end() - s == 2:
        raise Reject(s + 2)
    return False


def exponent(r: Region, q: Quantity) -> None:
    """ "4e14", "2.48×10−5", "6×10²³", "8x2^10", "2^10"."""
    nxt = r.text[q.end : q.end + 2]
    if not nxt or nxt[0] not in _EXPONENT_LEADS and (nxt[-1] not in _TIMES_SIGNS or not nxt[0].isspace()):
        return  # as _EXPONENT cannot match (a sign of times may follow a space): "6 euros" need not compile it
    m = _EXPONENT.match(r.text, q.end, r.end)
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


def fraction(r: Region, q: Quantity, raw: str) -> None:
    """ "1/4", "1/40", "2 1/2", "2½"; "24/7" and "12/25" are not fractions."""
    text = r.text
    if q.plain and text.startswith("/", q.end):
        m = _SLASH.match(text, q.end)
        if not m or not _is_fraction(int(raw), int(m.group(1))):
            raise Reject(token_end(r.text, q.end))
        q.value, q.end, q.plain = Fraction(int(raw), int(m.group(1))), m.end(), False
        return
    nxt = text[q.end : q.end + 2]
    mixed = nxt[:1] in W.VULGAR or nxt[-1:].isdigit() or nxt[-1:] in W.VULGAR
    m = _MIXED.match(text, q.end, r.end) if q.plain and mixed else None
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


def glued(r: Region, q: Quantity) -> None:
    """Letters right after the digits: an ordinal, a magnitude, a unit, or a code like "4G"."""
    text, p = r.text, q.end
    if p >= r.end or not (text[p].isalpha() or text[p] in "µμ°º"):
        return
    m = _GLUED_WORD.match(text, p)
    if m is None:
        return
    word = m.group()
    after = text[m.end()] if m.end() < len(text) else " "
    if word in ("st", "nd", "rd", "th") or word.lower() in ("am", "pm") or word == "x" and after.isdigit():
        raise Reject(m.end())
    known = word in U.UNIT_SYMBOLS or word in U.MAGNITUDE_ABBREVIATIONS or word.upper() in U.CURRENCY_CODES
    if after.isdigit() and word not in U.UNIT_SYMBOLS:
        raise Reject(token_end(r.text, p))
    if word == "p" and q.value < 100 and not after.isalnum() and not text.startswith(".m", m.end()):
        q.unit, q.end, q.plain = "penny", m.end(), False  # "99p", "a 5p coin": pence, kept as written
        return
    if word in ("C", "F") and not after.isalnum() and WEATHER.search(text, max(0, q.start - 80), q.start):
        q.unit = "degree Celsius" if word == "C" else "degree Fahrenheit"  # "highs of 41C"
        q.end, q.plain = m.end(), False
        return
    if word[0].isupper() and not known and word not in U.UNIT_SYMBOLS and len(word) <= 3:
        raise Reject(token_end(r.text, p))  # "3D", "4G", "2FA"


def words(r: Region, s: int) -> Quantity:
    tokens = W.word_tokens(r.text, s, r.end)
    first = tokens[0][0].lower()
    if first not in W.WORD_TOKENS:
        return vague(r, s)  # no number word: one of the vague plurals ("hundreds of") found it
    if first == "half":
        q = Quantity(s, tokens[0][2], Fraction(1, 2), words=True)
        half(r, q)
        return q
    tokens = _before_and_fraction(tokens)
    value, used, last = W.word_value(tokens)
    if used == 0 or W.word_kind(first) in ("hundred", "scale"):
        raise Reject(tokens[max(used, 1) - 1][2])  # "several hundred", "thousands": no number given
    if used < len(tokens) and last in ("teen", "tens") and W.word_kind(tokens[used][0].lower()) in ("teen", "tens"):
        raise Reject(tokens[used][2])  # "nineteen ninety-one": a year read aloud, for the date reader
    q = Quantity(s, tokens[used - 1][2], value, words=True)
    if last == "scale":
        q.base = value / W.SCALES[tokens[used - 1][0].lower()]
    q.bare_one = used == 1 and first == "one"
    if last in ("unit", "teen", "tens") and spoken_decimal(r, q):
        return q
    if used == 1 and first == "zero":
        zero(r, q)
    word_fraction(r, q, tokens, used, last)
    return q


def spoken_decimal(r: Region, q: Quantity) -> bool:
    """ "two point four billion", "ninety-nine point nine percent": a decimal read aloud, its
    digits one word each, with the scale after them applied to the whole."""
    m = _SPOKEN_DECIMAL.match(r.text, q.end, r.end)
    if not m or (q.value == 1 and _AT_ONE_POINT.search(r.text, max(r.start, q.start - 4), q.start)):
        return False  # "at one point two officers left": the idiom, then a count
    places = [W.CARDINALS.get(d.lower(), 0) for d in m.group("digits").split()]
    q.value += Fraction(int("".join(map(str, places))), 10 ** len(places))
    q.end, q.bare_one = m.end(), False
    if m.group("scale"):
        scale_by(q, W.SCALES[m.group("scale").lower()])
    return True


def vague(r: Region, s: int) -> Quantity:
    """ "hundreds of people", "tens of thousands", "dozens of flights": an order of magnitude.

    Its value is the least the words can mean (100 for "hundreds"), `low` and `high` the
    order it names, and the qualifier the words themselves, so that a checker reads "hundreds
    of people" as at least a hundred and a source's "hundreds" as no exact count. The span
    keeps "of" for the counted noun to follow; `parse` gives it back when none does."""
    m = _VAGUE.match(r.text, s, r.end)
    if not m:
        raise Reject(s + 1)
    outer, inner = m.group("a").lower(), (m.group("b") or "").lower()
    if not m.group("of") and not inner or outer == "tens" and not inner:
        raise Reject(m.end())  # "the thousands", "tens": no count of anything
    value = Fraction(W.VAGUE_PLURALS[outer] * (W.VAGUE_PLURALS[inner] if inner else 1))
    if inner and W.VAGUE_PLURALS[inner] <= W.VAGUE_PLURALS[outer]:
        raise Reject(m.end())
    q = Quantity(s, m.end(), value, words=True)
    q.low, q.high = value, value * 10
    q.qualifier = " ".join(r.text[s : m.end("b") if inner else m.end("a")].lower().split())
    q.magnitude = True
    return q


def word_fraction(r: Region, q: Quantity, tokens, used: int, last: str) -> None:
    """ "two thirds", "three-quarters", "one and a half", "three-quarters of a million"."""
    if last in ("unit", "teen", "tens") and used < len(tokens):
        word, sep, tok_end = tokens[used]
        den = W.FRACTION_WORDS.get(word.lower())
        if den and sep.strip() in ("", "-") and word.lower().endswith("s") == (q.value > 1):
            q.value /= den
            q.end, q.bare_one = tok_end, False
    if last in ("unit", "teen", "tens", "scale", "hundred"):
        step = q.value / q.base if last == "scale" and q.base else Fraction(100 if last == "hundred" else 1)
        and_fraction(r, q, step)
    fraction_of_magnitude(r, q)


def and_fraction(r: Region, q: Quantity, step: Fraction) -> None:
    """ "one and a half", "3 million and a half", "two hundred and three quarters": the
    fraction is of the last scale named (a half of a million), so the value stays between
    the whole and the next whole of that scale."""
    m = _AND_FRACTION.match(r.text, q.end, r.end)
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


def fraction_of_magnitude(r: Region, q: Quantity) -> None:
    """ "half a million", "a quarter of a million", "half a dozen"."""
    if q.value >= 1 and q.value.denominator == 1:
        return
    m = _OF_A_MAGNITUDE.match(r.text, q.end, r.end)
    if m:
        q.value *= MAGNITUDE_OF[m.group("m").lower()]
        q.end, q.magnitude = m.end(), True


def half(r: Region, q: Quantity) -> None:
    text = r.text
    if _NOT_HALF_BEFORE.search(text, max(0, q.start - 12), q.start):
        raise Reject(q.end)
    fraction_of_magnitude(r, q)
    if q.magnitude:
        return
    if text.startswith("-", q.end):
        raise Reject(q.end)
    after = _HALF_AFTER.match(text, q.end, r.end)
    if not after:
        raise Reject(q.end)
    if after.group("det"):
        if _HALF_IDIOM.match(text, after.end(), r.end):
            raise Reject(q.end)  # "half the time", "half the battle": a manner of speaking
        return  # "half their value", "half the town": a share of what follows
    if after.group().strip().lower() != "of":  # "half a mile", "half a percentage point"
        unit = U.unit_at(text, after.end(), r.end)
        points = PERCENT_AFTER.match(text, after.end(), r.end)
        if points and points.group("points"):
            q.unit, q.end = percent_unit(points), points.end()
        elif point := _A_POINT.match(text, after.end(), r.end):
            q.unit, q.end = "points", point.end()  # "half a point"
        elif unit:
            q.end, q.unit = unit


def zero(r: Region, q: Quantity) -> None:
    """ "zero tolerance", "ground zero", "zero-sum" are not quantities."""
    text = r.text
    if _ZERO_IDIOMS.match(text, q.end, r.end) or _ZERO_IDIOM_BEFORE.search(text, max(0, q.start - 8), q.start):
        raise Reject(q.end)


def article(r: Region, m: re.Match) -> Quantity:
    """ "a hundred", "a dozen", "a baker's dozen", "a third of", "a mile", "a dollar"."""
    text, s = r.text, m.start("a")
    w_start, w_end = _a_word(text, m.end("a"))
    word = " ".join(text[w_start:w_end].lower().split())
    if word in ("hundred", "dozen", *W.SCALES):
        return a_number(r, s, w_start)
    if word.startswith("baker"):
        return Quantity(s, w_end, Fraction(13), words=True)
    if word in W.FRACTION_WORDS:
        q = Quantity(s, w_end, Fraction(1, W.FRACTION_WORDS[word]), words=True)
        fraction_of_magnitude(r, q)
        if (
            not q.magnitude
            and not _PART_OF.match(text, q.end, r.end)
            and not _BY_BEFORE.search(text, max(0, s - 4), s)
            and not _fraction_alone(text, q, word)
        ):
            raise Reject(q.end)  # "the third quarter"; but "cut by a third" is an amount
        return q
    q = Quantity(s, w_end, Fraction(1), words=True)
    if word in ("dollar", "euro"):
        q.currency = U.CURRENCY_WORDS[word]
    else:
        q.unit = "penny" if word == "penny" else U.UNIT_NAMES.get(word)
    if r.text.startswith(" and", q.end):
        and_fraction(r, q, Fraction(1))  # "an hour and a half"
    return q


def _fraction_alone(text: str, q: Quantity, word: str) -> bool:
    """ "only a half, not the whole", "nearly a third.": a fraction that ends its clause is an
    amount; "a third" needs a word of amount before it, since "came a third" is a place."""
    if not _CLAUSE_END.match(text, q.end) or _AND_BEFORE.search(text, max(0, q.start - 5), q.start):
        return False  # "an hour and a half": the tail of an amount read (or left) before it
    return word == "half" or _AMOUNT_BEFORE.search(text, max(0, q.start - 12), q.start) is not None


def a_number(r: Region, s: int, word_start: int) -> Quantity:
    """ "a hundred and two", "a million", "a dozen": "a" stands for "one"."""
    tokens = W.word_tokens(r.text, word_start, r.end)
    tokens = [("one", "", word_start), (tokens[0][0], " ", tokens[0][2]), *tokens[1:]]
    value, used, last = W.word_value(tokens)
    q = Quantity(s, tokens[used - 1][2], value, words=True)
    if last == "scale":
        q.base = value / W.SCALES[tokens[used - 1][0].lower()]
    word_fraction(r, q, tokens, used, last)
    return q


# At most 24 digits before the point and 12 after: longer runs are identifiers, not amounts.
# Indian grouping ("45,67,890": pairs of digits before the last three) cannot be read any other
# way, so it is read in every locale. A space or thin space groups thousands ("2 345 678"), and
# a decimal point may follow the last group ("9 876 543.21").
_NUMERAL = re.compile(
    r"(?P<int>\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3}){1,7}(?!\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d\-/,])(?!\.\d+\.\d)){1,7}(?!\d)|\d{1,24})"
    r"(?P<dec>\.\d{1,12}(?!\.\d))?"
)


def _numeral_at(text: str, s: int) -> re.Match:
    """The numeral at `s`, where a digit stands: _NUMERAL reads one from any digit."""
    m = _NUMERAL.match(text, s)
    if m is None:
        raise ValueError(f"no numeral at {s}")
    return m


_DIGIT_GROUPING = re.compile(r"[,.'\u2019\s\u00a0\u202f\u2009]")


# A decimal comma in English copy, read only where nothing else fits: after points that group
# thousands ("1.234.567,89"), or before a scale, a percent sign or euros ("3,5 million", "2,75 %").
_COMMA_DECIMAL = Lazy(r"(?P<int>\d{1,3}(?:\.\d{3})+(?=,\d{1,2}(?![\d,]))|\d{1,3})(?P<dec>,\d{1,2})(?![\d,]|\.\d)")


_DECIMAL_COMMA_CONTEXT = Lazy(
    r"[ \u00a0]?(?:%|\u20ac|(?:EUR|Mio|Mrd)\b|(?i:per[ -]?cent|percent|million|billion|trillion|euros?)\b)"
)


_EXPONENT = Lazy(
    r"[eE](?P<e>[-+\u2212]?\d{1,2})(?!\w|\.\d)"
    r"|\s?[x\u00d7\u00b7*]\s?10(?:(?:\^|\*\*)(?P<t>[-+\u2212]?\d{1,2})|(?P<t2>[-\u2212+]\d{1,2})"
    r"|(?P<t3>[\u207b\u207a]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,2}))(?!\d)"
    r"|\s?[x\u00d7]\s?(?P<b>\d{1,3})(?:\^|\*\*)(?P<p>[-+\u2212]?\d{1,2})(?!\d)"
    r"|(?:\^|\*\*)(?P<x>\d{1,2})(?!\d)"
)


_EXPONENT_LEADS = frozenset("eE^*x\u00d7\u00b7")


_TIMES_SIGNS = frozenset("x\u00d7\u00b7*")  # after a space


_SLASH = Lazy(r"/(\d{1,4})(?![\d/])")


_MIXED = Lazy(r"(?:[ \u00a0\u2009-])?(?:(?P<n>\d{1,2})/(?P<d>\d{1,3})(?![\d/])|(?P<v>[" + "".join(W.VULGAR) + r"]))")


_COLON_PAIR = Lazy(r"(?P<a>\d{1,3}):(?P<b>\d{1,3})(?![\d:]|[.,]\d)")


_CLOCK_AFTER = Lazy(r"\s?(?i:[ap]\.?m\b\.?|hours?\b|hrs?\b|GMT|UTC)")


# "Genesis 1:1", "John 3:5": a capitalized word right before the pair makes it a verse or a reference.
_VERSE_BEFORE = Lazy(r"(?<![.!?] )\b(?!(?:The|A|An|In|At|By|On|To|Of|With|From)\b)[A-Z][a-z]+\.? $")


_RATIO_AFTER = Lazy(r"(?i:\s+(?:aspect\s+)?ratio\b)")


_RATIO_BEFORE = Lazy(r"(?i:\b(?:ratio|odds)\s+(?:(?:of|is|was|at|stood\s+at|were)\s+)?(?:an?\s+)?$)")


_GLUED_WORD = re.compile(r"[\u00b0\u00ba]?[^\W\d_]+|[\u00b0\u00ba]")


_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 1000})


def _before_and_fraction(tokens):
    """Number words up to an "and" that opens a fraction: in "two hundred and three quarters"
    the three counts quarters, not units (`and_fraction` reads it)."""
    for i in range(1, len(tokens) - 1):
        if tokens[i][1].strip().lower() == "and" and tokens[i + 1][0].lower() in W.FRACTION_WORDS:
            return tokens[:i]
    return tokens


def _is_fraction(num: int, den: int) -> bool:
    """1/4 and 1/40 are fractions; 12/25 is more likely a date, 24/7 and 50/50 are idioms."""
    if den == 0 or num >= den:
        return False
    return den in _FRACTION_DENOMINATORS or den > 31


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
    return hyphen > 0 and (text[hyphen - 1].isalnum() or text[hyphen - 1] == BARRIER)


# One to three capitals before a hyphen and digits: "G-20", "F-35", "I-95" (not "MiG-29" or "COVID-19").
_NAMED_CODE = Lazy(r"(?<![\w\u2010\u2011\u2013.-])[A-Z]{1,3}$")


_CODE_GLUED = Lazy(lambda: r"(?<![\w])(?:MN|BN|[KMBT])?(?:" + CODES + r")$")


_NOT_HALF_BEFORE = Lazy(r"(?i:\b(?:the|first|second|third|fourth|last|other|latter|former|back|better|in|a)\s+$)")


_ZERO_IDIOMS = Lazy(r"(?i:\s*-?\s*(?:tolerance|sum|hour|day)\b)")


_ZERO_IDIOM_BEFORE = Lazy(r"(?i:\bground\s+$)")


_CLAUSE_END = Lazy(r"[ \u00a0]*(?:[,;:!?)\u2014\u2013\"\u201d]|\.(?!\d)|$)")


_AND_BEFORE = Lazy(r"(?i:\band\s+)$")


_AMOUNT_BEFORE = Lazy(r"(?i:\b(?:only|just|nearly|almost|about|roughly|around|than|over|under|some)\s+)$")


_BY_BEFORE = Lazy(r"(?i:\bby\s+)$")


_AND_FRACTION = Lazy(
    r"(?i:\s+and\s+(?:an?\s+(?P<f>half|third|quarter|fourth|fifth|eighth|tenth)"
    r"|(?P<n>one|two|three|four|five|seven|nine)[\s-]+(?P<fs>thirds|quarters|fourths|fifths|eighths|tenths)"
    r"|(?P<dn>\d{1,2})/(?P<dd>\d{1,2})(?![\d/])))(?!\w)"
)


_VAGUE = Lazy(
    r"(?i:(?P<a>" + "|".join(W.VAGUE_PLURALS) + ")"
    r"(?:\s+of\s+(?P<b>thousands|millions|billions))?(?!\w))(?P<of>\s+of(?!\w))?"
)


MAGNITUDE_OF = {
    **{k: Fraction(v) for k, v in U.MAGNITUDE_WORDS.items()},
    "dozen": Fraction(12),
    "dozens": Fraction(12),  # "4 dozens", after a number only
    "grand": Fraction(1000),  # "100 grand": thousands of the local currency, named by none
}


# "half a million", "a quarter of a million", "half million", "a half-million"
_OF_A_MAGNITUDE = Lazy(
    r"(?i:(?:\s+(?:of\s+)?(?:an?\s+)?|-)(?P<m>hundred|thousand|million|billion|trillion|dozen|lakh|crore))(?!\w)"
)


_A_POINT = Lazy(r"[ \u00a0]+(?i:point)(?!\w)")


_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_DECIMAL = Lazy(
    r"[ \u00a0]+(?i:point)[ \u00a0]+(?P<digits>(?i:" + _DIGIT_WORD + r"(?:[ \u00a0]+" + _DIGIT_WORD + r")*))(?![\w-])"
    r"(?:[ \u00a0]+(?P<scale>(?i:thousand|million|billion|trillion|lakh|crore))(?!\w))?"
)


_HALF_AFTER = Lazy(r"(?i:\s+(?:of|an?|(?P<det>the|their|its|his|her|our|your|my|all|those|these))\b)")


# The idioms "half the time/battle/story/fun" measure nothing.
_HALF_IDIOM = Lazy(r"(?i:\s+(?:time|battle|story|fun)\b)")

# "at one point" is a moment in a story, so a number word after it starts a new figure.
_AT_ONE_POINT = Lazy(r"(?i:\bat\s+)$")

_PART_OF = Lazy(r"(?i:\s+(?:of|century|point|percentage\s+point)\b|-(?:century|point)\b)")


_A_NEXT = Lazy(lambda: r"\s+(?P<w>(?i:" + _trie(w.lower() for w in W.A_WORDS) + r"))")


_A_WORDS_BY_FIRST = U.by_first_letter({w.lower() for w in W.A_WORDS})


def _a_word(text: str, p: int) -> tuple[int, int]:
    """Where the word after "a" at `p` starts and ends (ARTICLES saw that there is one): what
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


PERCENT_AFTER = re.compile(
    r"[ \u00a0]?%|(?i:[ \u00a0]*-?(?:per[ -]?cent|percent|pct\.?)(?!\w)"
    r"|\s+(?P<points>percentage[ -]points?|basis[ -]points?)(?!\w)|[ \u00a0]?(?P<bps>bps)\b)"
)


def percent_unit(m: re.Match) -> str:
    if m.group("bps"):
        return "basis points"
    if m.group("points"):
        return "percentage points" if m.group("points").lower().startswith("percentage") else "basis points"
    return "percent"
