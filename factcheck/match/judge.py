"""One claim in, one judgement out: find its passage, then compare by kind.

Every kind is located through its context. A figure or date is found by the words of
the sentence around it (a bare "6" is everywhere), then the words of the draft's
sentence are lined up with the source's, and what stands in the figure's place in the
source is what it is compared with. A quote is found by its own words.

A reworded sentence lines up with nothing; for a figure, date or attribution the
paraphrase path (paraphrase.py) then looks for source sentences sharing the claim's
context words. It runs only when the near-copy path found no passage, so it never
overrules a passage that lines up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures
from factcheck.extract.sentences import Sentences
from factcheck.match import ages, attribution, context, entities, paraphrase, quantity, quotes, ranks, rivals, values
from factcheck.match.evidence import Evidence, Judgement, Verdict
from factcheck.match.locate import Hit, locate
from factcheck.match.words import same_words, single_line, words
from factcheck.model import ClaimRecord, Kind
from factcheck.sources.search import Searcher

# Below these alignment scores the best passage is some other text, not this claim's.
CONTEXT_MIN = 72.0
QUOTE_MIN = 70.0
# Below this a sentence lines up only loosely: a reworded one, where another figure may
# stand in the claim's place. A contradiction from it gets a second opinion.
LOOSE = 90.0
# A quote is the source's words only if most of its words are there, in order.
QUOTE_COVERAGE = 0.6
WINDOW = 100
SHORT_QUOTE_WORDS = 6
MAX_EVIDENCE = 3
# Passages a search keeps: more than are shown, so that every source bearing a claim out
# is judged and counted (a claim may need several independent sources).
PASSAGES = 8


@dataclass
class Context:
    """What judging a draft's claims needs: its sources, its date, and some caches."""

    searcher: Searcher
    reference_date: dt.date
    marks: Callable[[int], dict] | None = None  # doc_id -> {"pages": ..., "cues": ...}
    _found: dict = field(default_factory=dict)
    read_cache: dict = field(default_factory=dict)  # passage -> its sentences, for the paraphrase path

    def source_date(self, doc) -> dt.date:
        return doc.date or self.reference_date

    def claims_in(self, doc, start: int, text: str) -> list:
        """Claims the extractors find in a stretch of a source (cached: the same passage recurs)."""
        key = (doc.doc_id, start, len(text))
        if key not in self._found:
            self._found[key] = extract_claims(text, reference_date=self.source_date(doc))
        return self._found[key]


def judge(claim: ClaimRecord, ctx: Context) -> Judgement:
    kind = claim.get("kind")
    if kind == Kind.QUOTE:
        return judge_quote(claim, ctx)
    if kind in (Kind.FIGURE, Kind.DATE):
        return judge_value(claim, ctx)
    if kind == Kind.ATTRIBUTION:
        return judge_attribution(claim, ctx)
    return Judgement(Verdict.NOT_FOUND, reason=f"unknown claim kind {kind!r}")


# --- where the claim sits in its sentence ---------------------------------------------


def context_window(claim: ClaimRecord) -> tuple[str, int, int]:
    """The claim's sentence cut to about WINDOW characters either side of the claim,
    with the claim's offsets inside that window."""
    sentence = claim.get("sentence") or claim.get("text") or ""
    text = single_line(claim.get("text") or "")
    at = _find_words(sentence, text) if text else -1
    if at < 0:
        return sentence, 0, len(sentence)
    lo = max(0, at - WINDOW)
    hi = min(len(sentence), at + len(text) + WINDOW)
    lo = sentence.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    cut = sentence.find(" ", hi)
    hi = cut if cut >= 0 and hi < len(sentence) else len(sentence)
    return sentence[lo:hi], at - lo, at - lo + len(text)


_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def without_quotes(claim: ClaimRecord) -> tuple[str, int, int] | None:
    """The claim's window with quoted words cut out, if the claim itself is outside them."""
    sentence = claim.get("sentence") or ""
    narration = _QUOTED.sub(" ", sentence)
    text = single_line(claim.get("text") or "")
    if narration == sentence or not text or _find_words(narration, text) < 0 or len(narration.split()) < 4:
        return None
    return context_window({**claim, "sentence": " ".join(narration.split())})


