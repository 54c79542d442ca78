"""What comes after a number: a magnitude, a unit or currency, a range, a rate, a counted noun."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import units as U
from factcheck.extract.numbers import years
from factcheck.extract.numbers.before import SHORTHAND_SCALES
from factcheck.extract.numbers.candidates import candidate_at
from factcheck.extract.numbers.names import NAME_BEFORE, is_name_word
from factcheck.extract.numbers.number import (
    MAGNITUDE_OF,
    PERCENT_AFTER,
    and_fraction,
    colon_pair,
    core,
    percent_unit,
)
from factcheck.extract.numbers.quantity import (
    CODES,
    WORD,
    End,
    Lazy,
    Quantity,
    Region,
    Reject,
    as_number,
    scale_by,
    token_end,
)

_trie = U.trie


def right(r: Region, q: Quantity) -> None:
    """Complete `q` with what follows the number: magnitude, unit or currency, range, rate, counted noun."""
    # Each step first looks at the next two characters: most figures are followed by a
    # space and a plain word, and a pattern that cannot match there is not tried.
    nxt = next_two(r.text, q)
    if nxt[0] in _MAGNITUDE_LEADS or nxt[1] in _MAGNITUDE_LEADS:
        magnitudes(r, q)
    whole = q.base if q.magnitude and q.base is not None else q.value
    if not q.words and next_two(r.text, q) == " a" and whole.denominator == 1:
        and_fraction(r, q, q.value / q.base if q.magnitude and q.base else Fraction(1))
        if not q.magnitude and q.value.denominator != 1:
            magnitudes(r, q)  # "2 and a half million"
    q.number_end = q.end
    if next_two(r.text, q) in (" i", " o") and ratio(r, q):
        return
    if q.plain and r.text.startswith(":", q.end) and colon_pair(r.text, q.start, r.end):
        colon_ratio(r, q)
        return
    measure(r, q)
    nxt = next_two(r.text, q)
    if "\u00b1" in nxt or "+" in nxt:
        tolerance(r, q)
    read_range(r, q)
    nxt = next_two(r.text, q)
    if nxt[0] in "+-" or nxt[1] in "op":
        qualifier_after(r, q)
    if q.currency or q.unit or next_two(r.text, q) == " t":
        rate(r, q)
    if q.currency is None and q.unit is None and (not year_like(q) or counts_not_year(r, q)):
        counted_noun(r, q)
        qualifier_after(r, q)  # "100 guests or more"
    if q.counted and (q.unit or "").lower() in W.TALLY_NOUNS and next_two(r.text, q) == " t":
        tally_in_words(r, q)
    pronoun_one(r, q)


def next_two(text: str, q: Quantity) -> str:
    nxt = text[q.end : q.end + 2]
    return nxt if len(nxt) == 2 else nxt.ljust(2)


def magnitudes(r: Region, q: Quantity) -> None:
    """ "6 billion", "$6bn", "€5m", "0.5k", "2 dozen"."""
    text = r.text
    while True:
        m = _MAGNITUDE_AFTER.match(text, q.end, r.end)
        if not m and r.marks.indian:
            m = _INDIAN_ABBREVIATION.match(text, q.end, r.end)  # "Rs 5 cr", "20 lacs"
            if not m or m.group("w") == "L" and not q.currency:
                return  # "20 L" alone is litres; "Rs 20 L" is twenty lakh
            scale_by(q, U.MAGNITUDE_WORDS["crore" if m.group("w").lower().startswith("cr") else "lakh"])
            q.end, q.plain = m.end(), False
            continue
        if not m:
            if q.magnitude:
                smaller_part(r, q)
            return
        word = m.group("w")
        key = word if word in U.MAGNITUDE_ABBREVIATIONS else word.lower()
        if key == "grand" and not _GRAND_ENDS.match(text, m.end(), r.end):
            return  # "100 grand pianos", "a grand jury": the adjective
        if key in U.MONEY_ONLY_ABBREVIATIONS and not money_context(r, q, m.end(), talk=key != "m"):
            return
        spaced = m.group("glue") is None
        if spaced and key in U.MAGNITUDE_ABBREVIATIONS and key not in _SPACED_ABBREVIATIONS and not q.currency:
            # "7.5 k runners" counts thousands; "7.5 K" alone may be kelvins
            if key not in ("k", "K") or not money_context(r, q, m.end()):
                return
        if q.base is None:
            q.base = q.value
        q.value *= MAGNITUDE_OF.get(key) or U.MAGNITUDE_ABBREVIATIONS[key]
        q.end, q.magnitude, q.plain = m.end(), True, False
        if key in ("dozen", "dozens"):
            return


def smaller_part(r: Region, q: Quantity) -> None:
    """ "2 lakh 50 thousand", "3 million 400 thousand", "1 crore and 20 lakh": the parts add up,
    each of a smaller scale than the one before."""
    if not q.base or q.base.denominator != 1 or q.low is not None:
        return  # no base, or nought of a scale ("0k"): nothing to add a part to
    scale = q.value / q.base
    m = _SMALLER_PART.match(r.text, q.end, r.end)
    if not m:
        return
    part = U.MAGNITUDE_WORDS[m.group("w").lower()]
    if part >= scale:
        return
    q.value += int(m.group("n")) * part
    q.end = m.end()


def money_context(r: Region, q: Quantity, after: int, *, talk: bool = False) -> bool:
    """ "€5m" and "5m people" are millions; "a 5m wall" is five metres. With `talk`, a
    clause about money also makes one ("raised 5bn", "raised 5mil"): "m" never needs it."""
    if q.currency or U.money_after(r.text, after, r.end):
        return True
    nxt = WORD.match(r.text, after, r.end)
    if nxt is not None and _is_plural(nxt.group("w")) and nxt.group("w").lower() not in U.UNIT_NAMES:
        return True
    return talk and money_talk(r.text, q)


def measure(r: Region, q: Quantity) -> None:
    """Percent, a currency after the amount, or a unit of measurement."""
    if q.unit:
        return
    text, p = r.text, q.end
    m = PERCENT_AFTER.match(text, p, r.end)
    if m:
        q.unit = percent_unit(m)
        q.end, q.plain = m.end(), False
        return
    if shorthand_after(r, q):
        return
    money = U.money_after(text, p, r.end)
    if money and currency_after(r.text, q, money):
        if not q.magnitude:
            magnitudes(r, q)  # "40 EUR million"
        minor_units(r, q)
        return
    if q.currency:
        minor_units(r, q)
        return
    if points(r, q):
        return
    unit = U.unit_at(text, p, r.end)
    if unit and year_like(q) and text[unit[0] - 1] not in "sS":
        return  # "the 1988 second quarter"
    if unit:
        q.end, q.unit = unit
        q.plain = False


def points(r: Region, q: Quantity) -> bool:
    """ "2.5 points", "three-quarters of a point": a move in an index or a poll, unit "points"
    ("4 percentage points" is read with percentages)."""
    m = _POINTS.match(r.text, q.end, r.end)
    if not m or m.group("of") and q.value >= 1:
        return False
    q.unit, q.end, q.plain = "points", m.end(), False
    return True


def shorthand_after(r: Region, q: Quantity) -> bool:
    """ "85 MGBP", "12 BUSD": a scale letter glued to the currency code, as financial copy writes it."""
    nxt = next_two(r.text, q)
    if q.currency or not (nxt[0] in "MBKT" or nxt[0] == " " and nxt[1] in "MBKT"):
        return False
    m = _SHORTHAND_AFTER.match(r.text, q.end, r.end)
    if not m:
        return False
    scale_by(q, SHORTHAND_SCALES[m.group("s")])
    q.currency, q.end, q.plain = U.currency_code(m.group("c")), m.end(), False
    return True


def minor_units(r: Region, q: Quantity) -> None:
    """ "8 dollars 20 cents", "twelve euros and ten cents", "£5 and 50p": one amount."""
    text = r.text
    if q.magnitude or q.value.denominator != 1 or q.low is not None:
        return
    m = _MINOR_GAP.match(text, q.end, r.end)
    c = candidate_at(text, m.end(), r.end) if m else None
    if not c or c.lastgroup not in ("d", "w"):
        return
    try:
        minor = core(r, c, first=False)
    except Reject:
        return
    unit = _MINOR_AFTER.match(text, minor.end, r.end)
    if unit is None and minor.unit == "penny":
        unit = _EMPTY.match(text, minor.end)  # "£5 and 50p": the number read its own "p"
    if unit is None and text[q.end - 1].isalpha() and not m.group().strip() and bare_minor(text, minor):
        unit = _EMPTY.match(text, minor.end)  # "8 dollars 20": the cents go unnamed after the currency's name
    if not unit or minor.value.denominator != 1 or not 0 < minor.value < 100:
        return
    q.value = (q.value + minor.value / 100) if q.value >= 0 else (q.value - minor.value / 100)
    q.end, q.plain = unit.end(), False


def bare_minor(text: str, minor: Quantity) -> bool:
    """Two digits, or a number word, with nothing after them that they could count."""
    written = text[minor.start : minor.end]
    if not (minor.words or len(written) == 2 and written.isdigit()):
        return False
    return _BARE_MINOR_END.match(text, minor.end) is not None


def currency_after(text: str, q: Quantity, money: U.MoneyAfter) -> bool:
    """ "15€", "5m USD", "6 billion US dollars", "200 pounds" (weight unless it reads as money)."""
    if money.symbol or money.code:
        code = U.currency_code(money.symbol or money.code)
    else:
        word = money.word.lower()
        if word == "pound" and not (
            q.magnitude or money.sterling or money_talk(text, q) or _PENCE_AFTER.match(text, money.end)
        ):
            q.unit, q.end, q.plain = "pound", money.end, False
            return True
        if word in ("won", "mark") and not (
            q.magnitude or q.value >= 100 or money.country or "." in text[q.start : q.end]
        ):
            return False  # "the team that won", "top marks"
        code = U.currency_for(word, money.country)
    if q.currency and q.currency != code:
        return False
    q.currency, q.end, q.plain = code, money.end, False
    return True


def money_talk(text: str, q: Quantity) -> bool:
    """ "fined 500 pounds", "£2.50": pounds sterling; "weighs 200 pounds": a weight."""
    if _PENCE.search(text, q.start, q.end):
        return True
    clause = _CLAUSE_START.split(text[max(0, q.start - 40) : q.start])[-1]
    return bool(_MONEY_WORDS.search(clause)) and not _WEIGHT_WORDS.search(clause)


def tolerance(r: Region, q: Quantity) -> None:
    """ "9.8 ± 0.1 m/s": the margin is part of the figure, the value is the centre."""
    m = _TOLERANCE.match(r.text, q.end, r.end)
    if m:
        q.end, q.plain = m.end(), False
        if not q.unit and not q.currency:
            measure(r, q)


def read_range(r: Region, q: Quantity) -> None:
    """ "10-20", "10 to 20", "between 10 and 20", "$5-6 billion", "8- to 16-metre"."""
    text = r.text
    m = _FOR_ONE.match(text, q.end, r.end)
    if m:
        split_ratio(q, m)
        return
    m = _RANGE_JOIN.match(text, q.end, r.end)
    if not m or q.bare_one and m.group("j").lower() != "to":
        return
    if year_like(q) and m.group("j").lower() in ("to", "and", "through"):
        return  # "from 1990 to 2000" is for the date reader; "by 2030 to 32 percent" no range
    join = m.group("j").lower()
    dash = join in ("-", "\u2013", "\u2014")
    opener = _BETWEEN.search(text, max(r.start, q.start - 9), q.start)
    if join == "and" and not (opener and opener.group("w").lower() == "between"):
        return
    between = opener is not None and opener.group("w").lower() == "between"
    if (
        not dash
        and not between
        and _after_change_verb(text, max(0, q.start - 60), opener.start() if opener else q.start)
    ):
        return  # "rose from 10 to 20" is a before and an after; "rose between 5 and 7" a range
    if join in ("to", "-", "\u2013") and (ratio_end := _TO_ONE.match(text, q.end, r.end)) and whole_count(q):
        if q.plain or not opener:  # "from three to one" counts down, it weighs nothing
            q.unit, q.end, q.plain = "ratio", ratio_end.end(), False  # "a 3-to-1 margin", "backed it three to one"
            return
    second = range_end(r, m.end(), q)
    if second is None:
        if dash and text[m.end() : m.end() + 1].isdigit():
            raise Reject(token_end(r.text, m.end()))
        return
    if not opener and q.words and word_score(q, second) and tally_talk(r, q):
        tally(q, second)  # "the jury voted ten to two"
        return
    if dash and not opener and q.plain and second.plain and model_code(text, q, second):
        raise Reject(second.end)  # "Boeing 737-800": a model, neither a range nor a tally
    if not opener and q.value > second.value >= 0 and not (q.plain and second.plain) and _same_measure(q, second):
        return  # "led 56 percent to 32 percent": two shares, not a range, which runs low to high
    if not _same_measure(q, second) or not_a_range(r.text, q, second) or not opener and far_apart(q, second):
        if score(r.text, q, second) and (tally_talk(r, q) or dash and not model_code(r.text, q, second)):
            tally(q, second)  # "voted 19-15", "won 3-1", "the Senate voted 51 to 49"
        elif dash:
            raise Reject(second.end)
        return
    if (
        q.value == second.value
        and q.plain
        and second.plain
        and not opener
        and _DRAW_BEFORE.search(text, max(r.start, q.start - 40), q.start)
    ):
        tally(q, second)  # "drew 2-2": a score, not a range of one number
        return
    make_range(q, second, opener)


def split_ratio(q: Quantity, m: re.Match) -> None:
    """ "a two-for-one split", "a 1-for-10 reverse split": one figure, the shares given, with
    the shares they replace as its unit ("for 1"), the way a tally keeps its other side."""
    if not whole_count(q) and q.value != 1:
        raise Reject(m.end())
    other = m.group("n").lower()
    count = int(other) if other.isdigit() else W.CARDINALS[other]
    q.unit, q.counted, q.end, q.plain, q.bare_one = f"for {count}", False, m.end(), False, False


def colon_ratio(r: Region, q: Quantity) -> None:
    """ "25:1" is a ratio; "won 2:1" a score; "a 3:2 ratio" a pair, kept as the first count
    to the second, as a tally is."""
    m = colon_pair(r.text, q.start, r.end)
    assert m is not None  # right() asked first
    second = Quantity(m.start("b"), m.end(), Fraction(int(m.group("b"))), plain=True)
    if second.value == 1 and not tally_talk(r, q):
        q.unit, q.end, q.plain = "ratio", m.end(), False
    else:
        tally(q, second)


def whole_count(q: Quantity) -> bool:
    """A whole number above one, in digits or words, with nothing after it yet: one side of
    a ratio ("3-to-1", "ten to one")."""
    return (q.plain or q.words and not q.magnitude and q.unit is None) and q.value > 1 and q.value.denominator == 1


def word_score(a: Quantity, b: Quantity) -> bool:
    """Two whole numbers in words, the first the larger: "seven to two" after a vote is a tally."""
    return (
        b.words
        and whole_count(a)
        and not b.magnitude
        and b.unit is None
        and b.value.denominator == 1
        and a.value > b.value >= 0
    )


def range_end(r: Region, pos: int, first: Quantity) -> Quantity | None:
    """The other end of a range: "20" in "10-20", "$20" in "$10 to $20"."""
    text = r.text
    symbol = U.currency_symbol_at(text, pos, r.end)
    p = pos + len(symbol) if symbol else pos
    if symbol and p < r.end and text[p] in " \u00a0":
        p += 1
    sign = _SIGN_AT.match(text, p, r.end)
    p = sign.end() if sign else p
    m = candidate_at(text, p, r.end)
    if not m or m.lastgroup == "a" or (m.lastgroup == "w") != first.words:
        return None
    try:
        q = core(r, m, first=False)
        if q.bare_one or q.words and m.group().lower() == "half":
            return None
    except Reject:
        return None
    if sign:
        q.value = -q.value
    if symbol:
        q.currency = U.currency_code(symbol)
    q.own_start = pos  # "$20" in "$10 to $20": the end's own text holds its symbol
    magnitudes(r, q)
    measure(r, q)
    return q


def not_a_range(text: str, a: Quantity, b: Quantity) -> bool:
    """Digit pairs that read as a span of years, a phone number, or a score or vote."""
    if not (a.plain and b.plain):
        return False
    sa, sb = text[a.start : a.end], text[b.start : b.end]
    if len(sa) == 4 and 1800 <= a.value <= 2100 and len(sb) in (2, 4):
        return True  # 2013-14, 1990 to 2000: the date reader's
    if len(sa) == 3 and len(sb) == 4 and not sb.endswith("00"):
        return True  # 555-1234
    return a.value > b.value  # 3-1, a 5-4 ruling, "voted 6 to 3"


def score(text: str, a: Quantity, b: Quantity) -> bool:
    """ "a 5-4 ruling", "won 3-1", "voted 19-15": a tally whose two numbers can each be checked."""
    return (
        a.plain
        and b.plain
        and a.value > b.value
        and text[a.start : a.end].isdigit()
        and len(text[a.start : a.end]) <= 3
        and not (len(text[a.start : a.end]) == 3 and len(text[b.start : b.end]) == 4)
    )


def far_apart(a: Quantity, b: Quantity) -> bool:
    """ "skidded 1.74 to 123.5": a change and a level, not a range; a range's ends are of a size."""
    if a.magnitude or b.magnitude or a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) / min(a.value, b.value) > 10


