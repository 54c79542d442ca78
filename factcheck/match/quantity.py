"""The same quantity, not the same digits: which figure of a source sentence measures
what the draft's figure measures.

A reporter's "more than 300 arrests" has no "300" in the source's "317 people were
arrested", and a source sentence often holds several figures ("$3.1 million on opening
day and $12,480,300 over the week"). Each figure of a related source sentence is scored
by how well it fits the claim:

- its **unit**: money, percentages and measures must be of one kind (miles and
  kilometres are; dollars and euros are not); counted nouns agree by their last word
  ("cases", "confirmed cases");
- its **own words**: the content words of its clause and its nearest neighbours, against
  the draft's words nearest the claim (the verb and the noun it counts: "grossed",
  "week", "reviews").

The best-fitting figure, if it fits clearly better than any other, is compared as an
interval (intervals.py). It supports the claim when it lies inside the claim's interval;
it contradicts it only when the two cannot meet and the fit is sure: the same unit or
counted noun, or most of the claim's own words around it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures
from factcheck.match import context, conversions, paraphrase, values
from factcheck.match import conversions as _conv
from factcheck.match.evidence import Verdict
from factcheck.match.intervals import DURATIONS, date_bound, kind_of
from factcheck.match.words import single_line
from factcheck.model import Claim, ClaimRecord, Kind

# A source sentence must share this much of the claim's context to be about the same thing.
MIN_COVERAGE = 0.3
# A figure must fit at least this well to be compared at all, and this well to contradict.
MIN_FIT = 0.25
SURE_FIT = 0.5
# The best figure must beat the next-best by this much, or the sentence is ambiguous.
MARGIN = 0.1
# A figure fitting this share as well as the best one is a rival reading of the sentence.
RIVAL = 0.8
# A bound holds for many figures: to bear it out, the best one must stand further ahead of
# any rival reading that would contradict it.
LOOSE_RIVAL = 0.5
# A sentence must share this much more of the claim's context than one that surely
# contradicts the claim to bear it out regardless.
SURER = 0.1
# A figure within this factor of a bound, with the others fitting as well beyond BOUND_APART,
# is the one the bound rounds.
BOUND_NEAR = 1.1
BOUND_APART = 1.25
# The share of the claim's nearest words a sentence's only figure in the claim's unit must
# have around it to contradict the claim from a sentence that shares little else.
LONE_NEAR = 0.4
# A figure counting the very thing the claim counts ("compilation albums", not just
# "albums") fits by this much more than one sharing only the noun ("live albums").
WHOLE_UNIT = 0.2
NEAREST = 4  # content words on each side of a source figure that count as its own
PASSAGES = 6

_PART_OF = re.compile(r"^(\d[\d,]*)\s+out\s+of\s+\d")
_THOUSANDS_POINT = re.compile(r"(\d{1,3}(?:\.\d{3})+)\s+[^\W\d_]")
_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")


# Words that news copy uses for one another around a figure, by their stems: a reporter's
# "earned ... globally" is a source's "grossed ... worldwide". Each group reads as its first.
_SAME_STEMS = [
    ("gross", "earn", "mad", "took", "collect", "earning", "tak", "brought", "rak"),
    ("worldwid", "global", "globally", "world", "international"),
    ("death", "died", "dead", "fatality", "kill", "di", "deceas", "succumb"),
    ("critic", "review", "reviewer"),
    ("recovery", "recover"),
    ("peopl", "person", "individual"),
    ("sold", "sal", "sell"),
    ("film", "movi", "picture"),
    ("view", "viewer", "watch", "seen", "saw"),
    ("born", "birth", "birthday"),
    ("cas", "infection", "infect", "positiv"),
    ("loss", "lost", "los"),
    ("win", "won"),
]
_CANON = {stem: group[0] for group in _SAME_STEMS for stem in group}


def _canon(stems) -> frozenset[str]:
    return frozenset(_CANON.get(x, x) for x in stems)


@dataclass(frozen=True)
class Fit:
    item: paraphrase.SourceItem
    score: float
    sure: bool  # same unit or counted noun, or most of the claim's words around it
    before: str  # the source's words just before the figure or date
    counted: bool = False  # the same counted noun ("recoveries"), the surest sign of the same quantity
    near: float = 0.0  # the share of the claim's nearest words around it
    unit: float = 0.0  # how well its unit fits the claim's
    whole: bool = False  # it counts the very thing the claim counts, every word of its unit


def judge(claim: ClaimRecord, ctx, sentence: str, start: int, end: int) -> list[paraphrase.Finding]:
    """Findings for the claim at sentence[start:end], from the figure or date in related
    source sentences that measures the same thing: supporting ones first, else contradicting."""
    if claim.get("kind") == Kind.FIGURE and (year_like(claim.get("text") or "") or named_number(claim)):
        return []  # a bare year is judged as a date; "Toy Story 4" counts nothing
    text = claim.get("text") or ""
    if claim.get("kind") == Kind.FIGURE and ("/" in text or " out of " in text):
        return []  # a rating on a scale: its scale is another number of the same sentence
    cues = [
        context.Cue(_CANON.get(c.stem, c.stem), c.word, c.weight)
        for c in context.cues(sentence, start, end) + _counted(claim)
    ]
    if not cues:
        return []
    supported: list[paraphrase.Finding] = []
    contradicted: list[paraphrase.Finding] = []
    against = 0.0  # the coverage of the best sentence that surely contradicts the claim
    for r in _related(ctx, cues, sentence):
        fits = _fits(claim, r, cues, ctx)
        fit = _best(claim, fits)
        if fit is None:
            continue
        verdict, reason = _compare(claim, fit)
        if (
            verdict is Verdict.SUPPORTED
            and claim.get("kind") == Kind.FIGURE
            and values.far_off(claim, fit.item.value, fit.item.text)
        ):
            continue
        rivals = [
            f
            for f in fits
            if f is not fit and f.unit >= fit.unit and f.near >= fit.near * RIVAL and f.whole >= fit.whole
        ]
        if verdict is Verdict.SUPPORTED:
            # "Less than $300 million" is true of many figures: a rival reading that
            # contradicts it leaves the sentence undecided.
            wide = [
                f
                for f in fits
                if f is not fit and f.unit >= fit.unit and f.near >= fit.near * LOOSE_RIVAL and f.whole >= fit.whole
            ]
            if wide and is_bound(claim) and _nearest_the_bound(claim, [fit, *wide]) is fit:
                wide = []  # the figure just past the bound is the one it rounds
            if (
                not (_loose(claim) and any(_compare(claim, f)[0] is Verdict.CONTRADICTED for f in wide))
                and r.coverage > against
            ):
                # A sentence less about the claim than one that contradicts it does not
                # clear it: "561 people died in a neighbouring state" beside "more than
                # 700 people were killed in the city".
                supported.append(_finding(r, verdict, reason, fit))
        elif (
            verdict is Verdict.CONTRADICTED
            and fit.sure
            and (r.coverage >= paraphrase.RELATED or fit.counted or _lone(fit, fits) or _clearly_nearest(fit, fits))
        ):
            # Another figure of the sentence that would bear the claim out means the
            # sentence may well be read the other way: say nothing rather than a false alarm.
            if not any(_compare(claim, f)[0] is Verdict.SUPPORTED for f in rivals):
                contradicted.append(_finding(r, verdict, reason, fit))
                against = max(against, r.coverage + SURER)
    if not (supported or contradicted) and claim.get("kind") == Kind.FIGURE:
        return _by_counted_noun(claim, ctx, cues, sentence)
    if not (supported or contradicted) and claim.get("kind") == Kind.DATE:
        return _by_snapshot(claim, ctx, cues, sentence)
    # Every finding is returned: the judge shows a few, but counts every supporting source.
    return supported or contradicted


# A source sentence sharing this little of the claim's context is weighed only by the noun
# its figure counts, and only when that is the one such count in the sources searched.
NOUN_ONLY_COVERAGE = 0.1


def _by_counted_noun(claim: ClaimRecord, ctx, cues: list[context.Cue], sentence: str) -> list[paraphrase.Finding]:
    """A terse source ("A total of 9,791 tests have been processed.") shares little of the
    draft's sentence but the noun it counts. When exactly one source sentence counts that
    noun, with no other figure of it beside, that count is the claim's quantity."""
    found = []
    for r in _related(ctx, cues, sentence, floor=NOUN_ONLY_COVERAGE):
        counts = [f for f in _fits(claim, r, cues, ctx) if f.unit >= 1.0 and _counted_thing(claim, f)]
        if len(counts) != 1:
            continue
        verdict, reason = _compare(claim, counts[0])
        if verdict is Verdict.SUPPORTED and values.far_off(claim, counts[0].item.value, counts[0].item.text):
            continue
        found.append(_finding(r, verdict, reason, counts[0]))
    if len(found) != 1 or found[0].verdict is Verdict.NOT_FOUND:
        return []  # none, or several counts of the noun: no telling which is the claim's
    return found


