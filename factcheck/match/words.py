"""Words with their offsets, compared the way a copy editor compares them.

Curly or straight marks, dashes, case and spacing never make two words differ; every
helper here keeps character offsets intact so a match can point back into the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One character in, one character out: offsets in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\n": " ",
        "\t": " ",
        "\r": " ",
    }
)

_FOLD_PAIRS = [(chr(mark), plain) for mark, plain in _FOLD.items()]

# Apostrophes join letters ("don't"), points and commas join digits ("6.4", "1,000"):
# a height like 6'3" is two numbers, not one word.
WORD = re.compile(r"[^\W\d_]+(?:['\u2018\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*[^\W\d_]*")


def fold(text: str) -> str:
    """Text for fuzzy alignment: same length as `text`, marks straightened, lower case."""
    # A scan per mark that is there beats str.translate's dict lookup per character.
    folded = text
    for mark, plain in _FOLD_PAIRS:
        if mark in folded:
            folded = folded.replace(mark, plain)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


@dataclass(frozen=True)
class Word:
    """A word of a text: its comparison key and where it stands."""

    key: str
    start: int
    end: int


def word_key(word: str) -> str:
    """How a word is compared: lower case, straight apostrophes, no thousands separators."""
    key = word.translate(_FOLD).lower()
    if key[:1].isdigit():
        key = key.replace(",", "")
    return key


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(text) if end is None else end
    return [Word(word_key(m.group()), m.start(), m.end()) for m in WORD.finditer(text, start, stop)]


def same_words(a: str, b: str) -> bool:
    return [w.key for w in words(a)] == [w.key for w in words(b)]


def single_line(text: str) -> str:
    return " ".join(text.split())
