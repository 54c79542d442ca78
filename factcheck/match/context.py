"""What a claim is about: the content words around it, compared the way a paraphrase allows.

A reporter rewrites a source's sentence ("The repair contract is expected to cost about
$18.5 million" becomes "The repairs will cost about $18.5 million"), so the draft's
sentence as a whole no longer lines up with the source's. What survives a paraphrase is
the handful of content words near the figure: repair, cost. Those words are cut down
crudely to a common stem (lower case; plural s, -ed, -ing and a final e dropped) so that
"repairs" meets "repair" and "closed" meets "closing", and the words of the claim's own
clause count fully while the rest of its window counts a quarter: "the authority said on
Wednesday" is about the authority, whatever else the sentence says.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.sources.terms import STOP_WORDS

# Content words on each side of the claim that make up its window.
WINDOW_WORDS = 8
# A clause with fewer content words than this borrows its neighbour's ("In 2024, …").
# Words outside the clause count a quarter: they are often about something else.
CLAUSE_MIN = 2
OUTSIDE_CLAUSE = 0.25

# Words that say nothing about what a figure counts: function words, light verbs that a
# rewording swaps freely ("put the bill at", "get back"), words of saying (the attribution
# is checked on its own), and the words a figure is written with.
_NOT_CONTENT = STOP_WORDS | frozenset(
    """
    about above after again against all also am any because before being below between both can
    could did do does doing down during each even ever few further here how if into just may might
    more most much must no nor now off once only other out over own same shall should so some such
    than then there these those through too under until up very what when where whether while why
    yet said says say saying told tell tells added adds according announced announce announces
    stated noted explained confirmed statement release spokesman spokeswoman spokesperson
    get gets got getting make makes made making take takes took taken put puts go goes went gone
    going come comes came give gives gave given keep keeps kept let lets back
    percent per cent million billion thousand trillion mr mrs ms dr
    """.split()
)

# Letters (with inner apostrophes) or digits (with inner , or .), as the index reads words.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()\"\u201c\u201d\u2013\u2014]|\s-\s|\b(?:and|but|while|after|before|because|although|though|whereas|until|unless)\b",
    re.I,
)
_VOWELS = set("aeiouy")


def stem(word: str) -> str:
    """A crude common form: "repairs", "repaired", "repairing" → "repair"; "closed", "close" → "clos"."""
    return _stem(word.lower())


@functools.lru_cache(maxsize=1 << 16)
def _stem(w: str) -> str:
    # Cached: a source's words recur in every passage and sentence they are read in.
    w = w.replace("\u2019", "'")
    if w[:1].isdigit():
        return w.replace(",", "")
    w = w[:-2] if w.endswith("'s") else w.rstrip("'")
    w = _BRITISH.sub(r"\1or\2", w)  # "honours" and "honors", "labour" and "labor" are one word
    if w.endswith(("ation", "ations")) and len(w) > 8:
        w = w[: w.rindex("ion")]  # "isolation" and "isolated", "donations" and "donated"
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        base = w[: -len(suffix)] + keep
        if w.endswith(suffix) and len(base) >= 3 and not w.endswith(("ss", "us", "is")) and set(base) & _VOWELS:
            w = _undouble(base) if not keep else base
            break
    if len(w) > 6 and w.endswith("ller") and w[-5] in _VOWELS:
        w = w[:-3] + "er"  # "travellers" and "travelers", "modellers" and "modelers"
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


_BRITISH = re.compile(r"^(\w{3,})our(s|ed|ing)?$")


def _undouble(base: str) -> str:
    """ "stopp" → "stop", "plann" → "plan"; but "fall", "press" keep their pairs."""
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
        return base[:-1]
    return base


def is_content(token: str) -> bool:
    t = token.lower()
    return t not in _NOT_CONTENT and (len(t) > 1 or t.isdigit())


def content_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(word, start, end) of each content word of text[start:end]."""
    stop = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop) if is_content(m.group())]