def _by_snapshot(claim: ClaimRecord, ctx, cues: list[context.Cue], sentence: str) -> list[paraphrase.Finding]:
    """A count's day: "as of April 22" beside a count in the draft, "As of 21 April" heading
    the source's counts. The draft's words around its date are mostly the count's, which the
    source may word otherwise ("had recovered", "recoveries"); one "as of" day each is
    enough, when exactly one source sentence sharing any of those words gives one."""
    if values.claim_date_bound(claim)[0] != "as of" or not _counts_something(claim):
        return []
    found = []
    for r in _related(ctx, cues, sentence, floor=NOUN_ONLY_COVERAGE):
        snaps = [f for f in _fits(claim, r, cues, ctx) if f.counted]
        if len(snaps) == 1:
            verdict, reason = _compare(claim, snaps[0])
            found.append(_finding(r, verdict, reason, snaps[0]))
    # The same day bears out the day, not the count beside it, which the source may give
    # otherwise: only another day is worth saying.
    return found if len(found) == 1 and found[0].verdict is Verdict.CONTRADICTED else []


def _related(ctx, cues: list[context.Cue], query: str, floor: float = MIN_COVERAGE) -> list[paraphrase.Related]:
    """Source sentences sharing some of the claim's context, best first."""
    # Every word counts alike here: rarity across a large archive says little about which
    # of a few related sentences states this quantity.
    weights = paraphrase.CueWeights([c.weight for c in cues], cues)
    subject = _canon(context.subject_name(query))
    out, seen = [], set()
    for seg, chunk, _ in ctx.searcher.candidates(query, limit=PASSAGES):
        passage = ctx.searcher.passage(seg, chunk)
        for s in paraphrase.sentences_of(passage, ctx.read_cache):
            key = (passage.doc.doc_id, passage.start + s.start)
            if key in seen:
                continue
            seen.add(key)
            if not _MAY_STATE.search(passage.text, s.start, s.end):
                # A sentence with no number or date in it states no quantity: in a long
                # source, sentences that only talk about the subject would otherwise fill
                # every place and keep out the one that gives the figure.
                continue
            r = paraphrase.related_to_cues(_canonical(s), cues, weights, subject)
            if r.coverage >= floor and r.own >= 1:
                out.append(r)
    out.sort(key=lambda r: -r.coverage)
    return out[:PASSAGES]


