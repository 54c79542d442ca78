"""Figures and dates compared by what they mean, not how they are written.

"$6 billion", "6 billion dollars" and "$6,000,000,000" are one figure; "more than
$6 billion" is borne out by a source's "$6.4 billion"; "114" against "141" is not.
Dates compare as ISO values, and a less precise date ("September 2016") agrees with
a more precise one inside it ("Sept. 12, 2016").
"""

from __future__ import annotations

import math
import re

from factcheck.match.evidence import Verdict

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}
_SCALE_WORD = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*(thousand|million|billion|trillion|mln|bn|tn|k|m|b)\b", re.I)

MORE = ("more than", "over", "above", "exceed", "upward", "in excess", "greater than", "plus")
AT_LEAST = ("at least", "no fewer", "no less", "or more", "minimum")
LESS = ("less than", "fewer than", "under", "below")
AT_MOST = ("at most", "up to", "no more", "or fewer", "or less", "maximum", "as many as", "as much as")
ABOUT = ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to", "estimated", "approx", "~", "just under", "just over")

_UNITS = {
    "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "us$": "usd",
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "percentage points": "points",
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
}


def numbers_in(text: str) -> list[float]:
    """Every number written in `text`, with million/billion words applied."""
    out, scaled = [], set()
    for m in _SCALE_WORD.finditer(text):
        out.append(_num(m.group(1)) * _SCALE[m.group(2).lower()])
        scaled.add(m.start(1))
    for m in _NUMBER.finditer(text):
        if m.start() not in scaled:
            out.append(_num(m.group()))
    return out


def _num(literal: str) -> float:
    return float(literal.replace(",", ""))


def rounding_step(text: str, value: float) -> float:
    """How far a figure as written may be from the exact one: half its last written digit."""
    m = _NUMBER.search(text)
    if not m or not value:
        return 0.0
    literal = m.group()
    written = _num(literal)
    scale = value / written if written else 1.0
    if "." in literal:
        step = 10.0 ** -len(literal.split(".")[1])
    else:
        digits = literal.replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        # "2,000" is a round number; "140" may well be exact, so only big round numbers count.
        step = 10.0**zeros if written >= 1000 and zeros >= 3 else 1.0
    return step * scale / 2


_MEASURES = {"percent", "percentage points", "basis points"}


def unit_key(unit) -> str | None:
    if not unit:
        return None
    text = str(unit).strip()
    return _UNITS.get(text.lower(), text)


def units_clash(a, b) -> bool:
    """Units that cannot be the same figure: two currencies, or money against a percentage.

    Counted nouns ("Patriot missiles" against "missiles") are left to the words around
    the figure: a paraphrase changes them without changing the figure.
    """
    ka, kb = unit_key(a), unit_key(b)
    if not ka or not kb or ka.lower() == kb.lower():
        return False
    return is_measure(ka) and is_measure(kb)


def is_measure(unit) -> bool:
    """Money or a percentage: a unit whose absence means a different kind of figure."""
    k = unit_key(unit)
    return bool(k) and (k.lower() in _MEASURES or (len(k) == 3 and k.isupper()) or k in _UNITS.values())


def _has(qualifier: str, words: tuple[str, ...]) -> bool:
    return any(w in qualifier for w in words)


def bounds_only(qualifier: str | None) -> bool:
    """A qualifier that makes a figure a bound ("more than", "up to"), met by many numbers."""
    q = (qualifier or "").lower()
    return bool(q) and any(_has(q, words) for words in (MORE, AT_LEAST, LESS, AT_MOST)) and not _has(q, ABOUT)


def same_number(claim: dict, source_value) -> bool:
    """The draft figure's number and the source's are one, after rounding as written."""
    draft = _as_float(claim.get("value"))
    if draft is None or source_value is None:
        return False
    step = rounding_step(claim.get("text", ""), draft)
    return math.isclose(draft, float(source_value), rel_tol=1e-9) or abs(draft - float(source_value)) <= step