def stems(text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    return frozenset(stem(w) for w, _, _ in content_words(text, start, end))


def stems_by_span(text: str, spans: list[tuple[int, int]]) -> list[frozenset[str]]:
    """The stems of the content words of each span of `text`."""
    return [frozenset(filter(None, map(_content_stem, _WORD.findall(text, lo, hi)))) for lo, hi in spans]


@functools.lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str | None:
    return stem(word) if is_content(word) else None


@dataclass(frozen=True)
class Cue:
    """One content word of a claim's context: its stem, the word as written, and how much it counts."""

    stem: str
    word: str
    weight: float  # 1 inside the claim's clause, less outside it


def cues(sentence: str, start: int, end: int, window: int | None = WINDOW_WORDS) -> list[Cue]:
    """The content words around sentence[start:end] (the claim), nearest first, one per stem.

    `window` content words are taken on each side; None takes the whole sentence, every
    word counting fully (a statement credited to someone is about all of its words)."""
    found = content_words(sentence)
    before = [w for w in found if w[2] <= start][::-1][:window]
    after = [w for w in found if w[1] >= end][:window]
    lo, hi = clause(sentence, start, end) if window is not None else (0, len(sentence))
    out: dict[str, Cue] = {}
    for word, s, e in _interleave(before, after):
        key = stem(word)
        if key not in out:
            out[key] = Cue(key, word.lower(), 1.0 if lo <= s and e <= hi else OUTSIDE_CLAUSE)
    return list(out.values())


def _interleave(before: list, after: list) -> list:
    out = []
    for i in range(max(len(before), len(after))):
        out += before[i : i + 1] + after[i : i + 1]
    return out


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding sentence[start:end], widened until it holds a few content words."""
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if not start <= m.start() < end] + [len(sentence)]
    cuts = sorted(set(cuts))
    i = max(k for k, c in enumerate(cuts) if c <= start)
    j = min(k for k, c in enumerate(cuts) if c >= end)
    # The clause before is tried first: a clause too short to stand alone ("which starts in
    # January") hangs on the one before it; what follows is often the attribution.
    grow_left = True
    while _own_words(sentence, cuts[i], cuts[j], start, end) < CLAUSE_MIN and (i > 0 or j < len(cuts) - 1):
        if (grow_left and i > 0) or j == len(cuts) - 1:
            i -= 1
        else:
            j += 1
        grow_left = not grow_left
    return cuts[i], cuts[j]


def _own_words(sentence: str, lo: int, hi: int, start: int, end: int) -> int:
    return sum(1 for _, s, e in content_words(sentence, lo, hi) if e <= start or s >= end)


# Words that date an event of their own: a sentence's one date next to "born" dates a
# birth, whatever else the sentence shares with a claim about a founding.
_EVENTS = frozenset(
    stem(w)
    for w in (
        "born birth died death founded established formed released premiered aired debuted published launched "
        "opened closed married divorced elected appointed retired resigned joined left signed moved built "
        "completed began started ended finished won awarded acquired merged renamed concluded"
    ).split()
)
EVENT_REACH = 6  # content words before a date that may be the event it dates


def event_before(text: str, start: int) -> str | None:
    """The event word nearest before the date at text[start:] ("released" in "released in
    theatres on June 13, 2003"), if one stands within EVENT_REACH content words."""
    before = [w for w in content_words(text, 0, start)][-EVENT_REACH:]
    events = [w for w, _, _ in before if stem(w) in _EVENTS]
    return events[-1] if events else None


def other_event(claim_sentence: str, text: str, start: int) -> str | None:
    """The event the date at text[start:] dates ("born" in "was born in the harbour town
    of Kessel in 1961"), when the draft's sentence does not speak of it; None otherwise."""
    nearest = event_before(text, start)
    if nearest is None:
        return None
    return None if stem(nearest) in stems(claim_sentence) else nearest


# --- a subject named once, then referred back to -------------------------------------------

# Words a sentence opens with that are no name: "In 2019, Y", "After the war ...".
_OPENERS = frozenset("in on at by after before since during as of for from with to until when while".split())
_NAME_RUN = re.compile(
    r"[A-Z\u00c0-\u00de][\w'\u2019.&-]*(?:\s+(?:of|the|and|de|du|la|le|von|van|der|&|[A-Z\u00c0-\u00de0-9][\w'\u2019.&-]*))*"
)
_DEFINITE = re.compile(r"[\W_]*(?:(?:The|the|A|An)\s+(?:[a-z]+\s+){0,2})?")


def subject_name(sentence: str) -> frozenset[str]:
    """The stems of the name a sentence opens with, its subject: "Book Club" of "Book Club
    earned ...", "A Bad Moms Christmas" of "The film A Bad Moms Christmas was released ...".
    Empty when the sentence opens otherwise ("In 2019, sales ...")."""
    opening = _DEFINITE.match(sentence)
    m = _NAME_RUN.match(sentence, opening.end() if opening else 0)
    if not m or m.group().split()[0].lower() in _OPENERS:
        return frozenset()
    return frozenset(stem(w) for w, _, _ in content_words(m.group()) if w[:1].isupper() or w[:1].isdigit())


# "It", "He", "The film", "This album": a subject that stands for one named before it. It may
# follow an opening phrase set off by a comma ("In 1988, he was loaned ..."). Not "His
# mixtape": that is something of his, not him.
_BACK_REFERENCE = re.compile(
    r"[\W_]*(?:[^,.;]{1,60},\s*)?(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Tt]his|[Tt]hat)\s+[a-z]+)\b(?!\s+of\b)"
)


def refers_back(sentence: str) -> bool:
    """Does the sentence's subject stand for something named before it (a pronoun, "the film")?"""
    return bool(_BACK_REFERENCE.match(sentence))
