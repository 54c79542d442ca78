"""People and bodies as news copy names them: `Rep. Jane Doe (D-Ohio)`, `the official`, `he`.

Reads a few words before or after a point of the text (a speech verb, a sentence start)
and says who they name. Works on text whose quotes are blanked with BLANK, so a
quote is a hard edge no phrase runs across. No part-of-speech tagger: news copy
puts names in capitals and titles in front of them, which is enough here.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

BLANK = "\x00"

# Words in front of a name that say what a person is, not who: never part of the name.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor rev reverend sir dame lord lady president vice sen sens senator senators
    rep reps representative gov governor lt mayor secretary gen general adm admiral col colonel maj
    capt captain sgt cmdr commander judge justice chairman chairwoman chair speaker leader undersecretary
    under deputy assistant director commissioner attorney prime minister chancellor king queen prince
    princess pope chief officer detective sheriff ambassador spokesman spokeswoman spokesperson press
    house senate majority minority whip former candidate nominee democratic republican democrat
    gop presidential vice-presidential u.s. us american federal national state executive ceo
    founder co-founder host anchor moderator councilman councilwoman del delegate assemblyman
    assemblywoman congressman congresswoman lawmaker activist retired air force army navy marine corps
    defense policy united states homeland security intelligence acting interim incoming outgoing
    chairperson manager campaign communications economist analyst strategist pollster adviser advisor aide
    secretary-general treasurer gubernatorial mayoral independent libertarian party committee
    fellow columnist author editor reporter correspondent historian scholar staff rival superintendent
    councillor councilor councilmember alderman alderwoman supervisor trustee magistrate engineer
    """.split()
)

# Capitalised words that open sentences or name times rather than people.
NOT_NAMES = frozenset(
    """
    the a an but and or so yet in on at if when while after before as for with this that these those it
    he she they we i you his her their our my its there here then now also still even just only asked
    meanwhile however although though since because during despite earlier later last next both many
    most some several all every each other another according under over from to by of like unlike
    instead speaking what why how where who whom which whether not no yes one two three
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today tomorrow yesterday tonight thanks please dear
    """.split()
)

