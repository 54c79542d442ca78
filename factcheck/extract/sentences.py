"""Sentence boundaries in news copy, fast enough to run on every keystroke-sized edit.

A full NLP sentence splitter would cost more in start-up than the whole extraction;
news text is regular enough that a boundary rule plus an abbreviation list does well.
"""

from __future__ import annotations

import bisect
import functools
import re

# Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt rep reps sen sens gov
    pres supt insp det rev fr hon atty gen corp inc ltd co bros no nos vol vols fig figs ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    u.s u.k u.n e.u d.c a.m p.m i.e e.g etc vs al approx dept est univ assn govt
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


class Sentences:
    """Sentence spans over a text region, with lookup of the sentence holding an offset."""

    def __init__(self, text: str, start: int = 0, end: int | None = None):
        self.text = text
        self.spans = split(text, start, len(text) if end is None else end)
        self._starts = [s for s, _ in self.spans]

    def at(self, pos: int) -> tuple[int, int]:
        """The span of the sentence holding `pos` (the nearest one when `pos` is in a gap)."""
        if not self.spans:
            return (pos, pos)
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.spans[max(i, 0)]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """From the sentence holding `start` to the one holding `end - 1`."""
        a = self.at(start)
        b = self.at(max(start, end - 1))
        return (a[0], max(a[1], b[1]))

    def sentence_text(self, start: int, end: int) -> str:
        s, e = self.covering(start, end)
        return " ".join(self.text[s:e].split())

    def context(self, start: int, end: int, text: str | None = None, limit: int = 400, side: int = 150) -> str:
        """The sentence around a claim, or for a sentence over `limit` characters only the
        words within `side` characters of the claim, marked "…" where cut.

        Every claim carries its sentence, so a run-on "sentence" (a table, a list of
        thousands of numbers) copied whole into each of its claims would make the claims
        file grow with the square of the draft; the window keeps it proportional. `text`
        is the text to take the words from when it is not the one split (same offsets).
        """
        text = self.text if text is None else text
        s, e = self.covering(start, end)
        if e - s <= limit:
            return " ".join(text[s:e].split())
        lo, hi = max(s, start - side), min(e, end + side)
        if lo > s:
            cut = text.find(" ", lo, start)  # start on a whole word
            lo = cut + 1 if cut >= 0 else start
        if hi < e:
            cut = text.rfind(" ", end, hi)
            hi = cut if cut >= 0 else end
        words = " ".join(text[lo:hi].split())
        return ("… " if lo > s else "") + words + (" …" if hi < e else "")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` belongs to an abbreviation or an initial."""
    space = text.rfind(" ", max(0, dot - 12), dot)
    word = text[space + 1 : dot]
    if space >= 0 and word.isalpha() and word.isascii():
        # a plain word after a space, as most full stops follow: what _WORD_BEFORE would
        # read, without trying it at each of the twelve places before the stop
        return len(word) == 1 or word.lower() in ABBREVIATIONS
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1:  # an initial, as in "John F. Kennedy"
        return True
    return word in ABBREVIATIONS


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _END.finditer(text, start, end):
        if m.group()[0] == "\n":
            stop = m.start()
        else:
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
                # "Mr. Smith" continues; "in the U.S. The next" ends: look at what follows.
                if not (text[dot - 2 : dot - 1] == "." and _starts_sentence(text, m.end(), end)):
                    continue
            stop = m.end()
        _add(text, spans, cur, stop)
        cur = m.end()
    _add(text, spans, cur, end)
    return spans


@functools.cache
def _starters() -> re.Pattern:
    """Compiled on first use: most drafts never end a sentence with an abbreviation."""
    return re.compile(
        r"\s+(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|These|Those|His|Her|Their|Its|"
        r"There|When|While|After|Before|If|As|Some|Many|Most|Officials?)\b"
    )


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    """After "U.S.", a common sentence opener means the abbreviation also ended the sentence."""
    return _starters().match(text, pos, end) is not None


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
