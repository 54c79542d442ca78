"""Who a few words name, read before or after a point of the text: `Doe said`, `said Rep.
Jane Doe (D-Ohio)`, `the official said`, `according to Pentagon officials`, and the
subject a sentence opens with (`In July, Doe dismissed it as …`).

Works on text whose quotes are blanked with BLANK, so a quote is a hard edge no
phrase runs across. No part-of-speech tagger: news copy puts names in capitals and
titles in front of them, and says who with a small set of shapes.
"""

from __future__ import annotations

import bisect
import re

from factcheck.extract.names import (
    BLANK,
    CONNECTORS,
    NOT_NAMES,
    NOUNS,
    PERSON_NOUNS,
    POSSESSIVE,
    THING_NOUNS,
    Mention,
    bare,
    is_abbreviation,
    is_title,
    make_mention,
    strip_parens,
)

# Words that start a clause, so a phrase read backwards stops before them.
_CLAUSE_WORDS = frozenset(
    "and or to by with in on at as where how what when why which who that than because if while since so "
    "but for from of".split()
)
_PHRASE_ENDS = frozenset("who which that and in on at is was has had will would were are have says said".split())

ADVERBS = frozenset(
    """
    also later then has had have would will was is recently previously once again repeatedly publicly
    often never even just further reportedly initially first finally privately frequently earlier
    similarly likewise already herself himself themselves itself only since subsequently
    """.split()
)
DETERMINERS = frozenset("the a an this that his her their its one another our some".split())
_DEFINITE = frozenset("the this that".split())
_SUBJECT_PRONOUNS = frozenset("he she they i we".split())
_RELATIVES = frozenset("who which that".split())
_INTRO_WORDS = frozenset(
    """
    in on at during after before when while as since following earlier later last this meanwhile
    asked speaking for with by from under despite although though if because unlike like amid over
    throughout until to within without instead once upon outside inside across against besides
    """.split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight night morning "
    "afternoon evening week month year weekend".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred".split()
)
_TIME_LEADS = frozenset("on last this late early earlier".split())

_TOKEN = re.compile(r"[^\s\x00]+")
_CAP = re.compile(r"(?:[A-Z][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.?)*|Mc\w+|O[’']\w+)[,;:]?$")
_PAREN_TAG = re.compile(r"\([^()\x00]{1,40}\)[.,;:]?$")
_LEADING_WORD = re.compile(r"\w+")
_CONTRACTED = re.compile(r"(?:he|she|they|i|we)[’'](?:s|re|ve|d|ll|m)$")
_PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][A-Za-z.]*\)?,?$")
# The dashes that set off a phrase or a credit: em, horizontal bar, en, and typed ones.
DASHES = frozenset(("\u2014", "\u2015", "\u2013", "--", "-"))


# --- tokens ---------------------------------------------------------------------------------


def _tokens(frame: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(frame, lo, hi)]


def tokens_between(frame: str, lo: int, hi: int) -> bool:
    """True when there is any word between lo and hi."""
    return _TOKEN.search(frame, lo, hi) is not None


def _edge_before(frame: str, pos: int, limit: int) -> int:
    """How far back a phrase ending at pos may reach: not past a paragraph or a quote."""
    lo = max(0, pos - limit)
    return max(lo, frame.rfind("\n", lo, pos) + 1, frame.rfind(BLANK, lo, pos) + 1)


def _edge_after(frame: str, pos: int, limit: int) -> int:
    hi = min(len(frame), pos + limit)
    for stop in ("\n", BLANK):
        k = frame.find(stop, pos, hi)
        if k >= 0:
            hi = k
    return hi


def _word(frame: str, tok: tuple[int, int]) -> str:
    return frame[tok[0] : tok[1]]


def _is_cap(word: str) -> bool:
    return bool(_CAP.match(word)) or bool(_PAREN_TAG.match(word))


def _ends_clause(word: str) -> bool:
    """A word that ends a phrase: a comma, semicolon or colon, or a full stop that is not an
    abbreviation's."""
    if word[-1] in ",;:":
        return True
    if word[-1] != ".":
        return False
    return not is_abbreviation(word[:-1])


# --- the phrase before a point ----------------------------------------------------------------


