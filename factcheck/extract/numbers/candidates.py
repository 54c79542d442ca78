"""Where a figure can start: a digit, a number word, or "a"/"an" before a number or unit word."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import units as U

_trie = U.trie


def _cases(words: Iterable[str]) -> list[str]:
    """Each word in lower case and Capitalized: (?i) would cost the engine its quick skip."""
    return [v for w in words for v in (w, w[:1].upper() + w[1:])]


# Where a figure can start: a digit, a number word, or "a"/"an" before a number or unit
# word ("a hundred", "a mile"). Each is found by a pattern of its own, and the word
# patterns start with the character before the word: one pattern for all, or a
# look-behind, would make the engine stop at every letter of the text instead of
# skipping ahead. (`Candidates.next` merges the three.)
# (Compiling these takes a good part of the command's start-up, so each exists once: a
# word at the very start of the text, with no character before it, is read by a copy
# made only when needed.)
_WORD_BEFORE = r"[\s\"'(\u201c\u2018\[\u2014\x00-]"


DIGITS = re.compile(r"(?P<d>[\d" + "".join(W.VULGAR) + r"])")  # one class: groups in a choice cost the quick skip


WORDS = re.compile(_WORD_BEFORE + r"(?P<w>" + _trie(_cases([*W.NUMBER_WORDS, *W.VAGUE_PLURALS])) + r")(?!\w)")


# the word after an article is in lower case ("A dozen", "a mile")
ARTICLES = re.compile(_WORD_BEFORE + r"(?P<a>[aA]n?)\s+(?=" + _trie(W.A_WORDS) + r"(?![\w\u2019']))")


# each with the group that holds the start of what it found
STREAMS = ((DIGITS, "d"), (WORDS, "w"), (ARTICLES, "a"))


@functools.cache
def at_start(pattern: re.Pattern) -> re.Pattern:
    """`pattern` without the character before the word, for a word that opens the text."""
    return re.compile(pattern.pattern.removeprefix(_WORD_BEFORE))


def candidate_at(text: str, p: int, end: int) -> re.Match | None:
    """A digit or a number word starting right at `p`: the other end of a range, "five" in "one in five"."""
    m = DIGITS.match(text, p, end)
    if m or p >= end:
        return m
    return WORDS.match(text, p - 1, end) if p > 0 else at_start(WORDS).match(text, p, end)


def kind_start(m: re.Match) -> int:
    """Where a candidate's named part (digits, number word or article) starts."""
    return m.start(m.lastgroup or 0)


def inside_word(text: str, pos: int) -> bool:
    """ "one" in "someone", "ten" in "often", "a" in "Korea a": not the start of a word."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_'\u2019-")


class Candidates:
    """The next place a figure can start, from each pattern in turn: the one reading that
    keeps state, since a pattern is searched again only once the scan has passed its last match."""

    __slots__ = ("text", "end", "_next")

    def __init__(self, text: str, end: int):
        self.text, self.end = text, end
        self._next: list[re.Match | Literal[False] | None] = [None, None, None]  # per pattern; False: none left

    def next(self, pos: int) -> re.Match | None:
        """The earliest next match of the three candidate patterns, from `pos`."""
        text, best, best_start = self.text, None, self.end
        for i, (scan, group) in enumerate(STREAMS):
            m = self._next[i]
            if m is not False and (m is None or m.start(group) < pos):
                if scan is DIGITS:
                    m = scan.search(text, pos, self.end)
                elif pos == 0:
                    m = at_start(scan).match(text, 0, self.end) or scan.search(text, 0, self.end)
                else:
                    m = scan.search(text, pos - 1, self.end)  # the character before a word at `pos`
                self._next[i] = m or False
            if m and m.start(group) < best_start:
                best, best_start = m, m.start(group)
        return best
