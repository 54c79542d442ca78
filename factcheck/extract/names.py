"""Names as news copy writes them: the words around a name, and the name itself.

The vocabulary the speaker and attribution readers share (titles, nouns that mean a
person or a body), what a phrase names (`Mention`), a name without its titles
(`Rep. Jane Doe (D-Ohio)` → `Jane Doe`), and the fullest form of a name a story uses.
"""

from __future__ import annotations

import bisect
import functools
import re

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
    pastor rabbi imam cardinal archbishop
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
    continued explained replied recalled stated declared
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
    congressman republicans democrats opponents protesters demonstrators campaigners workers employees
    neighbours neighbors parents students teachers researchers scientists witnesses organizers organisers
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
    records documents data figures estimates statistics filings polls reports files emails papers
    projections numbers analyses studies surveys journal outlet station broadcaster tabloid publication
    city county town state district authority authorities hospital school university army military accounts
    inquiry
    """.split()
)

NOUNS = PERSON_NOUNS | THING_NOUNS
CONNECTORS = frozenset("of for the de van von bin al del da du la le der den di".split())
PARTICLES = CONNECTORS - {"of", "for", "the"}
# Last words that make a name a company or a body, which "he" or "she" never points back to.
ORGANIZATION_ENDS = frozenset(
    """
    corp corporation inc co company ltd llc plc group holdings partners securities associates bank
    airlines motors industries international department bureau center institute university college
    council commission committee agency office ministry court administration foundation association
    union coalition fund board service society league federation organization party times post news
    journal network house review tribune herald gazette chronicle magazine
    """.split()
)
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


class Mention:
    """What a phrase names: a `name`, a `pronoun`, a `person` described ("the official"),
    a `thing` (a body or document, or a person known only by description), or `unnamed`.

    A plain class, not a dataclass: thousands are made per draft, and a dataclass costs
    start-up time to build."""

    __slots__ = ("kind", "text", "name", "start", "end")

    def __init__(self, kind: str, text: str, name: str, start: int, end: int):
        self.kind = kind
        self.text = text  # as written
        self.name = name  # the name without titles; for other kinds, the words without a leading article
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Mention({self.kind!r}, {self.text!r}, {self.name!r}, {self.start}, {self.end})"


# Words that take a full stop without ending a sentence: titles, name suffixes, states.
SHORT_FORMS = frozenset(
    """
    mr mrs ms dr prof rev sen sens rep reps gov govs lt gen col maj capt sgt cmdr adm del hon atty supt
    insp det pres sec jr sr st mt ft no nos vs inc co corp ltd bros dept univ ave blvd
    ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore
    pa tenn tex va vt wash wis wyo
    """.split()
)


def is_abbreviation(word: str) -> bool:
    """True when `word` followed by a full stop is an abbreviation or an initial, not a sentence end."""
    if not word:
        return False
    if "." in word or (len(word) == 1 and word.isupper()):
        return True
    return word.lower() in SHORT_FORMS


def bare(word: str) -> str:
    """A word as compared: no edge punctuation, lower case."""
    return word.strip(".,;:()").lower()


# --- names without their titles --------------------------------------------------------------


def make_mention(kind: str, frame: str, s: int, e: int) -> Mention | None:
    """The mention of `kind` spelled by frame[s:e], trailing punctuation off; None for a name
    that is only titles."""
    text = frame[s:e].rstrip(",;: ")
    if text.endswith(".") and not is_abbreviation(text.split()[-1][:-1]):
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


def strip_parens(text: str) -> str:
    """`Jane Doe (D-Ohio)` → `Jane Doe`."""
    return _PAREN.sub("", text)


_BODIES = frozenset(
    "department bureau center centre institute university college school council commission committee agency alliance "
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
        if word in PARTICLES and runs[-1]:
            runs[-1].append(word)  # `Philippe de Cholet`: part of the name
        elif word in CONNECTORS or not word[:1].isupper():
            runs.append([])
        else:
            runs[-1].append(word)
    first = next((run for run in runs if run), [])
    if first and bare(first[-1]) in _BODIES and len(runs) > 1:
        return text  # a body's name: `Department of Veterans Affairs`, `Roper Center for Public Opinion Research`
    for run in runs:
        if all(is_title(w) for w in run):
            surname = _surname_after_honorific(run)
            if surname:
                return surname
            continue  # `Secretary of State John Doe`: the first run is all title
        name = _name_in_run(run)
        if name:
            return name
    return ""


# Courtesy titles: the word after one is a surname, even one spelled like a title (`Mr. King`),
# unless it is an office a person is addressed by (`Mr. President`).
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame".split())
_OFFICES_ADDRESSED = frozenset(
    "president vice speaker chairman chairwoman chair secretary mayor ambassador governor senator minister "
    "prime chancellor commissioner director".split()
)


def _surname_after_honorific(run: list[str]) -> str:
    words = [POSSESSIVE.sub("", w).rstrip(",;:") for w in run]
    if len(words) == 2 and bare(words[0]) in _HONORIFICS and bare(words[1]) not in _OFFICES_ADDRESSED:
        return words[1]
    return ""


def _name_in_run(run: list[str]) -> str:
    words = [POSSESSIVE.sub("", w).rstrip(",;:") for w in run]
    while words and words[0].lower().rstrip(".") in NOT_NAMES:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[-1].lower() in THING_NOUNS:
        return " ".join(words)  # a body: `State Department`, `Republican National Committee`
    titled = [k for k, w in enumerate(words[:-1]) if is_title(w)]
    if titled:
        return " ".join(words[titled[-1] + 1 :])
    return " ".join(words)


def is_title(word: str) -> bool:
    """A word that says what someone is (`Sen.`, `Republican`, `spokesman`), not who."""
    low = word.lower()
    return low in TITLES or low.rstrip(".") in TITLES


# --- full names -------------------------------------------------------------------------------

# A capitalised word; only a title (`Sen.`, `Jr.`) or an initial may carry a full stop, and
# words are spaced on one line, so a run never crosses the end of a sentence or paragraph.
_NAME_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Del|Rev|Prof|Jr|Sr|St|Hon|Cmdr)\."
    r"|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*(?![\w'’\-.]))"
)


def is_organization(name: str) -> bool:
    """`Compaq Computer Corp.`, `Weil & Associates`, `Gallup poll`: a body's or a document's
    name, not a person's."""
    words = name.split()
    if not words:
        return False
    last = words[-1]
    return bare(last) in ORGANIZATION_ENDS or (last.islower() and bare(last) in THING_NOUNS)