def make_range(q: Quantity, second: Quantity, opener: re.Match | None) -> None:
    if second.magnitude and not q.magnitude and second.base:
        scale = second.value / second.base
        if abs(q.value) < abs(second.base):
            q.value *= scale
    q.ends = (
        End(q.own_start, q.end, q.value, q.currency or q.unit, True),
        End(second.own_start, second.end, second.value, second.currency or second.unit, True),
    )
    low, high = sorted((q.value, second.value))
    q.low, q.high, q.value = low, high, (low + high) / 2
    q.currency = q.currency or second.currency
    q.unit = q.unit or second.unit
    q.end, q.plain, q.magnitude = second.end, False, q.magnitude or second.magnitude
    if opener:
        q.start = min(q.start, opener.start())
    q.qualifier = q.qualifier or "between"


def model_code(text: str, q: Quantity, second: Quantity) -> bool:
    """ "Boeing 747-400", "Tupolev 154-200": a name, then a number whose second part ends in
    hundreds, is a model; "the Celtics 101-99" and "the House 232-197" are scores and votes."""
    m = NAME_BEFORE.search(text[max(0, q.start - 30) : q.start])
    return m is not None and is_name_word(m.group("w")) and text[second.start : second.end].endswith("00")


def tally_talk(r: Region, q: Quantity) -> bool:
    """ "voted 51 to 49", "won 3 to 1": a verb of voting or winning makes two numbers a tally."""
    return bool(_TALLY_BEFORE.search(r.text, max(r.start, q.start - 40), q.start))