# Digits, numbers and fractions in words, months, days and words of relative time: what a
# sentence needs to state a figure or a date at all.
_MAY_STATE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|half|quarter|third|double[ds]?|"
    r"tripled?|first|second|jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec|january|february|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tomorrow|tonight|week|month|year|decade|century|spring|summer|autumn|fall|winter|christmas|"
    r"easter|now|recently|ago|later|earlier)\b",
    re.I,
)


def _canonical(s: paraphrase.Sentence) -> paraphrase.Sentence:
    return replace(s, own=_canon(s.own), near=_canon(s.near))


def _best_fit(claim: ClaimRecord, r: paraphrase.Related, cues: list[context.Cue], ctx) -> Fit | None:
    return _best(claim, _fits(claim, r, cues, ctx))


def _fits(claim: ClaimRecord, r: paraphrase.Related, cues: list[context.Cue], ctx) -> list[Fit]:
    """Every figure or date of the sentence that may be the claim's quantity, best first."""
    p, s, e = r.sentence.passage, r.sentence.start, r.sentence.end
    text = p.text[s:e]
    found = ctx.claims_in(p.doc, p.start + s, text)
    fits = []
    is_figure = claim.get("kind") == Kind.FIGURE
    a_lead = is_figure and _a_difference(claim.get("sentence") or "", claim.get("text") or "")
    for c in found:
        if c.kind.value != claim.get("kind"):
            continue
        if is_figure and year_like(c.text) and not year_like(claim.get("text") or ""):
            continue
        if is_figure and on_a_scale(text, c.start, c.end):
            continue
        if is_figure and a_lead != _a_difference(text, c.text):
            continue  # "7 million more subscribers than" is a lead, not a count of subscribers
        share = values.rating_share(claim, c.text) if is_figure else None
        unit = 1.0 if share is not None else _unit_fit(claim, c, text)  # "85/100" is 85 percent
        if unit is None:
            continue
        near = _nearness(cues, _closeness(text, c.start, c.end))
        span = paraphrase.figure_range(p.text, s + c.start, s + c.end) if is_figure else None
        value = c.value
        part = _PART_OF.match(c.text)
        if part and is_figure:
            value = float(part.group(1).replace(",", ""))  # "15 out of 28 provinces" counts 15 provinces
        points = _THOUSANDS_POINT.match(text, c.start)
        if points and is_figure and unit >= 1.0 and _counts_things(claim.get("unit")):
            value = float(points.group(1).replace(".", ""))  # "8.958 people": no one counts part of a person
        qualifier = values.verb_bound(c.qualifier, text[: c.start]) if is_figure else c.qualifier
        item = paraphrase.SourceItem(single_line(c.text), value, c.unit, qualifier, span)
        if share is not None:
            item = paraphrase.SourceItem(single_line(c.text), share, "percent", c.qualifier, None)
        sure = unit >= 1.0 or (unit == 0.0 and not claim.get("unit") and not c.unit and near >= SURE_FIT)
        before = text[max(0, c.start - 40) : c.start]
        if claim.get("kind") == Kind.DATE and not _dates_comparable(claim, c):
            continue
        if claim.get("kind") == Kind.DATE:
            # Two snapshots ("as of 16 April" against "as of 17 April") date the same count:
            # that marker pins the quantity down as a counted noun does.
            snapshot = _snapshot(claim, before, c.text, c.value)
            sure = near >= SURE_FIT or snapshot
            if snapshot:
                fits.append(Fit(item, near + 1.0, sure, before, True, near, 1.0))
                continue
            end = _span_end(claim)
            if end is not None and _SPAN_END.search(before) and end == _source_span_end(text, c.start):
                # "from 5 March to 27 April" against "since 5 March to 26 April": the end of one
                # span of time is the end of the other, whatever the words around them.
                fits.append(Fit(item, near + 1.0, True, before, True, near, 1.0))
                continue
        counted = unit >= 1.0 and _counts_things(claim.get("unit"))
        exact = WHOLE_UNIT if unit >= 1.0 and _unit_words(claim.get("unit")) == _unit_words(c.unit) else 0.0
        fits.append(Fit(item, near + unit + exact, sure, before, counted, near, unit, exact > 0))
    day = claim.get("kind") == Kind.DATE and len(str(claim.get("value") or "")) == 10
    if day and len(fits) > 1 and any("/" not in str(f.item.value) for f in fits):
        # "during the 2019–20 pandemic ... on 29 January 2020": the span is the period the
        # sentence is set in; the day is its event's.
        fits = [f for f in fits if "/" not in str(f.item.value)]
    if (
        claim.get("kind") == Kind.DATE
        and len(fits) == 1
        and not fits[0].sure
        and _the_one_date(claim, r, fits[0], text)
    ):
        fits = [replace(fits[0], sure=True, counted=True, score=max(fits[0].score, MIN_FIT))]
    elif claim.get("kind") == Kind.DATE and len(fits) > 1:
        # "premiere ... on September 8, 2019, and ... released on December 24, 2019": the date
        # the claim's words stand around, and no other, dates the claim's event.
        fits = [
            replace(f, sure=True) if not f.sure and "/" not in str(f.item.value) and _clearly_nearest(f, fits) else f
            for f in fits
        ]
        fits = _the_events_date(claim, fits, text)
    if any(f.whole for f in fits):
        # The sentence counts the claim's very thing ("11 live albums"): its other kinds of
        # the same noun ("27 studio albums") are other quantities, not rival readings.
        fits = [f for f in fits if f.whole or f.unit < 1.0]
    fits = _the_whole(claim, fits, text)
    fits.sort(key=lambda f: -f.score)
    return fits


