"""Which way a date points: the tense of the words around it.

"Friday" in "talks ended Friday" is last Friday; in "talks will end Friday" it is
the coming one. A parser would cost more than all extraction together, so the
marked verb nearest the date decides, read from a few cheap word lists.
"""

from __future__ import annotations

import re

from factcheck.extract.calendar_math import EITHER, FUTURE, PAST

# Phrases that put what follows in the future, whatever tense the sentence's other verbs have.
_FUTURE = re.compile(
    r"\b(?:will|won't|would|shall|going\s+to|(?:is|are|am|was|were)\s+to"
    r"|(?:plans?|planned|intends?|intended|expects?|expected|hopes?|aims?|set|due|scheduled|slated|poised|"
    r"supposed|likely)\s+to|scheduled|upcoming|tomorrow|next)\b|'ll\b"
)

# Common irregular past forms; regular ones are caught by their -ed ending.
_PAST_WORDS = """
    said was were had did told took made came went began met saw left lost won
    fell rose grew sold bought paid held kept led brought thought found gave got
    became knew ran sent stood struck wrote spoke broke chose drew drove flew
    fought hung laid meant rode rang sang sat shot slid stole stuck swept swore taught
    threw tore understood woke wore ago yesterday
"""
_PAST = re.compile(r"\b(?:" + "|".join(sorted(_PAST_WORDS.split(), key=len, reverse=True)) + r"|([a-z]{3,}ed))\b")

# -ed words that are not past events.
_NOT_PAST = frozenset("need red bed shed hundred united indeed seed feed speed proceed exceed succeed".split())

# After these an -ed word is a participle ("will be named", "has closed"): the helper sets the tense.
_HELPERS = frozenset("be been being is are am has have having will would could should to get got".split())
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")

# Tense is read this far either side of a date, within its sentence: nearer verbs decide anyway.
REACH = 160


def _is_past(text: str, m: re.Match) -> bool:
    word = m.group(1)
    if word is None:
        return True
    if word in _NOT_PAST:
        return False
    helper = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return not (helper and helper.group(1) in _HELPERS)


def direction_at(text: str, sentence: tuple[int, int], start: int, end: int) -> int:
    """PAST, FUTURE or EITHER for a date at text[start:end], from the nearest marked word.

    `text` is the draft lower-cased with offsets kept (dates_grammar.ASCII_LOWER):
    matching without IGNORECASE is several times faster.

    Words after the date count for a little less than words before it: in
    "said Friday it would ..." Friday goes with "said".
    """
    s, e = max(sentence[0], start - REACH), min(sentence[1], end + REACH)
    best, best_dist = EITHER, float("inf")
    for pattern, way in ((_FUTURE, FUTURE), (_PAST, PAST)):
        for m in pattern.finditer(text, s, e):
            a, b = m.span()
            if a < end and start < b:
                continue  # the date's own words ("last year", "next month") are not its tense
            dist = start - b if b <= start else (a - end) * 1.5
            if dist < best_dist and (way == FUTURE or _is_past(text, m)):
                best, best_dist = way, dist
    return best
