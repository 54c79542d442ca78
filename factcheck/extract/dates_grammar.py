"""The shapes of dates in news copy, as one regular expression.

Each top-level named group of PATTERN is one shape of date, and `dates.py` reads
its value. The order of the alternatives matters: at one position the first
shape that fits wins, so longer shapes ("Friday, Nov. 26, 2010", "last year's
third quarter") come before the shorter ones they contain.

Compiling all of PATTERN is a good part of the command's start-up, and most
drafts hold only some of the shapes: `pattern_for` leaves out the shapes whose
words the draft does not contain at all (SHAPE_WORDS).

The pattern is matched against the draft lower-cased with its offsets kept
(ASCII_LOWER): case-insensitive matching is several times slower in Python's
engine. The one place where case matters, a month name ("May" the month, "may"
the verb), is checked on the original text by `month_cased`.
"""

from __future__ import annotations

import re

from factcheck.extract.wordtrie import trie


def _words(text: str) -> str:
    """An alternation of the words, longest first so that none hides a longer one."""
    return "|".join(sorted(text.split(), key=len, reverse=True))


MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_FULL_MONTHS = "january february march april may june july august september october november december"
_SHORT_MONTHS = "jan feb mar apr jun jul aug sep sept oct nov dec"
MONTH_FULL = f"(?:{_words(_FULL_MONTHS)})"
MONTH = rf"(?:{MONTH_FULL}|(?:{_words(_SHORT_MONTHS)})\.?)"
WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL_DAY = (
    r"(?:(?:twenty|thirty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + _words(" ".join(ORDINAL_WORDS) + " thirtieth")
    + ")"
)

# A day of the month: not part of a longer number, a time ("5:30") or a figure ("3.5", "4%").
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.,:]\d)"
# A year: four digits in the range news writes about, not an amount ("$2010", "2010.5", "2,010").
YEAR = r"(?<![\d$£€#.,])(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d)"

TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
UNITS = "one two three four five six seven eight nine"
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
# Years as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand".
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{_words(TENS)})(?:[\s-]+(?:{_words(UNITS)}))?"
    rf"|{_words(TEENS)}|oh[\s-]+(?:{_words(UNITS)}))"
    rf"|(?<=year\s)two[\s-]+thousand(?:\s+(?:and\s+)?(?:{_words(TEENS + ' ' + UNITS)}))?)"
)
ANY_YEAR = rf"(?:{YEAR}|{SPELLED_YEAR})"

_NUM = r"(?:\d{1,3}|" + _words(" ".join(NUMBER_WORDS)) + ")"
_FEW = r"(?:a\s+few|a\s+couple\s+of|several|some|many)"
_UNIT = r"(?:day|week|month|year|decade|centur(?:y|ie)|quarter)"

# Where in a period: "early 2010", "mid-November", "the end of the year", "earlier in the year".
EDGE = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|"
    r"last\s+half|rest|remainder|first\s+part|last\s+part|bulk)\s+of\s+"
    r"|(?:early|late|mid|earlier|later|as\s+early\s+as|as\s+late\s+as)(?:\s+in)?(?:\s+|-))"
)
_DET = r"(?:the|this|that|its|their|our)"
_REL_ADJ = (
    r"(?:this\s+past|this\s+coming|past|coming|previous|following|current|same|latest|prior|preceding|"
    r"last|next|this|full|upcoming|whole|entire|new|recent)"
)
_Q_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_Q_ADJ = (
    r"(?:latest|current|same|comparable|corresponding|year-ago|year-earlier|year\s+earlier|previous|prior|"
    rf"preceding|fiscal|calendar|final|recent|just-ended|just\s+ended|recently\s+ended|{YEAR})"
)
_Q_POSS = rf"(?:(?:this|last|next)\s+year's|{YEAR}'s|the\s+year's)"
_OF_YEAR = (
    rf"(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)|,?\s+{YEAR}\b)"
)
_PERIOD_TAIL = r"(?:\s+(?:last|a)\s+year|\s+a\s+year\s+(?:ago|earlier))"