def np_before(frame: str, pos: int) -> Mention | None:
    """The subject of a verb at pos: `Doe said`, `Doe, a spokesman, said`, `he added`, `the
    official said`, `Pentagon officials said`. None for `and said` or a participle."""
    toks = _tokens(frame, _edge_before(frame, pos, 130), pos)
    between = _name_between_quote_and_verb(frame, toks)
    if between is not None:
        return between
    i = _skip_back_adverbs(frame, toks, len(toks) - 1)
    if i < 0:
        return None
    word = _word(frame, toks[i])
    low = bare(word)
    if POSSESSIVE.search(word) or low in DETERMINERS:
        return None  # `Doe's remarks`, `the claims`: a noun, not a speech verb
    if word[-1] == "," and _PARTY_TAG.match(word) and i >= 1:
        return _name_back(frame, toks, i - 1, strip_comma=True)  # `Doe, R-Ky., said`
    opener = _paren_opener(frame, toks, i)
    if opener is not None:
        return _name_back(frame, toks, opener - 1)  # `Doe (D-New York), said`
    if word[-1] == ",":
        return _before_apposition(frame, toks, i)
    if word in DASHES:
        return _before_dashed_apposition(frame, toks, i)
    if low in _SUBJECT_PRONOUNS and word[-1] not in ".;:":
        return make_mention("pronoun", frame, toks[i][0], toks[i][1])
    if _CONTRACTED.match(low) and (pronoun := _LEADING_WORD.match(word)):
        return make_mention("pronoun", frame, toks[i][0], toks[i][0] + pronoun.end())  # `He’s`
    if low in _RELATIVES:
        return _relative_antecedent(frame, toks, i)
    if _is_cap(word) and not _ends_clause(word) and low not in NOT_NAMES:
        return _name_back(frame, toks, i)
    if word[-1] in ".;:":
        return None
    return _description_back(frame, toks, i)


_OPENERS = frozenset("it there here then but and so yet you".split())
_QUOTE_BEFORE = re.compile(r"\x00[^\S\n]*,?[^\S\n]*$")


def _name_between_quote_and_verb(frame: str, toks) -> Mention | None:
    """`"…," Will wrote`, `"…," From said`: one capitalised word between a quote and its speech
    verb is the speaker's name, even a word that is mostly something else."""
    if not toks:
        return None
    s, e = toks[-1]
    word = frame[s:e]
    if not (word[:1].isupper() and word.isalpha() and len(word) > 1) or not _QUOTE_BEFORE.search(
        frame, max(0, s - 4), s
    ):
        return None
    if word.lower() in _SUBJECT_PRONOUNS or word.lower() in DETERMINERS or word.lower() in _OPENERS:
        return None  # `"…" She replied`: a sentence that opens after the quote
    return make_mention("name", frame, s, e) or Mention("name", word, word, s, e)


def _paren_opener(frame: str, toks, i: int) -> int | None:
    """Where a bracket of several words closing at token i opens, when a name comes just
    before it: `Jane Doe (D-New York),`."""
    word = _word(frame, toks[i]).rstrip(",")
    if not word.endswith(")") or "(" in word:
        return None
    for j in range(i - 1, max(-1, i - 5), -1):
        inner = _word(frame, toks[j])
        if ")" in inner:
            return None
        if inner.startswith("("):
            before = _word(frame, toks[j - 1]) if j >= 1 else ""
            return j if _is_cap(before) and not _ends_clause(before) else None
    return None


def _skip_back_adverbs(frame: str, toks, i: int) -> int:
    while i >= 0:
        word = _word(frame, toks[i])
        low = word.lower()
        if (low in ADVERBS and word[:1].islower()) or (low.endswith("ly") and word.islower() and len(word) > 4):
            i -= 1
        elif low in _TIME_WORDS and i >= 1 and _word(frame, toks[i - 1]).lower() in _TIME_LEADS:
            i -= 2  # `Doe on Friday said`
        elif low in _TIME_WORDS and i >= 1 and _word(frame, toks[i - 1]).lower() in _TIME_WORDS:
            i -= 1  # `Friday night`
        else:
            return i
    return i


