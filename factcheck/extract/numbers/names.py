"""Names and labels: "Boeing 747", "Apollo 11", "Room 101", "G-20", "Air Force One" name, not count."""

from __future__ import annotations

import re

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers.before import last_word
from factcheck.extract.numbers.number import code_start
from factcheck.extract.numbers.quantity import WORD, Lazy, Quantity, Region, Reject, token_end


def check_names(r: Region, q: Quantity) -> None:
    """ "Boeing 747", "Apollo 11", "Room 101", "page 12", "Air Force One": a name, not a quantity."""
    text, s = r.text, q.start
    if q.hash and q.plain:
        raise Reject(q.end)
    if q.code:
        named_code(r, q)
        return
    if q.plain and _IDIOM_AFTER.match(text, q.number_end, r.end) and q.value in W.IDIOM_NUMBERS:
        raise Reject(q.end)  # "a 911 call", "a 401(k) plan"
    if q.words and text[s].isupper() and capitalized_name(r, q):
        raise Reject(q.end)
    if q.qualifier or q.currency or q.low is not None or q.magnitude or q.unit and not q.counted:
        return
    if not (q.plain or q.words and text[s].isupper()):
        return
    window = text[max(0, s - 30) : s]
    label = last_word(window) in W.LABEL_WORDS
    m = None if label else NAME_BEFORE.search(window)
    if label or m and is_name_word(m.group("w")):
        # A number in a name or a label ("Boeing 747", "Voyager 2", "Section 301", "page 12")
        # stays a figure, since "Boeing 737" where the source says 747 is the kind of error a
        # check is for; but it counts nothing, so the noun after it is no unit ("747 jets"
        # are not 747 jets).
        after = text[q.number_end : q.number_end + 2]
        if len(after) == 2 and after[0] in "-\u2010\u2011\u2013" and after[1].isdigit():
            raise Reject(token_end(r.text, q.number_end + 1))  # a model code ("747-400"), not a tally
        q.unit, q.counted, q.end = None, False, q.number_end


def named_code(r: Region, q: Quantity) -> None:
    """ "the G-20 summit", "F-35 jets": the name and its number are one figure with no unit."""
    if q.currency or q.low is not None or q.magnitude or q.unit and not q.counted:
        raise Reject(q.end)  # "A-10 million" or "B-3 to 5": no name after all
    q.start = code_start(r.text, q.start) or q.start
    q.unit, q.counted, q.end, q.qualifier = None, False, q.number_end, None


def capitalized_name(r: Region, q: Quantity) -> bool:
    """ "Zero Hedge", "One Direction", "Three Mile Island", "Air Force Two": a capitalized number
    word in a name, before or after another capitalized word (a counted noun after it, as in
    "Police Arrest Two Men", makes it a count in a headline instead)."""
    if q.counted:
        return q.value <= 1 and all(w[:1].isupper() for w in (q.unit or "").split())
    if q.unit is None and q.currency is None and _after_a_name(r.text, q.start):
        return True
    nxt = WORD.match(r.text, q.end, r.end)
    return (
        q.unit is None
        and nxt is not None
        and nxt.group("w")[:1].isupper()
        and nxt.group("w").lower() not in W.NOT_NAMES
    )


def _after_a_name(text: str, s: int) -> bool:
    """A capitalized word that names something right before `s`: "Force" in "Air Force Two"."""
    m = NAME_BEFORE.search(text[max(0, s - 30) : s])
    return m is not None and m.group("w")[:1].isupper() and is_name_word(m.group("w"))


# A capitalized word just before a bare number makes a name: "Boeing 747", "Apollo 11".
_IDIOM_AFTER = Lazy(
    r"\(k\)|\(b\)|[ \u00a0]+(?i:call|calls|caller|callers|dispatcher|dispatchers|operator|operators|emergency|"
    r"plan|plans|account|accounts)\b"
)


NAME_BEFORE = re.compile(r"(?:^|(?<=[\s(\"'\u201c\u2018\u2014\u2013/]))(?P<w>[A-Za-z][\w&'\u2019-]*)[ \u00a0]$")


def is_name_word(word: str) -> bool:
    """A capitalized word that names something, not a sentence-opening function word."""
    return any(c.isupper() for c in word) and word.lower() not in W.NOT_NAMES