PATTERN = rf"""
(?P<explicit>
    (?:(?P<x_wd>{WEEKDAY}),?\s+(?:the\s+)?)?
    (?:
        (?P<x_mon>{MONTH})\s+(?P<x_day>{DAY}|{_ORDINAL_DAY})
            (?:\s*(?:-|–|to|through|and)\s*(?P<x_day2>{DAY}))?
      | (?:the\s+)?(?P<x_dom>{DAY})(?:\s+of)?\s+(?P<x_mon2>{MONTH})
    )
    (?:,?\s+(?P<x_yr>{YEAR})|\s+(?P<x_ry>this|last|next)\s+year\b)?
)
|(?P<iso>(?<![\w-])(?P<i_y>\d{{4}})-(?P<i_m>0[1-9]|1[0-2])-(?P<i_d>0[1-9]|[12]\d|3[01])(?![\w-]))
|(?P<numeric>(?<![\w/.])(?P<n_m>1[0-2]|0?[1-9])/(?P<n_d>3[01]|[12]\d|0?[1-9])/(?P<n_y>\d{{4}}|\d{{2}})(?![\w/]))
|(?P<quarter>
    (?:(?P<q_det>{_DET}|{_Q_POSS}|last|next|a)\s+)?(?P<q_adj>(?:{_Q_ADJ}[\s-]+)*)
    (?:(?P<q_ord>{_Q_ORD})[\s-]+(?:fiscal[\s-]+)?(?P<q_unit>quarter|half)(?![\w-]|\s+of\s+(?:the|a|an)\s+(?!year))
      | (?P<q_bare>quarter|period)(?![\w-]|\s+of\s+(?!(?:fiscal\s+)?\d)))
    (?:{_OF_YEAR}|{_PERIOD_TAIL})?
  | (?P<q_short>q[1-4])(?:\s+(?P<q_yr>{YEAR}))?(?!\w)
)
|(?P<ago>
    (?:(?:about|nearly|almost|roughly|some|just|only|over|more\s+than|less\s+than|barely)\s+)?
    (?P<a_n>{_FEW}|{_NUM})[\s-]+(?P<a_unit>{_UNIT})s?(?:\s+or\s+(?:so|two|more))?
    \s+(?P<a_dir>ago|earlier|before|previously|later|from\s+now|hence)\b
  | (?:the\s+)?(?P<a_adj>year[-\s](?:ago|earlier))(?![\w-])
)
|(?P<stretch>
    (?:the\s+)?(?P<s_dir>past|last|next|coming|previous|following|recent)\s+
        (?:(?P<s_n>{_FEW}|{_NUM})\s+)?(?P<s_unit>{_UNIT})s\b(?:\s+and\s+{_UNIT}s)?
  | (?P<s_future>future\s+(?:quarters|years|months)|the\s+(?:near|distant|foreseeable)\s+(?:future|term)
      |the\s+(?:short|long)\s+term|the\s+future)(?!\w)
)
|(?P<holiday>
    (?:(?P<h_rel>last|next|this)\s+)?
    (?P<h_name>christmas(?:\s+(?:eve|day))?|new\s+year's\s+(?:eve|day)|halloween|valentine's\s+day
      |thanksgiving(?:\s+day)?|election\s+day)(?![\w-])
    (?:,?\s+(?P<h_y>{YEAR}))?
)
|(?P<rel>
    (?P<r_edge>{EDGE})?(?:(?:{_DET}\s+)?(?P<r_adj>{_REL_ADJ})\s+|{_DET}\s+)(?:(?:fiscal|calendar)\s+)?
        (?P<r_unit>year|month|week|weekend|decade|century)(?P<r_end>'s\s+end|[-\s]end\b)?
        (?![\w-]|\s+(?:old|long|ago|earlier|or\s+two|two\s+thousand|nineteen|eighteen|\d))
  | (?P<r_yearend>(?:the\s+)?year(?:'s)?[-\s]end|mid-?year)\b
)
|(?P<month>
    (?:(?P<mo_edge>{EDGE})|(?P<mo_rel>this\s+past|this\s+coming|last|next|this|that)\s+)?
    (?P<mo_m>{MONTH_FULL})(?![\w-])
    (?:,?\s+(?:of\s+)?(?P<mo_y>{ANY_YEAR})|\s+(?P<mo_ry>this|last|next)\s+year)?
)
|(?P<weekday>
    (?:(?P<w_mod>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|earlier|early|late|later|that)\s+)?
    (?P<w_day>{WEEKDAY})(?!\w)(?:\s+(?:morning|afternoon|evening|night))?
)
|(?P<deictic>
    (?:(?:early|late|earlier|later)\s+)?
    (?:the\s+day\s+(?P<d_far>before\s+yesterday|after\s+tomorrow)|(?P<d_w>today|yesterday|tomorrow|tonight)
      |(?P<d_part>last|this)\s+(?:night|morning|afternoon|evening))
    (?:\s+(?:morning|afternoon|evening|night))?(?!\w)
)
|(?P<season>
    (?:(?P<se_edge>{EDGE})|(?P<se_rel>this\s+past|this\s+coming|last|next|this|the|that)\s+)?
    (?:(?:early|late)\s+)?(?P<se_s>spring|summer|fall|autumn|winter)(?!\w)(?:,?\s+(?:of\s+)?(?P<se_y>{YEAR}))?
)
|(?P<decade>
    (?:the\s+)?(?:(?:early|mid|late)[\s-]*)?
        (?:(?P<de_y>1[5-9]\d0|20\d0)(?:s|(?:(?<=the\s\d{{4}})|(?<=early\s\d{{4}})|(?<=mid-\d{{4}})|(?<=late\s\d{{4}}))'s)
          |'(?P<de_s>\d0)s)(?!\w)
  | the\s+(?:(?:early|mid|late)[\s-]*)?(?P<de_w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)
  | (?:the\s+)?(?P<ce_n>1[5-9]th|2[01](?:st|th)|nineteenth|twentieth|twenty[-\s]first|eighteenth)\s+century
)
|(?P<year>
    (?:(?P<y_edge>{EDGE})|(?P<y_pre>fiscal|calendar|fy|the\s+year|the\s+class\s+of)\s*)?
    (?P<y_y>{YEAR})(?:\s*[-–/]\s*(?P<y_y2>(?:1[5-9]|20)\d\d|\d\d)(?![\d%]|[.,]\d))?
    (?:\s+(?P<y_tail>or\s+later|and\s+beyond))?
)
|(?P<spelled>(?:the\s+year\s+)?(?P<sp_y>{SPELLED_YEAR})(?![\w-]))
|(?P<ref>(?:
    (?P<ref_now>right\s+now|now|nowadays|currently|at\s+present|presently|these\s+days|at\s+the\s+moment|current(?!\s+account))
  | (?P<ref_past>(?:more\s+|most\s+|until\s+)?recently|lately|recent|the\s+past|formerly)
)(?!\w))
"""