# Words that say which part of a whole a figure is: "a worldwide total of $81.5 million"
# beside "$68.3 million in the United States" and "$13.2 million in other territories".
# Abroad comes before at home: "outside North America" names North America too.
_SCOPES = (
    re.compile(
        r"\b(?:overseas|abroad|internationally|international|foreign|outside(?:\s+of)?(?:\s+the)?\s+[A-Z]\w*|"
        r"other\s+(?:territories|markets|countries)|rest\s+of\s+the\s+world|elsewhere)\b"
    ),
    re.compile(
        r"\b(?:worldwide|world-wide|global|globally|total|totals|totalled|totaled|overall|combined|altogether|"
        r"cumulative|in all|all-time|lifetime|(?:across|around|throughout) the (?:world|globe))\b",
        re.I,
    ),
    re.compile(r"\b(?:domestic|domestically|North America|(?:in|across) the (?:United States|U\.S\.|US)|at home)\b"),
)
# Words either side of a source figure that are its own (the phrase it stands in).
_SCOPE_BEFORE, _SCOPE_AFTER = 30, 24


def _the_whole(claim: ClaimRecord, fits: list[Fit], text: str) -> list[Fit]:
    """A claim about one part of a whole ("earned ... globally", "outside North America",
    "domestically") is about the one figure of the source's unit written as that part; the
    other parts beside it are other quantities, not rival readings."""
    scope = claim_scope(claim)
    if scope is None:
        return fits
    same = [f for f in fits if f.unit >= 1.0]
    scoped = [f for f in same if figure_scope(text, f.item.text) == scope]
    if len(scoped) != 1 or len(same) < 2:
        return fits
    return [f for f in fits if f is scoped[0] or f.unit < 1.0]


def claim_scope(claim: ClaimRecord) -> int | None:
    """Which part of a whole the draft's figure is (abroad, in all, at home), if its own phrase
    says: in "$51.5 million in North America, $45 million in other territories and $95
    million globally" each figure has its own."""
    if claim.get("kind") != Kind.FIGURE or not claim.get("text"):
        return None
    return figure_scope(claim.get("sentence") or "", claim["text"])


def figure_scope(text: str, figure: str) -> int | None:
    """Which part of a whole the source's figure is, by the words of its own phrase."""
    return _scope(_own_phrase(text, figure))


def _scope(words: str) -> int | None:
    return next((i for i, pattern in enumerate(_SCOPES) if pattern.search(words)), None)


def _own_phrase(text: str, figure: str) -> str:
    """The words of a figure's own phrase: up to the commas either side of it."""
    at = text.find(figure)
    if at < 0:
        return ""
    before = re.split(r"[,;]|\band\b", text[max(0, at - _SCOPE_BEFORE) : at])[-1]
    after = re.split(r"[,;]|\band\b", text[at + len(figure) : at + len(figure) + _SCOPE_AFTER])[0]
    return f"{before} {after}"


def _the_events_date(claim: ClaimRecord, fits: list[Fit], text: str) -> list[Fit]:
    """Of several dates, the one right after the draft's own event word dates the draft's
    event ("the 2019 acquisition of 21st Century Fox, which concluded on March 19, 2019"
    against "concluded after 19 March 2019"): the others date other things."""
    said = context.stems(claim.get("sentence") or "")
    own = []
    for f in fits:
        at = text.find(f.item.text)
        event = context.event_before(text, at) if at >= 0 else None
        if event is not None and context.stem(event) in said and _EVENT_NEAR.search(text[max(0, at - 24) : at]):
            own.append(f)
    if len(own) != 1 or "/" in str(own[0].item.value):
        return fits
    return [replace(own[0], sure=True, counted=True, score=max(own[0].score, MIN_FIT) + 1.0)]


# The event word stands right before its date: "concluded on March 19, 2019", "released in 1997".
_EVENT_NEAR = re.compile(r"\b[a-z]+(?:ed|ened)\s+(?:on|in|at|by)?\s*(?:the\s+)?$", re.I)


def _the_one_date(claim: ClaimRecord, r: paraphrase.Related, fit: Fit, text: str) -> bool:
    """A sentence about the claim's subject with one date, against a draft sentence with one
    date: the two dates are the same fact ("founded before 1956" and "The company was founded
    by three brothers ... in 1958"), though many words stand between the date and its verb.
    Not when the event nearest the source's date is one the draft does not speak of."""
    at = text.find(fit.item.text)
    event = context.event_before(text, at) if at >= 0 else None
    same_event = event is not None and context.stem(event) in context.stems(claim.get("sentence") or "")
    if r.coverage < paraphrase.RELATED and fit.near < LONE_NEAR and not same_event:
        return False  # "released in theatres on June 13, 2003" dates the draft's "released"
    if not _WRITTEN_DATE.search(claim.get("text") or ""):
        return False  # "last week", "a few days earlier": read against the draft's own date
    if len(_dates_of(claim.get("sentence") or "")) != 1:
        return False  # "days earlier than 12 February" dates one event by another
    if "/" in str(fit.item.value):
        return False  # "(2013–2018)" spans a show's whole run: no one day to weigh
    mine = claim.get("text") or ""
    if _YEAR_IN.search(mine) and not _MONTH_IN.search(mine) and not _YEAR_IN.search(fit.item.text):
        return False  # "30 August" names no year: it cannot say which year the draft's is
    if date_bound(fit.before, fit.item.text)[0] == "as of":
        return False  # a count's day, weighed as a snapshot (see _snapshot), not an event's
    at = text.find(fit.item.text)
    return at >= 0 and context.other_event(claim.get("sentence") or "", text, at) is None


_YEAR_IN = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")
_MONTH_IN = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


