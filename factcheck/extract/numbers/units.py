"""Words and symbols that follow or precede a number: currencies, magnitudes, units.

Kept apart from the number grammar in `factcheck.extract.numbers.parse` so that a newsroom can add a
currency or a unit here without reading a parser. Matching is done with compiled
regular expressions built once from these tables; names are matched regardless of
case, symbols exactly ("MB" is not "mb", "m" is not "M").
"""

from __future__ import annotations

import functools
import re

# --- currencies -------------------------------------------------------------------

# Symbols written before the amount, longest first so "US$" wins over "$".
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "AU$": "AUD",
    "A$": "AUD",
    "CA$": "CAD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "S$": "SGD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "Rs.": "INR",
    "Rs": "INR",
}

# ISO 4217 codes a reporter may write next to an amount ("USD 5m", "5bn EUR").
CURRENCY_CODES = frozenset(
    """USD EUR GBP JPY CNY INR CHF CAD AUD HKD NZD SGD KRW RUB BRL MXN ZAR TRY SEK NOK DKK
    PLN ILS SAR AED TWD THB IDR MYR PHP NGN EGP PKR VND ARS CLP COP KES UAH CZK HUF QAR KWD BTC
    DEM FRF ITL BEF""".split()
)
CODE_ALIASES = {"RMB": "CNY"}

# Currency names written after the amount, and the code each means on its own.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "euro": "EUR",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "franc": "CHF",
    "peso": "MXN",
    "rand": "ZAR",
    "reais": "BRL",
    "lira": "TRY",
    "lire": "ITL",
    "mark": "DEM",
    "shekel": "ILS",
    "naira": "NGN",
    "riyal": "SAR",
    "dirham": "AED",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "zloty": "PLN",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "won": "KRW",
    "hryvnia": "UAH",
    "bitcoin": "BTC",
    "pound": "GBP",
}

# A country word before the currency name decides which dollar, peso or pound it is.
CURRENCY_COUNTRY: dict[tuple[str, str], str] = {
    **{(c, "dollar"): "USD" for c in ("us", "u.s.", "american")},
    ("australian", "dollar"): "AUD",
    ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD",
    ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD",
    ("new taiwan", "dollar"): "TWD",
    ("jamaican", "dollar"): "JMD",
    ("zimbabwe", "dollar"): "ZWL",
    ("zimbabwean", "dollar"): "ZWL",
    ("philippine", "peso"): "PHP",
    ("argentine", "peso"): "ARS",
    ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP",
    ("mexican", "peso"): "MXN",
    ("pakistani", "rupee"): "PKR",
    ("indian", "rupee"): "INR",
    ("swiss", "franc"): "CHF",
    ("french", "franc"): "FRF",
    ("belgian", "franc"): "BEF",
    ("german", "mark"): "DEM",
    ("deutsche", "mark"): "DEM",
    ("italian", "lira"): "ITL",
    ("swedish", "krona"): "SEK",
    ("danish", "krone"): "DKK",
    ("norwegian", "krone"): "NOK",
    ("egyptian", "pound"): "EGP",
    ("british", "pound"): "GBP",
    ("south korean", "won"): "KRW",
    ("korean", "won"): "KRW",
}

# Sub-units are kept as written: "50 cents" is value 50, unit "cent".
MINOR_CURRENCY = {"cent": "cent", "cents": "cent", "penny": "penny", "pence": "pence"}

# --- magnitudes -------------------------------------------------------------------

MAGNITUDE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # South Asian scales, read in every locale: neither word means anything else after a number
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

# Abbreviations glued to or just after an amount: "$6bn", "€5m", "£2.5 mln", "50K".
MAGNITUDE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "K": 1_000,
    "thou": 1_000,
    "m": 1_000_000,
    "M": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "MM": 1_000_000,
    "mil": 1_000_000,
    "b": 1_000_000_000,
    "B": 1_000_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "T": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
    "tln": 1_000_000_000_000,
    "tr": 1_000_000_000_000,
}
# Of those, the ones that could equally be a unit and count as magnitudes only after a
# currency: "€5m" is five million euros, "a 5m wall" is five metres.
MONEY_ONLY_ABBREVIATIONS = frozenset({"m", "b", "B", "T", "tr", "mil"})