def _before_apposition(frame: str, toks, i: int) -> Mention | None:
    """`Doe, a spokesman for the agency, said` or `Doe, 45, said`: the name before the commas.
    Up to two appositions in a row (`Doe, the attorney general, one of the plaintiffs, said`)."""
    for _ in range(2):
        j = i - 1
        while j >= 0 and i - j < 24 and not _word(frame, toks[j]).endswith(","):
            j -= 1
        if j < 0 or i - j >= 24:
            return None
        first = _word(frame, toks[j + 1])
        if _is_name_run(frame, toks, j + 1, i) and _word(frame, toks[j])[0].islower():
            return _name_back(frame, toks, i, strip_comma=True)  # `Another critic, Jane Doe, said`
        whose = POSSESSIVE.search(first) is not None and j + 1 < i  # `Doe, Acme's chief executive, said`
        if not (first[0].islower() or first[0].isdigit() or first.lower() in DETERMINERS or whose):
            return None  # `In Ohio, Doe said` is no apposition
        head = _word(frame, toks[j]).rstrip(",")
        if _is_cap(head) and bare(head) not in NOT_NAMES:
            return _name_back(frame, toks, j, strip_comma=True)
        if bare(head) in _SUBJECT_PRONOUNS:
            return None
        i = j
    return None


def _before_dashed_apposition(frame: str, toks, i: int) -> Mention | None:
    """`Doe — a teacher from Leith — said`: the name before a description set off by dashes, as
    `_before_apposition` reads one set off by commas. `In Leith — Doe said` is none."""
    for j in range(i - 1, max(0, i - 24), -1):
        if _word(frame, toks[j]) not in DASHES:
            continue
        first = _word(frame, toks[j + 1]) if j + 1 < i else ""
        if not first or not (first[0].islower() or first[0].isdigit() or bare(first) in DETERMINERS):
            return None
        head = _word(frame, toks[j - 1])
        return _name_back(frame, toks, j - 1) if _is_cap(head) and bare(head) not in NOT_NAMES else None
    return None


def _is_name_run(frame: str, toks, a: int, b: int) -> bool:
    words = [_word(frame, toks[k]).rstrip(",") for k in range(a, b + 1)]
    return all(_is_cap(w) or w in CONNECTORS for w in words) and bare(words[0]) not in NOT_NAMES


def _relative_antecedent(frame: str, toks, i: int) -> Mention | None:
    """`Doe, who …` reaches here only when the verb follows `who` directly: `Doe, who said`."""
    if i < 1:
        return None
    prev = _word(frame, toks[i - 1])
    if _is_cap(prev.rstrip(",")) and bare(prev) not in NOT_NAMES:
        return _name_back(frame, toks, i - 1, strip_comma=True)
    return _description_back(frame, toks, i - 1)


def _name_back(frame: str, toks, i: int, strip_comma: bool = False) -> Mention | None:
    """A run of capitalised words (titles, initials, party tags) ending at token i."""
    j = i
    while j >= 0:
        word = _word(frame, toks[j])
        if j < i and (_ends_clause(word) or POSSESSIVE.search(word)):
            break
        if j == i and strip_comma:
            word = word.rstrip(",")
        if _is_cap(word) or word in CONNECTORS and j > 0 and _is_cap(_word(frame, toks[j - 1])):
            j -= 1
        else:
            break
    if j == i:
        return None
    return make_mention("name", frame, toks[j + 1][0], toks[i][1])


def _description_back(frame: str, toks, i: int) -> Mention | None:
    """`the American defense official`, `Obama's former strategist`, `Pentagon officials`."""
    head = bare(_word(frame, toks[i]))
    if head not in PERSON_NOUNS and head not in THING_NOUNS:
        return None
    j = i - 1
    while j >= 0 and i - j <= 7:
        word = _word(frame, toks[j])
        low = word.lower()
        if _ends_clause(word) or low in _RELATIVES or low in _SUBJECT_PRONOUNS:
            break
        if bare(word) in DETERMINERS:
            return _described(frame, toks[j][0] + (1 if word[0] == "(" else 0), toks[i][1], bare(word))
        if POSSESSIVE.search(word) and word[0].isupper():
            k = j
            while k - 1 >= 0 and _is_cap(_word(frame, toks[k - 1])) and not _ends_clause(_word(frame, toks[k - 1])):
                k -= 1
            return make_mention("thing", frame, toks[k][0], toks[i][1])
        if low in _CLAUSE_WORDS or (word.islower() and low in ADVERBS):
            break
        j -= 1
    if head.endswith("s") and head in PERSON_NOUNS | THING_NOUNS:
        s = toks[j + 1][0]
        text = frame[s : toks[i][1]]
        kind = "thing" if any(w[:1].isupper() for w in text.split()) else "unnamed"
        return make_mention(kind, frame, s, toks[i][1])
    return None


