"""The paraphrase path: a figure, date or attribution whose sentence the reporter reworded.

When the draft's sentence lines up with no passage of the sources, the claim is looked
for by what it is about instead. The index proposes a few passages sharing the rarest
terms of the claim's sentence; each of their sentences is scored by the share of the
claim's context words (see `context.py`) it holds, weighted by rarity, a word found only
in the sentence before or after (in the same paragraph) counting half, since reporters
fold two source sentences into one. A sentence holding enough of them is *related*; one holding most of
them, several in the sentence itself, is taken as *the same statement*.

- A related sentence with a figure or date of the same kind and unit that agrees (by the
  same value, qualifier and rounding rules as the near-copy path) supports the claim.
  Where the claim's own statement is in the sources, only it may support it.
- The same statement with one figure or date of the same kind and unit that differs
  contradicts it. A looser match never contradicts: the same words around another
  figure are as often a different statement ("last year's budget was …").
- Anything else leaves the claim not found.

docs/matching.md ("Figures and dates in reworded sentences") states the rules for editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.numbers.parse import parse_figures
from factcheck.extract.sentences import Sentences
from factcheck.match import context, values
from factcheck.match.evidence import Verdict
from factcheck.match.locate import Hit
from factcheck.match.words import fold, same_words, single_line
from factcheck.model import ClaimRecord, Kind
from factcheck.sources.search import Passage

RELATED = 0.45
SAME_STATEMENT = 0.6
SAME_CLAUSE = 0.5
MIN_SHARED = 2  # context words a related sentence and its neighbours must share with the claim
STATEMENT_OWN = 3  # ... and that the same statement must hold itself
NEIGHBOUR = 0.5
PASSAGES = 8
WHOLE = 0.9  # a sentence holding this share of the context (and the claim as written) ends the search
MAX_FOUND = 3

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"^(?:1[0-9]|20)\d\d$")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a candidate passage: its span in the passage and its content-word stems."""

    passage: Passage
    start: int
    end: int
    own: frozenset[str]
    near: frozenset[str]  # stems of the sentences before and after it in its paragraph
    opens: bool = False  # the first sentence of its paragraph: nothing before it names anything


@dataclass(frozen=True)
class Related:
    """A source sentence and how much of the claim's context it shares."""

    sentence: Sentence
    coverage: float  # share of the context's weight, words in a neighbour counting half
    own: int  # context words in the sentence itself
    shared: tuple[str, ...]  # context words in it or its neighbours, as the draft writes them
    own_coverage: float = 0.0  # share of the context's weight in the sentence itself
    clause_coverage: float = 0.0  # share of the claim's clause in the sentence itself

    @property
    def same_statement(self) -> bool:
        """The sentence itself, not its neighbours, says most of what the claim's does,
        and most of the claim's own clause."""
        return self.own_coverage >= SAME_STATEMENT and self.clause_coverage >= SAME_CLAUSE and self.own >= STATEMENT_OWN


@dataclass(frozen=True)
class Finding:
    """What one source sentence says about the claim."""

    hit: Hit  # the sentence, as a hit scored by the share of context it holds
    verdict: Verdict
    reason: str


# --- related sentences -----------------------------------------------------------------


def related(ctx, cues: list[context.Cue], query: str, claim_text: str = "") -> list[Related]:
    """Sentences of the sources that share enough of `cues`, best first.

    The search ends early, before the weaker candidate passages, once a sentence holds
    the whole context and `claim_text` as written."""
    if not cues:
        return []
    rarity = _rarity(ctx.searcher.rarity([c.word for c in cues]))
    weights = CueWeights([r * c.weight for r, c in zip(rarity, cues)], cues)
    subject = context.subject_name(query)
    out: list[Related] = []
    seen: set[tuple[int, int]] = set()
    for seg, chunk, _ in ctx.searcher.candidates(query, limit=PASSAGES):
        passage = ctx.searcher.passage(seg, chunk)
        for s in sentences_of(passage, ctx.read_cache):
            key = (passage.doc.doc_id, passage.start + s.start)
            if key in seen:
                continue
            seen.add(key)
            r = related_to_cues(s, cues, weights, subject)
            if r.coverage >= RELATED and len(r.shared) >= MIN_SHARED and r.own >= 1:
                out.append(r)
        if claim_text and any(r.own_coverage >= WHOLE and _holds(r, claim_text) for r in out):
            break
    out.sort(key=lambda r: -r.coverage)
    return out