def tally(q: Quantity, second: Quantity) -> None:
    """A tally or score is one figure: its value is the first count, and its unit says what
    the other side had ("to 1"; with a counted noun, "votes to 4"), so that a changed count
    on either side is a changed figure."""
    q.ends = (
        End(q.own_start, q.end, q.value, q.currency or q.unit, False),
        End(second.own_start, second.end, second.value, second.currency or second.unit, False),
    )
    noun = f"{q.unit} " if q.counted else ""
    q.unit, q.counted, q.end, q.plain = f"{noun}to {as_number(second.value)}", False, second.end, False


def tally_in_words(r: Region, q: Quantity) -> None:
    """ "nine votes to four", "12 seats to 9"."""
    m = _TO_COUNT.match(r.text, q.end, r.end)
    c = candidate_at(r.text, m.end(), r.end) if m else None
    if not c or c.lastgroup not in ("d", "w") or (c.lastgroup == "w") != q.words:
        return
    try:
        second = core(r, c, first=False)
    except Reject:
        return
    if second.value.denominator == 1 and second.value < q.value and not second.magnitude:
        tally(q, second)


def ratio(r: Region, q: Quantity) -> bool:
    """ "one in five adults", "1 in 10", "eight out of 10": a share, valued as the fraction (0.2, 0.1, 0.8)."""
    if q.value.denominator != 1 or q.value < 1 or q.magnitude:
        return False
    m = _IN.match(r.text, q.end, r.end)
    c = candidate_at(r.text, m.end(), r.end) if m else None
    if not c or c.lastgroup not in ("d", "w"):
        return False
    try:
        whole = core(r, c, first=False)
    except Reject:
        return False
    magnitudes(r, whole)
    if whole.value.denominator != 1 or whole.value <= q.value or year_like(whole):
        return False
    q.value, q.end, q.plain, q.bare_one = q.value / whole.value, whole.end, False, False
    q.number_end = q.end
    counted_noun(r, q, plural=True)
    return True


