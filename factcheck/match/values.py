"""Figures and dates compared by what they mean, not how they are written.

"$6 billion", "6 billion dollars" and "$6,000,000,000" are one figure; "more than
$6 billion" is borne out by a source's "$6.4 billion"; "114" against "141" is not.
Dates compare as ISO values, and a less precise date ("September 2016") agrees with
a more precise one inside it ("Sept. 12, 2016").
"""

from __future__ import annotations

import math
import re

from factcheck.extract.numbers.parse import parse_number
from factcheck.match import conversions
from factcheck.match.evidence import Verdict
from factcheck.match.intervals import (
    Interval,
    date_bound,
    date_interval,
    describe_date,
    figure_interval,
    kind_of,
    precision,
    rounding,
    source_interval,
)
from factcheck.model import ClaimRecord, Kind

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_SCALE_WORD = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*(thousand|million|billion|trillion|mln|bn|tn|k|m|b)\b", re.I)

_UNITS = {
    "$": "usd",
    "usd": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "us$": "usd",
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage points": "points",
    "€": "eur",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "pound": "gbp",
    "pounds": "gbp",
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
    if not k:
        return False
    return k.lower() in _MEASURES or (len(k) == 3 and k.isupper()) or k in _UNITS.values()


def bounds_only(qualifier: str | None) -> bool:
    """A qualifier that makes a figure a bound ("more than", "up to"), met by many numbers;
    not a hedge ("nearly", "just over", "about"), which names the figure it is near."""
    return kind_of(qualifier) in ("more", "at_least", "less", "at_most")


def same_number(claim: ClaimRecord, source_value) -> bool:
    """The draft figure's number and the source's are one, after rounding as written."""
    draft = as_float(claim.get("value"))
    if draft is None or source_value is None:
        return False
    step = rounding_step(claim.get("text", ""), draft)
    return math.isclose(draft, float(source_value), rel_tol=1e-9) or abs(draft - float(source_value)) <= step


def compare_figures(
    claim: ClaimRecord,
    source_value,
    source_unit,
    source_text: str,
    source_range=None,
    source_qualifier: str | None = None,
) -> tuple[Verdict, str]:
    """Verdict on a draft figure against the figure at the same place in the source.

    Both are read as intervals (see intervals.py): supported when the source's lies inside
    the claim's, contradicted when they cannot meet, otherwise not found. The reason shows
    the arithmetic: "the source gives '317 people'; 'more than 300' holds"."""
    mine = score_of(claim)
    if mine is not None:
        return _against_score(mine, claim.get("text") or "", source_text)
    draft_value = as_float(claim.get("value"))
    if draft_value is None:
        draft_value = _parsed_value(claim.get("text", ""))
    if draft_value is None or source_value is None:
        return written_against(claim, source_text)
    if units_clash(claim.get("unit"), source_unit):
        return Verdict.CONTRADICTED, f"the source gives {source_text!r}, in {source_unit} not {claim.get('unit')}"
    best: tuple[Verdict, str] | None = None
    for value, unit in claim_readings(claim, draft_value, source_unit):
        found = _against(
            claim, value, unit, float(source_value), source_unit, source_text, source_range, source_qualifier
        )
        if found[0] is Verdict.SUPPORTED:
            return found
        if best is None or (best[0] is Verdict.CONTRADICTED and found[0] is Verdict.NOT_FOUND):
            best = found
    return best if best is not None else written_against(claim, source_text)  # claim_readings gives one at least


_SCORE = re.compile(r"^\s*(\d{1,3})\s?[-\u2013\u2014:]\s?(\d{1,3})\s*$")
_SPORT = re.compile(
    r"\b(?:beat|beats|beaten|won|win|wins|winning|lost|lose|loses|losing|defeat\w*|drew|draw|drawn|tied|"
    r"leads?|leading|led|trail\w*|level|victory|score\w*|final|match|game|series|goals?|points)\b",
    re.I,
)


def score_of(claim: ClaimRecord) -> tuple[int, int] | None:
    """A result or a series written as two counts ("won 3–1", "leads the series 3–1"), in a
    sentence about a game: a score, not a range or a number with a unit."""
    if claim.get("kind") != Kind.FIGURE:
        return None
    m = _SCORE.match(claim.get("text") or "")
    if not m or not _SPORT.search(claim.get("sentence") or ""):
        return None
    return int(m.group(1)), int(m.group(2))


def _against_score(mine: tuple[int, int], text: str, source_text: str) -> tuple[Verdict, str]:
    """Two scores agree when they give the same two counts, in either order: a source may
    name the other side first ("were beaten 1–3")."""
    m = _SCORE.match(source_text)
    if not m:
        return Verdict.NOT_FOUND, f"the source gives {source_text!r}, not a score to weigh {text!r} against"
    theirs = (int(m.group(1)), int(m.group(2)))
    if sorted(theirs) == sorted(mine):
        return Verdict.SUPPORTED, f"the source gives the score {source_text!r}; {text!r} holds"
    return Verdict.CONTRADICTED, f"the claim gives the score {text!r}; the source gives {source_text!r}"


def claim_readings(claim: ClaimRecord, value: float, source_unit=None) -> list[tuple[float, str | None]]:
    """The draft figure's value, and what else its words make it: "half of the 20" is 10,
    "one in five" is 20 percent."""
    unit = claim.get("unit")
    out = [(value, unit)]
    if is_measure(unit) or not 0 < value < 1:
        return out
    whole = _of_the(claim) if not unit else None
    if whole is not None:
        out.append((value * whole, None))
    if unit_key(source_unit) == "percent":
        out.append((value * 100, "percent"))
    return out


_OF_THE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<n>\d[\d,]*|[a-z]+)\b", re.I)


