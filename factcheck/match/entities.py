"""Names in the same place: a figure or date borne out by a sentence that names someone else.

"Created the 2010 NBC series" is not borne out by "created the 2010 CBS television
series", however well the year matches; nor "played for Liverpool" by "a return to
football for VV Noordwijk". The two sentences are lined up word by word (as stems), and
where a stretch of the draft's sentence that opens with a name stands opposite a stretch of
the source's that opens with another name, right after the same words in both ("the 2010
NBC" and "the 2010 CBS"), the source puts another thing in the draft's place.

A name is a run of capitalised words, not the sentence's first word alone (that is
capitalised anyway), nor a month or a weekday (dates are weighed as dates). Two ways of
writing one name agree: a shared word ("Trump" and "Donald Trump"), or initials ("UK"
and "United Kingdom").
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from factcheck.match import context
from factcheck.textfold import fold

# How far into two facing stretches a name may start and still stand in the same place.
SLOT_REACH = 1

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019.&-][^\W_]+)*\.?")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Capitalised, yet no name of anyone or anything.
_NOT_NAMES = frozenset("the a an i it he she they we this that these those his her its their".split()) | _CALENDAR


def swap(draft_sentence: str, source_sentence: str) -> str | None:
    """Why the source sentence names another thing where the draft names one, or None."""
    mine, theirs = _tokens(draft_sentence), _tokens(source_sentence)
    if not mine or not theirs:
        return None
    matcher = SequenceMatcher(None, [t.key for t in mine], [t.key for t in theirs], autojunk=False)
    ops = matcher.get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if (
            tag != "replace"
            or not n
            or not _anchor(mine, ops[n - 1])
            or _inside_name(mine, i1)
            or _inside_name(theirs, j1)
        ):
            continue  # the same place is right after the same words in both
        a = _name_at_start(mine, i1, i2)
        b = _name_at_start(theirs, j1, j2)
        if a and b and not _written_in(a, source_sentence) and not _written_in(b, draft_sentence):
            return f"the source names {' '.join(b)!r} where the draft names {' '.join(a)!r}"
    return None


def _anchor(tokens: list, op: tuple) -> bool:
    """Words both sentences share right before a stretch fix its place: two of them, or one
    content word ("the 2010 NBC", "existing Korean"); a lone "of" or "and" fixes nothing."""
    tag, i1, i2, _, _ = op
    if tag != "equal":
        return False
    return i2 - i1 >= 2 or context.is_content(tokens[i1].word)


class _Token:
    __slots__ = ("key", "word", "name")

    def __init__(self, word: str, name: bool):
        self.word, self.key, self.name = word, context.stem(word.rstrip(".")), name


def _tokens(sentence: str) -> list[_Token]:
    found = list(_TOKEN.finditer(sentence))
    out = []
    for m in found:
        word = m.group()
        bare = word.lower().rstrip(".")
        out.append(_Token(word, word[:1].isupper() and bare not in _NOT_NAMES and bare not in context.STOP_WORDS))
    # The name a sentence opens with is its subject, which the other sentence may give by
    # another part of the name or by "he" ("Sam Bradford" and "Bradford"): it is no slot.
    k = 0
    while k < len(out) and (out[k].name or out[k].word.lower() in _OPENING_WORDS):
        out[k].name = False
        k += 1
    return out


# Words of a sentence's opening that the subject's name may start with or follow.
_OPENING_WORDS = frozenset("the a an".split())


def _inside_name(tokens: list[_Token], i: int) -> bool:
    """The stretch starts mid-name: "New York City" against "New York Bay" differ in one word."""
    return 0 < i <= len(tokens) and tokens[i - 1].name


def _name_at_start(tokens: list[_Token], lo: int, hi: int) -> list[str]:
    """The name that starts within SLOT_REACH words of tokens[lo:hi], whole."""
    for k in range(lo, min(hi, lo + SLOT_REACH)):
        t = tokens[k]
        if t.name:
            run = []
            for u in tokens[k:]:
                if not u.name:
                    break
                run.append(u)
            after = tokens[k + len(run)] if k + len(run) < len(tokens) else None
            if after is not None and after.word[:1].isdigit():
                return []  # "US $4.09 million", "PlayStation 5": a unit or a model, not a party
            if any(ch.isdigit() for u in run for ch in u.word):
                return []  # "G-20", "COVID-19": a number of its own, weighed as a figure
            return [u.word if "." in u.word[:-1] else u.word.rstrip(".") for u in run]
        if t.word[:1].isdigit():
            return []  # a figure stands in between: another quantity, not a name
    return []


def _written_in(name: list[str], sentence: str) -> bool:
    """Is the name in the other sentence after all, in any case or spelling ("Bulgaria" in
    "bulgarian provinces", "Carriere" and "Carrière", "Ramus" and "Rasmus")?"""
    from rapidfuzz import fuzz

    text = _plain(sentence)
    words = [w.lower() for w in _TOKEN.findall(text)]
    for part in name:
        key = _plain(part).rstrip(".")
        if len(key) < 2:
            continue
        if key in text or any(fuzz.ratio(key, w) >= NEAR_SPELLING for w in words):
            return True
    return _initials(name) in {w.replace(".", "") for w in words} or any(
        _initials(run) == _plain("".join(name)).replace(".", "") for run in _capital_runs(sentence)
    )


def _plain(text: str) -> str:
    """Lower case without accents: "São Tomé" is "sao tome"."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


# Two spellings of one name at least this alike (rapidfuzz ratio) are the same name.
NEAR_SPELLING = 80


def _capital_runs(sentence: str) -> list[list[str]]:
    runs: list[list[str]] = []
    run: list[str] = []
    for w in _TOKEN.findall(sentence):
        if w[:1].isupper() or (run and w.lower() in ("of", "the", "and")):
            run.append(w)
        else:
            if len(run) > 1:
                runs.append(run)
            run = []
    if len(run) > 1:
        runs.append(run)
    return runs


def _initials(words: list[str]) -> str:
    return "".join(w[0].lower() for w in words if w[:1].isalpha() and w.lower() not in ("of", "the", "and"))