def qualifier_after(r: Region, q: Quantity) -> None:
    """ "10,000+", "50-plus", "40-odd", "100 or more", "a dozen or so"."""
    m = _QUALIFIER_AFTER.match(r.text, q.end, r.end)
    if m and not q.qualifier:
        word = " ".join(m.group("q").lower().split())
        q.qualifier = W.CANON_QUALIFIER.get(word, word)
        q.end, q.bare_one = m.end(), False


def rate(r: Region, q: Quantity) -> None:
    """ "$3 a gallon", "$15.4/hour", "four times per week", "20 J/m² per year"."""
    m = _TIMES.match(r.text, q.end, r.end)
    if m and not (q.unit or q.currency):
        q.unit, q.end = "times", m.end()
    for _ in range(2):
        if not (q.currency or q.unit):
            return
        m = _PER.match(r.text, q.end, r.end)
        unit = rate_unit(r, q, m) if m else None
        if not unit:
            return
        q.unit = f"{q.currency or q.unit} per {unit[1]}"
        q.currency, q.end = None, unit[0]


def rate_unit(r: Region, q: Quantity, per: re.Match) -> tuple[int, str] | None:
    """What "a"/"per"/"/" divides by: a unit, or for money a thing priced ("a share")."""
    text, p = r.text, per.end()
    article = per.group().strip() in ("a", "an")
    unit = U.unit_at(text, p, r.end, spaced=False)
    if (
        unit
        and article
        and (unit[1] not in U.TIME_UNITS | U.ONE_OF_UNITS or _RELATIVE_TIME.match(text, unit[0], r.end))
    ):
        return None  # "$5 a year earlier" is a date, not a rate
    if unit or not (q.currency or q.unit in ("cent", "penny")):
        return unit
    m = _PRICED.match(text, p, r.end)
    return (m.end(), m.group().lower()) if m else None