def _find_words(sentence: str, text: str) -> int:
    """Where `text` stands in `sentence` as whole words ("now" is not the end of "know")."""
    at = sentence.find(text)
    first = at
    while at >= 0:
        before = sentence[at - 1] if at else " "
        after = sentence[at + len(text)] if at + len(text) < len(sentence) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at
        at = sentence.find(text, at + 1)
    return first


# --- figures and dates ------------------------------------------------------------------


def judge_value(claim: ClaimRecord, ctx: Context) -> Judgement:
    offset = _counted_from(claim)
    claim = _read_forward(_year_after(claim), ctx)
    judgement = _judge_date_or_figure(claim, ctx)
    if offset and judgement.evidence and offset not in single_line(judgement.evidence[0].text).lower():
        # "released two days before November 3": the event's day is November 1; the date
        # written is only where the count starts. Only a source counting the same way speaks to it.
        return _demote(judgement, f"the claim counts {offset!r} the date: its own day lies that far off it")
    return judgement


def _demote(judgement: Judgement, why: str) -> Judgement:
    """The best passage agreed, but `why` says it does not speak to this claim."""
    best = _replace(
        judgement.evidence[0], verdict=Verdict.NOT_FOUND, reason=f"{judgement.evidence[0].reason}; but {why}"
    )
    return Judgement(Verdict.NOT_FOUND, (best,) + tuple(judgement.evidence[1:]), why, ())


def _overrule(judgement: Judgement, why: str) -> Judgement:
    """The best passage gives the same figure or date of something else: `why` contradicts it."""
    reason = f"{why}; {judgement.evidence[0].reason}"
    best = _replace(judgement.evidence[0], verdict=Verdict.CONTRADICTED, reason=reason)
    return Judgement(Verdict.CONTRADICTED, (best,) + tuple(judgement.evidence[1:]), reason, ())


def _judge_date_or_figure(claim: ClaimRecord, ctx: Context) -> Judgement:
    judgement = _judge_value(claim, ctx)
    if judgement.verdict is Verdict.CONTRADICTED and _bare_year(claim):
        # "1992" is also a date claim, judged with its "after" or "before"; as a number
        # it would contradict "after 1992" with the source's 1993.
        return Judgement(
            Verdict.NOT_FOUND,
            judgement.evidence,
            "a year: judged as the date claim on the same words",
            judgement.supporting,
        )
    if judgement.verdict is Verdict.SUPPORTED:
        clash = ranks.clash(claim.get("sentence") or "", judgement.evidence[0].text)
        if clash:
            # The source states the same thing with the same figure or date, and ranks it
            # otherwise: "the first town settled in 1633" against "the second town".
            return _overrule(judgement, clash)
        swapped = entities.swap(claim.get("sentence") or "", judgement.evidence[0].text)
        if swapped:
            # The same figure or date, said of another team, place or person: "played for
            # Liverpool in 2016" against "in 2016 ... a return to football for VV Noordwijk".
            return _overrule(judgement, swapped)
    if judgement.verdict is not Verdict.NOT_FOUND and _names_something(claim) and not _own_sentence(claim, judgement):
        # In its own sentence a changed model number is worth catching; elsewhere the
        # "4" of "Toy Story 4" would be weighed against whatever number the sentence has,
        # and found in a reworded one it says only that the source names the same thing.
        return _demote(judgement, "a number that is part of a name ('Toy Story 4', the song \"1999\") counts nothing")
    if judgement.verdict is Verdict.SUPPORTED:
        return _unless_doubted(claim, judgement, ctx, _doubt)
    if judgement.verdict is Verdict.CONTRADICTED:
        return _unless_doubted(claim, judgement, ctx, rivals.alarm_doubt)
    return judgement


def _own_sentence(claim: ClaimRecord, judgement: Judgement) -> bool:
    """Is the passage the draft's own sentence, near enough word for word?"""
    from rapidfuzz import fuzz

    if not judgement.evidence:
        return False
    sentence = single_line(claim.get("sentence") or "")
    return fuzz.ratio(sentence.lower(), judgement.evidence[0].text.lower()) >= LOOSE


_TITLE = re.compile(r"[\"\u201c]\s*$")
_TITLE_END = re.compile(r"^\s*[\"\u201d]")