def _described(frame: str, s: int, e: int, determiner: str) -> Mention | None:
    text = frame[s:e].rstrip(",;:.")
    words = text.split()
    head = bare(words[-1])
    capital = any(w[:1].isupper() for w in words[1:])
    if head in PERSON_NOUNS:
        if determiner in _DEFINITE and not POSSESSIVE.search(words[1] if len(words) > 1 else ""):
            return make_mention("person", frame, s, s + len(text))
        return make_mention("thing" if capital else "unnamed", frame, s, s + len(text))
    return make_mention("thing", frame, s, s + len(text))


# --- the phrase after a point -----------------------------------------------------------------


def np_after(frame: str, pos: int) -> Mention | None:
    """The speaker after a verb: `said Doe`, `said Rep. Jane Doe (D-Ohio), …`, `said the official`,
    `according to Pentagon officials`."""
    toks = _tokens(frame, pos, _edge_after(frame, pos, 200))
    if not toks:
        return None
    word = _word(frame, toks[0])
    low = bare(word)
    if low in _SUBJECT_PRONOUNS:
        return make_mention("pronoun", frame, toks[0][0], toks[0][0] + len(word.rstrip(".,;:")))
    if low in DETERMINERS:
        return _description_forward(frame, toks, 0)
    if _is_cap(word) and low not in NOT_NAMES:
        return _name_forward(frame, toks, 0)
    if low in _TIME_WORDS:
        return None
    k = _descriptors_to_name(frame, toks, 0)
    if k is not None:
        return _name_forward(frame, toks, k)  # `said 9/11 widow Jane Doe`, `talk radio host Doe`
    if word.islower():
        return _plural_forward(frame, toks, 0)
    return None


def _descriptors_to_name(frame: str, toks, i: int) -> int | None:
    """Index of a name that a few lower-case words describe (`conservative radio host Doe`)."""
    for k in range(i, min(len(toks), i + 6)):
        word = _word(frame, toks[k])
        if _is_cap(word) and bare(word) not in NOT_NAMES:
            return k if k > i else None
        if word == "of" and k > i and k + 1 < len(toks) and _word(frame, toks[k + 1]).islower():
            continue  # `master of ceremonies Jane Doe`, `former secretary of state Jane Doe`
        if _ends_clause(word) or bare(word) in _PHRASE_ENDS or bare(word) in CONNECTORS:
            return None
        if not (word.islower() or word[0].isdigit()):
            return None
    return None


def _name_forward(frame: str, toks, i: int) -> Mention | None:
    """A name starting at token i: `Rep. Jane Doe (D-Ohio)`, `Democratic presidential nominee Jane
    Doe`, or a name that only says whose (`Pentagon officials`, `Doe campaign`)."""
    j = _run_end(frame, toks, i)
    if j == i:
        return None
    last = _word(frame, toks[j - 1])
    if POSSESSIVE.search(last.rstrip(",;:.")):
        return _possessive_forward(frame, toks, i, j)
    if _ends_clause(last) or j >= len(toks):
        return make_mention("name", frame, toks[i][0], toks[j - 1][1])
    k = _descriptors_to_name(frame, toks, j)
    run = frame[toks[i][0] : toks[j - 1][1]]
    if k is not None and all(is_title(w) for w in strip_parens(run).split()):
        # `Democratic presidential nominee Jane Doe`: the capitals were only titles
        return make_mention("name", frame, toks[i][0], toks[_run_end(frame, toks, k) - 1][1])
    if k is not None and (any(bare(_word(frame, t)) in PERSON_NOUNS for t in toks[j:k]) or _is_role(frame, toks, j, k)):
        # `Acme Corp. food analyst Jane Doe`: the first capitals only say where she works
        return make_mention("name", frame, toks[k][0], toks[_run_end(frame, toks, k) - 1][1])
    if k is None and bare(_word(frame, toks[j])) in NOUNS:
        # `Pentagon officials`, `the Doe campaign`: the name only says whose
        while j + 1 < len(toks) and bare(_word(frame, toks[j + 1])) in NOUNS:
            if _ends_clause(_word(frame, toks[j])):
                break
            j += 1
        return make_mention("thing", frame, toks[i][0], toks[j][1])
    return make_mention("name", frame, toks[i][0], toks[j - 1][1])