def counts_not_year(r: Region, q: Quantity) -> bool:
    """ "1870 confirmed cases", "about 1900 students": a year-like number that counts (see `years`)."""
    if q.qualifier:
        return q.qualifier.split()[-1] in years.COUNTING_QUALIFIERS  # "some 2016 candidates" are of a year
    return years.counts_noun(r.text, q.start, q.end, r.end)


def year_like(q: Quantity) -> bool:
    """ "1989 results", "the 2010 election": a year used as an adjective counts nothing."""
    return q.plain and 1800 <= q.value <= 2100 and q.value.denominator == 1


def counted_noun(r: Region, q: Quantity, plural: bool = False) -> None:
    """ "114 Patriot missiles" → "Patriot missiles"; "two of the" → nothing."""
    text, p = r.text, q.end
    words: list[str] = []
    singular = q.value <= 1 and not plural
    if q.value < 1 and not plural and not q.magnitude:
        return  # "two thirds of voters": a share, not a count ("1 1/2 games" counts, as "a third of a million people" does)
    m = _COMPOUND.match(text, p, r.end) if text.startswith("-", p) else None
    if m and not q.bare_one:
        q.unit, q.counted, q.end = m.group("w").lower(), True, m.end()  # "a 40-page report"
        return
    for _ in range(4):
        m = WORD.match(text, p, r.end)
        if not m:
            break
        word = m.group("w")
        clean = (
            word if _ABBREVIATION.search(word) else word.rstrip(".,'\u2019").removesuffix("'s").removesuffix("\u2019s")
        )
        lower = clean.lower()
        if not words and lower in _COMPARATIVES and clean == word and _COMPARED_NOUN.match(text, m.end(), r.end):
            p = m.end()  # "14 fewer crossings": the noun is what is counted, fewer says how it changed
            continue
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