def _names_something(claim: ClaimRecord) -> bool:
    """A number that is part of a name ("Toy Story 4") or is a title on its own (the song
    "1999"): it names a thing and states no quantity or date."""
    if quantity.named_number(claim):
        return True
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text else -1
    return at >= 0 and bool(_TITLE.search(sentence[:at]) and _TITLE_END.match(sentence[at + len(text) :]))


def _unless_doubted(claim: ClaimRecord, judgement: Judgement, ctx: Context, doubt) -> Judgement:
    """A bound cleared (or flagged) by one figure or date of a sentence whose other figure,
    the likelier reading, says the opposite is left open: a wrong "supported" is the
    costliest verdict, and a false red flag teaches editors to ignore them."""
    if not judgement.evidence:
        return judgement
    best = judgement.evidence[0]
    why = doubt(claim, best.text, ctx.reference_date)
    if why is None:
        return judgement
    doubted = _replace(best, verdict=Verdict.NOT_FOUND, reason=f"{best.reason}; but {why}")
    supporting = tuple(e for e in judgement.supporting if e is not best)
    return Judgement(Verdict.NOT_FOUND, (doubted,) + tuple(judgement.evidence[1:]), why, supporting)


def _doubt(claim: ClaimRecord, sentence: str, reference_date: dt.date) -> str | None:
    """Why a passage bearing the claim out does not settle it: another figure of its sentence
    is the likelier reading, or the two sentences rank things differently ("91st" and "90th")."""
    return rivals.doubt(claim, sentence, reference_date) or ranks.differ(claim.get("sentence") or "", sentence)


_OFFSET = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|some)\s+"
    r"(?:days?|weeks?|months?|years?|decades?|hours?)\s+(?:before|after|prior\s+to|earlier\s+than|later\s+than)\s+(?:the\s+)?$",
    re.I,
)


def _counted_from(claim: ClaimRecord) -> str:
    """The count ("two days before") when the date is where it starts, not the claim's day; ''."""
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text) if text and claim.get("kind") == Kind.DATE else -1
    m = _OFFSET.search(sentence[max(0, at - 40) : at]) if at > 0 else None
    return " ".join(m.group().lower().split()) if m else ""


_FUTURE = re.compile(r"\b(?:will|is to|are to|set to|scheduled|expected to|due to|plans? to|upcoming|next)\b", re.I)
_YEAR_TEXT = re.compile(r"^\s*(?:1\d|20)\d\d\s*$")


def _bare_year(claim: ClaimRecord) -> bool:
    return (
        claim.get("kind") == Kind.FIGURE and not claim.get("unit") and bool(_YEAR_TEXT.match(claim.get("text") or ""))
    )


_MONTH_ONLY = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I)
_IN_YEAR = re.compile(r"^\s+(?:in|of)\s+((?:1\d|20)\d\d)\b")


def _year_after(claim: ClaimRecord) -> ClaimRecord:
    """ "before April in 2018": the month is April 2018, not the April of the draft's year
    (the year after it is read as a date claim of its own)."""
    value, text = str(claim.get("value") or ""), (claim.get("text") or "").strip()
    if claim.get("kind") != Kind.DATE or len(value) != 7 or not _MONTH_ONLY.match(text):
        return claim
    sentence = claim.get("sentence") or ""
    at = sentence.find(text)
    m = _IN_YEAR.match(sentence[at + len(text) :]) if at >= 0 else None
    return {**claim, "value": f"{m.group(1)}{value[4:]}"} if m else claim


def _read_forward(claim: ClaimRecord, ctx: Context) -> ClaimRecord:
    """A future-tense sentence's bare date is the next one: "will be held on September 21"
    in a June draft is this September, not last year's (dates are read backward by default)."""
    value = str(claim.get("value") or "")
    if claim.get("kind") != Kind.DATE or len(value) < 7 or re.search(r"\d{4}", claim.get("text") or ""):
        return claim
    sentence, text = claim.get("sentence") or "", claim.get("text") or ""
    at = sentence.find(text)
    if at < 0 or not _FUTURE.search(sentence[:at]):
        return claim
    try:
        day = dt.date.fromisoformat(value[:10] if len(value) >= 10 else value + "-01")
    except ValueError:
        return claim
    if day >= ctx.reference_date.replace(day=1):
        return claim
    try:
        return {**claim, "value": f"{day.year + 1}{value[4:]}"}
    except ValueError:
        return claim