# Endings of nouns for someone who does something: `contractor`, `harbour master`, `pianist`.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")
# Words with those endings that are no one's role.
_NOT_ROLES = frozenset(
    "after under over later never ever other either whether rather together another further "
    "earlier sooner longer current recent decent frequent different patient".split()
)


def _is_role(frame: str, toks, j: int, k: int) -> bool:
    """True when the one or two lower-case words from token j to the name at token k say what
    the person does (`Dredging contractor Jane Doe`, `Port harbour master Jane Doe`), so the
    capitals before them only describe her. A verb (`Doe met Roe`, `Doe quotes former aide Roe`)
    or a preposition (`Doe went after Roe`) there is no role."""
    words = [_word(frame, t) for t in toks[j:k]]
    if not 1 <= len(words) <= 2 or not all(w.islower() and w.isalpha() for w in words):
        return False
    if any(w.endswith(("ed", "s")) or w in _NOT_ROLES for w in words):
        return False
    last = words[-1]
    return len(last) > 4 and (last.endswith(_AGENT_ENDINGS) or is_title(last))


def _run_end(frame: str, toks, i: int) -> int:
    """Index just past a run of capitalised words (with connectors) starting at token i."""
    j = i
    while j < len(toks):
        word = _word(frame, toks[j])
        if _is_cap(word):
            j += 1
            if _ends_clause(word) or POSSESSIVE.search(word.rstrip(",;:.")):
                break
        elif word in CONNECTORS and j + 1 < len(toks) and _is_cap(_word(frame, toks[j + 1])):
            j += 1
        else:
            break
    return j


def _possessive_forward(frame: str, toks, i: int, j: int) -> Mention | None:
    """`Trump's spokesman Jason Miller` names Miller; `Obama's former strategist` describes."""
    head = None
    k = j
    while k < len(toks) and k - j < 4:
        word = _word(frame, toks[k])
        if _is_cap(word) and bare(word) not in NOT_NAMES:
            return _name_forward(frame, toks, k)
        if not word.islower():
            break
        if bare(word) in NOUNS:
            head = k
        elif head is not None:
            break
        if _ends_clause(word):
            break
        k += 1
    if head is None:
        return None
    return make_mention("thing", frame, toks[i][0], toks[head][1])


def _description_forward(frame: str, toks, i: int) -> Mention | None:
    """`the American defense official`, `a spokesman for Wells Fargo`, `the New York Times`,
    `a Government Accountability Office report`: the last noun of the phrase is its head."""
    determiner = bare(_word(frame, toks[i]))
    head = _head_noun(frame, toks, i + 1)
    if head is not None:
        named = _name_in_apposition(frame, toks, head)
        if named is not None:
            return named  # `the former president Jane Doe`, `the group Human Rights Watch`
        return _described(frame, toks[i][0], _extend_with_body(frame, toks, head), determiner)
    k = _descriptors_to_name(frame, toks, i + 1)
    if k is not None and _name_ends_phrase(frame, toks, k):
        return _name_forward(frame, toks, k)  # `the event organiser Open Streets Alliance`
    k = i + 1
    while k < len(toks) and not _ends_clause(_word(frame, toks[k - 1])):
        word = _word(frame, toks[k])
        if not (_is_cap(word) or (word in CONNECTORS and k + 1 < len(toks) and _is_cap(_word(frame, toks[k + 1])))):
            break
        k += 1
    if k > i + 1:
        return make_mention("thing", frame, toks[i][0], toks[k - 1][1])  # the New York Times
    return None