def pronoun_one(r: Region, q: Quantity) -> None:
    """Bare "one" is a figure only when it counts something: "one person", not "one of the"."""
    if not q.bare_one or q.qualifier:
        return
    text = r.text
    if _PRONOUN_ONE_BEFORE.search(text, max(0, q.start - 12), q.start):
        raise Reject(q.number_end)
    nxt = WORD.match(text, q.number_end, r.end)
    if not nxt or nxt.group("w").lower() in W.PRONOUN_ONE_AFTER or not (q.unit or q.currency):
        raise Reject(q.number_end)


_QUALIFIER_AFTER = re.compile(r"(?i:(?P<q>\+(?![\w/-])|-?plus\b|-odd\b|\s+or\s+(?:more|so|less|fewer|above|over)\b))")


_TOLERANCE = Lazy(r"\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?")


_CHANGE = Lazy(lambda: r"(?i:\b(?:" + _trie(W.CHANGE_VERBS) + r")(?:\s+[\w$%.,'\u2019]+){0,4}?\s+$)")


# The same for text in ASCII, with the verbs looked up in a set (see _after_change_verb).
_CHANGE_VERB_SET = frozenset(W.CHANGE_VERBS)


_TRAILING_LETTERS = re.compile(r"[A-Za-z]+$")