def _holds(r: Related, text: str) -> bool:
    s = r.sentence
    return fold(single_line(text)) in fold(single_line(s.passage.text[s.start : s.end]))


def _rarity(found: list[float | None]) -> list[float]:
    """A word no source holds is usually the reporter's own (a synonym, a rewording): it
    says nothing about which passage is meant, so it counts as a word of middling rarity."""
    known = sorted(r for r in found if r is not None)
    middle = known[len(known) // 2] if known else 1.0
    return [middle if r is None else r for r in found]


class CueWeights(list):
    """The cues' weights, with the totals every sentence's share is taken of."""

    def __init__(self, weights: list[float], cues: list[context.Cue]):
        super().__init__(weights)
        self.total = sum(weights) or 1.0
        self.clause_total = sum(w for c, w in zip(cues, weights) if c.weight >= 1.0) or 1.0


def related_to_cues(s: Sentence, cues: list[context.Cue], weights: CueWeights, subject=frozenset()) -> Related:
    """How much of the claim's context the sentence shares. `subject`: the stems of the
    name the draft's sentence opens with, which a sentence standing for it by "it" or "the
    film" shares when it opens its paragraph or its neighbour names it (see stands_for)."""
    mine = near = clause = 0.0
    own, shared = 0, []
    named = stands_for(s, subject)
    for cue, w in zip(cues, weights):
        if cue.stem in s.own or cue.stem in named:
            mine, own = mine + w, own + 1
            clause += w if cue.weight >= 1.0 else 0.0
            shared.append(cue.word)
        elif cue.stem in s.near:
            near += w * NEIGHBOUR
            shared.append(cue.word)
    t = weights.total
    return Related(s, (mine + near) / t, own, tuple(shared), mine / t, clause / weights.clause_total)


def stands_for(s: Sentence, subject: frozenset[str]) -> frozenset[str]:
    """The draft's subject, when the sentence names it only by "it", "he" or "the film": a
    source names a thing once and refers back to it after. The name must stand in the
    sentence before, or nothing before it in the paragraph may name anything else."""
    if not subject or subject & s.own or not (s.opens or subject <= s.near):
        return frozenset()
    return subject if context.refers_back(s.passage.text[s.start : s.end]) else frozenset()


def sentences_of(passage: Passage, cache: dict) -> list[Sentence]:
    """The whole sentences of a passage (cached: neighbouring claims bring up the same passages)."""
    key = (passage.doc.doc_id, passage.start, len(passage.text))
    if key not in cache:
        cache[key] = _read(passage, cache)
    return cache[key]


def _read(passage: Passage, cache: dict) -> list[Sentence]:
    text = passage.text
    spans = Sentences(text).spans
    stems = [_stems(passage, s, e, cache) for s, e in spans]
    paragraph = _paragraphs(text, spans)
    out = []
    for i, (s, e) in enumerate(spans):
        if _cut_off(passage, s, e):
            continue  # the passage starts or ends inside it; a neighbouring passage has it whole
        near = [stems[j] for j in (i - 1, i + 1) if 0 <= j < len(spans) and paragraph[j] == paragraph[i]]
        opens = paragraph[i - 1] != paragraph[i] if i else passage.start <= passage.doc.body_start
        out.append(Sentence(passage, s, e, stems[i], frozenset().union(*near), opens))
    return out


def _stems(passage: Passage, s: int, e: int, cache: dict) -> frozenset[str]:
    """A sentence's stems, read once: neighbouring passages overlap by their padding."""
    key = ("stems", passage.doc.doc_id, passage.start + s, e - s)
    if key not in cache:
        cache[key] = context.stems_by_span(passage.text, [(s, e)])[0]
    return cache[key]


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[int]:
    numbers: list[int] = []
    n = prev_end = 0
    for s, e in spans:
        n += bool(_PARAGRAPH.search(text, prev_end, s)) if numbers else 0
        numbers.append(n)
        prev_end = e
    return numbers


def _cut_off(passage: Passage, s: int, e: int) -> bool:
    at_start = s <= 1 and passage.start > passage.doc.body_start
    at_end = e >= len(passage.text.rstrip()) - 1 and passage.end < passage.doc.chars
    return at_start or at_end


# --- figures and dates ---------------------------------------------------------------------


def judge_value(claim: ClaimRecord, ctx, sentence: str, start: int, end: int) -> list[Finding]:
    """Findings for a figure or date claim at sentence[start:end]: supporting ones if a
    sentence bears it out, else contradicting ones from the same statement, else none."""
    cues = context.cues(sentence, start, end)
    # The index is asked with the sentence itself: its word pairs survive a rewording
    # more often than the cues' order would suggest, and pairs are what pin a passage down.
    found = [(r, _counterparts(claim, r, ctx)) for r in related(ctx, cues, sentence, claim.get("text") or "")]
    found = [(r, [i for i in items if _fits(claim, i, strict=False)]) for r, items in found]
    found = [(r, items) for r, items in found if items]
    # Where the claim's own statement is in the sources, only it may bear the claim out:
    # the same number in another sentence on the topic is most often another statement.
    statements = [(r, items) for r, items in found if r.same_statement]
    supported: list[Finding] = []
    contradicted: list[Finding] = []
    for r, items in statements or found:
        finding = _weigh(claim, r, items)
        if finding is not None:
            (supported if finding.verdict is Verdict.SUPPORTED else contradicted).append(finding)
    return (supported or contradicted)[:MAX_FOUND]


def _weigh(claim: ClaimRecord, r: Related, items: list) -> Finding | None:
    """What one related sentence says, by its items that fit the claim's unit: one that
    agrees supports; the same statement's one item of the very same unit, differing,
    contradicts."""
    for item in items:
        verdict, reason = _compare(claim, item, sole=len(items) == 1)
        if verdict is Verdict.SUPPORTED and not (
            claim.get("kind") == Kind.FIGURE and values.far_off(claim, item.value, item.text)
        ):
            return _finding(r, verdict, reason)
    strict = [i for i in items if _fits(claim, i, strict=True)]
    if r.same_statement and len(strict) == 1 and not _dates_another_event(claim, r, strict[0]):
        verdict, reason = _compare(claim, strict[0])
        if verdict is Verdict.CONTRADICTED:
            return _finding(r, verdict, reason)
    return None


def _dates_another_event(claim: ClaimRecord, r: Related, item: SourceItem) -> bool:
    """The source's date is of an event the draft does not speak of ("was born ... in 1961"
    against a draft's founding): the sentence is about the same people, not the same date."""
    if claim.get("kind") != Kind.DATE:
        return False
    p, s, e = r.sentence.passage, r.sentence.start, r.sentence.end
    text = p.text[s:e]
    at = text.find(item.text)
    return at >= 0 and context.other_event(claim.get("sentence") or "", text, at) is not None


@dataclass(frozen=True)
class SourceItem:
    """A figure or date of the source sentence, as the extractors read it."""

    text: str
    value: object
    unit: str | None = None
    qualifier: str | None = None
    span: tuple | None = None  # a range's two ends


def _counterparts(claim: ClaimRecord, r: Related, ctx) -> list[SourceItem]:
    """The source sentence's claims of the draft claim's kind."""
    p, s, e = r.sentence.passage, r.sentence.start, r.sentence.end
    found = ctx.claims_in(p.doc, p.start + s, p.text[s:e])
    out = []
    for c in found:
        if c.kind.value != claim.get("kind"):
            continue
        span = figure_range(p.text, s + c.start, s + c.end) if claim.get("kind") == Kind.FIGURE else None
        out.append(SourceItem(single_line(c.text), c.value, c.unit, c.qualifier, span))
    return out


def figure_range(text: str, start: int, end: int) -> tuple | None:
    figures = parse_figures(text, start, end)
    return (figures[0].low, figures[0].high) if figures and figures[0].low is not None else None


def _compare(claim: ClaimRecord, item: SourceItem, sole: bool = True) -> tuple[Verdict, str]:
    """`sole`: the item is the only figure of its unit in its sentence. "Less than $600,000"
    is borne out by any smaller figure, so beside others only the same number counts."""
    if claim.get("kind") == Kind.DATE:
        return _compare_dates(claim, item)
    if same_words(item.text, claim.get("text") or ""):
        return Verdict.SUPPORTED, f"the source gives {item.text!r}"
    verdict, reason = values.compare_figures(claim, item.value, item.unit, item.text, item.span, item.qualifier)
    loose = verdict is Verdict.SUPPORTED and not sole and values.bounds_only(claim.get("qualifier"))
    if loose and not values.same_number(claim, item.value):
        return Verdict.NOT_FOUND, ""
    return verdict, reason


def _compare_dates(claim: ClaimRecord, item: SourceItem) -> tuple[Verdict, str]:
    """Dates compare by value, each read against its own text's date: the same words
    ("on Monday") in a source of another week are another day. Only a source date at least
    as precise as the draft's bears it out ("2026" does not confirm "April 20, 2026"); only
    two dates written with numbers, equally precise, clash ("January" read against two
    different dates may land in two different years)."""
    mine, theirs = str(claim.get("value") or ""), str(item.value or "")
    if not (mine and theirs) and same_words(item.text, claim.get("text") or ""):
        return Verdict.SUPPORTED, f"the source gives {item.text!r}"
    bounded = any(values.claim_date_bound(claim))
    if mine and (theirs.startswith(mine) or (bounded and theirs)):
        verdict, reason = values.compare_dates(claim, theirs, item.text)
        if verdict is not Verdict.CONTRADICTED or (_DIGIT.search(claim.get("text") or "") and _DIGIT.search(item.text)):
            return verdict, reason
        return Verdict.NOT_FOUND, ""
    clash = len(mine) == len(theirs) and _DIGIT.search(claim.get("text") or "") and _DIGIT.search(item.text)
    if mine and theirs and clash:
        return values.compare_dates(claim, theirs, item.text)
    return Verdict.NOT_FOUND, ""


def _fits(claim: ClaimRecord, item: SourceItem, *, strict: bool) -> bool:
    """Are the two figures amounts of the same thing? Dates always are.

    Loosely, a figure without a unit may stand for one with a counted noun ("14" and "14
    steel cables"), but not for money or a percentage. Strictly (to contradict), both must
    name the same unit, or neither any."""
    if claim.get("kind") != Kind.FIGURE:
        return True
    if _YEAR.match(item.text) and not _YEAR.match((claim.get("text") or "").strip()):
        return False  # "since 1990" says when, not how many
    mine, theirs = values.unit_key(claim.get("unit")), values.unit_key(item.unit)
    if not mine or not theirs:
        if strict:
            return not mine and not theirs
        return not values.is_measure(mine) and not values.is_measure(theirs)
    return mine.lower() == theirs.lower() or unit_head(mine) == unit_head(theirs)


def unit_head(unit: str) -> str:
    """The noun a counted unit ends in: "steel cables" and "cables" count cables; "USD per
    ton" is not "USD"."""
    words = unit.split()
    return context.stem(words[-1]) if words else ""


def as_hit(r: Related) -> Hit:
    """The related sentence as a hit, scored by the share of the claim's context it holds."""
    s = r.sentence
    return Hit(s.passage, s.start, s.end, round(r.coverage * 100, 1))


def _finding(r: Related, verdict: Verdict, reason: str) -> Finding:
    words = ", ".join(r.shared)
    how = f"reworded: the source sentence shares {len(r.shared)} of the claim's context words ({words})"
    return Finding(as_hit(r), verdict, f"{reason}; {how}")