def _judge_value(claim: ClaimRecord, ctx: Context) -> Judgement:
    if ages.is_age(claim):
        # A source gives a year of birth, rarely the age: the age follows from the day.
        aged = _age_evidence(claim, ctx)
        if aged:
            return _settle(aged, "")
    if quantity.is_bound(claim):
        # A bound holds for many numbers, so the figure in the claim's place by word
        # alignment may well be another quantity; the one that measures the same thing decides.
        measured = [e for e in _same_quantity(claim, ctx) if e.verdict is not Verdict.NOT_FOUND]
        if measured:
            return _settle(measured, "")
    window, a, b = context_window(claim)
    hits = [h for h in locate(ctx.searcher, window, keep=PASSAGES) if h.score >= CONTEXT_MIN]
    narration = without_quotes(claim)
    if not hits and narration:
        # A quote in the sentence may be the part that is not in the sources (or is
        # worded differently); the figure's own context is the narration around it.
        window, a, b = narration
        hits = [h for h in locate(ctx.searcher, window, keep=PASSAGES) if h.score >= CONTEXT_MIN]
    evidence = [e for e in (_value_evidence(claim, h, window, a, b, ctx) for h in hits) if e]
    if not evidence:
        evidence = _reworded_value(claim, ctx)
    elif all(e.verdict is Verdict.CONTRADICTED for e in evidence) and max(e.score for e in evidence) < LOOSE:
        evidence = _second_opinion(claim, ctx, evidence)
    if all(e.verdict is Verdict.NOT_FOUND for e in evidence):
        # Nothing lines up with the claim's digits: look for the figure or date that
        # measures the same thing, whatever it is written as.
        evidence = _same_quantity(claim, ctx) + evidence
    return _settle(evidence, "no source passage matches the sentence around this claim")


def _age_evidence(claim: ClaimRecord, ctx: Context) -> list[Evidence]:
    """The draft's age weighed against each year of birth of the person it names, in the
    source sentences that name them."""
    sentence = single_line(claim.get("sentence") or "")
    names = {w.key for w in words(sentence) if sentence[w.start : w.start + 1].isupper() and len(w.key) > 2}
    names -= attribution.TITLES
    found = []
    for seg, chunk, _ in ctx.searcher.candidates(sentence, limit=PASSAGES):
        passage = ctx.searcher.passage(seg, chunk)
        for s in paraphrase.sentences_of(passage, ctx.read_cache):
            text = passage.text[s.start : s.end]
            if "born" not in text.lower() and "b." not in text:
                continue
            shared = names & {w.key for w in words(text)}
            if not shared:
                continue  # another person's birth
            compared = ages.compare(claim, text, ctx.reference_date)
            if compared is not None:
                score = round(100 * len(shared) / max(len(names), 1), 1)
                found.append(_evidence(ctx, Hit(passage, s.start, s.end, score), s.start, s.end, *compared))
    return found


def _same_quantity(claim: ClaimRecord, ctx: Context) -> list[Evidence]:
    sentence = claim.get("sentence") or claim.get("text") or ""
    text = single_line(claim.get("text") or "")
    at = _find_words(sentence, text) if text else -1
    if at < 0:
        return []
    found = quantity.judge(claim, ctx, sentence, at, at + len(text))
    return [_evidence(ctx, f.hit, f.hit.start, f.hit.end, f.verdict, f.reason) for f in found]


def _second_opinion(claim: ClaimRecord, ctx: Context, contradicting: list[Evidence]) -> list[Evidence]:
    """A reworded sentence can still line up loosely with its source, and then another
    figure stands in the claim's place. When a sentence sharing the claim's context gives
    the claim's very value (the paraphrase path), that is the passage; the contradiction
    stays as evidence for the editor."""
    supporting = [e for e in _reworded_value(claim, ctx) if e.verdict is Verdict.SUPPORTED]
    if not supporting:
        return contradicting
    top = max(e.score for e in contradicting)
    return [_replace(e, score=max(e.score, top)) for e in supporting] + contradicting