_CHANGE_WORD = re.compile(r"[\w$%.,'\u2019]+")


_BETWEEN = re.compile(r"(?i:\b(?P<w>between|from)\s+$)")


_PRONOUN_ONE_BEFORE = Lazy(
    r"(?i:\b(?:no|the|this|that|which|any|each|every|such|someone|everyone|little|last|another|a|an|"
    r"one|which)\s+$)"
)


_COMPOUND = Lazy(r"-(?P<w>[a-z]{3,})(?![\w-])")


_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}$")


_CLAUSE_BREAK = re.compile(r"[,;:)\]\u2014]|\.(?!\w)")


_SIGN_AT = Lazy(r"[-\u2212]")


_TALLY_BEFORE = Lazy(
    r"(?i:\b(?:vot(?:ed|es?|ing)|won|wins?|winning|beat|beats|lost|los(?:es?|ing)|defeated|ruled|margin|scored?|"
    r"drew|draw|tally|split|passed|rejected|approved|confirmed)\b(?:\s+[\w,]+){0,3}?\s+$)"
)


_GRAND_ENDS = Lazy(
    r"(?=[ \u00a0]*(?:[,.;:!?)\u2014\u2013\"'\u201d]|$)|[ \u00a0]+(?i:a|an|per|each|in|for|to|from|and|or|on|of|at|"
    r"as|but|plus|worth|apiece|cash|that|which|when|if|last|this|next|more|less|richer|poorer)\b)"
)


_SMALLER_PART = Lazy(
    r"(?:,?[ \u00a0]+and)?[ \u00a0]+(?P<n>\d{1,3})[ \u00a0]+(?P<w>(?i:hundred|thousand|million|billion|lakhs?|crores?))(?!\w)"
)


_POINTS = Lazy(
    r"(?P<of>[ \u00a0]+of[ \u00a0]+an?)?[ \u00a0]+(?i:points?)(?!\w)"
    r"(?![ \u00a0]+(?:\d|(?i:zero|one|two|three|four|five|six|seven|eight|nine|of\s+(?:order|view|contention)))\b)"
)


_EMPTY = re.compile("")


_BARE_MINOR_END = Lazy(
    r"[ \u00a0]*(?:[,.;:!?)\u2014\"'\u201d]|$)|[ \u00a0]+(?i:a|an|per|each|for|in|on|at|and|or|to|from|with|by|"
    r"apiece|plus|was|is|were|are|will|would)\b"
)