# The shapes in order, each as "(?P<name>...)": PATTERN is these joined by "|".
SHAPES = tuple("(?P<" + shape for shape in PATTERN.strip("\n").removeprefix("(?P<").split("\n|(?P<"))
SHAPE_NAMES = tuple(shape[4 : shape.index(">")] for shape in SHAPES)

# For each shape that needs them, words of which every date of that shape holds at least
# one (lower-cased, as matched). A draft that has none of them cannot hold the shape.
SHAPE_WORDS = {
    "iso": ("-0", "-1"),
    "numeric": ("/",),
    "quarter": ("quarter", "half", "period", "q1", "q2", "q3", "q4"),
    "ago": ("ago", "earlier", "before", "previously", "later", "now", "hence"),
    "stretch": ("days", "weeks", "months", "years", "decades", "centur", "quarters", "future", "term"),
    "holiday": ("christmas", "year's", "halloween", "valentine's", "thanksgiving", "election"),
    "rel": ("year", "month", "week", "decade", "century"),
    "month": tuple(_FULL_MONTHS.split()),
    "weekday": tuple(_WEEKDAYS.split()),
    "deictic": ("today", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "decade": ("0s", "0's", "ties", "century"),
    "spelled": ("nineteen", "eighteen", "thousand"),
    "ref": ("now", "current", "present", "days", "moment", "recent", "lately", "past", "formerly"),
}


class PartialPattern:
    """A pattern made of parts, each of which can match only in a text that holds one of its words.

    Compiling all of it costs start-up, and a draft holds few of the parts: the first text a
    process reads, when it is the size of a draft, gets a pattern of the parts it can use;
    any other text gets them all. So a process compiles at most twice, and looks for the
    words once. Leaving out parts that cannot match anywhere in a text changes no match in it.
    """

    # Looking for the words of all four patterns costs about 0.25 ms a thousand characters,
    # and pays off against compiling all of them (about 11 ms) up to drafts of some 20,000.
    DRAFT_SIZE = 12_000

    def __init__(self, parts: tuple[str, ...], words: dict[str, tuple[str, ...]], build, flags: int = 0):
        self.parts, self.words, self.build, self.flags = parts, words, build, flags
        self.held: frozenset[str] = frozenset()
        self.pattern: re.Pattern | None = None

    def for_text(self, low: str) -> re.Pattern:
        """The pattern for `low`, the text lower-cased by `lower`."""
        if self.pattern is None and len(low) <= self.DRAFT_SIZE:
            used = {part for part, words in self.words.items() if any(w in low for w in words)}
            return self._compile({part for part in self.parts if part not in self.words} | used)
        return self.whole()

    def whole(self) -> re.Pattern:
        if self.pattern is None or len(self.held) < len(self.parts):
            return self._compile(set(self.parts))
        return self.pattern

    def _compile(self, chosen: set[str]) -> re.Pattern:
        self.held = frozenset(chosen)
        self.pattern = re.compile(self.build([part for part in self.parts if part in chosen]), self.flags)
        return self.pattern


_SHAPE_OF = dict(zip(SHAPE_NAMES, SHAPES, strict=True))
_DATES = PartialPattern(
    SHAPE_NAMES, SHAPE_WORDS, lambda names: r"\b(?:" + "|".join(_SHAPE_OF[name] for name in names) + ")", re.VERBOSE
)


def pattern_for(low: str) -> re.Pattern:
    """PATTERN, or the part of it that can match in `low` (the draft lower-cased by `lower`):
    at each position the first shape that fits still wins."""
    return _DATES.for_text(low)


def __getattr__(name: str):
    if name == "CANDIDATES":  # all of PATTERN, for tests that compare with a scan of every position
        return _DATES.whole()
    if name in ("TRIGGERS", "STARTS", "BACK_CHAIN"):
        return {"TRIGGERS": _TRIGGERS, "STARTS": _STARTS, "BACK_CHAIN": _BACK_CHAIN}[name].whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Lower-casing that keeps every offset (str.lower() may lengthen some non-ASCII letters),
# with curly apostrophes made straight so that "New Year\u2019s Day" reads like "New Year's Day".
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u2019\u2018\u02bc", "abcdefghijklmnopqrstuvwxyz" + "'" * 3)
# The letters whose lower case is longer ("\u0130") or in ASCII (the Kelvin sign).
_LOWER_UNSAFE = ("\u0130", "\u212a")


def lower(text: str) -> str:
    """`text` as ASCII_LOWER makes it, for matching: the same offsets, words and apostrophes.

    translate() looks every character up in a table; str.lower() is many times faster. It
    also lowers letters outside ASCII, which no pattern here tells apart from their capitals
    (a word character either way), except those in _LOWER_UNSAFE.
    """
    if text.isascii():
        return text.lower()
    if any(ch in text for ch in _LOWER_UNSAFE):
        return text.translate(ASCII_LOWER)
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


MONTH_WORDS = frozenset(f"{_FULL_MONTHS} {_SHORT_MONTHS}".split())

_MONTH_GROUPS = {"explicit": ("x_mon", "x_mon2"), "month": ("mo_m",)}


def month_cased(text: str, m: re.Match) -> bool:
    """Month names in copy are capitalized: "May 5" is a date, "may 5" is not."""
    for name in _MONTH_GROUPS.get(m.lastgroup or "", ()):
        start = m.start(name)
        if start >= 0 and not text[start].isupper():
            return False
    return True


# --- finding candidates fast ----------------------------------------------------------
#
# Trying CANDIDATES at every word is slow: the alternation is long. Every date
# holds a trigger word ("year", "Friday", "1998"), and the words before its first
# trigger all come from a short list ("the", "early", "this", "of"). So
# `dates.candidates` looks for TRIGGERS, walks back over such words (BACK_CHAIN,
# run on the reversed text), and tries CANDIDATES only at the words of that run
# that can begin a date (STARTS). The word lists must stay complete for PATTERN:
# tests compare the fast path with a plain scan.


# Date words hold no spaces, so the shared tree reads them exactly as written.
_trie = trie


_TRIGGER_WORDS = f"""
    {_FULL_MONTHS} {_SHORT_MONTHS} {_WEEKDAYS} today yesterday tomorrow tonight night morning afternoon evening
    christmas halloween thanksgiving day days week weeks weekend weekends month months year years midyear decade decades century centuries
    quarter quarters half period periods q1 q2 q3 q4 fy spring summer fall autumn winter
    twenties thirties forties fifties sixties seventies eighties nineties nineteen eighteen thousand
    now nowadays current currently present presently moment recent recently lately formerly past future term
"""
_START_WORDS = f"""
    {_FULL_MONTHS} {_SHORT_MONTHS} {_WEEKDAYS} today yesterday tomorrow tonight
    christmas halloween thanksgiving valentine's election new
    the this that its their our a an last next early late mid earlier later as very
    end beginning start middle close turn first second third fourth final rest remainder bulk part
    past coming previous following current same latest prior preceding full upcoming whole entire new recent
    comparable corresponding fiscal calendar just recently year quarter period q1 q2 q3 q4 fy
    about nearly almost roughly some only over more less barely several many couple few
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    spring summer fall autumn winter twenties thirties forties fifties sixties seventies eighties nineties
    nineteenth twentieth eighteenth nineteen eighteen
    right now nowadays currently at presently these most until lately formerly future
"""
# Words that may stand between a date's first word and its first trigger.
_CHAIN_WORDS = _START_WORDS + " of in than class ended near distant foreseeable short long"


def _triggers(words: list[str]) -> str:
    """TRIGGERS: the trigger words of a text (if it has any), years, numeric dates, decades."""
    spelled = rf"(?:{_trie(words)})(?![a-z])|" if words else ""
    return rf"(?<![a-z0-9])(?:{spelled}\d{{4}}|\d{{1,2}}/\d)|'\d0s"


def _starts(words: list[str]) -> str:
    """STARTS: where a date can begin, at a start word (if the text has any) or a number."""
    spelled = rf"(?<![a-z0-9])(?:{_trie(words)})(?![a-z])|" if words else ""
    return rf"{spelled}(?<![a-z0-9])\d|'\d"


def _back_chain(words: list[str]) -> str:
    """BACK_CHAIN, run on the reversed text: the chain words (if the text has any) and numbers
    ("23rd" reads "dr32") before a trigger."""
    spelled = f"{_trie(sorted({w[::-1] for w in words}))}|" if words else ""
    # PATTERN begins at a word boundary, and an apostrophe makes one ("'1 May", "late'90s"):
    # here, in TRIGGERS and in STARTS only letters and digits stop a word, and words may
    # touch. Trying a position PATTERN then refuses costs a little time, never a date.
    return rf"(?:[\s-]*(?:{spelled}(?:ts|dn|dr|ht)?\d+)(?![a-z0-9]))*"


def _word_list(words: str) -> tuple[str, ...]:
    return tuple(sorted(set(words.split())))


# A word can be found only in a text that holds it: a draft's patterns have its own words.
_TRIGGER_LIST = _word_list(_TRIGGER_WORDS)
_TRIGGERS = PartialPattern(_TRIGGER_LIST, {word: (word,) for word in _TRIGGER_LIST}, _triggers)
_START_LIST = _word_list(_START_WORDS)
_STARTS = PartialPattern(_START_LIST, {word: (word,) for word in _START_LIST}, _starts)
_CHAIN_LIST = _word_list(_CHAIN_WORDS)
_BACK_CHAIN = PartialPattern(_CHAIN_LIST, {word: (word,) for word in _CHAIN_LIST}, _back_chain)


def triggers_for(low: str) -> re.Pattern:
    """TRIGGERS, or the part of it that `low` (the draft lower-cased by `lower`) can hold."""
    return _TRIGGERS.for_text(low)


def starts_for(low: str) -> re.Pattern:
    """STARTS, or the part of it that `low` can hold."""
    return _STARTS.for_text(low)


def back_chain_for(low: str) -> re.Pattern:
    """BACK_CHAIN, or the part of it that `low` can hold."""
    return _BACK_CHAIN.for_text(low)