def _reworded_value(claim: ClaimRecord, ctx: Context) -> list[Evidence]:
    sentence = claim.get("sentence") or claim.get("text") or ""
    text = single_line(claim.get("text") or "")
    at = _find_words(sentence, text) if text else -1
    start, end = (at, at + len(text)) if at >= 0 else (0, 0)
    return [
        _evidence(ctx, f.hit, f.hit.start, f.hit.end, f.verdict, f.reason)
        for f in paraphrase.judge_value(claim, ctx, sentence, start, end)
    ]


def _value_evidence(claim: ClaimRecord, hit: Hit, window: str, a: int, b: int, ctx: Context) -> Evidence | None:
    span = map_span(window, a, b, hit)
    if span is None:
        return None
    p = hit.passage
    s, e = span
    found = p.text[s:e]
    compared = _compare_value(claim, found, p, s, e, ctx)
    if compared is None:
        return None
    lo, hi = _sentence_bounds(p.text, hit.start, hit.end)  # the editor reads the whole sentence
    return _evidence(ctx, hit, lo, hi, *compared)


def _compare_value(claim: ClaimRecord, found: str, p, s: int, e: int, ctx: Context) -> tuple[Verdict, str] | None:
    """The verdict on what stands in the claim's place; None when no number or date does
    (the words lined up only loosely, and the claim's place fell on other words)."""
    if (
        same_words(found, claim.get("text", ""))
        and not _other_currency(claim, p.text, s, e)
        and not _date_bounded(claim)
    ):
        return Verdict.SUPPORTED, f"the source gives {single_line(found)!r} in the same sentence"
    if claim["kind"] == Kind.DATE:
        counterpart = _counterpart(claim, p, s, e, ctx)
        if counterpart is None:
            return None
        return values.compare_dates(claim, counterpart.value, single_line(found), p.text[max(0, s - 40) : s])
    figure = _source_figure(p.text, s, e)
    if figure is None and not values.numbers_in(found) and values.numbers_in(claim.get("text", "")):
        return None
    if figure is not None and quantity.year_like(p.text[figure.start : figure.end]) and ages.is_age(claim):
        return None  # an age is never weighed against a year's digits (the cheap test first: it runs per passage)
    if figure is None or values.rating_share(claim, single_line(found)) is not None:
        # No figure, or a rating on a scale ("85/100") read as a fraction: the words decide.
        return values.written_against(claim, single_line(found))
    if _counted_against_measure(claim.get("unit"), figure.unit):
        return None  # "815 women" lined up with "45%": the words fell on another quantity
    shown = single_line(p.text[figure.start : figure.end])
    span = (figure.low, figure.high) if figure.low is not None else None
    qualifier = values.verb_bound(figure.qualifier, p.text[: figure.start])
    verdict, reason = values.compare_figures(claim, figure.value, figure.unit, shown, span, qualifier)
    far = values.far_off(claim, figure.value, shown) if verdict is Verdict.SUPPORTED else None
    return (Verdict.NOT_FOUND, far) if far else (verdict, reason)


def _counted_against_measure(mine, theirs) -> bool:
    """A count of things ("815 women") and money or a share ("45%") are never one figure."""
    if not mine or not theirs:
        return False
    return values.is_measure(mine) != values.is_measure(theirs)


def _date_bounded(claim: ClaimRecord) -> bool:
    """ "after September 21" is not borne out by the source's "on September 21": the same
    words, but the bound in front of them decides."""
    return claim.get("kind") == Kind.DATE and values.claim_date_bound(claim)[0] not in ("", "as of")


def _other_currency(claim: ClaimRecord, text: str, s: int, e: int) -> bool:
    """ "$40" and "€40" are the same words but not the same figure."""
    if claim.get("kind") != Kind.FIGURE:
        return False
    figure = _source_figure(text, s, e)
    return figure is not None and values.units_clash(claim.get("unit"), figure.unit)


def _source_figure(text: str, s: int, e: int):
    """The source's figure at the mapped place, read by the same parser as the draft's."""
    lo, hi = _sentence_bounds(text, s, e)
    overlapping = [f for f in parse_figures(text, lo, hi) if f.start < e and f.end > s]
    return overlapping[0] if overlapping else None


def _counterpart(claim: ClaimRecord, p, s: int, e: int, ctx: Context):
    """The source's own date at the mapped place, as the date extractor reads it."""
    lo, hi = _sentence_bounds(p.text, s, e)
    found = ctx.claims_in(p.doc, p.start + lo, p.text[lo:hi])
    same_kind = [c for c in found if c.kind.value == claim["kind"]]
    overlapping = [c for c in same_kind if c.start + lo < e and c.end + lo > s]
    return overlapping[0] if overlapping else None


