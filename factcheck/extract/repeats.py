"""Headline figures and dates that repeat the body's, linked so the fact is signed off once.

A headline ("Council cuts 40% of bus routes") restates a figure the story gives in full
further down ("cut 40.2% of its routes"). Both are the same fact: the body sentence is
where it is sourced and checked, and the headline is right exactly when the body is. So a
figure or date on a Markdown heading line (`# …` to `###### …`, or a line underlined
with `===` or `---`) that states the same quantity as one in the body gets
`repeats: <the body claim's id>`, and its verdict and sign-off follow that claim's.

"The same quantity" is read narrowly, since a link lets the headline ride on the body's
sign-off: the same kind and unit, and
- for figures: the same number, the body's figure rounded to the digits the headline
  writes ("40%" for "40.2%", "$2 million" for "$2.4 million"), or a headline bound the
  body's plain figure meets ("more than $2 million" for "$2.4 million"); never when the
  body hedges ("about 1,200") and the headline does not, nor "40%" for "45%";
- for dates: the same date with the same bound word in front of it ("by April 3"), or a
  plain headline month or year that holds the body's plain date ("April" for "April 3").
A headline figure that two different body figures could stand for is linked to neither.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re

from factcheck.model import Claim, Kind

_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")

# A qualifier's kind, as the matcher reads bounds and hedges (match.intervals).
_HEDGES = (
    ("just_over", ("just over", "just above", "just more than", "slightly more", "slightly over")),
    ("nearly", ("nearly", "almost", "just under", "just below", "close to", "just shy of", "approaching")),
    ("at_least", ("at least", "no fewer", "no less", "or more", "minimum", "not less")),
    ("at_most", ("at most", "up to", "no more", "or fewer", "or less", "maximum", "as many as", "as much as")),
    ("more", ("more than", "over", "above", "exceed", "upward", "in excess", "greater than", "higher than", "plus")),
    ("less", ("less than", "fewer than", "under", "below", "lower than", "short of")),
    ("about", ("about", "around", "approximately", "roughly", "some", "estimated", "approx", "~", "circa", "or so")),
)
# An approximation may miss by this share of its value (as match.intervals.APPROX_SHARE).
_APPROX_SHARE = 0.05
# A bound many times off the figure it stands for is about something else (as match.values.FAR_OFF).
_FAR_OFF = 10
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

# Words right before a date that make it a bound or a part of a period ("before April").
_DATE_LEAD = re.compile(
    r"\b(before|prior to|earlier than|after|later than|following|since|by|no later than|until|till|up to|"
    r"through|as of|as at|from|early|mid|late|end of|start of|beginning of|middle of)[\s-]+(?:the\s+)?$",
    re.I,
)
_YEAR_OR_MONTH = re.compile(r"\d{3,4}(?:-\d\d)?")


def link_repeats(claims: list[Claim], text: str) -> list[Claim]:
    """The claims, each headline figure or date that repeats a body claim carrying its id."""
    headings = _heading_lines(text)
    heads = [k for k, c in enumerate(claims) if c.line in headings and c.kind in (Kind.FIGURE, Kind.DATE)]
    if not heads:
        return claims
    body = _Body([c for c in claims if c.line not in headings and c.kind in (Kind.FIGURE, Kind.DATE)], text)
    out = list(claims)
    for k in heads:
        target = body.repeated(claims[k])
        if target is not None:
            out[k] = dataclasses.replace(claims[k], repeats=target.id)
    return out


class _Body:
    """The body's figures and dates, sorted so that each headline claim finds the few it
    could repeat without reading them all (a wire story can have thousands)."""

    def __init__(self, claims: list[Claim], text: str):
        self.text = text
        self.exact: dict[tuple, Claim] = {}
        plain: dict[str, list[tuple[float, int, Claim]]] = {}
        dated: list[tuple[str, int, Claim]] = []
        for n, c in enumerate(claims):
            key = self._key(c)
            self.exact.setdefault(key, c)
            if c.kind is Kind.FIGURE and not c.qualifier and _number(c.value) is not None:
                plain.setdefault(_unit(c.unit), []).append((float(c.value), n, c))
            elif c.kind is Kind.DATE and not key[2]:
                dated.append((str(c.value or ""), n, c))
        self.plain = {unit: sorted(found, key=lambda t: (t[0], t[1])) for unit, found in plain.items()}
        self.plain_values = {unit: [t[0] for t in found] for unit, found in self.plain.items()}
        self.dated = sorted(dated, key=lambda t: (t[0], t[1]))
        self.dated_values = [t[0] for t in self.dated]

    def _key(self, c: Claim) -> tuple:
        if c.kind is Kind.DATE:
            return (Kind.DATE, str(c.value or ""), _lead(self.text, c.start))
        value = _number(c.value)
        return (Kind.FIGURE, _unit(c.unit), _hedge(c.qualifier), value if value is not None else repr(c.value))

    def repeated(self, head: Claim) -> Claim | None:
        """The body claim `head` restates: the first stating it exactly, else the one it
        rounds or bounds, unless body claims of different values would both do."""
        same = self.exact.get(self._key(head))
        if same is not None and same_fact(head, same, self.text, exact=True):
            return same
        near = self._dates_within(head) if head.kind is Kind.DATE else self._figures_within(head)
        near = [c for c in near if same_fact(head, c, self.text, exact=False)]
        return near[0] if near and len({repr(c.value) for c in near}) == 1 else None

    def _figures_within(self, head: Claim) -> list[Claim]:
        """The body's plain figures of the headline's unit that its words could stand for."""
        h = _number(head.value)
        unit = _unit(head.unit)
        if h is None or unit not in self.plain or (head.qualifier and _hedge(head.qualifier) not in _BOUNDS):
            return []
        lo, hi = _BOUNDS[_hedge(head.qualifier)](h, _tolerance(head.text, h))
        values = self.plain_values[unit]
        return [t[2] for t in self.plain[unit][bisect.bisect_left(values, lo) : bisect.bisect_right(values, hi)]]

    def _dates_within(self, head: Claim) -> list[Claim]:
        """The body's plain dates inside the headline's plain year or month."""
        hv = str(head.value or "")
        if not _YEAR_OR_MONTH.fullmatch(hv) or _lead(self.text, head.start):
            return []
        values = self.dated_values
        found = self.dated[bisect.bisect_left(values, hv + "-") : bisect.bisect_left(values, hv + "-\uffff")]
        return sorted((t[2] for t in found), key=lambda c: c.start)


def _tolerance(text: str, value: float) -> float:
    return max(_last_digit(text, value) / 2, abs(value) * _APPROX_SHARE)


# The range of body values each kind of headline qualifier could stand for, to narrow the
# search; `_bound_holds` then decides, open ends and all.
_BOUNDS = {
    "": lambda h, tol: (h - tol, h + tol),
    "more": lambda h, tol: (h, h * _FAR_OFF),
    "at_least": lambda h, tol: (h, h * _FAR_OFF),
    "less": lambda h, tol: (h / _FAR_OFF, h),
    "at_most": lambda h, tol: (h / _FAR_OFF, h),
    "nearly": lambda h, tol: (h - tol, h),
    "just_over": lambda h, tol: (h, h + tol),
    "about": lambda h, tol: (h - tol, h + tol),
}


def _heading_lines(text: str) -> set[int]:
    """1-based numbers of the lines that are Markdown headings."""
    lines = text.split("\n")
    found = set()
    for n, line in enumerate(lines):
        underlined = n + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[n + 1])
        if _ATX.match(line) or (line.strip() and underlined and not _SETEXT_UNDERLINE.match(line)):
            found.add(n + 1)
    return found


def same_fact(head: Claim, body: Claim, text: str, *, exact: bool) -> bool:
    """Does the headline claim state the body claim's quantity (`exact`: word for word in value)?"""
    if head.kind is Kind.DATE:
        return _same_date(head, body, text, exact=exact)
    return _same_figure(head, body, exact=exact)