@functools.lru_cache(maxsize=1024)
def _dates_of(sentence: str) -> tuple[str, ...]:
    """The dates of a sentence as the extractor reads them, times of day left out."""
    import datetime as dt

    found = extract_claims(sentence, reference_date=dt.date(2000, 1, 1))
    return tuple(c.text for c in found if c.kind is Kind.DATE and ":" not in c.text)


_WRITTEN_DATE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _lone(fit: Fit, fits: list[Fit]) -> bool:
    """The sentence's only figure in the claim's unit (or its only date), and the claim's words
    stand around it: "over $87 million" is the gross that "more than $88 million" speaks of,
    and "released on January 23, 1985" the release of "released before 1985", though the
    source calls the film "it"."""
    if fit.near < LONE_NEAR or any(f is not fit and f.unit >= fit.unit for f in fits):
        return False
    return fit.unit >= 1.0 or (isinstance(fit.item.value, str) and any(ch.isdigit() for ch in fit.item.text))


# A figure whose words are the claim's this many times more than any other figure's in
# the claim's unit is the claim's quantity, though the sentence shares little else.
CLEARLY = 2.0


def _clearly_nearest(fit: Fit, fits: list[Fit]) -> bool:
    """The claim's nearest words stand around this figure, in the claim's unit, and around
    no other figure of that unit: "with a $25 million budget" is the budget of "budget was
    more than $25 million", the "$24.1 million" grossed beside it another quantity."""
    if fit.unit < 1.0 and not isinstance(fit.item.value, str) or fit.near < LONE_NEAR:
        return False  # a figure in the claim's unit, or a date
    return all(f.near * CLEARLY <= fit.near for f in fits if f is not fit and f.unit >= fit.unit)


def _dates_comparable(claim: ClaimRecord, c: Claim) -> bool:
    """A time of day is no calendar date; and a date written with a number is not weighed
    against a source's "Christmas" or "the second half", whose year is only a guess."""
    mine, theirs = str(claim.get("value") or ""), str(c.value or "")
    if mine.startswith("T") != theirs.startswith("T"):
        return False
    return not (re.search(r"\d", claim.get("text") or "") and not _WRITTEN_DATE.search(c.text))


# A draft's bounds on the day of a count: "cases confirmed before March 11" speaks of the
# same count as the source's "as of 11 March".
_COUNT_BOUNDS = ("as of", "before", "after", "by", "since")


def _snapshot(claim: ClaimRecord, source_before: str, source_text: str, source_value=None) -> bool:
    """The source dates a count "as of" a day, and the draft dates it too: one count was taken
    once, so the two dates are the same quantity. A draft's "before" or "by" is only taken so
    when the source's day falls outside it: a day inside a bound bears out the date, but not
    the count the sentence is about."""
    if ":" in source_text or not any(ch.isdigit() for ch in source_text):
        return False  # "as of 3:25 p.m." is a time of day, not the day of the count
    bound = values.claim_date_bound(claim)[0]
    if bound not in _COUNT_BOUNDS or date_bound(source_before, source_text)[0] != "as of":
        return False
    if bound == "as of":
        return True
    if not _counts_something(claim):
        return False  # "the first case came before 12 February" dates an event, not a count
    verdict, _ = values.compare_dates(claim, source_value, source_text, source_before)
    return verdict is Verdict.CONTRADICTED


# A date that ends a span ("from 5 March to 27 April", "between 2001 and 2004").
_SPAN_END = re.compile(r"\b(?:to|until|till|through|and)\s+(?:the\s+)?$", re.I)
_SPAN_START = re.compile(r"\b(?:from|since|between)\b", re.I)


def _span_end(claim: ClaimRecord) -> bool | None:
    """True when the draft's date ends a span, False when it starts one, None otherwise."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return None
    before = sentence[max(0, at - 60) : at]
    if _SPAN_END.search(before) and _SPAN_START.search(before):
        return True
    return None


def _source_span_end(text: str, start: int) -> bool | None:
    before = text[max(0, start - 60) : start]
    return True if _SPAN_END.search(before) and _SPAN_START.search(before) else None


_COUNT = re.compile(r"(?<![\w-])\d[\d,]*(?:\.\d+)?(?![\w-])")


def _counts_something(claim: ClaimRecord) -> bool:
    """Does the draft's sentence give a count beside the date ("31 cases ... before March 11")?"""
    sentence = (claim.get("sentence") or "").replace(claim.get("text") or "\0", " ")
    return any(not _YEAR.match(m.group()) for m in _COUNT.finditer(sentence))


def _unit_words(unit) -> tuple[str, ...]:
    return tuple(context.stem(w) for w, _, _ in context.content_words(str(unit or "")))


def _best(claim: ClaimRecord, fits: list[Fit]) -> Fit | None:
    if not fits:
        return None
    best = fits[0]
    if best.score < MIN_FIT:
        return None
    close = [f for f in fits if f.score > best.score - MARGIN]
    nearest = _nearest_the_bound(claim, close) if len(close) > 1 and is_bound(claim) else None
    if nearest is not None:
        return nearest
    if any(f is not best and not _same_verdict(claim, best, f) for f in close):
        return None  # two figures fit about equally well: the sentence does not say which is meant
    return best


def _nearest_the_bound(claim: ClaimRecord, close: list[Fit]) -> Fit | None:
    """Of figures fitting about equally well, the one just past a bound is the one it rounds:
    "more than $142,800,000" is the total of $142,940,100, not the $98,321,000 beside it.
    None unless one lies within BOUND_NEAR of the bound and every other one well beyond."""
    bound = values.as_float(claim.get("value"))
    if not bound or bound <= 0:
        return None
    far = []
    for f in close:
        v = values.as_float(f.item.value)
        far.append((abs(math.log(v / bound)) if v and v > 0 else math.inf, f))
    far.sort(key=lambda x: x[0])
    if far[0][0] <= math.log(BOUND_NEAR) and all(d >= math.log(BOUND_APART) for d, _ in far[1:]):
        return far[0][1]
    return None


