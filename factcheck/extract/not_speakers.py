"""Capitalized words that look like a speaker's name and are not one: places, days and
months, and the Title-Case or capital-letter words of a headline or a section title.

A place speaks only as a state does, as the subject of a speech verb ("Russia said",
"China has said"); after a comma it is where someone is from ("Harry Bond, of Raleigh,
N.C., said"). A day or a month never speaks. A headline's words never do.
"""

from __future__ import annotations

import functools
import re

from factcheck.extract.phrases import DASHES
from factcheck.extract.verbs import SPEECH_VERBS

DAYS_AND_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thurs fri sat sun""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming"""
_TWO_WORD_STATES = ["new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
                    "south carolina", "south dakota", "rhode island", "west virginia", "puerto rico"]  # fmt: skip
# Postal and AP abbreviations, as written after a town ("Raleigh, N.C.").
_STATE_ABBREVIATIONS = """ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass.
    mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn.
    vt. va. wash. w.va. wis. wyo. d.c."""
_COUNTRIES = """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
    belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad chile china colombia congo
    croatia cuba cyprus denmark ecuador egypt eritrea estonia ethiopia finland france germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
    jordan kazakhstan kenya kosovo kuwait laos latvia lebanon libya lithuania malaysia mali mexico moldova
    mongolia morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan
    panama paraguay peru philippines poland portugal qatar romania russia rwanda senegal serbia singapore
    slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand
    tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe"""
_MORE_PLACES = ["north korea", "south korea", "south africa", "saudi arabia", "new zealand", "sri lanka",
                "united states", "united kingdom", "great britain", "britain", "england", "scotland", "wales",
                "europe", "asia", "africa", "latin america", "middle east", "gaza", "west bank", "crimea",
                "brussels", "beijing", "moscow", "london", "paris", "berlin", "tokyo", "tehran", "kyiv", "kiev",
                "damascus", "baghdad", "kabul", "islamabad", "jerusalem", "ankara", "cairo", "new delhi", "seoul",
                "pyongyang", "havana", "caracas", "chicago", "los angeles", "boston", "atlanta", "houston",
                "dallas", "miami", "philadelphia", "detroit", "denver", "seattle", "san francisco", "orlando",
                "las vegas", "phoenix", "raleigh", "charlotte", "cleveland", "baltimore", "manhattan", "brooklyn",
                "iowa city", "des moines", "salem", "concord", "manchester", "columbia", "charleston"]  # fmt: skip
PLACES = frozenset(
    _STATES.split() + _TWO_WORD_STATES + _STATE_ABBREVIATIONS.split() + _COUNTRIES.split() + _MORE_PLACES
)
# Places that are also names people carry ("Georgia Smith", "Chad Jones", "Jordan Lee") or
# that name a body as often as a place ("Washington said" is the US government): they are
# rejected only where a comma sets them off as where someone is from.
_ALSO_NAMES = frozenset("georgia chad jordan washington india virginia columbia charlotte salem concord".split())

_NEXT_VERB = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+|again\s+|later\s+|on\s+\w+\s+)?(?P<v>[a-z]+)\b")
_APPOSITION = re.compile(r",[^,\n\x00]{3,90},")
_SMALL_WORDS = frozenset(
    "a an the of to in on at for and or but by with from as is are was vs. vs v. into over".split()
)
_WORD = re.compile(r"[^\W\d_][\w\u2019'\-.]*")


def key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019s", "").replace("'s", "").split())


def is_place(name: str) -> bool:
    return key(name) in PLACES


def is_day_or_month(name: str) -> bool:
    return key(name).rstrip(".") in DAYS_AND_MONTHS


def not_a_person(name: str) -> bool:
    """A place, a day or a month: never what "he" or "she" points back to."""
    return is_place(name) or is_day_or_month(name)


def not_a_speaker(frame: str, start: int, end: int, name: str) -> bool:
    """The name at frame[start:end] cannot have said anything: a day or a month, a place that
    is not itself the subject of a speech verb, or the words of a headline."""
    if is_day_or_month(name):
        # "Jun wrote", "April said": a month's name is also a person's when it speaks
        return key(name).rstrip(".") in _WEEKDAYS or not _speaks(frame, end)
    if is_place(name):
        if frame[max(0, start - 3) : start].rstrip().endswith(","):
            return True  # "of Raleigh, N.C., who was polled, said": where the speaker is from
        if key(name) not in _ALSO_NAMES and not _speaks(frame, end):
            return True
    return in_headline(frame, start)


def _speaks(frame: str, end: int) -> bool:
    """A speech verb right after the name: "Russia said", "China has warned"."""
    m = _NEXT_VERB.match(frame, end)
    if m and m.group("v").lower() in _speech_verbs():
        return True
    # "China, Pyongyang's only ally, said": the verb after an apposition
    apposition = _APPOSITION.match(frame, end)
    m = _NEXT_VERB.match(frame, apposition.end()) if apposition else None
    return m is not None and m.group("v").lower() in _speech_verbs()


@functools.cache
def _speech_verbs() -> frozenset:
    return frozenset(SPEECH_VERBS)


def in_headline(frame: str, pos: int) -> bool:
    """The line holding pos reads as a headline or a section title: every word that is not a
    small word is capitalized, or the line is in capitals."""
    ls = frame.rfind("\n", 0, pos) + 1
    le = frame.find("\n", pos)
    line = frame[ls : len(frame) if le < 0 else le]
    if "\x00" in line or "\u2015" in line or "\u2014" in line:
        return False  # a quote, or a dash credit after one: `"…" ― Jane Doe`
    if line.lstrip()[:1] in DASHES:
        return False  # a credit line under a quote: `-Jane Doe, Dunmore.`
    if line.rstrip().endswith(('."', ".\u201d")):
        return False  # the credit line that closes a pull quote: `"…¶Jane Doe, Leith Trust."`
    words = _WORD.findall(line)
    if len(words) < 3 or len(words) > 20:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 8 and all(c.isupper() for c in letters):
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 3 and all(w[0].isupper() for w in content)
