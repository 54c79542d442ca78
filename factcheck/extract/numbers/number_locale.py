"""How a newsroom writes numbers: its decimal mark, its grouping marks, its scale abbreviations.

The config's `locale:` (default `en-US`) names the convention. English newsrooms need no
lookup: their marks are written here, so the common case never imports Babel. Any other
locale's marks come from Babel's CLDR data, read once per locale.

What every locale reads, because it cannot mean anything else: Indian grouping
("45,67,890"), the words lakh and crore, and a number grouped with points and ending in a
decimal comma ("1.234.567,89"). What the locale decides:

- the decimal mark: "3,5" is three and a half in `de-DE` and `fr-FR`, no figure in `en-US`;
- the grouping marks: "1.234" is 1234 in `de-DE`, 1.234 in `en-US`;
- Indian abbreviations in `en-IN` (and any locale that groups by lakh): "Rs 5 cr", "20 lacs".
"""

from __future__ import annotations

import functools
import re

from factcheck.errors import ConfigError

DEFAULT = "en-US"
_SPACES = " \u00a0\u202f\u2009"


class Marks:
    """A locale's number marks and the pattern that reads a numeral written with them."""

    __slots__ = ("locale", "decimal", "groups", "indian", "numeral")

    def __init__(self, locale: str, decimal: str, groups: str, indian: bool):
        self.locale, self.decimal, self.groups, self.indian = locale, decimal, groups, indian
        self.numeral = None if decimal == "." and "," in groups else _numeral(decimal, groups)

    @property
    def decimal_comma(self) -> bool:
        return self.decimal == ","


def _numeral(decimal: str, groups: str) -> re.Pattern:
    """Digits grouped by thousands with `groups`, then `decimal` and the fraction: the
    pattern `numbers._NUMERAL` is for English, in this locale's marks."""
    spaced = "".join(c for c in groups if c in _SPACES)
    other = "".join(c for c in groups if c not in _SPACES)
    alternatives = [r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"] if decimal != "," else []
    if other:
        alternatives.append(r"\d{1,3}(?:[" + re.escape(other) + r"]\d{3}){1,7}(?![\d])")
    alternatives.append(
        r"\d{1,3}(?:[" + re.escape(_SPACES) + r"]\d{3}(?![\d\-/])){1,7}(?!\d)" if spaced or decimal == "," else ""
    )
    alternatives.append(r"\d{1,24}")
    body = "|".join(a for a in alternatives if a)
    return re.compile(
        r"(?P<int>" + body + r")(?P<dec>" + re.escape(decimal) + r"\d{1,12}(?!" + re.escape(decimal) + r"\d))?"
    )


ENGLISH = Marks("en-US", ".", ",", False)
_KNOWN = {
    "en-us": ENGLISH,
    "en-gb": Marks("en-GB", ".", ",", False),
    "en-in": Marks("en-IN", ".", ",", True),
}
_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def marks(locale: str | None) -> Marks:
    """The marks of `locale` ("de-DE", "fr_FR"); ConfigError when it is no locale Babel knows."""
    if not locale:
        return ENGLISH
    return _marks(locale.strip().replace("_", "-").lower())


@functools.cache
def _marks(key: str) -> Marks:
    if key in _KNOWN:
        return _KNOWN[key]
    if not _SHAPE.fullmatch(key):
        raise ConfigError(f"locale {key!r} is not a locale name such as en-US, en-IN, de-DE or fr-FR")
    from babel import Locale, UnknownLocaleError, numbers  # only newsrooms outside English need it

    try:
        loc = Locale.parse(key.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ConfigError(f"unknown locale {key!r} (try en-US, en-GB, en-IN, de-DE or fr-FR)") from None
    decimal = numbers.get_decimal_symbol(loc)
    group = numbers.get_group_symbol(loc)
    pattern = loc.decimal_formats.get(None)
    indian = pattern is not None and pattern.grouping[1] == 2
    # Copy often types an ordinary space for a narrow no-break space, and an apostrophe's
    # typographic form for the plain one.
    groups = group + (_SPACES if group in _SPACES else "") + ("\u2019" if group == "'" else "")
    name = str(loc).replace("_", "-")
    return Marks(name, decimal, groups, indian)