_PENCE_AFTER = Lazy(
    r"(?:,?[ \u00a0]+and)?[ \u00a0]+(?:\d{1,2}|[A-Za-z]+(?:-[a-z]+)?)[ \u00a0]*(?:p(?![.\w])|(?i:pence)\b)"
)


_COMPARATIVES = frozenset({"more", "fewer", "less", "extra"})


_COMPARED_NOUN = Lazy(r"[ \u00a0]+(?!(?i:than|of|to|in|on|at|for|by|and|or|the|a|an|this|that|it|them)\b)[a-z]")


_DRAW_BEFORE = Lazy(r"(?i:\b(?:drew|draw|drawn|tied|tie|level|square)\b(?:\s+[\w,]+){0,3}?\s+$)")


_TO_COUNT = Lazy(r"[ \u00a0]+to[ \u00a0]+")


_PENCE = Lazy(r"\.\d\d$")


_SHORTHAND_AFTER = Lazy(lambda: r"[ \u00a0]?(?P<s>MN|BN|[KMBT])(?P<c>" + CODES + r")(?!\w)")


_MINOR_GAP = Lazy(r"(?:,?[ \u00a0]+and)?[ \u00a0]+(?=\w)")


_MINOR_AFTER = Lazy(r"(?:[ \u00a0]*(?i:cents?|pence|centimes|paise)|p(?!\.m\.))(?!\w)")


_CLAUSE_START = Lazy(r"[;.!?]\s")


_WEIGHT_WORDS = Lazy(r"(?i:\b(?:weigh\w*|heav\w+|lighter|mass)\b)")


_MONEY_WORDS = Lazy(
    r"(?i:\b(?:fined?|fines|paid|pay|pays|paying|cost|costs|costing|worth|earn(?:s|ed|ing)?|salary|wages?|"
    r"spen[dt]|spending|owe[sd]?|price[sd]?|bill|compensation|damages|award(?:ed)?|donat\w*|sold|bought|"
    r"budget|tax|fees?|charged?|raised|won|prize|bonus|loan|debt|invest\w*|funding|grant|rents?|income|"
    r"pensions?|benefits?|allowances?|payments?|fares?|tickets?|stipends?|refunds?|rebates?)\b)"
)


# Characters a magnitude ("million", "bn", "k", "dozen", "-million") can start with.
_MAGNITUDE_LEADS = frozenset("hHtTmMbBdDkKlLcCg-")


_INDIAN_ABBREVIATION = Lazy(r"[ \u00a0]?(?P<w>(?i:crs?|lacs?|lakhs?)|L)(?!\w)")


_SPACED_ABBREVIATIONS = frozenset({"mn", "mln", "bn", "bln", "tn", "trn", "tln"})


_MAGNITUDE_AFTER = re.compile(
    r"(?:(?P<glue>)(?=[A-Za-z])|[ \u00a0]+|\s*-\s*)"
    r"(?P<w>(?i:hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)|bn|bln|mn|mln|tn|trn|tln|mil|MM|[kKmMbBT]|dozens|grand)(?!\w)"
)


_RANGE_JOIN = re.compile(r"-?\s*(?P<j>-|\u2013|\u2014|(?i:to|and|through)(?!\w))\s*(?=[\d$£€¥\w\u2212-])")


_TO_ONE = Lazy(r"(?:[ \u00a0]+to[ \u00a0]+|-to-|:)(?:1|one)(?![\d:]|[.,]\d|\w)")


_FOR_ONE = Lazy(r"(?i:-for-(?P<n>\d+|one|two|three|four|five|ten)\b)")


_PER = re.compile(r"\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+")


_TIMES = re.compile(r"\s+times\b")


_IN = Lazy(r"[ \u00a0]+(?:in|out\s+of)[ \u00a0]+")


_RELATIVE_TIME = Lazy(r"(?i:\s+(?:earlier|ago|before|later|after|prior|on|from)\b)")


_PRICED = Lazy(r"(?i:share|head|person|capita|piece|unit|night|ticket|seat|visit|item|dose)(?!\w)")


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


def _same_measure(a: Quantity, b: Quantity) -> bool:
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