def map_span(window: str, a: int, b: int, hit: Hit) -> tuple[int, int] | None:
    """Where the draft's window[a:b] falls in the source, by lining up the words around it."""
    text = hit.passage.text
    lo, hi = _widen(text, hit.start, hit.end, by=len(window) // 2 + 20)
    dw, sw = words(window), words(text, lo, hi)
    inside = [i for i, w in enumerate(dw) if w.start < b and w.end > a]
    if not inside or not sw:
        return None
    ops = SequenceMatcher(None, [w.key for w in dw], [w.key for w in sw], autojunk=False).get_opcodes()
    js = _mapped(ops, inside[0], inside[-1] + 1)
    if not js:
        return None
    return sw[js[0]].start, sw[js[1] - 1].end


def _mapped(ops: list[tuple], i_lo: int, i_hi: int) -> tuple[int, int] | None:
    """Source word range standing where draft words [i_lo, i_hi) stand."""
    js: list[int] = []
    for tag, i1, i2, j1, j2 in ops:
        if i2 <= i_lo or i1 >= i_hi or tag == "delete":
            continue
        if tag == "equal":
            js += [j1 + (max(i1, i_lo) - i1), j1 + (min(i2, i_hi) - i1)]
        elif j2 > j1:
            js += [j1, j2]
    return (min(js), max(js)) if js else None


def _widen(text: str, start: int, end: int, by: int = 40) -> tuple[int, int]:
    return max(0, start - by), min(len(text), end + by)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = max(0, start - 400), min(len(text), end + 400)
    a, b = Sentences(text, lo, hi).covering(start, end)
    return min(a, start), max(b, end)


# --- quotes -------------------------------------------------------------------------------


def judge_quote(claim: ClaimRecord, ctx: Context) -> Judgement:
    quote = claim.get("text") or ""
    n_words = sum(p.kind == quotes.WORD for p in quotes.parts(quote))
    needle = _longest_fragment(quote)
    hits = [h for h in locate(ctx.searcher, needle, query=quote, keep=PASSAGES) if h.score >= QUOTE_MIN]
    if n_words <= SHORT_QUOTE_WORDS:
        window, _, _ = context_window(claim)
        hits += [h for h in locate(ctx.searcher, window, keep=PASSAGES) if h.score >= CONTEXT_MIN]
    evidence = []
    for h in hits:
        ev = _quote_evidence(claim, quote, h, ctx)
        if ev is not None:
            evidence.append(ev)
    return _settle(evidence, "these words are not in the sources")


def _longest_fragment(quote: str) -> str:
    """The longest run of the quote between ellipses and brackets: that run is verbatim."""
    import re

    pieces = re.split(r"\[[^\]]*\]|\.(?:\s?\.){2}|\u2026", quote)
    return max(pieces, key=len).strip() or quote


def _quote_evidence(claim: ClaimRecord, quote: str, hit: Hit, ctx: Context) -> Evidence | None:
    text = hit.passage.text
    reach = len(quote) + 40
    lo, hi = max(0, hit.start - reach), min(len(text), hit.end + reach)
    cmp = quotes.compare(quote, text, lo, hi)
    if cmp.coverage < QUOTE_COVERAGE:
        return None
    if cmp.changes:
        verdict = Verdict.CONTRADICTED
        reason = f"the source's words differ ({cmp.changes} change{'s' if cmp.changes > 1 else ''})"
    else:
        verdict, reason = Verdict.SUPPORTED, "quote matches the source word for word"
    ev = _evidence(ctx, hit, cmp.start, cmp.end, verdict, reason, diff=cmp.diff if cmp.changes else None)
    return _with_speaker(claim, ev, hit, cmp, ctx)


def _with_speaker(claim: ClaimRecord, ev: Evidence, hit: Hit, cmp, ctx: Context) -> Evidence:
    """Say who the source has speaking, and whether that is the draft's speaker."""
    said_by = ev.speaker or _source_speaker(hit, cmp, ctx)
    if not said_by:
        return ev
    mine = claim.get("speaker")
    if (
        mine
        and not same_person(mine, said_by)
        and named(mine)
        and named(said_by)
        and not _named_near(mine, hit, cmp)
        and (ev.speaker or _confirmed(said_by, hit, cmp, ctx))
    ):
        # The right words in the wrong mouth: as false as a changed word.
        reason = f"the source has {said_by} saying this, the draft has {mine}; {ev.reason}"
        return _replace(ev, speaker=said_by, reason=reason, verdict=Verdict.CONTRADICTED)
    return _replace(ev, speaker=said_by)


SPEAKER_REACH = 600


def _confirmed(said_by: str, hit: Hit, cmp, ctx: Context) -> bool:
    """The source's attribution read with its neighbouring sentences names the same person:
    a sentence read alone can lose the speaker named before it."""
    wide = _source_speaker(hit, cmp, ctx, reach=SPEAKER_REACH)
    if not wide:
        return False
    return same_person(wide, said_by)


def _named_near(speaker: str, hit: Hit, cmp) -> bool:
    """Does the source name the draft's speaker near the quote? Then the source may well
    credit them, and reading its attribution otherwise is the riskier call."""
    p = hit.passage
    s, e = cmp.start, cmp.end  # offsets into the passage, as quotes.compare gives them
    around = {w.key for w in words(p.text, max(0, s - SPEAKER_REACH), min(len(p.text), e + SPEAKER_REACH))}
    names = {w.key for w in words(speaker) if w.key not in attribution.TITLES and len(w.key) > 2}
    return bool(names & around)


def _source_speaker(hit: Hit, cmp, ctx: Context, reach: int = 0) -> str | None:
    """Who the source has saying the quote, as the quote extractor reads the sentence (or,
    with `reach`, the sentences that far around it, as it reads a whole draft)."""
    p = hit.passage
    s, e = cmp.start, cmp.end  # offsets into the passage, as quotes.compare gives them
    lo, hi = _sentence_bounds(p.text, max(0, s - reach), min(len(p.text), e + reach))
    if not any(mark in p.text[lo:hi] for mark in _QUOTE_MARKS):
        return None  # no quote marks: the quote extractor would find nobody speaking
    for c in ctx.claims_in(p.doc, p.start + lo, p.text[lo:hi]):
        if c.kind is Kind.QUOTE and c.speaker and c.start + lo < e and c.end + lo > s:
            return c.speaker
    return None


_QUOTE_MARKS = ('"', "\u201c", "\u201d")


_UNNAMED = frozenset("he she they it we i you the a an his her their its this that one".split())


def named(speaker: str) -> bool:
    """A speaker given by name ("Maren Oduya", "TOM REYES"), not a pronoun or a description
    alone ("she", "the spokesman"): only two names can be told apart."""
    parts = speaker.split()
    if any(w.lower() in attribution.DOCUMENTS or w.lower() in _NOT_PEOPLE for w in parts):
        return False  # "Times article", "the commission's report": a document speaks for someone
    return any(
        w[:1].isupper() and len(w) > 1 and w.lower() not in _UNNAMED and w.lower() not in attribution.TITLES
        for w in parts
    )


_NOT_PEOPLE = frozenset("article articles debates debate commission committee".split())


def same_person(a: str, b: str) -> bool:
    """Two ways of naming one speaker share a name word ("Trump" and "DONALD TRUMP")."""
    ta = {w.key for w in words(a) if w.key not in attribution.TITLES and len(w.key) > 1}
    tb = {w.key for w in words(b) if w.key not in attribution.TITLES and len(w.key) > 1}
    return bool(ta & tb) or not ta or not tb


# --- attributions -----------------------------------------------------------------------


def judge_attribution(claim: ClaimRecord, ctx: Context) -> Judgement:
    """Supported when the statement is found and its source names whoever the draft credits
    (see attribution.py); not found otherwise."""
    name = claim.get("attributed_to") or claim.get("text") or ""
    keys = attribution.name_keys(name)
    evidence = []
    for h in _statement_hits(claim, ctx):
        verdict, reason = _credited(h, keys, name, ctx)
        evidence.append(_evidence(ctx, h, h.start, h.end, verdict, reason))
    return _settle(evidence, "no source passage matches this sentence")


def _statement_hits(claim: ClaimRecord, ctx: Context) -> list[Hit]:
    """The statement in the sources: the sentence as written, then without the attribution
    (the source may credit it otherwise, or not at all), then reworded."""
    window, _, _ = context_window(claim)
    hits = [h for h in locate(ctx.searcher, window, keep=PASSAGES) if h.score >= CONTEXT_MIN]
    said = attribution.statement(claim.get("sentence") or "", single_line(claim.get("text") or ""))
    if not hits and said and said != claim.get("sentence"):
        hits = [h for h in locate(ctx.searcher, said, keep=PASSAGES) if h.score >= CONTEXT_MIN]
    if not hits and said:
        found = paraphrase.related(ctx, context.cues(said, 0, 0, window=None), said)
        hits = [paraphrase.as_hit(r) for r in found if r.same_statement][:PASSAGES]
    return hits


def _credited(h: Hit, keys: list[str], name: str, ctx: Context) -> tuple[Verdict, str]:
    p = h.passage
    if not keys:
        return Verdict.SUPPORTED, f"the statement is in the sources; {name!r} names no one in particular to look for"
    name = attribution.display(name, keys)
    if attribution.named_near(p.text, h.start, h.end, keys):
        return Verdict.SUPPORTED, f"the source names {name} beside this passage"
    if ctx.searcher.mentions(p.doc.doc_id, keys):
        return Verdict.SUPPORTED, f"the source names {name}"
    if attribution.named_in_provenance(p.doc.about, p.doc.path, keys):
        return Verdict.SUPPORTED, f"the source is {name}'s own: its title, address or file name names it"
    return Verdict.NOT_FOUND, f"the passage is there but the source does not name {name}"


# --- shared -------------------------------------------------------------------------------


def _evidence(ctx: Context, hit: Hit, start: int, end: int, verdict: Verdict, reason: str, *, diff=None) -> Evidence:
    """Evidence for source text p.text[start:end]; its offsets are made absolute in the source."""
    p = hit.passage
    page, timestamp, speaker = _marks(ctx, p.doc, p.start + start)
    return Evidence(
        source=p.doc.path,
        start=p.start + start,
        end=p.start + end,
        text=single_line(p.text[start:end]),
        score=hit.score,
        verdict=verdict,
        reason=reason,
        page=page,
        timestamp=timestamp,
        speaker=speaker,
        diff=diff,
    )


def _marks(ctx: Context, doc, offset: int):
    if doc.kind not in ("pdf", "transcript") or ctx.marks is None:
        return None, None, None
    import bisect

    marks = ctx.marks(doc.doc_id)
    page = None
    if marks.get("pages"):
        starts = [p[0] for p in marks["pages"]]
        page = marks["pages"][max(bisect.bisect_right(starts, offset) - 1, 0)][1]
    cue = None
    if marks.get("cues"):
        starts = [c[0] for c in marks["cues"]]
        i = bisect.bisect_right(starts, offset) - 1
        cue = marks["cues"][i] if i >= 0 else None
    return page, cue[1] if cue else None, cue[2] if cue else None


def _replace(ev: Evidence, **changes) -> Evidence:
    from dataclasses import replace

    return replace(ev, **changes)


def _settle(evidence: list[Evidence], missing: str) -> Judgement:
    """One verdict from several passages: a passage that bears the claim out wins over
    near-equal ones that don't, since the same words often recur with other figures."""
    evidence = _unique(evidence)
    found = [e for e in evidence if e.verdict is not Verdict.NOT_FOUND]
    supporting = tuple(e for e in found if e.verdict is Verdict.SUPPORTED)
    if not found:
        return Judgement(Verdict.NOT_FOUND, tuple(evidence[:MAX_EVIDENCE]), missing)
    best = max(e.score for e in found)
    close = [e for e in found if e.score >= best - 2.0]
    chosen = next((e for e in close if e.verdict is Verdict.SUPPORTED), close[0])
    rest = [e for e in found if e is not chosen]
    # Only a few passages are shown; every supporting one is kept for counting sources.
    return Judgement(chosen.verdict, tuple([chosen] + rest[: MAX_EVIDENCE - 1]), chosen.reason, supporting)


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    """The same stretch of a source found twice (by quote and by sentence) is one passage."""
    seen, out = set(), []
    for e in evidence:
        key = (e.source, e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