def _name_in_apposition(frame: str, toks, head: int) -> Mention | None:
    """The name right after a description's noun: `the group` `Human Rights Watch`."""
    k = head + 1
    if k >= len(toks):
        return None
    if _word(frame, toks[head]).endswith(","):
        return _name_between_commas(frame, toks, k)  # `the port's operations chief, Jane Doe, said`
    if _ends_clause(_word(frame, toks[head])):
        return None
    word = _word(frame, toks[k])
    if not _is_cap(word) or bare(word) in NOT_NAMES or not _name_ends_phrase(frame, toks, k):
        return None
    return _name_forward(frame, toks, k)


def _name_between_commas(frame: str, toks, k: int) -> Mention | None:
    """A name set off by commas after a description: `the agency's director, Jane Doe,`."""
    word = _word(frame, toks[k])
    if not _is_cap(word) or bare(word) in NOT_NAMES:
        return None
    j = _run_end(frame, toks, k)
    if not _word(frame, toks[j - 1]).endswith(",") or POSSESSIVE.search(_word(frame, toks[j - 1]).rstrip(",")):
        return None
    return make_mention("name", frame, toks[k][0], toks[j - 1][1])


def _name_ends_phrase(frame: str, toks, k: int) -> bool:
    """True when the capitals from token k end the phrase (`the group Human Rights Watch said`),
    rather than describe a noun after them (`the top British medical journal`)."""
    j = _run_end(frame, toks, k)
    if j >= len(toks) or _ends_clause(_word(frame, toks[j - 1])):
        return True
    nxt = _word(frame, toks[j])
    return nxt[0] == "(" or bare(nxt) in _CLAUSE_WORDS or bare(nxt) in _PHRASE_ENDS


def _extend_with_body(frame: str, toks, j: int) -> int:
    """`a spokesman for Wells Fargo`: keep the body a description hangs on."""
    end = toks[j][1]
    if _ends_clause(_word(frame, toks[j])):
        return end
    k = j + 1
    if k < len(toks) and _word(frame, toks[k]) in ("for", "of", "at"):
        m = k + 1
        if m < len(toks) and _word(frame, toks[m]) == "the":
            m += 1
        n = m
        while n < len(toks) and _is_cap(_word(frame, toks[n])):
            n += 1
            if _ends_clause(_word(frame, toks[n - 1])):
                break
        if n > m:
            end = toks[n - 1][1]
    return end


def _plural_forward(frame: str, toks, i: int) -> Mention | None:
    """`according to officials`, `according to council records`: a bare plural noun phrase."""
    head = _head_noun(frame, toks, i, limit=5)
    if head is None:
        return None
    return _described(frame, toks[i][0], _extend_with_body(frame, toks, head), "")


def _head_noun(frame: str, toks, j: int, limit: int = 8) -> int | None:
    """The last noun of the noun phrase starting at token j (`Pentagon officials`, `council
    records`), stopping at a verb after a noun, a clause word or the end of a clause."""
    head = None
    first = j
    while j < len(toks) and j - first < limit:
        word = _word(frame, toks[j])
        low = bare(word)
        if low in _PHRASE_ENDS or not (word[0].isupper() or word[0].islower() or word[0].isdigit()):
            break
        if low in NOUNS:
            head = j
        elif head is not None and not word[0].isupper():
            break  # a verb after the noun: `the report found`
        if _ends_clause(word):
            break
        j += 1
    return head


# --- the subject of a sentence ----------------------------------------------------------------