# --- units of measurement ---------------------------------------------------------

# canonical name: (names matched regardless of case, symbols matched exactly)
_UNITS: dict[str, tuple[str, str]] = {
    # length
    "millimetre": ("millimetre millimetres millimeter millimeters", "mm"),
    "centimetre": ("centimetre centimetres centimeter centimeters", "cm"),
    "metre": ("metre metres meter meters", "m"),
    "kilometre": ("kilometre kilometres kilometer kilometers", "km kms"),
    "nanometre": ("nanometre nanometres nanometer nanometers", "nm"),
    "micrometre": ("micrometre micrometres micrometer micrometers micron microns", "µm μm"),
    "picometre": ("picometre picometres picometer picometers", ""),
    "inch": ("inch inches", "in"),
    "foot": ("foot feet", "ft"),
    "yard": ("yard yards", "yd yds"),
    "mile": ("mile miles", "mi"),
    "nautical mile": ("nautical mile|nautical miles", "nmi"),
    "light-year": ("light-year|light-years|light year|light years", "ly"),
    # area
    "hectare": ("hectare hectares", "ha"),
    "acre": ("acre acres", ""),
    # volume
    "litre": ("litre litres liter liters", "l L"),
    "millilitre": ("millilitre millilitres milliliter milliliters", "ml mL"),
    "centilitre": ("centilitre centilitres centiliter centiliters", "cl cL"),
    "gallon": ("gallon gallons", "gal"),
    "barrel": ("barrel barrels", "bbl"),
    "pint": ("pint pints", "pt"),
    "cup": ("cup cups", ""),
    "tablespoon": ("tablespoon tablespoons", "tbsp tbs"),
    "teaspoon": ("teaspoon teaspoons", "tsp"),
    # mass
    "milligram": ("milligram milligrams milligramme milligrammes", "mg"),
    "gram": ("gram grams gramme grammes", "g"),
    "kilogram": ("kilogram kilograms kilogramme kilogrammes kilo kilos", "kg kgs"),
    "tonne": ("tonne|tonnes|metric ton|metric tons", "t"),
    "ton": ("ton tons", ""),
    "pound": ("", "lb lbs"),
    "ounce": ("ounce ounces", "oz"),
    "carat": ("carat carats", "ct"),
    # time
    "millisecond": ("millisecond milliseconds", "ms"),
    "second": ("second seconds", "sec secs"),
    "minute": ("minute minutes", "min mins"),
    "hour": ("hour hours", "hr hrs h"),
    "day": ("day days", ""),
    "week": ("week weeks", ""),
    "month": ("month months", ""),
    "year": ("year years", "yr yrs"),
    "decade": ("decade decades", ""),
    "century": ("century centuries", ""),
    "megayear": ("", "Ma Myr"),
    "gigayear": ("gigaannum gigaannums", "Ga Gyr"),
    # temperature and angle
    "degree Celsius": ("degrees celsius|degree celsius|degrees centigrade|degrees c", "°C ºC ℃"),
    "degree Fahrenheit": ("degrees fahrenheit|degree fahrenheit|degrees f", "°F ºF ℉"),
    "kelvin": ("kelvin kelvins", ""),
    "degree": ("degree degrees", "°"),
    # speed
    "kilometre per hour": (
        "kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour",
        "km/h km/hr kph kmh",
    ),
    "mile per hour": ("miles per hour|miles an hour", "mph"),
    "metre per second": ("metres per second|meters per second", "m/s"),
    "knot": ("knot knots", "kn kt kts"),
    # energy and power
    "watt": ("watt watts", "W"),
    "kilowatt": ("kilowatt kilowatts", "kW"),
    "megawatt": ("megawatt megawatts", "MW"),
    "gigawatt": ("gigawatt gigawatts", "GW"),
    "watt hour": ("watt-hour|watt-hours|watt hour|watt hours", "Wh"),
    "kilowatt hour": ("kilowatt-hour|kilowatt-hours|kilowatt hour|kilowatt hours", "kWh"),
    "megawatt hour": ("megawatt-hour|megawatt-hours|megawatt hour|megawatt hours", "MWh"),
    "gigawatt hour": ("gigawatt-hour|gigawatt-hours|gigawatt hour|gigawatt hours", "GWh"),
    "terawatt hour": ("terawatt-hour|terawatt-hours|terawatt hour|terawatt hours", "TWh"),
    "joule": ("joule joules", "J"),
    "kilojoule": ("kilojoule kilojoules", "kJ"),
    "megajoule": ("megajoule megajoules", "MJ"),
    "electronvolt": ("electronvolt electronvolts", "eV"),
    "kiloelectronvolt": ("", "keV"),
    "megaelectronvolt": ("", "MeV"),
    "gigaelectronvolt": ("", "GeV"),
    "teraelectronvolt": ("", "TeV"),
    "calorie": ("calorie calories", "cal"),
    "kilocalorie": ("kilocalorie kilocalories", "kcal"),
    "horsepower": ("horsepower", "hp"),
    "volt": ("volt volts", "V"),
    "kilovolt": ("kilovolt kilovolts", "kV"),
    "ampere": ("amp amps ampere amperes", ""),
    "milliampere hour": ("", "mAh"),
    # data
    "bit": ("bit bits", ""),
    "byte": ("byte bytes", ""),
    "kilobyte": ("kilobyte kilobytes", "KB kB"),
    "megabyte": ("megabyte megabytes", "MB"),
    "gigabyte": ("gigabyte gigabytes", "GB"),
    "terabyte": ("terabyte terabytes", "TB"),
    "petabyte": ("petabyte petabytes", "PB"),
    "exabyte": ("exabyte exabytes", "EB"),
    "kibibyte": ("kibibyte kibibytes", "KiB"),
    "mebibyte": ("mebibyte mebibytes", "MiB"),
    "gibibyte": ("gibibyte gibibytes", "GiB"),
    "tebibyte": ("tebibyte tebibytes", "TiB"),
    "kilobit per second": ("kilobits per second|kilobit per second", "kbps kb/s"),
    "megabit per second": ("megabits per second|megabit per second", "Mbps Mb/s"),
    "gigabit per second": ("gigabits per second|gigabit per second", "Gbps Gb/s"),
    # money below the unit: kept as written, "50 cents" is 50 cent
    "cent": ("cent cents", "¢"),
    "penny": ("penny pence", ""),
    # frequency, radiation, pressure, sound, concentration
    "hertz": ("hertz", "Hz"),
    "kilohertz": ("kilohertz", "kHz"),
    "megahertz": ("megahertz", "MHz"),
    "gigahertz": ("gigahertz", "GHz"),
    "gray": ("", "Gy"),
    "milligray": ("milligray", "mGy"),
    "sievert": ("sievert sieverts", "Sv"),
    "millisievert": ("millisievert millisieverts", "mSv"),
    "pascal": ("pascal pascals", "Pa"),
    "kilopascal": ("kilopascal kilopascals", "kPa"),
    "hectopascal": ("hectopascal hectopascals", "hPa"),
    "pound per square inch": ("pounds per square inch|pound per square inch", "psi"),
    "atmosphere": ("atmosphere atmospheres", "atm"),
    "decibel": ("decibel decibels", "dB"),
    "part per million": ("parts per million|part per million", "ppm"),
    "part per billion": ("parts per billion|part per billion", "ppb"),
}