def is_title_word(name: str, written: str = "") -> bool:
    """A one-word name that is only a title: `Republican`, `Secretary`; but not the surname
    in `Mr. King`, as `written`."""
    if " " in name or not is_title(name):
        return False
    return not (written and _surname_after_honorific(written.split()))


_MID_SENTENCE = re.compile(r"[a-z,] ")
_RUN_BEFORE = re.compile(r"(?:" + _NAME_WORD + r"[^\S\n]+(?:(?:de|van|von|bin|al|del|da)[^\S\n]+)?){1,5}$")


def _after_possessive(run: str) -> str:
    """`NBC’s Dana Chinn` → `Dana Chinn`: whose she is is no part of her name."""
    words = run.split()
    for k in range(len(words) - 2, -1, -1):
        if POSSESSIVE.search(words[k]):
            return " ".join(words[k + 1 :])
    return run


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
            plain = POSSESSIVE.sub("", word).rstrip(".,")
            for at in _ends_of_word(self.frame, self.start, plain, hyphen=True):
                if at and (self.frame[at - 1].isalnum() or self.frame[at - 1] == "-"):
                    continue
                run = _RUN_BEFORE.search(self.frame, max(self.start, at - 80), at)
                if run is None:
                    continue
                name = strip_titles(_after_possessive(self.frame[run.start() : at + len(plain)]))
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
            plain = POSSESSIVE.sub("", word).rstrip(".,")
            mids = _ends_of_word(self.frame, self.start, plain, hyphen=False)
            mid = any(at >= 2 and _MID_SENTENCE.match(self.frame, at - 2) for at in mids)
            self._mid[key] = mid or bool(self._full_uses(word)[0])
        return self._mid[key]

    def is_surname(self, word: str, pos: int) -> bool:
        """Whether the story has named someone in full with `word` last before `pos`: then `King
        said` is Rep. Peter King speaking, not a title without its name."""
        return " " not in word and self.full(word, pos) != word

    def full(self, name: str, pos: int) -> str:
        """The fullest form of `name` used nearest before `pos`; `name` itself when the story has
        not yet named that person in full (a later full name may be someone else of that name)."""
        keys = tuple(_key(w) for w in name.split())
        if not keys:
            return name
        positions, names = self._full_uses(name.split()[-1])
        n = len(keys)
        for k in range(bisect.bisect_right(positions, pos) - 1, -1, -1):
            if names[k][1][-n:] == keys and len(names[k][1]) >= n:
                return names[k][0]
        return name


def _ends_of_word(frame: str, start: int, plain: str, hyphen: bool):
    """Offsets in frame[start:] where `plain` occurs with no letter, digit (nor, with `hyphen`,
    a hyphen) right after it. Plain string search: no pattern to build per name."""
    if not plain:
        return
    k = frame.find(plain, start)
    while k >= 0:
        e = k + len(plain)
        nxt = frame[e : e + 1]
        if not (nxt and (nxt.isalnum() or nxt == "_" or (hyphen and nxt == "-"))):
            yield k
        k = frame.find(plain, k + 1)


def _key(word: str) -> str:
    return POSSESSIVE.sub("", word).rstrip(".,").lower()