def _counted_thing(claim: ClaimRecord, fit: Fit) -> bool:
    """The source figure counts things: by its own noun, or (read without one) by the noun
    both sentences put it with ("the confirmed cases reached 58")."""
    if fit.item.unit:
        return _counts_things(fit.item.unit)
    return not claim.get("unit") and bool(_bare_count_noun(claim))


def _counts_things(unit: str | None) -> bool:
    """A counted noun ("recoveries", "reviews"), not money, a measure or a span of time:
    "12 years" may be any period at all."""
    if not unit:
        return False
    return (
        not values.is_measure(unit)
        and not _conv.dimension(unit)
        and paraphrase.unit_head(unit) not in {context.stem(d) for d in DURATIONS}
        and unit.split()[-1].lower() not in DURATIONS
    )


def is_bound(claim: ClaimRecord) -> bool:
    """A figure written as a bound ("more than 300", "under $250"), true of many numbers."""
    return claim.get("kind") == Kind.FIGURE and kind_of(values.effective_qualifier(claim)) in (
        "more",
        "less",
        "at_least",
        "at_most",
    )


def _loose(claim: ClaimRecord) -> bool:
    return claim.get("kind") == Kind.DATE or bool(kind_of(values.effective_qualifier(claim)))


def _counted(claim: ClaimRecord) -> list[context.Cue]:
    """The noun a figure counts ("cases" of "more than 200 active cases") is the surest word
    of its context, though it is written inside the claim."""
    unit = claim.get("unit")
    if claim.get("kind") != Kind.FIGURE or not unit or values.is_measure(unit):
        return []

    if conversions.dimension(unit):
        return []
    return [context.Cue(context.stem(w), w.lower(), 1.0) for w, _, _ in context.content_words(unit)][-2:]