def _same_figure(head: Claim, body: Claim, *, exact: bool) -> bool:
    if _unit(head.unit) != _unit(body.unit):
        return False
    h, b = _number(head.value), _number(body.value)
    hk, bk = _hedge(head.qualifier), _hedge(body.qualifier)
    if h is None or b is None:
        # a value that is no plain number (a range, a score) must be stated alike
        return head.value == body.value and hk == bk
    if hk == bk:
        # both plain, or hedged the same way ("about 1,200" twice): the same number,
        # or for plain figures the body's rounded to the headline's digits
        return math.isclose(h, b) or (not exact and not hk and abs(h - b) < _last_digit(head.text, h) / 2)
    if exact or bk:
        return False  # a headline must not firm up or change the body's hedge
    return _bound_holds(hk, h, b, head.text)


def _bound_holds(kind: str, h: float, b: float, head_text: str) -> bool:
    """The body's plain figure `b` is one of those the headline's bound or hedge allows."""
    if h <= 0 or b <= 0 or max(h / b, b / h) >= _FAR_OFF:
        return False
    tolerance = max(_last_digit(head_text, h) / 2, abs(h) * _APPROX_SHARE)
    return {
        "more": b > h,
        "at_least": b >= h,
        "less": b < h,
        "at_most": b <= h,
        "nearly": h - tolerance <= b <= h,
        "just_over": h < b <= h + tolerance,
        "about": abs(b - h) <= tolerance,
    }.get(kind, False)


def _same_date(head: Claim, body: Claim, text: str, *, exact: bool) -> bool:
    hv, bv = str(head.value or ""), str(body.value or "")
    if not hv or not bv:
        return False
    lead_h, lead_b = _lead(text, head.start), _lead(text, body.start)
    if lead_h != lead_b:
        return False
    if hv == bv:
        return True
    # a plain headline year or month holding the body's date ("April" for "April 3")
    return not exact and not lead_h and bool(_YEAR_OR_MONTH.fullmatch(hv)) and bv.startswith(hv + "-")


def _lead(text: str, start: int) -> str:
    """The bound or part-of-period word just before a date, lower-cased; '' for none."""
    m = _DATE_LEAD.search(text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _hedge(qualifier: str | None) -> str:
    q = (qualifier or "").lower().strip()
    if not q:
        return ""
    for kind, phrases in _HEDGES:
        if any(p in q for p in phrases):
            return kind
    return q  # an unknown qualifier links only to the same words


def _unit(unit: str | None) -> str:
    return (unit or "").strip().lower()


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _last_digit(text: str, value: float) -> float:
    """The place of the last digit the headline writes, in the figure's scale: "40%" is 1,
    "40.2%" 0.1, "$2 million" 1,000,000. Trailing zeros count: "1,000" is not "1,200" rounded."""
    m = _NUMBER.search(text)
    if not m or not value:
        return 0.0  # a number in words ("nine") is exact
    literal = m.group()
    written = float(literal.replace(",", ""))
    scale = abs(value / written) if written else 1.0
    digits = len(literal.split(".")[1]) if "." in literal else 0
    return 10.0**-digits * scale
