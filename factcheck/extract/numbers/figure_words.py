"""The words around figures: number words and their grammar, qualifiers, and the words
that tell a count from a name, a label or a change.

Plain data and small pure functions, kept apart from the scanner in `factcheck.extract.numbers.parse`
so that a word can be added without reading the parser. Everything here is lower case.
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.extract.numbers import units as U

# --- number words ----------------------------------------------------------------------

CARDINALS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {w: v for w, v in U.MAGNITUDE_WORDS.items() if v >= 1000}
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip
VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
          "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}  # fmt: skip

# Plurals that give an order of magnitude, not a number: "hundreds of people", "tens of
# thousands". Each is read as the least it can mean, with the next order as its ceiling.
VAGUE_PLURALS = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6,
                 "billions": 10**9}  # fmt: skip
NUMBER_WORDS = [*CARDINALS, *TENS, "hundred", *SCALES, "dozen", "half"]
# The decades in words, by their first number: "the thirties" (years or an age), "her forties".
DECADE_WORDS = {f"{word[:-1]}ies": tens for word, tens in TENS.items()}
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
SINGULAR_FRACTIONS = [w for w in FRACTION_WORDS if not w.endswith("s")]
ONE_OF_NAMES = [
    name for name, canonical in U.UNIT_NAMES.items() if canonical in U.ONE_OF_UNITS and not name.endswith("s")
]
# Words that "a"/"an" can stand before as the number one: "a hundred", "a third", "a mile".
A_WORDS = ["hundred", *SCALES, "dozen", "baker's dozen", "baker\u2019s dozen", *SINGULAR_FRACTIONS,
           *ONE_OF_NAMES, "dollar", "euro", "penny"]  # fmt: skip

# --- qualifiers ------------------------------------------------------------------------

QUALIFIERS = """more than|over|above|in excess of|upwards of|upward of|north of|greater than|higher than|
    less than|fewer than|under|below|lower than|south of|just over|just under|just above|just below|
    well over|well under|well above|well below|slightly more than|slightly less than|far more than|
    about|around|roughly|approximately|approx.|some|an estimated|estimated|circa|c.|nearly|almost|close to|
    up to|as many as|as much as|as high as|as low as|as few as|as little as|at least|at most|
    no more than|no less than|no fewer than|not more than|not less than|a maximum of|a minimum of|
    exactly|precisely|more or less"""
QUALIFIER_SET = frozenset(" ".join(q.split()) for q in QUALIFIERS.split("|"))
QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIER_SET)
QUALIFIER_SYMBOL = {"~": "about", "≈": "about", ">": "more than", "<": "less than", "≥": "at least",
                    "≤": "at most", ">=": "at least", "<=": "at most"}  # fmt: skip
# Qualifiers written as a symbol or an abbreviation, in words.
CANON_QUALIFIER = {"approx.": "approximately", "c.": "circa", "+": "more than", "plus": "more than",
                   "-plus": "more than", "-odd": "about"}  # fmt: skip

# Verbs of change: "rose from 10 to 20" is a before and an after, not a range.
CHANGE_VERBS = (
    "rose rise rises risen rising fell fall falls fallen falling increase increased increases increasing "
    "decrease decreased decreases decreasing grew grow grows grown growing jumped jump jumps jumping climbed "
    "climb climbs climbing dropped drop drops dropping declined decline declines declining slipped slip slips "
    "slid slide slides sliding surged surge surges surging soared soar soars soaring plunged plunge plunges "
    "plummeted plummet plummets tumbled tumble tumbles cut cuts cutting reduced reduce reduces reducing "
    "raised raise raises raising lowered lower lowers lowering boosted boost boosts doubled double doubles "
    "tripled triple halved halve shrank shrunk shrink shrinks expanded expand expands changed change changes "
    "changing moved move moves went go goes gone revised revise upgraded downgraded widened widen narrowed "
    "narrow swelled swell eased ease gained gain gains lost lose loses advanced advance retreated edged edge "
    "added add adds shed sheds rallied rally sank sink sinks spiked slumped dipped dip recovered rebounded "
    "ballooned trimmed trim slashed slash up down skidded skid skids leaped leapt leap firmed weakened "
    "strengthened improved inched crept spurted sagged softened tacked settled closed finished ended "
    "opened traded lifted lift lifts hiked hike hikes extended extend extends shortened lengthened"
).split()

# Words of the weather before a number: "41C" is a temperature and "the low 90s" a reading
# of one only where the copy speaks of the weather ("the 4C bus" is a route).
WEATHER_WORDS = (
    r"temperatures?|degrees|heat|hot|cold|warm\w*|cool\w*|chill\w*|freez\w*|thermometer|forecast\w*|highs?|"
    r"lows?|mercury|weather|celsius|fahrenheit|climb\w*\s+to|hit|reach\w*|soar\w*|plunge\w*|drop\w*\s+to"
)

# Counted nouns of a tally or a score: "nine votes to four" is one figure.
TALLY_NOUNS = frozenset("votes seats goals points runs wickets sets games frames tries".split())

# Words in front of a number that make it a label or an identifier, not a quantity.
LABEL_WORDS = frozenset(
    """page pages p. pp. chapter section sections article paragraph clause line flight route exit gate platform
    seat room suite apartment apt apt. version model no. nos. number figure fig. table item step phase category
    grade size channel bus track episode season vol. volume issue rule amendment district ward precinct pier
    terminal highway interstate box row serial code pin ref ref. id level stage proposition prop. resolution
    tier class division zone sector mark v. round game hole lane day week year""".split()
)
# Numbers that name a thing before certain words: "a 911 call", "a 401(k) plan", "529 plans".
IDIOM_NUMBERS = frozenset({911, 999, 112, 401, 403, 529})

# Capitalized words before a number that do not make it part of a name ("In 1990", "Some 40",
# "Monday 12"): sentence openers, months and weekdays.
NOT_NAMES = frozenset(
    """the a an in on at of for by with from to into onto about around over under nearly almost some only
    just all more less fewer another those these its his her their our my your each every and but or nor so
    yet since until after before during between among roughly approximately exactly up down last next first
    than then when while if as per via plus minus including include included excluding total totals
    totalled totaled killing killed injuring wounding leaving had has have is are was were be been being
    will would could should may might must can did does do said says told also even still already both
    either neither whereas where which who whom whose that this what whatever overall today tonight
    yesterday tomorrow now once twice thrice i we you he she they it
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec fiscal""".split()
)
# After "one", words that show it is a pronoun or an idiom: "one of", "one day", "one another".
PRONOUN_ONE_AFTER = frozenset(
    """of another or by day time point stage moment way thing things side hand must can could would should might may
    will who that which else and more such on in at is was has had does did says said""".split()
)

# Counted nouns: words that end a noun phrase or cannot be part of one.
NOUN_PHRASE_STOPS = frozenset(
    """a an the and or nor but of in on at to for by with from into onto over under about after before since
    until during between among than as per via is are was were be been being am will would could should
    may might must can cannot can't did does do done has have had having said says say told tell according
    who whom whose which that this these those what when where why how while if then there here it its it's
    they them their he him his she her we us our you your i me my not no yes also only just even still
    each every all some any more most less least few many much both either neither other another such own
    ago later earlier last next first second third up down out off away back again once twice per cent
    percent percentage pct so very too times now today yesterday tomorrow tonight recently recent
    along across against around behind below beneath beside besides beyond inside near outside through
    throughout toward towards upon within without amid amidst despite except like unlike versus vs
    found made took gave saw came went got ran won lost left held kept brought thought sent spent paid sold
    built began became showed shows says suggests finds estimates claims states notes argues adds reports
    warns predicts indicates concludes reveals means seems appears remains puts gets makes takes gives
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
IRREGULAR_PLURALS = frozenset(
    """people men women children police personnel staff cattle sheep fish aircraft deer feet teeth mice geese
    data media crew militia offspring livestock clergy folk folks youth headquarters series species
    spacecraft""".split()
)