# Heads of a description that means a person.
PERSON_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman spokesperson senator congressman congresswoman lawmaker
    lawmakers governor mayor president candidate nominee businessman businesswoman billionaire lady
    secretary director chairman chairwoman leader leaders aide aides adviser advisers advisor man woman
    executive executives minister ambassador general judge justice lawyer lawyers attorney attorneys
    doctor economist economists analyst analysts strategist professor expert experts host anchor
    moderator activist activists mogul magnate developer chief commander diplomat diplomats envoy
    veteran father mother wife husband son daughter politician representative speaker founder source
    sources member members residents resident voter voters critic critics supporter supporters
    investigator investigators prosecutor prosecutors officer officers police sheriff chair
    congressman republicans democrats
    """.split()
)

# Heads of a description that means a body or a document that can say things.
THING_NOUNS = frozenset(
    """
    report statement article piece ad letter memo campaign website complaint study poll survey
    editorial clip video spot tweet post lawsuit filing document book group committee agency department
    court company organization union association council commission board panel party government
    administration ministry office network newspaper magazine paper release ruling order brief analysis
    review audit investigation indictment motion suit site blog column transcript note email message
    caption headline platform foundation institute center team firm bank service paper op-ed family
    """.split()
)

NOUNS = PERSON_NOUNS | THING_NOUNS
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
_CONNECTORS = frozenset("of for the de van von bin al del da du la le der den di".split())
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
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_CONTRACTED = re.compile(r"(?:he|she|they|i|we)[’'](?:s|re|ve|d|ll|m)$")
_PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][A-Za-z.]*\)?,?$")
_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.?)*$")
_DASHES = frozenset(("\u2014", "\u2015", "\u2013", "--", "-"))


@dataclass(frozen=True)
class Mention:
    """What a phrase names: a `name`, a `pronoun`, a `person` described ("the official"),
    a `thing` (a body or document, or a person known only by description), or `unnamed`."""

    kind: str
    text: str  # as written
    name: str  # the name without titles; for other kinds, the words without a leading article
    start: int
    end: int


# --- tokens ---------------------------------------------------------------------------------


def _tokens(frame: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(frame, lo, hi)]


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


def _bare(word: str) -> str:
    return word.strip(".,;:()").lower()


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


# Words that take a full stop without ending a sentence: titles, name suffixes, states.
SHORT_FORMS = frozenset(
    """
    mr mrs ms dr prof rev sen sens rep reps gov govs lt gen col maj capt sgt cmdr adm del hon atty supt
    insp det pres sec jr sr st mt ft no nos vs inc co corp ltd bros dept univ ave blvd
    ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore
    pa tenn tex va vt wash wis wyo
    """.split()
)


def is_abbreviation(bare: str) -> bool:
    """True when `bare` followed by a full stop is an abbreviation or an initial, not a sentence end."""
    if not bare:
        return False
    if "." in bare or (len(bare) == 1 and bare.isupper()):
        return True
    return bare.lower() in SHORT_FORMS


# --- the phrase before a point ----------------------------------------------------------------


def np_before(frame: str, pos: int) -> Mention | None:
    """The subject of a verb at pos: `Doe said`, `Doe, a spokesman, said`, `he added`, `the
    official said`, `Pentagon officials said`. None for `and said` or a participle."""
    toks = _tokens(frame, _edge_before(frame, pos, 160), pos)
    i = _skip_back_adverbs(frame, toks, len(toks) - 1)
    if i < 0:
        return None
    word = _word(frame, toks[i])
    low = _bare(word)
    if _POSSESSIVE.search(word) or low in DETERMINERS:
        return None  # `Doe's remarks`, `the claims`: a noun, not a speech verb
    if word[-1] == "," and _PARTY_TAG.match(word) and i >= 1:
        return _name_back(frame, toks, i - 1, strip_comma=True)  # `Doe, R-Ky., said`
    if word[-1] == ",":
        return _before_apposition(frame, toks, i)
    if low in _SUBJECT_PRONOUNS and word[-1] not in ".;:":
        return _mention("pronoun", frame, toks[i][0], toks[i][1])
    if _CONTRACTED.match(low):
        return _mention("pronoun", frame, toks[i][0], toks[i][0] + re.match(r"\w+", word).end())  # `He’s`
    if low in _RELATIVES:
        return _relative_antecedent(frame, toks, i)
    if _is_cap(word) and not _ends_clause(word) and low not in NOT_NAMES:
        return _name_back(frame, toks, i)
    if word[-1] in ".;:":
        return None
    return _description_back(frame, toks, i)


def _skip_back_adverbs(frame: str, toks, i: int) -> int:
    while i >= 0:
        word = _word(frame, toks[i])
        low = word.lower()
        if low in ADVERBS or (low.endswith("ly") and word.islower() and len(word) > 4):
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
        if not (first[0].islower() or first[0].isdigit() or first.lower() in DETERMINERS):
            return None  # `In Ohio, Doe said` is no apposition
        head = _word(frame, toks[j]).rstrip(",")
        if _is_cap(head) and _bare(head) not in NOT_NAMES:
            return _name_back(frame, toks, j, strip_comma=True)
        if _bare(head) in _SUBJECT_PRONOUNS:
            return None
        i = j
    return None


def _is_name_run(frame: str, toks, a: int, b: int) -> bool:
    words = [_word(frame, toks[k]).rstrip(",") for k in range(a, b + 1)]
    return all(_is_cap(w) or w in _CONNECTORS for w in words) and _bare(words[0]) not in NOT_NAMES


def _relative_antecedent(frame: str, toks, i: int) -> Mention | None:
    """`Doe, who …` reaches here only when the verb follows `who` directly: `Doe, who said`."""
    if i < 1:
        return None
    prev = _word(frame, toks[i - 1])
    if _is_cap(prev.rstrip(",")) and _bare(prev) not in NOT_NAMES:
        return _name_back(frame, toks, i - 1, strip_comma=True)
    return _description_back(frame, toks, i - 1, strip_comma=True)


def _name_back(frame: str, toks, i: int, strip_comma: bool = False) -> Mention | None:
    """A run of capitalised words (titles, initials, party tags) ending at token i."""
    j = i
    while j >= 0:
        word = _word(frame, toks[j])
        if j < i and (_ends_clause(word) or _POSSESSIVE.search(word)):
            break
        if j == i and strip_comma:
            word = word.rstrip(",")
        if _is_cap(word):
            j -= 1
        elif word in _CONNECTORS and j > 0 and _is_cap(_word(frame, toks[j - 1])):
            j -= 1
        else:
            break
    if j == i:
        return None
    return _mention("name", frame, toks[j + 1][0], toks[i][1])


def _description_back(frame: str, toks, i: int, strip_comma: bool = False) -> Mention | None:
    """`the American defense official`, `Obama's former strategist`, `Pentagon officials`."""
    head = _bare(_word(frame, toks[i]))
    if head not in PERSON_NOUNS and head not in THING_NOUNS:
        return None
    j = i - 1
    while j >= 0 and i - j <= 7:
        word = _word(frame, toks[j])
        low = word.lower()
        if _ends_clause(word) or low in _RELATIVES or low in _SUBJECT_PRONOUNS:
            break
        if _bare(word) in DETERMINERS:
            return _described(frame, toks[j][0] + (1 if word[0] == "(" else 0), toks[i][1], _bare(word))
        if _POSSESSIVE.search(word) and word[0].isupper():
            k = j
            while k - 1 >= 0 and _is_cap(_word(frame, toks[k - 1])) and not _ends_clause(_word(frame, toks[k - 1])):
                k -= 1
            return _mention("thing", frame, toks[k][0], toks[i][1])
        if low in _CLAUSE_WORDS or (word.islower() and low in ADVERBS):
            break
        j -= 1
    if head.endswith("s") and head in PERSON_NOUNS | THING_NOUNS:
        s = toks[j + 1][0]
        text = frame[s : toks[i][1]]
        kind = "thing" if any(w[:1].isupper() for w in text.split()) else "unnamed"
        return _mention(kind, frame, s, toks[i][1])
    return None


def _described(frame: str, s: int, e: int, determiner: str) -> Mention:
    text = frame[s:e].rstrip(",;:.")
    words = text.split()
    head = _bare(words[-1])
    capital = any(w[:1].isupper() for w in words[1:])
    if head in PERSON_NOUNS:
        if determiner in _DEFINITE and not _POSSESSIVE.search(words[1] if len(words) > 1 else ""):
            return _mention("person", frame, s, s + len(text))
        return _mention("thing" if capital else "unnamed", frame, s, s + len(text))
    return _mention("thing", frame, s, s + len(text))


# --- the phrase after a point -----------------------------------------------------------------


def np_after(frame: str, pos: int) -> Mention | None:
    """The speaker after a verb: `said Doe`, `said Rep. Jane Doe (D-Ohio), …`, `said the official`,
    `according to Pentagon officials`."""
    toks = _tokens(frame, pos, _edge_after(frame, pos, 200))
    if not toks:
        return None
    word = _word(frame, toks[0])
    low = _bare(word)
    if low in _SUBJECT_PRONOUNS:
        return _mention("pronoun", frame, toks[0][0], toks[0][0] + len(word.rstrip(".,;:")))
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
        if _is_cap(word) and _bare(word) not in NOT_NAMES:
            return k if k > i else None
        if _ends_clause(word) or _bare(word) in _PHRASE_ENDS or _bare(word) in _CONNECTORS:
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
    if _POSSESSIVE.search(last.rstrip(",;:.")):
        return _possessive_forward(frame, toks, i, j)
    if _ends_clause(last) or j >= len(toks):
        return _mention("name", frame, toks[i][0], toks[j - 1][1])
    k = _descriptors_to_name(frame, toks, j)
    run = frame[toks[i][0] : toks[j - 1][1]]
    if k is not None and all(_is_title(w) for w in _PAREN.sub("", run).split()):
        # `Democratic presidential nominee Jane Doe`: the capitals were only titles
        return _mention("name", frame, toks[i][0], toks[_run_end(frame, toks, k) - 1][1])
    if k is None and _bare(_word(frame, toks[j])) in NOUNS:
        # `Pentagon officials`, `the Doe campaign`: the name only says whose
        while j + 1 < len(toks) and _bare(_word(frame, toks[j + 1])) in NOUNS and not _ends_clause(_word(frame, toks[j])):
            j += 1
        return _mention("thing", frame, toks[i][0], toks[j][1])
    return _mention("name", frame, toks[i][0], toks[j - 1][1])


def _run_end(frame: str, toks, i: int) -> int:
    """Index just past a run of capitalised words (with connectors) starting at token i."""
    j = i
    while j < len(toks):
        word = _word(frame, toks[j])
        if _is_cap(word):
            j += 1
            if _ends_clause(word) or _POSSESSIVE.search(word.rstrip(",;:.")):
                break
        elif word in _CONNECTORS and j + 1 < len(toks) and _is_cap(_word(frame, toks[j + 1])):
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
        if _is_cap(word) and _bare(word) not in NOT_NAMES:
            return _name_forward(frame, toks, k)
        if not word.islower():
            break
        if _bare(word) in NOUNS:
            head = k
        elif head is not None:
            break
        if _ends_clause(word):
            break
        k += 1
    if head is None:
        return None
    return _mention("thing", frame, toks[i][0], toks[head][1])


def _description_forward(frame: str, toks, i: int) -> Mention | None:
    """`the American defense official`, `a spokesman for Wells Fargo`, `the New York Times`,
    `a Government Accountability Office report`: the last noun of the phrase is its head."""
    determiner = _bare(_word(frame, toks[i]))
    head = None
    j = i + 1
    while j < len(toks) and j - i <= 8:
        word = _word(frame, toks[j])
        low = _bare(word)
        if low in _PHRASE_ENDS or not (word[0].isupper() or word[0].islower() or word[0].isdigit()):
            break
        if low in NOUNS:
            head = j
        elif head is not None and not word[0].isupper():
            break  # a verb after the noun: `the report found`
        if _ends_clause(word):
            break
        j += 1
    if head is not None:
        return _described(frame, toks[i][0], _extend_with_body(frame, toks, head), determiner)
    k = i + 1
    while k < len(toks) and not _ends_clause(_word(frame, toks[k - 1])):
        word = _word(frame, toks[k])
        if not (_is_cap(word) or (word in _CONNECTORS and k + 1 < len(toks) and _is_cap(_word(frame, toks[k + 1])))):
            break
        k += 1
    if k > i + 1:
        return _mention("thing", frame, toks[i][0], toks[k - 1][1])  # the New York Times
    return None


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
    """`according to officials`, `according to court records`: a bare plural noun phrase."""
    j = i
    while j < len(toks) and j - i < 4:
        word = _word(frame, toks[j])
        low = _bare(word)
        if low in PERSON_NOUNS or low in THING_NOUNS:
            return _described(frame, toks[i][0], _extend_with_body(frame, toks, j), "")
        if _ends_clause(word):
            break
        j += 1
    return None


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
    if mention is None and i == 0:
        comma = next((k for k in range(min(len(toks), 10)) if _word(frame, toks[k]).endswith(",")), None)
        if comma is not None and comma + 1 < len(toks):
            mention = _subject_from(frame, toks, comma + 1)  # `Twenty years ago, a report said …`
    return mention


def _subject_from(frame: str, toks, i: int) -> Mention | None:
    word = _word(frame, toks[i])
    low = _bare(word)
    if low in _SUBJECT_PRONOUNS:
        mention = _mention("pronoun", frame, toks[i][0], toks[i][0] + len(word.rstrip(",")))
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


def _skip_intro(frame: str, toks) -> int | None:
    """Past `But`, `In July,`, `WASHINGTON —` and the like at the start of a sentence."""
    i = 0
    first = _word(frame, toks[0])
    if _bare(first) in ("but", "and", "so", "yet", "still", "also", "now", "then", "meanwhile", "however", "even"):
        i = 1
        if first.endswith(","):
            return i
    if i >= len(toks):
        return None
    word = _word(frame, toks[i])
    if word.endswith(",") and (_bare(word).endswith("ly") or _bare(word) in NOT_NAMES):
        return i + 1  # `Conversely, Doe …`
    if _bare(word).split("-")[0] in _NUMBER_WORDS:
        word = "in"  # `Twenty years ago, …` reads like an opening phrase
    if _bare(word) in _INTRO_WORDS or _is_dateline(word):
        for j in range(i, min(len(toks), i + 30)):
            w = _word(frame, toks[j])
            if w in _DASHES:
                return j + 1
            if w.endswith(",") and not _is_dateline(w) and not _continues_place(frame, toks, j):
                if j + 1 < len(toks) and re.fullmatch(r"\d{4},", _word(frame, toks[j + 1])):
                    return j + 2  # `On July 6, 2015, Doe …`
                return j + 1
        return None
    return i


def _is_dateline(word: str) -> bool:
    bare = word.strip(",.—-")
    return len(bare) >= 3 and bare.isupper() and bare.isalpha()


def _continues_place(frame: str, toks, j: int) -> bool:
    """`in Coral Springs, Florida, Clinton …`: a comma inside a place name does not end the intro."""
    if j + 1 >= len(toks):
        return False
    nxt = _word(frame, toks[j + 1])
    return nxt.endswith(",") and _is_cap(nxt) and _is_cap(_word(frame, toks[j]).rstrip(","))


# --- what a phrase names ----------------------------------------------------------------------


def _mention(kind: str, frame: str, s: int, e: int) -> Mention | None:
    text = frame[s:e].rstrip(",;: ")
    if text.endswith(".") and _ends_clause(text):
        text = text[:-1]
    e = s + len(text)
    if kind == "name":
        name = strip_titles(text)
        if not name:
            return None
        return Mention("name", text, name, s, e)
    return Mention(kind, text, _drop_article(text), s, e)


def _drop_article(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        return " ".join(words[1:])
    return text


_PAREN = re.compile(r"\s*\([^()]*\)")
_BODIES = frozenset(
    "department bureau center centre institute university college school council commission committee agency "
    "office ministry court administration foundation association union coalition fund corporation board "
    "service society league federation organization party house".split()
)
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


@functools.lru_cache(maxsize=4096)
def strip_titles(text: str) -> str:
    """The name in a titled phrase: `Undersecretary of Defense … Michele Flournoy` → `Michele
    Flournoy`, `Del. Jane Doe of the Virgin Islands` → `Jane Doe`, `Sen. Doe` → `Doe`."""
    text = _PAREN.sub("", text).strip(" ,;:")
    runs: list[list[str]] = [[]]
    for word in text.split():
        if word in _CONNECTORS or not word[:1].isupper():
            runs.append([])
        else:
            runs[-1].append(word)
    first = next((run for run in runs if run), [])
    if first and _bare(first[-1]) in _BODIES and len(runs) > 1:
        return text  # a body's name: `Department of Veterans Affairs`, `Roper Center for Public Opinion Research`
    for run in runs:
        if all(_is_title(w) for w in run):
            continue  # `Secretary of State John Doe`: the first run is all title
        name = _name_in_run(run)
        if name:
            return name
    return ""


def _name_in_run(run: list[str]) -> str:
    words = [_POSSESSIVE.sub("", w).rstrip(",;:") for w in run]
    while words and words[0].lower().rstrip(".") in NOT_NAMES:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[-1].lower() in THING_NOUNS:
        return " ".join(words)  # a body: `State Department`, `Republican National Committee`
    titled = [k for k, w in enumerate(words[:-1]) if _is_title(w)]
    if titled:
        return " ".join(words[titled[-1] + 1 :])
    return " ".join(words)


def _is_title(word: str) -> bool:
    low = word.lower()
    return low in TITLES or low.rstrip(".") in TITLES


# --- full names -------------------------------------------------------------------------------

# A capitalised word; only a title (`Sen.`, `Jr.`) or an initial may carry a full stop, and
# words are spaced on one line, so a run never crosses the end of a sentence or paragraph.
_NAME_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Del|Rev|Prof|Jr|Sr|St|Hon|Cmdr)\."
    r"|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*(?![\w'’\-.]))"
)
def is_title_word(name: str) -> bool:
    return " " not in name and _is_title(name)


_MID_SENTENCE = re.compile(r"[a-z,] ")
_RUN_BEFORE = re.compile(r"(?:" + _NAME_WORD + r"[^\S\n]+(?:(?:de|van|von|bin|al|del|da)[^\S\n]+)?){1,5}$")


class NameIndex:
    """The full names a story uses, so that `Flournoy` can be read as `Michele Flournoy`.

    Looked up lazily, one surname at a time: only the speakers' names are ever needed."""

    def __init__(self, frame: str, start: int):
        self.frame = frame
        self.start = start
        self._uses: dict[str, tuple[list[int], list[tuple[str, tuple[str, ...]]]]] = {}
        self._mid: dict[str, bool] = {}

    def _full_uses(self, word: str) -> tuple[list[int], list[tuple[str, tuple[str, ...]]]]:
        """Where `word` ends a name of two words or more, and that name, titles taken off."""
        key = _key(word)
        if key not in self._uses:
            positions: list[int] = []
            names: list[tuple[str, tuple[str, ...]]] = []
            bare = _POSSESSIVE.sub("", word).rstrip(".,")
            word_re = re.compile(re.escape(bare) + r"(?![\w\-])")  # a literal first: a fast scan
            for m in word_re.finditer(self.frame, self.start):
                at = m.start()
                if at and (self.frame[at - 1].isalnum() or self.frame[at - 1] == "-"):
                    continue
                run = _RUN_BEFORE.search(self.frame, max(self.start, at - 80), at)
                if run is None:
                    continue
                name = strip_titles(self.frame[run.start() : at + len(bare)])
                if " " in name:
                    positions.append(run.start())
                    names.append((name, tuple(_key(w) for w in name.split())))
            self._uses[key] = (positions, names)
        return self._uses[key]

    def known(self, word: str, pos: int) -> bool:
        """True when a single capitalised word is a name elsewhere in the story too: part of a
        full name, or capitalised in the middle of a sentence."""
        key = _key(word)
        if key not in self._mid:
            bare = re.escape(_POSSESSIVE.sub("", word).rstrip(".,"))
            mids = re.compile(bare + r"\b").finditer(self.frame, self.start)
            mid = any(m.start() >= 2 and _MID_SENTENCE.match(self.frame, m.start() - 2) for m in mids)
            self._mid[key] = mid or bool(self._full_uses(word)[0])
        return self._mid[key]

    def full(self, name: str, pos: int) -> str:
        """The fullest form of `name` used nearest before `pos`, or, when it is named in full only
        later and nobody else shares the name, that later form."""
        keys = tuple(_key(w) for w in name.split())
        if not keys:
            return name
        positions, names = self._full_uses(name.split()[-1])
        n = len(keys)
        for k in range(bisect.bisect_right(positions, pos) - 1, -1, -1):
            if names[k][1][-n:] == keys and len(names[k][1]) >= n:
                return names[k][0]
        return name


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word).rstrip(".,").lower()