def figure_agrees(draft: float, source: float, qualifier: str | None, step: float, source_qualifier: str | None = None) -> tuple[bool, str]:
    """Does the source's figure bear out the draft's, given its qualifier and rounding?

    A hedged draft figure ("about 50,000") may round an exact source figure; but when the
    source hedges too ("almost 50,000"), both are approximations and must state the same number.
    """
    q = (qualifier or "").lower()
    close = math.isclose(draft, source, rel_tol=1e-9) or abs(draft - source) <= step
    if source_qualifier and _has(q, ABOUT) and _has(source_qualifier.lower(), ABOUT):
        return close, "about"
    if _has(q, AT_LEAST):
        return source >= draft or close, "at least"
    if _has(q, AT_MOST):
        return source <= draft or close, "at most"
    if _has(q, MORE):
        return source > draft, "more than"
    if _has(q, LESS):
        return source < draft, "less than"
    if _has(q, ABOUT):
        return abs(source - draft) <= max(step, abs(draft) * 0.05), "about"
    return close, ""


def compare_figures(
    claim: dict, source_value, source_unit, source_text: str, source_range=None, source_qualifier: str | None = None
) -> tuple[Verdict, str]:
    """Verdict on a draft figure against the figure at the same place in the source."""
    draft_value = _as_float(claim.get("value"))
    if draft_value is None:
        draft_value = _parsed_value(claim.get("text", ""))
    if draft_value is not None and source_range and source_range[0] <= draft_value <= source_range[1]:
        return Verdict.SUPPORTED, f"the source gives {source_text!r}, a range that holds {_fmt(draft_value)}"
    if draft_value is None or source_value is None:
        return compare_written(claim.get("text", ""), source_text)
    if units_clash(claim.get("unit"), source_unit):
        return Verdict.CONTRADICTED, f"the source gives {source_text!r}, in {source_unit} not {claim.get('unit')}"
    step = rounding_step(claim.get("text", ""), draft_value)
    ok, how = figure_agrees(draft_value, float(source_value), claim.get("qualifier"), step, source_qualifier)
    if ok:
        detail = f" ({how} {_fmt(draft_value)})" if how else ""
        return Verdict.SUPPORTED, f"the source gives {source_text!r}{detail}"
    return Verdict.CONTRADICTED, f"the source gives {source_text!r}, not {claim.get('text')!r}"


def compare_written(draft_text: str, source_text: str) -> tuple[Verdict, str]:
    """Without parsed values: the numbers written in both, million/billion applied."""
    mine, theirs = numbers_in(draft_text), numbers_in(source_text)
    if mine and theirs and sorted(mine) == sorted(theirs):
        return Verdict.SUPPORTED, f"the source gives {source_text!r}"
    return Verdict.CONTRADICTED, f"the source gives {source_text!r}, not {draft_text!r}"


def compare_dates(claim: dict, source_value, source_text: str) -> tuple[Verdict, str]:
    """Dates as ISO values; a coarser date agrees with any finer one inside it."""
    mine = str(claim.get("value") or "")
    theirs = str(source_value or "")
    if not mine or not theirs:
        return Verdict.CONTRADICTED, f"the source gives {source_text!r}, not {claim.get('text')!r}"
    if mine == theirs:
        return Verdict.SUPPORTED, f"the source gives {source_text!r} ({theirs})"
    if theirs.startswith(mine) or mine.startswith(theirs):
        return Verdict.SUPPORTED, f"the source gives {source_text!r} ({theirs}); the draft is {'less' if len(mine) < len(theirs) else 'more'} precise"
    return Verdict.CONTRADICTED, f"the source gives {source_text!r} ({theirs}), not {mine}"


def _as_float(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _parsed_value(text: str) -> float | None:
    try:
        from factcheck.numbers import parse_number
    except ImportError:
        return None
    value = parse_number(text)
    return float(value) if value is not None else None
