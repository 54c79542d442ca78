"""What a reader sees versus what the bytes say: folding look-alike characters, finding invisible ones.

A figure written with fullwidth digits ("１８"), a superscript ("10²") or mathematical
digits reads as a number to an editor, and must read as one to the extractors too.
Folding is character for character (only characters whose compatibility form is one
character are folded), so every offset into the folded text is the same offset into
the draft. Zero-width and bidi control characters cannot be folded away without
moving offsets; they are reported instead, because they can split "18.5" so that no
extractor sees it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Invisible formatting characters (Unicode category Cf) that can hide or reorder text:
# zero-width spaces and joiners, bidi embeddings, overrides and isolates, word joiners,
# the soft hyphen, and a byte-order mark anywhere but the very start.
_HIDDEN = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")

# Letters that stand in for digits between digits: "1O0", "2l5".
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# Both sides of a comparison are skeletons, so a real word made of these letters ("I",
# "lo") maps the same way on both and does no harm.
_DISGUISED_NUMBER = re.compile(r"(?<![\w])[\dOolI][\dOolI.,]*(?![\w])")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def fold(text: str) -> str:
    """`text` with each look-alike character replaced by its plain form; same length, same offsets."""
    if text.isascii():
        return text
    # News copy holds a handful of distinct non-ASCII characters (curly quotes, dashes, £),
    # and most fold to themselves: look each distinct one up once, and let str.translate
    # do the per-character work in C, only when something does fold.
    table = {}
    for ch in set(text):
        if not ch.isascii():
            plain = _fold_char(ch)
            if plain != ch:
                table[ord(ch)] = plain
    return text.translate(table) if table else text


def hidden_characters(text: str, body_start: int = 0) -> list[tuple[int, int, str, str]]:
    """(line, column, character, Unicode name) of each invisible character in the body."""
    spots = []
    for m in _HIDDEN.finditer(text, body_start):
        if m.start() == 0:
            continue  # a byte-order mark opening the file is harmless
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        spots.append((line, column, m.group(), unicodedata.name(m.group(), "FORMAT CHARACTER")))
    return spots


def skeleton(text: str) -> str:
    """Text reduced to what a reader sees: folded, invisible characters gone, digit look-alikes
    read as digits, spacing collapsed. Two texts with one skeleton look the same on the page."""
    text = _HIDDEN.sub("", unicodedata.normalize("NFKC", text))
    text = _digits_in_disguise(text)
    return " ".join(text.split())


def _digits_in_disguise(text: str) -> str:
    # a word of digits and O, o, l or I ("1O0", "llO") can read as a number on the page
    return _DISGUISED_NUMBER.sub(lambda m: m.group().translate(_DIGIT_LOOKALIKES), text)