def _nearness(cues: list[context.Cue], closeness: dict[str, float]) -> float:
    """Share of the claim's context found around the source figure, the words nearest
    each figure counting most: "grossed ... worldwide" says which total is meant."""
    weights = [c.weight / (1 + i // 2) for i, c in enumerate(cues)]  # cues come nearest first, both sides
    total = sum(weights) or 1.0
    return sum(w * closeness.get(c.stem, 0.0) for c, w in zip(cues, weights)) / total


def _closeness(text: str, start: int, end: int) -> dict[str, float]:
    """Each content word's stem in a source sentence, by how close it stands to the figure
    at text[start:end]: 1 beside it, less with every word between, half outside its clause."""
    lo, hi = context.clause(text, start, end)
    words = [w for w in context.content_words(text) if not (w[1] < end and w[2] > start)]
    before = [w for w in words if w[2] <= start][::-1]
    after = [w for w in words if w[1] >= end]
    out: dict[str, float] = {}
    for side in (before, after):
        for d, (word, s, e) in enumerate(side):
            weight = 1.0 / (1 + d / 3) * (1.0 if lo <= s and e <= hi else 0.5)
            key = _CANON.get(context.stem(word), context.stem(word))
            out[key] = max(out.get(key, 0.0), weight)
    for word, _, _ in context.content_words(text, start, end):
        if not word[:1].isdigit():  # the figure's own noun ("13 full-time members") is nearest of all
            out[_CANON.get(context.stem(word), context.stem(word))] = 1.0
    return out


_SCALE_AFTER = re.compile(r"^\s*(?:/|out of\b)", re.I)
_SCALE_BEFORE = re.compile(r"(?:/|\bout of)\s*$", re.I)


def on_a_scale(text: str, start: int, end: int) -> bool:
    """A score's scale ("61 out of 100", "5.9/10"): a rating, not a count of anything."""
    return bool(_SCALE_AFTER.match(text[end : end + 10]) or _SCALE_BEFORE.search(text[max(0, start - 10) : start]))


_DIFFERENCE = re.compile(
    r"^[^\d]*\d[\d.,]*(?:\s*(?:thousand|million|billion))?\s+(?:more|fewer|less)\b[^.;]{0,40}?\bthan\b", re.I
)


def _a_difference(sentence: str, figure: str) -> bool:
    """Is the figure a difference between two counts ("7 million more subscribers than ...")?"""
    at = sentence.find(figure)
    return at >= 0 and bool(_DIFFERENCE.match(sentence[at : at + len(figure) + 60]))


_TITLE_AFTER = re.compile(r"^[\w.,-]*\d[\w.,-]*\s+[A-Z][a-z]|^[A-Z][a-z]+\s+[A-Z][a-z]")


def named_number(claim: ClaimRecord) -> bool:
    """A number that is part of a name: a bare one after a capitalised word ("Toy Story 4",
    "Xbox One", "Ligue 1"), or one whose counted word is capitalised within the sentence ("the
    film 127 Hours", "A Tail of Two Kitties"): no one counts capitalised things."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    if claim.get("kind") != Kind.FIGURE or claim.get("qualifier") or at <= 0:
        return False
    if claim.get("unit"):
        return bool(_TITLE_AFTER.match(text))
    before = sentence[:at].split()
    return bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalnum()


def _same_verdict(claim: ClaimRecord, a: Fit, b: Fit) -> bool:
    return _compare(claim, a)[0] is _compare(claim, b)[0]


def _unit_fit(claim: ClaimRecord, c: Claim, text: str) -> float | None:
    """How well the source figure's unit fits the claim's: None when it cannot be the same
    quantity (dollars against percent), 1 for the same unit or counted noun, less when
    only one names a unit."""
    if claim.get("kind") != Kind.FIGURE:
        return 0.0

    mine, theirs = claim.get("unit"), c.unit
    km, kt = values.unit_key(mine), values.unit_key(theirs)
    value = values.as_float(claim.get("value"))
    if kt == "percent" and not values.is_measure(km) and value is not None and 0 < value < 1:
        return 1.0  # "one in five tenants" is a share, as "20% of tenants" is
    if km and kt:
        if km.lower() == kt.lower() or conversions.convertible(mine, theirs):
            return 1.0
        if (
            values.is_measure(km)
            or values.is_measure(kt)
            or conversions.dimension(mine)
            or conversions.dimension(theirs)
        ):
            return None
        if _noun(km) == _noun(kt):
            return 1.0
        # "300 arrests" and "317 people were arrested" count the same; "61,000 books" and
        # "61,000 visitors" do not.
        if _anyone(km) and _anyone(kt):
            return 1.0  # "5 million people" and "6,480,112 residents" count the same heads
        if (
            _people(km)
            and _noun(kt) in _claim_near(claim)
            or _people(kt)
            and _noun(km) in _figure_near(text, c.start, c.end)
        ):
            return 1.0  # the people counted by what happened to them: "4,600 people died" is "4,600 deaths"
        if _noun(kt) in {_claim_verb(claim), _verb_before(claim)} - {""}:
            # The things counted by what befell them: "5 patients had recovered" counts the
            # source's "five recoveries", "lost 65 matches" its "65 losses".
            return 1.0
        if _noun(km) in _own_words(text, c.start, c.end) or _noun(kt) in _claim_words(claim):
            return 0.5
        return None
    if not km and _money_words(claim) and values.is_measure(kt) and values.unit_key(kt) != "percent":
        return 1.0  # "a contract for less than 20 million": an amount of money, the source's "$36.7 million"
    if values.is_measure(km) or values.is_measure(kt) or conversions.dimension(mine) or conversions.dimension(theirs):
        return None  # money or a measure on one side only
    if km and _noun(km) in {_next_noun(text, c.end), _noun_past_name(text, c.end)}:
        # "8.958 people": the claim's noun right after the figure, read without it; or past a
        # name: "33 Primera División championships"
        return 1.0
    if km and _noun(km) == _subject(text, c.start):
        return 1.0  # "the confirmed cases reached 275": the noun the figure is the value of
    if km and _noun(km) in _own_words(text, c.start, c.end):
        return 0.5
    if kt and _noun(kt) == _claim_noun(claim):
        return 1.0  # "more than 950 COVID-19 cases": the noun the claim counts, read past a name
    if not km and kt and _people(kt) and _bare_count_noun(claim) in _figure_near(text, c.start, c.end) - {""}:
        return 1.0  # "less than 1,000 COVID-19 deaths" and "1,228 people ... have died"
    if not km and not kt and _bare_count_noun(claim) in {_subject(text, c.start), _next_noun(text, c.end)} - {""}:
        return 1.0  # "less than 56 COVID-19 cases" and "the confirmed cases reached 58": both count cases
    if kt and _noun(kt) == _claim_verb(claim):
        return 1.0  # "more than 200 have recovered" counts the source's "194 recoveries"
    if kt and _noun(kt) in _claim_near(claim):
        return 0.5
    return 0.0


_MONEY = re.compile(
    r"\b(?:contract|deal|worth|paid|pay|salary|fee|cost|costs|budget|grossed|earned|revenue|fund|funding|price|sold for)\b",
    re.I,
)
_SCALED = re.compile(r"\d\s*(?:million|billion|trillion|bn|m)\b", re.I)


def _money_words(claim: ClaimRecord) -> bool:
    """A bare "20 million" in a sentence about a contract, a fee or a gross is money."""
    return bool(_SCALED.search(claim.get("text") or "")) and bool(_MONEY.search(claim.get("sentence") or ""))


_VERB_AFTER = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|who|which|that|of\s+them|people))*\s+([^\W\d_]+)", re.I
)


def _claim_verb(claim: ClaimRecord) -> str:
    """What a bare draft figure's verb makes it, as a counted noun's stem: the "200" of "more
    than 200 have recovered" counts recoveries, the "3" of "3 died" deaths."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    m = _VERB_AFTER.match(sentence, at + len(text)) if at >= 0 and claim.get("kind") == Kind.FIGURE else None
    if not m:
        return ""
    stem = context.stem(m.group(1))
    return _CANON.get(stem, stem)


_VERB_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:(?:a\s+total\s+of|only|just|some|nearly|almost|about|around)\s+)?$", re.I)


def _verb_before(claim: ClaimRecord) -> str:
    """The word right before a draft figure and its qualifier, as a counted noun's stem: the
    "lost" of "has lost less than 65 matches" counts losses."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    m = _VERB_BEFORE.search(sentence[max(0, at - 40) : at]) if at > 0 and claim.get("kind") == Kind.FIGURE else None
    if not m:
        return ""
    stem = context.stem(m.group(1))
    return _CANON.get(stem, stem)


# Words between a figure and the noun it counts that say which of them, not what they are:
# "14 new cases", "nine more cases", "seven active COVID-19 cases".
_COUNT_MODIFIERS = r"(?:new|more|additional|further|other|active|confirmed|reported|recorded|total|fresh)"
_PAST_NAME = re.compile(r"(?:\s+(?:[\w-]*\d[\w-]*|" + _COUNT_MODIFIERS + r"))*\s+([^\W\d_]+)", re.I)


def _bare_count_noun(claim: ClaimRecord) -> str:
    """The noun a draft figure read without a unit counts: the one after it ("56 COVID-19
    cases") or the one it is the value of ("the number of cases is lower than 580")."""
    noun = _claim_noun(claim)
    if noun:
        return noun
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    return _subject(sentence, at) if at > 0 else ""


def _claim_noun(claim: ClaimRecord) -> str:
    """The noun right after a draft figure that the extractor read without one, past words
    with digits in them ("COVID-19")."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    m = _PAST_NAME.match(sentence, at + len(text)) if at >= 0 and claim.get("kind") == Kind.FIGURE else None
    if not m:
        return ""
    head = context.stem(m.group(1))
    return _CANON.get(head, head)


_STANDS_AT = re.compile(
    r"\b([^\W\d_]+)\s+(?:has\s+|have\s+|had\s+)?(?:reached|rose\s+to|risen\s+to|climbed\s+to|increased\s+to|grew\s+to|"
    r"fell\s+to|dropped\s+to|jumped\s+to|stood\s+at|stands\s+at|totall?ed|totals|amounted\s+to|hit|numbered|at)\s+(?:about\s+|around\s+|over\s+|nearly\s+)?$",
    re.I,
)


_NEXT_WORD = re.compile(r"(?:\s+" + _COUNT_MODIFIERS + r"(?![\w-]))*\s+([^\W\d_]+)", re.I)


def _next_noun(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    if not m:
        return ""
    head = context.stem(m.group(1))
    return _CANON.get(head, head)


_PAST_CAPITALS = re.compile(r"(?:\s+(?:[A-Z\u00c0-\u00de][\w'\u2019-]*|de|del|la|of|the|and|\d[\w-]*)){1,6}\s+([a-z]+)")


def _noun_past_name(text: str, end: int) -> str:
    """The first word in lower case after a figure and the name right after it."""
    m = _PAST_CAPITALS.match(text, end)
    if not m:
        return ""
    head = context.stem(m.group(1))
    return _CANON.get(head, head)


def _subject(text: str, start: int) -> str:
    """The noun a bare figure is the value of, in "the death toll rose to 45" (toll) or "the
    confirmed cases reached 275" (cases); '' when the words before it are not of that shape."""
    m = _STANDS_AT.search(text[max(0, start - 60) : start])
    if not m:
        return ""
    head = context.stem(m.group(1))
    return _CANON.get(head, head)


def _claim_near(claim: ClaimRecord) -> frozenset[str]:
    """The claim's own words, leaving out the other figures of its sentence with their
    counted nouns: in "170 cases were confirmed, with 55 in the Federation" the 55 counts
    no "cases" of its own."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    return _figure_near(sentence, at, at + len(text)) if at >= 0 else frozenset()


def _figure_near(text: str, start: int, end: int) -> frozenset[str]:
    """The own words of the figure at text[start:end], with the sentence's other figures
    and the nouns they count blanked out."""
    return _own_words(_blanked(text, start, end), start, end)


def _blanked(text: str, start: int, end: int) -> str:
    """`text` with every figure but the one at text[start:end] blanked out."""
    for lo, hi in _figure_spans(text):
        if hi <= start or lo >= end:
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


@functools.lru_cache(maxsize=4096)
def _figure_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((f.start, f.end) for f in parse_figures(text, 0, len(text)))


_PEOPLE = frozenset("peopl person individual resident inhabitant citizen men women children adult civilian".split())


_ANYONE = frozenset("peopl person individual resident inhabitant citizen".split())


def _anyone(unit: str) -> bool:
    """People counted as such, whoever they are: not "women" or "children", a part of them."""
    return context.stem(unit.split()[-1]) in _ANYONE


def _people(unit: str) -> bool:
    """A count of people as such, which a source may give by what befell them (deaths, arrests)."""
    return context.stem(unit.split()[-1]) in _PEOPLE or _noun(unit) == "peopl"


def _claim_words(claim: ClaimRecord) -> frozenset[str]:
    """The words of the claim's sentence, without the other figures and what they count."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    return _canon(context.stems(_blanked(sentence, at, at + len(text)) if at >= 0 else sentence))


def _noun(unit: str) -> str:
    """What a counted unit counts, as news copy's words for it read (_SAME_STEMS): its last
    word's, or else the first of its words that has others ("positive tests" are cases,
    as "confirmed cases" are; "death toll" counts deaths)."""
    head = paraphrase.unit_head(unit)
    if head in _CANON:
        return _CANON[head]
    grouped = [_CANON[s] for s in (context.stem(w) for w in unit.split()) if s in _CANON]
    return grouped[0] if grouped else head


def _own_words(text: str, start: int, end: int) -> frozenset[str]:
    """The stems of a figure's clause and of its nearest content words either side."""
    lo, hi = context.clause(text, start, end)
    words = context.content_words(text)
    before = [w for w in words if w[2] <= start][-NEAREST:]
    after = [w for w in words if w[1] >= end][:NEAREST]
    inside = [w for w in words if w[1] >= lo and w[2] <= hi and not (w[1] < end and w[2] > start)]
    return _canon(context.stem(w[0]) for w in before + after + inside)


def _compare(claim: ClaimRecord, fit: Fit) -> tuple[Verdict, str]:
    item = fit.item
    if claim.get("kind") == Kind.DATE:
        return values.compare_dates(claim, item.value, item.text, fit.before)
    return values.compare_figures(claim, item.value, item.unit, item.text, item.span, item.qualifier)


def year_like(text: str) -> bool:
    return bool(_YEAR.match(text.strip()))


def _finding(r: paraphrase.Related, verdict: Verdict, reason: str, fit: Fit) -> paraphrase.Finding:
    words = ", ".join(r.shared)
    how = f"the same quantity: the source sentence shares {len(r.shared)} of the claim's context words ({words})"
    return paraphrase.Finding(paraphrase.as_hit(r), verdict, f"{reason}; {how}")