def subject_at(frame: str, start: int, limit: int) -> Mention | None:
    """Who a sentence starting at `start` is about, when it opens with a name, a pronoun or a
    description followed by its verb: `In July, Doe dismissed it as …` → Doe."""
    toks = _tokens(frame, start, _edge_after(frame, start, max(0, min(limit, start + 220) - start)))
    if not toks:
        return None
    i = _skip_intro(frame, toks)
    if i is None or i >= len(toks):
        return None
    mention = _subject_from(frame, toks, i)
    for _ in range(2):
        if mention is not None or i == 0 or i >= len(toks):
            break
        # `On Thursday, after a long silence, Doe …`: one opening phrase after another
        nxt = _phrase_end(frame, toks, i) if _opens_phrase(frame, toks, i) else None
        if not nxt:
            break
        i += nxt
        mention = _subject_from(frame, toks, i) if i < len(toks) else None
    if mention is None and i == 0:
        comma = next((k for k in range(min(len(toks), 10)) if _word(frame, toks[k]).endswith(",")), None)
        if comma is not None and comma + 1 < len(toks):
            mention = _subject_from(frame, toks, comma + 1)  # `Twenty years ago, a report said …`
    return mention


_ANY_TOKEN = re.compile(r"\S+")
_SUBORDINATORS = frozenset("though although while when whenever after before as since because if once unless".split())


def fronted_clause_subject(frame: str, start: int, end: int, pos: int) -> Mention | None:
    """The subject of the main clause when the sentence at `start` opens with a subordinate
    clause holding `pos`: `Though she voted for it, Doe …` → Doe. Quotes in the opening clause
    are read over, as words."""
    first = _ANY_TOKEN.search(frame, start, end)  # most sentences open otherwise: no need to read them
    if first is None or bare(first.group()) not in _SUBORDINATORS:
        return None
    toks = [m.span() for m in _ANY_TOKEN.finditer(frame, start, end)]
    if len(toks) < 3:
        return None
    for j in range(1, min(len(toks) - 1, 40)):
        if _word(frame, toks[j]).endswith(","):
            return _subject_from(frame, toks, j + 1) if pos < toks[j][1] else None
    return None


def _subject_from(frame: str, toks, i: int) -> Mention | None:
    word = _word(frame, toks[i])
    low = bare(word)
    if low in _SUBJECT_PRONOUNS:
        mention = make_mention("pronoun", frame, toks[i][0], toks[i][0] + len(word.rstrip(",")))
        nxt = i + 1
    elif low in DETERMINERS:
        mention = _description_forward(frame, toks, i)
        nxt = _after(toks, mention)
    elif _is_cap(word) and low not in NOT_NAMES:
        mention = _name_forward(frame, toks, i)
        nxt = _after(toks, mention)
    else:
        return None
    if mention is None or nxt >= len(toks):
        return None
    follower = _word(frame, toks[nxt])
    last = frame[mention.end - 1 : mention.end + 1]
    if follower[0].islower() or follower[0] == "(" or "," in last:
        return mention
    return None


def _after(toks, mention: Mention | None) -> int:
    if mention is None:
        return len(toks)
    return bisect.bisect_left([s for s, _ in toks], mention.end)


def _phrase_end(frame: str, toks, i: int) -> int | None:
    """How many tokens from i to just past the comma that closes the phrase opening there."""
    if bare(_word(frame, toks[i])) in _RELATIVES:
        for j in range(i, min(len(toks), i + 30)):
            if _word(frame, toks[j]).endswith(","):
                return j + 1 - i
        return None
    return _skip_intro(frame, toks[i:])


def _opens_phrase(frame: str, toks, i: int) -> bool:
    """True when token i opens another phrase before the subject: `after …,`, `which …,`."""
    low = bare(_word(frame, toks[i]))
    return low in _INTRO_WORDS or low in _RELATIVES or _participle_leads(frame, toks, i)


_LINKS = ("but", "and", "so", "yet", "still", "also", "now", "then", "meanwhile", "however", "even")


def _participle_leads(frame: str, toks, i: int) -> bool:
    """`Continuing to explain his view,`, `Citing the report,`: an -ing word opening a phrase.
    Not a name that ends in -ing (`Manning said`, `Fleming, the coach,`)."""
    word = _word(frame, toks[i])
    low = bare(word)
    if len(low) < 6 or not low.endswith("ing") or word.endswith(",") or i + 1 >= len(toks):
        return False
    nxt = bare(_word(frame, toks[i + 1]))
    if not _word(frame, toks[i + 1])[:1].islower() or nxt in _PHRASE_ENDS or nxt in _PAST_FORMS:
        return False
    return not nxt.endswith(("ed", "s"))  # `Manning voted`, `Fleming says`: a name and its verb


