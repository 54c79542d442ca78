"""Speech verbs in news copy and whom each one credits: `Doe said`, `said Doe`, `according
to Doe`, `written by Doe`, `the council issued a statement calling it …`.

Verbs are found word by word in a set, so nothing is built when the program starts; the
person or body next to each verb is read with the phrase readers of `phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.extract import names
from factcheck.extract.names import Mention
from factcheck.extract.phrases import np_after, np_before

# Verbs that introduce speech or writing, with the -ing forms that hang off a sentence's subject.
SPEECH_VERBS = (
    "said says say saying added adds adding told tells telling wrote writes writing asked asks asking "
    "continued continues explained explains explaining noted notes noting stated states declared declares "
    "argued argues arguing insisted insists insisting claimed claims claiming recalled recalls warned warns "
    "warning tweeted tweets tweeting posted replied replies responded responds remarked remarks joked jokes "
    "quipped quips acknowledged acknowledges admitted admits conceded concedes complained complains "
    "announced announces observed observes concluded concludes suggested suggests predicted predicts "
    "promised promises vowed vows vowing called calls calling described describes describing labeled "
    "labelled dubbed blasted slammed urged urges urging shouted yelled chanted chanting chants cried exclaimed "
    "testified reported reports stressed stresses stressing emphasized emphasizes cautioned countered contended "
    "maintained maintains mused lamented laments boasted boasts bragged charged charges alleged alleges "
    "agreed agrees echoed repeated reiterated reiterates confirmed confirms denied denies pledged "
    "proclaimed proclaims demanded demands wondered wonders texted emailed whispered screamed recounted "
    "recounts disclosed revealed reveals threatened opined retorted snapped interjected summed concurred "
    "sings sang sing singing praised praises accused accuses accusing condemned condemns condemning "
    "criticized criticizes criticizing dismissed dismisses mocked mocks mocking branded brands "
    "likened likens compared compares call learned learns announcing asserted asserts asserting cited cites "
    "citing hailed hails promising referenced references referencing remembered found finds assured assures speculated "
    "answered answers barked fumed scoffed gushed raged reacted reacts retorts opines pressed "
    "yelling shouting screaming responding replying declaring joking quipping recalling boasting complaining "
    "suggesting predicting stating answering affirms affirmed elaborated elaborates beamed exhorted "
    "repeat repeats repeating echo echoes echoing interjects interjecting mention mentions mentioned mentioning"
).split()
# Verbs that may come before their speaker: `"…," said Doe`.
INVERTING_VERBS = frozenset(
    "said says added adds asked asks wrote writes continued continues explained explains noted notes "
    "recalled recalls replied replies responded responds remarked remarks joked jokes quipped quips "
    "argued argues insisted insists declared declares stated states observed observes concluded "
    "warned warns cautioned countered shouted yelled cried exclaimed tweeted reported reports "
    "acknowledged admitted concedes conceded agrees agreed opined opines answered answers reacted fumed barked "
    "retorted snapped scoffed wondered boasted remembered mused beamed exhorted".split()
)
# Phrases that work as one speech verb, by their first word: `according to Doe`, `written by Doe`,
# `as Doe put it`, `Doe went on to say`.
_PHRASE_TAILS = {
    "according": (" to",),
    "According": (" to",),
    "written": (" by",),
    "penned": (" by",),
    "coined": (" by",),
    "uttered": (" by",),
    "spoken": (" by",),
    "tweeted": (" by",),
    "posted": (" by",),
    "sung": (" by",),
    "described": (" by",),
    "put": (" it",),
    "puts": (" it",),
    "went": (" on to say", " on to add", " on to write", " on,", " on."),
    "goes": (" on to say",),
    "pointed": (" out",),
    "points": (" out",),
    "quoted": (" as saying",),
    "shot": (" back",),
    "fired": (" back",),
    "hit": (" back",),
}
# A capitalised verb opens a sentence and comes before its speaker: `Said Doe: "…"`.
_SPEECH_WORDS = frozenset(SPEECH_VERBS) | {
    "Said",
    "Says",
    "Added",
    "Asked",
    "Wrote",
    "Continued",
    "Explained",
    "Replied",
    "Recalled",
    "Stated",
    "Declared",
}
_FIRST_WORDS = _SPEECH_WORDS | _PHRASE_TAILS.keys()
WORDS = re.compile(r"[A-Za-z]{3,}")  # words of three letters or more, as every speech verb is (`say`)


def speech_verbs(frame: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every speech verb or phrase in frame[start:end], whole words only.

    The words of the text are looked up in a set, and only the few verbs it holds are then
    found in place: faster than one regex alternation of all the verbs, and nothing to
    build when the program starts."""
    end = len(frame) if end is None else end
    found: list[tuple[int, int]] = []
    for s, e in _whole_words(frame, start, end, _FIRST_WORDS.intersection(WORDS.findall(frame, start, end))):
        word = frame[s:e]
        if (found and s < found[-1][1]) or (s and frame[s - 1] in "-\u2019'"):
            continue  # `say` in `went on to say`; `so-called` is no speech verb, nor is `said-so`
        tails = _PHRASE_TAILS.get(word)
        if tails is not None:
            tail = next((t for t in tails if frame.startswith(t, e) and _word_ends(frame, e + len(t), end)), None)
            if tail is not None:
                found.append((s, e + len(tail)))
                continue
        if word in _SPEECH_WORDS and (e >= end or frame[e] != "-"):
            found.append((s, e))
    return found