# Units that stand for "one" of themselves after "a"/"an": "a mile", "an acre". Time
# words are left out ("a year ago" is a date, "twice a week" a rate), and so are words
# that are more often something else ("a foot", "a yard", "a cup of tea", "a second").
ONE_OF_UNITS = frozenset(
    (
        "millimetre",
        "centimetre",
        "metre",
        "kilometre",
        "nanometre",
        "inch",
        "mile",
        "nautical mile",
        "light-year",
        "hectare",
        "acre",
        "litre",
        "millilitre",
        "gallon",
        "barrel",
        "pint",
        "milligram",
        "gram",
        "kilogram",
        "tonne",
        "ton",
        "ounce",
        "carat",
        "kelvin",
        "watt",
        "kilowatt",
        "megawatt",
        "gigawatt",
        "kilowatt hour",
        "megawatt hour",
        "joule",
        "calorie",
        "kilobyte",
        "megabyte",
        "gigabyte",
        "terabyte",
        "petabyte",
        "exabyte",
        "kibibyte",
        "mebibyte",
        "gibibyte",
        "tebibyte",
        "decibel",
    )
)

TIME_UNITS = frozenset({"millisecond", "second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def _spellings() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for canonical, (name_text, symbol_text) in _UNITS.items():
        # Space-separated words, or "|"-separated names where a name has a space in it.
        for word in name_text.split("|") if "|" in name_text else name_text.split():
            names[word.strip().lower()] = canonical
        for symbol in symbol_text.split():
            symbols[symbol] = canonical
    return names, symbols


UNIT_NAMES, UNIT_SYMBOLS = _spellings()


from factcheck.extract.wordtrie import trie  # noqa: E402  (parse.py reads it as units.trie)

LONGEST_NAME = max(len(name.split()) for name in UNIT_NAMES)  # in words
# The words a unit's name can start with, and their part before a hyphen ("metre" of "metre-high").
NAME_STARTS = frozenset(w for name in UNIT_NAMES for w in (name.split()[0], name.split()[0].split("-")[0]))
# A unit symbol: exact case, and not the start of a longer word ("m" in "more").
# Symbol lengths, longest first: symbols are looked up, which costs less at start-up than a
# pattern of them all.
_SYMBOL_LENGTHS = sorted({len(s) for s in UNIT_SYMBOLS}, reverse=True)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_RUN = re.compile(r"[A-Za-z]+")
_OTHER_SYMBOL_STARTS = frozenset(s[0] for s in UNIT_SYMBOLS if s[0] not in _ASCII_LETTERS)

# --- reading a unit in text -----------------------------------------------------------

_SQUARE = re.compile(r"(?i:(?P<p>square|sq\.?|cubic|cu\.?)\s+)")
_POWER_SUFFIX = re.compile(r"\^(?P<e>[23])|(?P<s>[\u00b2\u00b3])|(?P<d>[23])(?!\w)|(?i:\s+(?P<w>squared|cubed))(?!\w)")
_UNIT_GAP = re.compile(r"[ \u00a0]?-?")
_INCH_OK = re.compile(
    r"in\.?(?=\s*(?:$|[,;:)\]!?]|\.(?:\s|$)|\s+(?:thick|long|wide|tall|high|deep|across|in\s+diameter)\b))"
)
_OLD = re.compile(r"(?:-|\s+)old\b")
_LENGTHS = frozenset({"millimetre", "centimetre", "metre", "kilometre", "inch", "foot", "yard", "mile", "nanometre"})


def unit_at(text: str, p: int, end: int, spaced: bool = True) -> tuple[int, str] | None:
    """A unit of measurement at `p` (after one space or a hyphen when `spaced`): (end, canonical name).

    "km", "kilometres", "sq km", "km²", "metre-high", "-year-old", "kilometres per hour"; a name
    that starts with a capital is taken for a proper name ("Three Mile Island"), not a unit.
    """
    if p > end:
        return None  # the window ends inside the number: no room for a unit
    if spaced:
        gap = _UNIT_GAP.match(text, p, end)  # all optional: matches, maybe empty
        p = gap.end() if gap else p
    power = ""
    sq = _SQUARE.match(text, p, end)
    if sq:
        power = "square " if sq.group("p").lower().startswith("s") else "cubic "
        p = sq.end()
    unit = _base_unit(text, p, end)
    if unit is None:
        return None
    e, name = unit
    m = _POWER_SUFFIX.match(text, e, end) if not power and name in _LENGTHS else None
    if name == "year" and (old := _OLD.match(text, e, end)):
        return old.end(), "years old"
    if m:
        cubed = (
            "3" in (m.group("e") or m.group("d") or "")
            or m.group("s") == "\u00b3"
            or (m.group("w") or "").lower() == "cubed"
        )
        power, e = ("cubic " if cubed else "square "), m.end()
    return e, power + name


_NAME_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_NAME_GAP = re.compile(r"[ \u00a0]+")


def _unit_name_at(text: str, p: int, end: int) -> tuple[int, str] | None:
    """A unit's name at `p`, the longest first ("kilometres per hour", then "kilometres"):
    looked up word by word, which costs less at start-up than a pattern of every name."""
    m = _NAME_WORD.match(text, p, end)
    if not m or m.group().split("-")[0].lower() not in NAME_STARTS:
        return None
    words, pos = [], p
    for _ in range(LONGEST_NAME):
        m = _NAME_WORD.match(text, pos, end)
        if not m:
            break
        words.append(m)
        gap = _NAME_GAP.match(text, m.end(), end)
        if not gap:
            break
        pos = gap.end()
    if not words or words[0].group()[0].isupper() and not words[0].group().isupper():
        return None  # "Three Mile Island" is a name
    for k in range(len(words), 0, -1):
        key = " ".join(w.group() for w in words[:k]).lower()
        if key in UNIT_NAMES:
            return words[k - 1].end(), UNIT_NAMES[key]
    first = words[0].group().split("-")[0]  # "a 5 metre-high wall"
    name = UNIT_NAMES.get(first.lower())
    return (p + len(first), name) if name and first != words[0].group() else None


def _base_unit(text: str, p: int, end: int) -> tuple[int, str] | None:
    named = _unit_name_at(text, p, end) if text[p : p + 1].isalpha() else None
    if named:
        return named
    symbol = _symbol_at(text, p, end)
    if symbol is None:
        return None
    e = p + len(symbol)
    after = text[e : e + 1]
    if after.isdigit() and after not in "23" or symbol == "in" and not _INCH_OK.match(text, p, end):
        return None
    return e, UNIT_SYMBOLS[symbol]


def _symbol_at(text: str, p: int, end: int) -> str | None:
    """The longest unit symbol at `p` that no letter follows ("km" in "km/", not in "kms")."""
    letters = _ASCII_RUN.match(text, p, end)
    if letters is not None and (letters.end() == end or text[letters.end()] != "/"):
        # a symbol in letters that no letter follows is the whole run ("km/h" needs its "/")
        return letters.group() if letters.group() in UNIT_SYMBOLS else None
    if letters is None and text[p : p + 1] not in _OTHER_SYMBOL_STARTS:
        return None
    for k in _SYMBOL_LENGTHS:
        e = p + k
        if e <= end and text[p:e] in UNIT_SYMBOLS and not (e < end and text[e] in _ASCII_LETTERS):
            return text[p:e]
    return None


@functools.lru_cache(maxsize=1)
def _currency_word_re() -> re.Pattern:
    """Compiled on first use: most runs never ask for a code by name."""
    return re.compile(
        r"(?i:(?P<country>"
        + trie({c for c, _ in CURRENCY_COUNTRY})
        + r")\s+)?(?P<word>(?i:"
        + trie(CURRENCY_WORDS)
        + r"))(?P<plural>e?s)?(?P<sterling>\s+sterling)?(?![\w-])"
    )


class MoneyAfter:
    """A currency written after an amount ("15€", "5m USD", "6 billion US dollars"): its
    `symbol`, `code` or `word` (with `country` and `sterling` when written), and its end."""

    __slots__ = ("end", "symbol", "code", "country", "word", "sterling")

    def __init__(self, end, symbol=None, code=None, country=None, word=None, sterling=None):
        self.end, self.symbol, self.code = end, symbol, code
        self.country, self.word, self.sterling = country, word, sterling


@functools.cache
def _money_after_re() -> re.Pattern:
    """What `money_after` reads, as one pattern: compiled only for the rare text it leaves to it."""
    codes = "|".join(sorted(CURRENCY_CODES | set(CODE_ALIASES)))
    return re.compile(
        r"(?:[ \u00a0]?(?P<sym>[€£$¥₹])(?![\w$€£])"
        r"|[ \u00a0]?(?P<code>" + codes + r")\b"
        r"|(?:[ \u00a0]+|-)(?:(?P<country>(?i:" + trie({c for c, _ in CURRENCY_COUNTRY}) + r"))\s+)?"
        r"(?P<word>(?i:" + trie(CURRENCY_WORDS) + r"))(?:e?s)?(?P<sterling>\s+sterling)?(?![\w-]))"
    )


def by_first_letter(words) -> dict[str, list[str]]:
    """Words by their first letter, longest first: the order a tree of them tries them in."""
    out: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        out.setdefault(word[0], []).append(word)
    return out


_AFTER_SYMBOLS = frozenset("€£$¥₹")
_CODES_AFTER = CURRENCY_CODES | set(CODE_ALIASES)
_COUNTRIES_AFTER = by_first_letter({c for c, _ in CURRENCY_COUNTRY})
_WORDS_AFTER = by_first_letter(CURRENCY_WORDS)
UNSURE = object()  # what a reading by hand answers where a pattern matching in any case must decide
# The letters that open a currency's name after an amount: a country's ("u" of "u.s."), or the
# currency's, singular or plural.
_FIRST_WORDS = frozenset(
    [c.split()[0].split(".")[0] for c, _ in CURRENCY_COUNTRY]
    + [w + plural for w in CURRENCY_WORDS for plural in ("", "s", "es")]
)
_GAP_AND_LETTERS = re.compile(r"(?:[ \u00a0]+|-)([^\W\d_]+)")
# What must come first: a symbol or a code (maybe after a space), or a space or "-" and letters.
_MONEY_SCREEN = re.compile(r"[ \u00a0]?[\u20ac\u00a3$\u00a5\u20b9A-Z]|(?:[ \u00a0]+|-)([^\W\d_]+)")


def money_after(text: str, p: int, end: int) -> MoneyAfter | None:
    """The currency written at `p` (before `end`) after an amount, as _money_after_re() reads it.

    That pattern is long, and its words match in any case, which makes it cost more to compile
    than most drafts take to read. The same reading is done here by hand; the pattern is used
    only where a letter outside ASCII stands in a word, as matching in any case may take some
    of those for ASCII letters (the Kelvin sign for "k").
    """
    screen = _MONEY_SCREEN.match(text, p, end)
    if screen is None:
        return None
    word = screen.group(1)
    if word is not None and word.isascii() and word.lower() not in _FIRST_WORDS:
        return None  # as for most amounts: no currency word, nor a country's, comes next
    s = p + 1 if text[p] in " \u00a0" else p
    if s < end:
        ch = text[s]
        if ch in _AFTER_SYMBOLS and not (s + 1 < end and (_is_word(text[s + 1]) or text[s + 1] in "$\u20ac\u00a3")):
            return MoneyAfter(s + 1, symbol=ch)
        code = text[s : s + 3] if "A" <= ch <= "Z" and s + 3 <= end else ""
        if code in _CODES_AFTER and (s + 3 == end or not _is_word(text[s + 3])):
            return MoneyAfter(s + 3, code=code)
    gap = _GAP_AND_LETTERS.match(text, p, end)
    if gap is None:
        return None
    found = _named_money(text, gap.start(1), end)
    if found is not UNSURE:
        return found
    m = _money_after_re().match(text, p, end)
    if m is None:
        return None
    sym, code, country, word, sterling = m.group("sym", "code", "country", "word", "sterling")
    return MoneyAfter(m.end(), sym, code, country, word, sterling)


def any_case_word_at(text: str, p: int, end: int, words: dict[str, list[str]]):
    """Where the longest of `words` (from by_first_letter) that stands at `p` in any case ends,
    as a tree of them matched in any case finds it; None when none does, UNSURE when a letter
    outside ASCII stands where one of their letters is expected."""
    first = text[p] if p < end else ""
    if not first.isascii():
        return UNSURE if first.isalpha() else None
    for word in words.get(first.lower(), ()):
        e = _any_case_at(text, p, end, word)
        if e is not None:
            return e
    return None


def currency_symbol_at(text: str, p: int, end: int) -> str | None:
    """The longest currency symbol at `p` ("US$" rather than "$")."""
    if text[p : p + 1] not in _CURRENCY_SYMBOL_STARTS:
        return None
    for k in _CURRENCY_SYMBOL_LENGTHS:
        if p + k <= end and text[p : p + k] in CURRENCY_SYMBOLS:
            return text[p : p + k]
    return None


_CURRENCY_SYMBOL_LENGTHS = sorted({len(s) for s in CURRENCY_SYMBOLS}, reverse=True)
_CURRENCY_SYMBOL_STARTS = frozenset(s[0] for s in CURRENCY_SYMBOLS)


def _named_money(text: str, at: int, end: int):
    """A country word maybe, a currency word, a plural ending, "sterling" maybe: each tried
    longest first, as the pattern tries them; the first reading that ends a word wins."""
    first = text[at]
    if not first.isascii():
        return UNSURE if first.isalpha() else None
    first = first.lower()
    for country in (*_COUNTRIES_AFTER.get(first, ()), None):
        start = country_end = at
        if country is not None:
            country_end = _any_case_at(text, at, end, country)
            if country_end is UNSURE:
                return UNSURE
            if country_end is None:
                continue
            start = _spaces_end(text, country_end, end)
            if start == country_end or start >= end:
                continue
        head = text[start]
        if not head.isascii():
            if head.isalpha():
                return UNSURE
            continue
        for word in _WORDS_AFTER.get(head.lower(), ()):
            e = _any_case_at(text, start, end, word)
            if e is UNSURE:
                return UNSURE
            if e is not None and (found := _word_ends(text, e, end)) is not None:
                k, sterling = found
                country_words = text[at:country_end] if country is not None else None
                return MoneyAfter(k, country=country_words, word=text[start:e], sterling=sterling)
    return None


def _word_ends(text: str, e: int, end: int) -> tuple[int, str | None] | None:
    """Where a currency word that ends at `e` ends with its plural and "sterling", if a word ends there."""
    for plural in ("es", "s", ""):
        if not text.startswith(plural, e, end):
            continue
        f = e + len(plural)
        g = _spaces_end(text, f, end)
        if g > f and text.startswith("sterling", g, end) and _ends_word(text, g + 8, end):
            return g + 8, text[f : g + 8]
        if _ends_word(text, f, end):
            return f, None
    return None


def _ends_word(text: str, k: int, end: int) -> bool:
    return k >= end or not (_is_word(text[k]) or text[k] == "-")


def _any_case_at(text: str, p: int, end: int, word: str):
    """Where `word` (lower case; a space stands for any white space) ends if it is at `p` in any
    case, else None; UNSURE where a letter outside ASCII stands for one of its letters."""
    for ch in word:
        if ch == " ":
            q = _spaces_end(text, p, end)
            if q == p:
                return None
            p = q
            continue
        if p >= end:
            return None
        got = text[p]
        if got != ch and got.lower() != ch:
            return UNSURE if ch.isalpha() and got.isalpha() and not got.isascii() else None
        p += 1
    return p


def _spaces_end(text: str, p: int, end: int, spaces: str | None = None) -> int:
    """The end of the white space at `p` (of `spaces` only, when given)."""
    while p < end and (text[p] in spaces if spaces else text[p].isspace()):
        p += 1
    return p


def _is_word(ch: str) -> bool:
    """A character of a word, as \\w reads it."""
    return ch.isalnum() or ch == "_"


def currency_code(word: str, country: str | None = None) -> str | None:
    """The ISO 4217 code for a currency symbol, code or name ("$", "EUR", "euros", "Canadian dollars")."""
    word = word.strip()
    if word in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[word]
    upper = word.upper()
    if upper in CURRENCY_CODES:
        return upper
    if upper in CODE_ALIASES:
        return CODE_ALIASES[upper]
    m = _currency_word_re().fullmatch(word if country is None else f"{country} {word}")
    if not m:
        return None
    return currency_for(m.group("word"), m.group("country"))


def currency_for(word: str, country: str | None) -> str:
    """The code for a currency name, told apart by the country word in front when there is one."""
    word = word.lower()
    if country:
        key = (" ".join(country.lower().split()), word)
        if key in CURRENCY_COUNTRY:
            return CURRENCY_COUNTRY[key]
    return CURRENCY_WORDS[word]