# Past forms that do not end in -ed, after which an -ing word is a name (`Fleming told …`).
_PAST_FORMS = frozenset(
    "told said wrote spoke made gave took went got met won led ran saw came knew thought felt left kept put set let".split()
)


def _skip_intro(frame: str, toks) -> int | None:
    """Past `But`, `In July,`, `WASHINGTON —` and the like at the start of a sentence."""
    i = 0
    while i < min(2, len(toks) - 1) and bare(_word(frame, toks[i])) in _LINKS:
        if _word(frame, toks[i]).endswith(","):
            return i + 1
        i += 1  # `And then Doe …`
    if i >= len(toks):
        return None
    word = _word(frame, toks[i])
    if word.endswith(",") and (bare(word).endswith("ly") or bare(word) in NOT_NAMES):
        return i + 1  # `Conversely, Doe …`
    if bare(word).split("-")[0] in _NUMBER_WORDS:
        word = "in"  # `Twenty years ago, …` reads like an opening phrase
    wire = _wire_dateline(frame, toks, i)
    if wire is not None:
        return wire
    intro = bare(word) in _INTRO_WORDS or _is_dateline(word) or _adverb_leads_intro(frame, toks, i)
    if intro or _participle_leads(frame, toks, i):
        for j in range(i, min(len(toks), i + 30)):
            w = _word(frame, toks[j])
            if w in DASHES:
                return j + 1
            if w.endswith(",") and not _is_dateline(w) and not _continues_place(frame, toks, j):
                if j + 1 < len(toks) and re.fullmatch(r"\d{4},", _word(frame, toks[j + 1])):
                    return j + 2  # `On July 6, 2015, Doe …`
                return j + 1
        # an -ing word with no comma after its phrase opens no phrase: `Dredging contractor Jane Doe met …`
        return None if intro else i
    return i


_LEAD_ADVERBS = frozenset("early late shortly soon long just right back later earlier".split())
_WIRE_TAG = re.compile(r"\([A-Z][A-Za-z]{1,8}\)$")


def _adverb_leads_intro(frame: str, toks, i: int) -> bool:
    """`Early in his campaign,`, `Shortly after the vote,`: an adverb before an opening phrase."""
    low = bare(_word(frame, toks[i]))
    if i + 1 >= len(toks) or not (low in _LEAD_ADVERBS or (low.endswith("ly") and len(low) > 4)):
        return False
    return bare(_word(frame, toks[i + 1])) in _INTRO_WORDS


def _wire_dateline(frame: str, toks, i: int) -> int | None:
    """Past `Washington (AFP) –` or `Paris, France (Reuters) -`: a place, the agency's tag and a dash."""
    for j in range(i + 1, min(len(toks) - 1, i + 5)):
        if _WIRE_TAG.match(_word(frame, toks[j])):
            return j + 2 if _word(frame, toks[j + 1]) in DASHES else None
    return None


def _is_dateline(word: str) -> bool:
    letters = word.strip(",.—-")
    return len(letters) >= 3 and letters.isupper() and letters.isalpha()


def _continues_place(frame: str, toks, j: int) -> bool:
    """`in Coral Springs, Florida, Clinton …`: a comma inside a place name does not end the intro."""
    if j + 1 >= len(toks):
        return False
    nxt = _word(frame, toks[j + 1])
    if j + 2 < len(toks) and f"{nxt} {_word(frame, toks[j + 2]).rstrip(',')}" in _TWO_WORD_PLACES:
        return _word(frame, toks[j + 2]).endswith(",")  # `in Salem, New Hampshire, Doe …`
    return nxt.endswith(",") and _is_cap(nxt) and _is_cap(_word(frame, toks[j]).rstrip(","))


# States and provinces of two words, which follow a town after a comma.
_TWO_WORD_PLACES = frozenset(
    (
        "New Hampshire",
        "New York",
        "New Jersey",
        "New Mexico",
        "North Carolina",
        "South Carolina",
        "North Dakota",
        "South Dakota",
        "West Virginia",
        "Rhode Island",
        "New Brunswick",
        "Nova Scotia",
        "British Columbia",
        "New South Wales",
        "Northern Ireland",
    )
)