def _whole_words(frame: str, start: int, end: int, words) -> list[tuple[int, int]]:
    """Where each of `words` stands as a whole word in frame[start:end], in order."""
    spans = []
    for word in words:
        k = frame.find(word, start, end)
        while k >= 0:
            e = k + len(word)
            if not ((k > start and _is_word_char(frame[k - 1])) or (e < end and _is_word_char(frame[e]))):
                spans.append((k, e))
            k = frame.find(word, e, end)
    spans.sort()
    return spans


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_ends(frame: str, pos: int, end: int) -> bool:
    return pos <= end and (pos == end or not (frame[pos].isalnum() or frame[pos] in "_-"))


class Attribution:
    """A speech verb (or "according to") and who it credits."""

    __slots__ = ("verb_start", "verb_end", "mention")

    def __init__(self, verb_start: int, verb_end: int, mention: Mention):
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.mention = mention

    def __repr__(self) -> str:
        return f"Attribution({self.verb_start}, {self.verb_end}, {self.mention!r})"

    @property
    def start(self) -> int:
        return min(self.verb_start, self.mention.start)

    @property
    def end(self) -> int:
        return max(self.verb_end, self.mention.end)


def find_attributions(
    frame: str, start: int = 0, end: int | None = None, surname: Callable[[str, int], bool] | None = None
) -> list[Attribution]:
    """Every speech verb in `frame` with a speaker next to it, in order of position. `surname`
    says whether a title word at a position is the surname of someone the story has named."""
    found = []
    for s, e in speech_verbs(frame, start, end):
        attribution = attribution_at(frame, s, e, surname)
        if attribution is not None:
            found.append(attribution)
    return found


AFTER_QUOTE = re.compile(r"\x00[\s,]*$")