# --- the grammar of number words ---------------------------------------------------------

WORD_TOKENS = frozenset([*CARDINALS, *TENS, "hundred", *SCALES, "dozen", "half", *FRACTION_WORDS])
FIRST_WORD = re.compile(r"(?P<w>[A-Za-z]+)(?!\w)")
NEXT_WORD = re.compile(r"(?P<sep>\s*-\s*|[ \u00a0]+(?:and\s+|&\s+)?|\s*,\s+)(?P<w>[A-Za-z]+)(?!\w)")


def word_tokens(text: str, pos: int, end: int) -> list[tuple[str, str, int]]:
    """Number words from `pos`: (word, separator before it, end offset), up to and including
    the first word that cannot continue the number ("two" in "one two"): at most a dozen."""
    m = FIRST_WORD.match(text, pos, end)
    if not m or m.group("w").lower() not in WORD_TOKENS:
        return [(text[pos : pos + 1], "", pos + 1)]
    tokens = [(m.group("w"), "", m.end())]
    last = word_kind(m.group("w").lower())
    while len(tokens) < 12:
        m = NEXT_WORD.match(text, m.end(), end)
        if not m or m.group("w").lower() not in WORD_TOKENS:
            break
        tokens.append((m.group("w"), m.group("sep"), m.end()))
        kind = word_kind(m.group("w").lower())
        if not joins(last, kind, m.group("sep").strip().lower()):
            break
        last = kind
    return tokens