def _of_the(claim: ClaimRecord) -> float | None:
    """N in "half of the N" right after the claim's words in its sentence."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return None
    m = _OF_THE.match(sentence, at + len(text))
    if not m:
        return None
    n = m.group("n").replace(",", "")
    if n.isdigit():
        return float(n)
    return _parsed_value(n)


_CHANGE = re.compile(r"\s*from\b", re.I)
_OVER_NOT_A_BOUND = re.compile(
    r"\b(?:averaged|spread|based|calculated|measured|divided|split|shared|distributed)\s*$", re.I
)


_PASSED = re.compile(
    r"\b(?:surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|topp(?:ed|ing)|tops|crossed|broke)\s+(?:the\s+)?$", re.I
)


def verb_bound(qualifier: str | None, before: str) -> str | None:
    """A source figure's bound, read from its verb where it has no qualifier of its own:
    "the state surpassed 5,000 cases" is more than 5,000."""
    if qualifier or not _PASSED.search(before[-40:]):
        return qualifier
    return "more than"


def effective_qualifier(claim: ClaimRecord) -> str | None:
    """ "averaged over 373 reviews" is taken over them, not more than them."""
    qualifier = claim.get("qualifier")
    if (qualifier or "").lower().strip() != "over":
        return qualifier
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    return None if at > 0 and _OVER_NOT_A_BOUND.search(sentence[:at]) else qualifier


def _against(
    claim: ClaimRecord,
    value: float,
    unit: str | None,
    source_value: float,
    source_unit: str | None,
    source_text: str,
    source_range: tuple[float, float] | None,
    source_qualifier: str | None,
) -> tuple[Verdict, str]:
    text, qualifier = claim.get("text", ""), effective_qualifier(claim)
    low, high = source_range or (None, None)
    note = ""
    src_step = 0.0  # a source's "900,000" says nothing about the draft's more precise "950,000"
    if source_unit is not None and unit is not None and conversions.convertible(source_unit, unit):
        # The source's figure is as precise as it is written, in its own unit.

        src_step = conversions.scale(precision(source_text, source_value) / 2, source_unit, unit)
        low = conversions.convert(low, source_unit, unit) if low is not None else None
        high = conversions.convert(high, source_unit, unit) if high is not None else None
        source_value = conversions.convert(source_value, source_unit, unit)
        note = f" (= {_fmt(round(source_value, 2))} {unit})"
    mine = figure_interval(value, text, qualifier, unit=unit)
    if low is not None and _CHANGE.match(source_text):
        # "from $1.6 million to $3.2 million" is a change, not a range: two figures, each a value
        # the thing had; the claim may state either.
        for end in (high, low):
            if end is None:
                continue
            if source_interval(end, source_text, None).inside(mine) or abs(end - value) <= rounding(text, value):
                return Verdict.SUPPORTED, f"the source gives {source_text!r}{note}; {text!r} holds"
        return Verdict.NOT_FOUND, f"the source gives {source_text!r}{note}, which does not settle {text!r}"
    theirs = source_interval(source_value, source_text, source_qualifier, low=low, high=high, unit=source_unit)
    given = f"the source gives {source_text!r}{note}"
    plain = not kind_of(qualifier) or mine.point
    if theirs.inside(mine):
        return Verdict.SUPPORTED, f"{given}; {text!r} holds"
    if (
        plain
        and not kind_of(source_qualifier)
        and low is None
        and abs(value - source_value) <= max(src_step, rounding(text, value))
    ):
        return Verdict.SUPPORTED, f"{given}; {text!r} is the same figure rounded"
    hedge = kind_of(qualifier)
    if hedge in ("about", "nearly", "just_over") and kind_of(source_qualifier) == hedge:
        # Both hedge the same way ("almost 50,000"): they must name the same number.
        if math.isclose(value, source_value, rel_tol=1e-9) or abs(value - source_value) <= rounding(text, value):
            return Verdict.SUPPORTED, f"{given}; both give {qualifier} {_fmt(value)}"
        return Verdict.CONTRADICTED, f"the claim says {text!r}; {given}"
    if not theirs.meets(mine):
        return Verdict.CONTRADICTED, f"the claim says {text!r}; {given}"
    implied = implied_interval(source_value, source_text, source_qualifier) if low is None else None
    if implied is not None and not implied.meets(mine):
        return (
            Verdict.CONTRADICTED,
            f"the claim says {text!r}; {given}, a bound written just past the figure it stands for",
        )
    return Verdict.NOT_FOUND, f"{given}, which does not settle {text!r}"


# A reporter's bound stands near the figure it rounds ("more than 300" for 317); one that
# many times off the figure bearing it out ("more than 2" against 1,935) is about
# something else that the sentence does not give.
FAR_OFF = 10


def far_off(claim: ClaimRecord, source_value, source_text: str) -> str | None:
    """Why a source figure that bears out the claim's bound is no evidence for it: it lies
    FAR_OFF times or more from the bound. None when it is near enough, or the claim is no bound."""
    text = claim.get("text") or ""
    if (
        kind_of(effective_qualifier(claim)) not in ("more", "less", "at_least", "at_most")
        or "/" in text
        or " out of " in text
    ):
        return None  # a rating's bound ("more than 9 out of 10") is read on its scale
    bound, theirs = as_float(claim.get("value")), as_float(source_value)
    if not bound or not theirs or bound <= 0 or theirs <= 0 or max(bound / theirs, theirs / bound) < FAR_OFF:
        return None
    return f"the source gives {source_text!r}, {FAR_OFF} times or more from {text!r}: likely another quantity"


def implied_interval(value: float, text: str, qualifier: str | None):
    """What a source's bound implies as news copy writes one: "over $87 million" is a figure
    between 87 and 88 million, the next step of its last written digit; a writer with
    $93 million would say "over $90 million". A round bound of one significant digit ("more
    than 50 people", "over seven times") is left as written. Only ever used to contradict a claim that
    this reading cannot meet ("more than $88 million"), never to bear one out."""
    kind = kind_of(qualifier)
    step = precision(text, value)
    if kind not in ("more", "less") or not step or value <= 0 or value / step < 10:
        return None  # a round "more than 50" is as often a threshold as a figure
    if kind == "more":
        return Interval(value, value + step, lo_open=True)
    return Interval(value - step, value, hi_open=True)


_RATING = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(5|10|100)$")


def rating_share(claim: ClaimRecord, source_text: str) -> float | None:
    """The source's rating on a scale ("3.5/10", "85 out of 100") as the share of the scale,
    when the draft gives it in percent; None otherwise."""
    rating = _RATING.match(source_text.strip())
    if rating and unit_key(claim.get("unit")) == "percent" and as_float(claim.get("value")) is not None:
        # rounded: 58/100 * 100 is 57.99999999999999, which "under 58%" would take for a hit
        return round(float(rating.group(1)) / float(rating.group(2)) * 100, 9)
    return None


_CLAIM_RATING = re.compile(r"(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(5|10|100)\s*$")


def rating_against(claim: ClaimRecord, source_text: str) -> tuple[Verdict, str] | None:
    """A draft's rating on a scale ("less than 7.9/10", "over 59 out of 100") against the
    source's rating, read on the draft's scale: a bound on a score is as much an interval
    as a bound on a count. None unless both are ratings."""
    mine, theirs = _CLAIM_RATING.search(claim.get("text") or ""), _RATING.match(source_text.strip())
    if not mine or not theirs:
        return None
    scale = float(mine.group(2))
    on_my_scale = round(float(theirs.group(1)) / float(theirs.group(2)) * scale, 9)
    qualifier = effective_qualifier(claim)
    as_count = _figure_reading(
        f"{qualifier} {mine.group(1)}" if qualifier else mine.group(1), float(mine.group(1)), qualifier
    )
    verdict, reason = compare_figures(as_count, on_my_scale, None, source_text)
    return verdict, f"{reason} (out of {_fmt(scale)})"


def _figure_reading(text: str, value: float, qualifier: str | None) -> ClaimRecord:
    """A figure read off a claim's own words (its rating as a count): a claim of no
    draft's, in no sentence, so only its text, value and qualifier bear on a comparison."""
    return {
        "id": "",
        "kind": Kind.FIGURE,
        "text": text,
        "start": 0,
        "end": len(text),
        "line": 0,
        "sentence": "",
        "value": value,
        "qualifier": qualifier,
    }


def written_against(claim: ClaimRecord, source_text: str) -> tuple[Verdict, str]:
    """compare_written for a draft figure. Digits compared as written say nothing of a
    bound: "over 26 years" is not borne out by a "26th year", nor "under 27" contradicted."""
    share = rating_share(claim, source_text)
    if share is not None:
        # "an average rating of 35%" is the source's "3.5/10": the share of the scale.
        verdict, reason = compare_figures(claim, share, "percent", source_text)
        return verdict, f"{reason} ({_fmt(round(share, 2))}% of the scale)"
    rated = rating_against(claim, source_text)
    if rated is not None:
        return rated
    verdict, reason = compare_written(claim.get("text", ""), source_text)
    if verdict is Verdict.SUPPORTED and kind_of(effective_qualifier(claim)) in ("more", "less"):
        return Verdict.NOT_FOUND, f"the source gives {source_text!r}, which does not settle {claim.get('text')!r}"
    if verdict is Verdict.CONTRADICTED and bounds_only(effective_qualifier(claim)):
        # Other digits do not contradict a bound either: "under 27 years" holds for a "26th".
        return Verdict.NOT_FOUND, f"the source gives {source_text!r}, which does not settle {claim.get('text')!r}"
    return verdict, reason


def compare_written(draft_text: str, source_text: str) -> tuple[Verdict, str]:
    """Without parsed values: the numbers written in both, million/billion applied."""
    mine, theirs = numbers_in(draft_text), numbers_in(source_text)
    if mine and theirs and sorted(mine) == sorted(theirs):
        return Verdict.SUPPORTED, f"the source gives {source_text!r}"
    return Verdict.CONTRADICTED, f"the source gives {source_text!r}, not {draft_text!r}"


def compare_dates(claim: ClaimRecord, source_value, source_text: str, source_before: str = "") -> tuple[Verdict, str]:
    """Dates as the days they allow: "before 1990", "early 2019", "in March" and "March 9"
    are intervals, and the claim holds when the source's days lie inside the claim's.

    `source_before` is the source's words just before its date ("born before", "since")."""
    mine = str(claim.get("value") or "")
    theirs = str(source_value or "")
    if not mine or not theirs:
        return Verdict.CONTRADICTED, f"the source gives {source_text!r}, not {claim.get('text')!r}"
    mine, theirs = _same_year_unless_written(mine, claim.get("text") or "", theirs, source_text)
    if "/" in mine and "/" in theirs:
        # Two spans ("2002-03" and "2001-02", seasons) name one span or two: not days to nest.
        return _compare_iso(mine, theirs, source_text)
    bound, part = claim_date_bound(claim)
    if bound == "as of":
        bound = ""  # "as of March 31" dates a snapshot: the source's March 30 figure is another one
    s_bound, s_part = date_bound(source_before, source_text)
    if bound and s_bound == bound:
        # "after Monday's debate" against "after Tuesday's", "as of January" against "as of
        # February": the two days are what differ.
        bound = s_bound = ""
    if bound in ("before", "after", "since", "by") and not _DATE_WORDS.search(source_text):
        # "after 1930" is not borne out by the source's "today" or "Friday": a bound on a
        # written date needs a written date to weigh it against.
        return (
            Verdict.NOT_FOUND,
            f"the source gives {source_text!r}, which does not settle {bound} {claim.get('text')!r}",
        )
    mine_iv = date_interval(mine, bound, part)
    # "As of 29 April" or "by 2018" in a source dates what it reports: it is that day.
    theirs_iv = date_interval(theirs, "" if s_bound in ("by", "as of") else s_bound, s_part)
    if mine_iv is None or theirs_iv is None:
        return _compare_iso(mine, theirs, source_text)
    text = claim.get("text") or mine
    shown = f"{source_text!r} ({theirs})"
    said = (bound + " " if bound and bound != "as of" else "") + text
    if theirs_iv.inside(mine_iv):
        return Verdict.SUPPORTED, f"the source gives {shown}; {said!r} holds"
    if not theirs_iv.meets(mine_iv):
        return Verdict.CONTRADICTED, f"the claim says {said!r} ({describe_date(mine_iv)}); the source gives {shown}"
    return Verdict.NOT_FOUND, f"the source gives {shown}, which does not settle {said!r}"


_DATE_WORDS = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d\d\b")


def _same_year_unless_written(mine: str, mine_text: str, theirs: str, their_text: str) -> tuple[str, str]:
    """ "the 23rd of August" names no year: it is read against the draft's date, and the
    source's "August 23, 2015" is not another day for that. Where only one side writes the
    year, the other is taken to mean the same year."""
    if len(mine) < 7 or len(theirs) < 7 or mine[:4] == theirs[:4]:
        return mine, theirs
    mine_has, theirs_has = bool(_YEAR_WRITTEN.search(mine_text)), bool(_YEAR_WRITTEN.search(their_text))
    if not theirs_has and not mine_has:
        return theirs[:4] + mine[4:], theirs  # each read against its own date: the same day of the year
    if theirs_has and not mine_has:
        return theirs[:4] + mine[4:], theirs
    if mine_has and not theirs_has:
        return mine, mine[:4] + theirs[4:]
    return mine, theirs


def claim_date_bound(claim: ClaimRecord) -> tuple[str, str]:
    """The bound ("before", "since", …) and part ("early", "late") a draft's date is written with."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text else -1
    after = sentence[at + len(text) : at + len(text) + 2] if at >= 0 else ""
    return date_bound(sentence[:at] if at >= 0 else "", text + after[:2] if after[:1] in "'\u2019" else text)


def _compare_iso(mine: str, theirs: str, source_text: str) -> tuple[Verdict, str]:
    if mine == theirs:
        return Verdict.SUPPORTED, f"the source gives {source_text!r} ({theirs})"
    if theirs.startswith(mine):
        return Verdict.SUPPORTED, f"the source gives {source_text!r} ({theirs}); the draft is less precise"
    if mine.startswith(theirs):
        return Verdict.NOT_FOUND, f"the source gives {source_text!r} ({theirs}), less precise than the draft"
    return Verdict.CONTRADICTED, f"the source gives {source_text!r} ({theirs}), not {mine}"


def as_float(value) -> float | None:
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
    value = parse_number(text)
    return float(value) if value is not None else None