def attribution_at(
    frame: str, verb_start: int, verb_end: int, surname: Callable[[str, int], bool] | None = None
) -> Attribution | None:
    """The speaker of the verb at verb_start: after it (`said Doe`) or before it (`Doe said`)."""
    verb = frame[verb_start:verb_end]
    if verb.endswith(" by") or (verb[0] in "Aa" and verb[1:].lower().startswith("ccording")):
        mention = np_after(frame, verb_end)  # `according to Doe`, `written by Doe`
    elif verb[0].isupper():
        mention = np_after(frame, verb_end)  # `Said Doe: "…"`
    elif verb in INVERTING_VERBS and AFTER_QUOTE.search(frame, max(0, verb_start - 4), verb_start):
        mention = np_after(frame, verb_end) or np_before(frame, verb_start)
    elif (
        verb in INVERTING_VERBS
        and _AFTER_COMMA.search(frame, max(0, verb_start - 3), verb_start)
        and _name_closes_after(frame, verb_end)
    ):
        # `… for Clinton, said Jane Doe, a pollster.` and `The paradox, says Doe, is …`: the verb is
        # inverted after a clause of reported words, and the name after it closes the clause
        mention = np_after(frame, verb_end)
    elif verb.endswith("ing") and _AFTER_COMMA.search(frame, max(0, verb_start - 3), verb_start):
        # `Doe attacked Roe, with whom she clashed on Monday, calling him "a loser"`: a participle
        # after a comma hangs off the sentence's subject, not the noun before the comma
        return None
    else:
        mention = np_before(frame, verb_start)
        if (
            mention is not None
            and verb.endswith("ing")
            and _OBJECT_LEAD.search(frame, max(0, mention.start - 9), mention.start)
        ):
            # `Doe wrote to Mayor Roe asking for "a review"`: a participle after the object of a
            # preposition hangs off the sentence's subject, not the noun before it
            return None
        if mention is None and surname is not None:
            mention = _surname_before(frame, verb_start, surname)
        if mention is not None and verb in _NOUN_LIKE and _after_article(frame, mention.start):
            return None  # `of Republican claims`: a noun, not a speech verb
        mention = _issuer(frame, mention) or mention
    if mention is not None and mention.kind == "name" and names.is_title_word(mention.name, mention.text):
        if surname is None or not surname(mention.name, mention.start):
            return None  # `Republican claims`, `Democratic calls`; but `King said` after Rep. Peter King
    return Attribution(verb_start, verb_end, mention) if mention is not None else None


_AFTER_COMMA = re.compile(r",\s*$")
_OBJECT_LEAD = re.compile(r"\b(?:to|from|at|for|on|about|against|by)\s+$")
_LONE_WORD_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][a-z]+)\s+$")


def _surname_before(frame: str, verb_start: int, surname: Callable[[str, int], bool]) -> Mention | None:
    """`King said "…"` once the story has named Rep. Peter King: a one-word title before the verb
    that is the surname of someone the story names in full."""
    m = _LONE_WORD_BEFORE.search(frame, max(0, verb_start - 30), verb_start)
    if not m or not names.is_title(m.group(1)) or not surname(m.group(1), m.start(1)):
        return None
    return Mention("name", m.group(1), m.group(1), m.start(1), m.end(1))


_CLAUSE_CLOSE = re.compile(r"\s*(?:[,.;:()\n]|$)")


def _name_closes_after(frame: str, verb_end: int) -> bool:
    """True when a name follows the verb and ends its clause: `said Jane Doe,`, `said Doe.`; not
    `said Doe was right`, where Doe is what was said."""
    mention = np_after(frame, verb_end)
    return mention is not None and mention.kind == "name" and _CLAUSE_CLOSE.match(frame, mention.end) is not None


_ISSUING = frozenset("issued issues released releases sent sends published publishes posted posts put puts".split())


def _issuer(frame: str, mention: Mention | None) -> Mention | None:
    """`The council issued a statement calling it "…"`: whoever issued the document said it."""
    if mention is None or mention.kind != "thing" or mention.text.split()[0] not in ("a", "an"):
        return None
    if names.bare(mention.text.split()[-1]) not in names.THING_NOUNS:
        return None
    lo = max(0, mention.start - 30)
    lead = frame[lo : mention.start].rstrip()
    verb_at = lo + max(lead.rfind(" "), lead.rfind("\n")) + 1
    if frame[verb_at : lo + len(lead)] not in _ISSUING:
        return None
    issuer = np_before(frame, verb_at)
    return issuer if issuer is not None and issuer.kind in ("name", "thing", "pronoun", "person") else None


# Speech verbs that are also plural nouns: read as verbs only when no article or preposition leads.
_NOUN_LIKE = frozenset(
    "claims calls reports notes charges states tweets promises remarks demands vows pledges comments "
    "says posts writes".split()
)
_NOUN_LEADS = frozenset("of the a an his her their its these those with for about on in by to from and".split())


def _after_article(frame: str, pos: int) -> bool:
    """True when the word just before pos (a whole word, then a space) makes what follows a noun."""
    lo = max(0, pos - 12)
    head = frame[lo:pos].rstrip()
    if len(head) == pos - lo or not head:
        return False
    word = head.split()[-1]
    if len(head) == len(word) and lo > 0:
        return False  # the word may go on before the window
    return word.lower() in _NOUN_LEADS