def word_value(tokens) -> tuple[Fraction, int, str]:
    """The value of the longest grammatical run of number words: (value, tokens used, last kind)."""
    total, group, last, last_scale, used = 0, 0, "", 0, 0
    for i, (word, sep, _) in enumerate(tokens):
        w = word.lower()
        kind = word_kind(w)
        if i and not joins(last, kind, sep.strip().lower()):
            break
        if kind in ("unit", "teen"):
            group += CARDINALS[w]
        elif kind == "tens":
            group += TENS[w]
        elif kind == "hundred":
            group = (group or 1) * 100
        elif kind == "scale":
            scale = SCALES[w]
            if last_scale and scale >= last_scale:
                if not (w.startswith("crore") and group == 0 and scale > last_scale):
                    break
                # "two lakh crore", "five thousand crore": a crore counts what comes before it
                total, last_scale = total * scale, scale
            else:
                total, group, last_scale = total + (group or 1) * scale, 0, scale
        elif kind == "dozen" and i:
            group *= 12
        else:
            break
        last, used = kind, i + 1
        if kind == "dozen":
            break
    return Fraction(total + group), used, last


def word_kind(w: str) -> str:
    """The part a number word plays: unit (1-9), teen (0, 10-19), tens, hundred, scale, dozen or fraction."""
    if w in CARDINALS:
        return "unit" if 0 < CARDINALS[w] < 10 else "teen"
    if w in TENS:
        return "tens"
    if w in ("hundred", "dozen"):
        return w
    return "scale" if w in SCALES else "fraction"


def joins(last: str, kind: str, sep: str) -> bool:
    """Whether a number word may follow the previous one across `sep` ("", "-", "and", ",", "&")."""
    if sep in ("and", "&"):
        return last in ("hundred", "scale") and kind in ("unit", "teen", "tens")
    if sep == ",":
        return last == "scale" and kind in ("unit", "teen", "tens", "hundred")
    if kind == "unit":
        return last in ("tens", "hundred", "scale")
    if kind in ("teen", "tens"):
        return last in ("hundred", "scale") and sep != "-"
    if kind == "hundred":
        return last in ("unit", "teen", "tens")
    if kind in ("scale", "dozen"):
        return last in ("unit", "teen", "tens", "hundred")
    return False
