"""Who said a quote: the speech verb that credits it (see `verbs`), else the sentence's
subject or a speaker nearby, widened to the full name.

News copy names a speaker in a handful of fixed shapes: `"…," Doe said`, `said Rep.
Jane Doe (D-Ohio), who chairs the panel`, `Doe said: "…"`, `Doe called the plan "a
disaster"`, `"…," he added`, `according to Doe`, `"…" ― Jane Doe`. The text is read
with every quote blanked out, so words inside quotes never look like attributions;
the speaker found is then widened to the fullest form of the name the story uses, and
"he", "she" or "the senator" are read back to the person they point to.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref

from factcheck.extract import names, not_speakers, quote_marks
from factcheck.extract.names import Mention, NameIndex
from factcheck.extract.phrases import fronted_clause_subject, np_after, subject_at, tokens_between
from factcheck.extract.verbs import AFTER_QUOTE, WORDS, Attribution, find_attributions, speech_verbs

BLANK = names.BLANK


def blank_quotes(text: str, parts, kinds=None, strays=()) -> str:
    """The text with every quote (marks included) blanked, same length, so offsets still hold.

    With `kinds` (from `quote_marks.kinds_of_parts`), a title or a nickname is not blanked but read
    as plain words: its marks become spaces, so `On "Face the Nation," Sen. Doe said` still has
    a subject, and a nickname becomes spaces, so `Marcia "Cia" Price` still reads as one name.
    A stray mark (`strays`) becomes a space."""
    if strays:
        text = _spaced(text, strays)

    pieces, cur = [], 0
    for k, q in enumerate(parts):
        if q.mark_start < cur:
            continue
        kind = kinds[k] if kinds is not None else quote_marks.SPEECH
        pieces.append(text[cur : q.mark_start])
        if kind == quote_marks.TITLE:
            pieces.append(" " * (q.start - q.mark_start) + text[q.start : q.end] + " " * (q.mark_end - q.end))
        elif kind == quote_marks.NICKNAME:
            pieces.append(" " * (q.mark_end - q.mark_start))
        else:
            pieces.append(BLANK * (q.mark_end - q.mark_start))
        cur = q.mark_end
    pieces.append(text[cur:])
    return "".join(pieces)


def _spaced(text: str, positions) -> str:
    """The text with a space at each of `positions`."""
    pieces, cur = [], 0
    for k in sorted(positions):
        pieces.append(text[cur:k])
        cur = k + 1
    pieces.append(text[cur:])
    return " ".join(pieces)


# --- putting speakers on quotes -----------------------------------------------------------


_READ: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def read(doc) -> Story:
    """The draft's quotes with their speakers, and its attributions; read once per draft, since
    both the quote and the attribution extractors need them."""
    story = _READ.get(doc)
    if story is None:
        strays: list[int] = []
        parts = quote_marks.quoted_spans(doc.text, doc.body_start, strays)
        kinds = quote_marks.kinds_of_parts(doc.text, parts)
        frame = blank_quotes(doc.text, parts, kinds, strays)
        frame = "\n" * doc.body_start + frame[doc.body_start :]  # front matter is no part of the story
        story = Story(doc, frame)
        story.sentence_quotes = [q.mark_end for q in parts if q.end > q.start and doc.text[q.end - 1] in ".?!"]
        story.quotes = [q for q, kind in zip(parts, kinds) if kind == quote_marks.SPEECH]
        credited = assign(story, story.quotes)
        story.quotes = [
            q
            for q, own in zip(story.quotes, credited)
            if not (_is_scare_quote(story, q) or _is_term_named(story, q, own))
        ]
        _READ[doc] = story
    return story


def _is_scare_quote(story: Story, q) -> bool:
    """A word or two in quote marks that nobody in the story is said to have said, in a sentence
    with no speech verb and no word for something said (`message`, `claim`): a term held at
    arm's length (`the "liquidating trust"`), not a quote. An exclamation or a question is speech,
    and so is a verdict after a linking verb or `as` (`was "unworkable"`, `seen as a "lifeboat"`)."""
    words = story.doc_text[q.start : q.end]
    if q.speaker is not None or len(words.split()) > 3 or words[-1] in "!?":
        return False  # an exclamation or a question is something someone said: `"Stay there!"`
    lead = max(story.start, q.mark_start - 40)
    if _COMPLEMENT_BEFORE.search(story.frame, lead, q.mark_start) or _AS_BEFORE.search(story.frame, lead, q.mark_start):
        if words.lower().strip(".,") not in _PRONOUNS:
            return False  # `the plan was "unworkable"`, `seen as a "lifeboat"`: someone's verdict on something
    para_start, para_end = story.paragraph(q.mark_start)
    s = story.sentence_start(q.mark_start, para_start)
    e = story.sentence_end(q.mark_end, para_end)
    sentence = story.frame[s:e].lower()
    return not speech_verbs(sentence) and _SAID_THINGS.isdisjoint(WORDS.findall(sentence))


# A linking verb before a quote (`was "unworkable"`, `is not a "mistake"`): the words say what
# something is, a verdict someone gave, not a name for a thing.
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|seems?|seemed|remains?|remained|became|becomes?)"
    r"(?:\s+(?:a|an|not|so|too|very|more|most|less|just|really|still|also|simply|merely|only|quite|rather)){0,2}\s*$"
)
# `as` before a quote (`described the plan as "reckless"`, `known as "the gap year"`, `seen as a
# "lifeboat"`): what someone calls a thing, like a verdict after a linking verb. Not `such as`
# or `as well as`, which list things and their names.
_AS_BEFORE = re.compile(r"(?<!such )(?<!well )\bas(?:\s+(?:a|an|the|mere|just|simply)){0,2}\s*$")
_PRONOUNS = frozenset("he she it they him her them i we you".split())

# What may stand before a term that opens its sentence: `The "market accident" would …`.
_TERM_LEADS = frozenset("the a an this that these those its his her their our".split())
# Words that bring a person, or something said, into the sentence: the term may be someone's word.
_SOMEONE = frozenset("word he she they him her them his their i me we us my our".split())
_LETTERS = re.compile(r"[a-z]+")


def _is_term_named(story: Story, q, credited: bool) -> bool:
    """A word or three in quote marks that open a sentence as its subject, at most after `the` or
    `its`, in a sentence with no speech verb: the term itself is talked about (`"Containment" has
    been policy since 1950`, `The "market accident" would hit exporters`), not anyone's words,
    whoever the paragraph quotes around it. A quote with an attribution of its own stays, and so
    does one in a sentence that brings in a person or a word for something said (`"Reckless" was
    her word for it`)."""
    words = story.doc_text[q.start : q.end]
    if credited or len(words.split()) > 3 or words[-1] in ".,;:!?":
        return False  # `"Sad." Doe wrote`, `"Never," she said`: a sentence or a reply is speech
    para_start, para_end = story.paragraph(q.mark_start)
    s = story.sentence_start(q.mark_start, para_start)
    lead = story.frame[s : q.mark_start].split()
    if len(lead) > 1 or lead and lead[0].lower() not in _TERM_LEADS:
        return False
    sentence = story.frame[s : story.sentence_end(q.mark_end, para_end)].lower()
    if speech_verbs(sentence):
        return False
    # `"Reckless" was her word for it`, `"A disgrace" - that was his verdict`: someone's words after all
    words_in = set(_LETTERS.findall(sentence))
    return _SOMEONE.isdisjoint(words_in) and _SAID_THINGS.isdisjoint(words_in)


def assign(story: Story, parts) -> list[bool]:
    """Set `speaker` on every quote part: its own attribution, its sentence's subject, its paragraph's
    attribution, or, for a paragraph of quote alone, the speaker just before it. Returns, for each
    part, whether an attribution of its own names who said it."""
    own = [story.own_mention(q) for q in parts]
    _share_within_lists(story.frame, parts, own)
    _share_within_chains(parts, own)
    for q, mention in zip(parts, own):
        if mention is not None and story.not_a_speaker(mention):
            mention = story.from_where(mention)  # "Harry Bond, 30, of Raleigh, N.C., said"
        if mention is None:
            mention = story.fallback_mention(q)
            if mention is not None and story.not_a_speaker(mention):
                mention = story.from_where(mention)
        q.speaker = story.resolve(mention, q) if mention is not None else story.borrow(q)
        if q.speaker is None and story.author:
            q.speaker = story.author  # a speech, a transcript or an email whose text says whose it is
    return [mention is not None for mention in own]


_LIST_JOINS = frozenset(("and", "or", ",", ", and", ", or"))


def _share_within_lists(frame: str, parts, own) -> None:
    """`as Doe went on about "…" and "…" and "…," Roe said yes`: quotes joined by `and`, `or`
    or a comma are one list, said by whoever said its first item."""
    for k in range(1, len(parts)):
        gap = frame[parts[k - 1].mark_end : parts[k].mark_start]
        if own[k - 1] is not None and len(gap) < 8 and " ".join(gap.split()) in _LIST_JOINS:
            own[k] = own[k - 1]


def _share_within_chains(parts, own) -> None:
    """A quote running over several paragraphs has one speaker, wherever its attribution sits."""
    i = 0
    while i < len(parts):
        j = i
        while j + 1 < len(parts) and parts[j].continues and parts[j + 1].continued:
            j += 1
        found = next((m for m in own[i : j + 1] if m is not None), None)
        for k in range(i, j + 1):
            if own[k] is None:
                own[k] = found
        i = j + 1


_NEXT_CHAR = re.compile(r"\s*(\S)")
_BY_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]+by[^\S\n]+")
# A passive speech verb right before a quote: `was called "…"`, `described as a "…"`.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:called|described|labell?ed|dubbed|branded|termed|deemed|characteri[sz]ed|hailed|derided|denounced)"
    r"(?:[^\S\n]+as)?(?:[^\S\n]+(?:a|an|the))?[^\S\n]*$"
)
# Where a clause with a subject of its own opens: `, and as Doe …`, `while she …`, `When Doe …` at
# the head of the sentence; not `Doe and Roe`.
_CLAUSE_OPENING = re.compile(
    r"(?:,\s+(?:and|but)\s+(?:as\s+|when\s+|while\s+)?|\b(?:[Aa]s|[Ww]hile|[Ww]hen|[Bb]ecause|[Uu]ntil)\s+)"
    r"(?P<who>[A-Z]\w+|he|she|they)\b"
)
_NEW_CLAUSE = re.compile(r"\b(?:but|and|as|while|when|because|until)\s+(?:\w+\s+)?(?:[A-Z]\w+|he|she|they|I|we)\b")
_CLAIM_NOUNS = (
    "claim|claims|statement|remark|remarks|comment|comments|words|promise|pledge|assertion|description|"
    "prediction|warning|accusation|charge|argument|contention|insistence|suggestion|boast|vow|plea|tweet|"
    "response|reply|answer|conclusion|post|message|slogan|catchphrase|verdict"
)
_SAID_NOUN_AFTER = re.compile(r"\s+(?:" + _CLAIM_NOUNS + r"|quip|line|phrase|nickname|label)\b")
_POSSESSOR_BEFORE = re.compile(r"(?P<who>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w\-]*)(?:[\u2019']s|s[\u2019'])\s*$")
# Words for something said, which make a short quote near them someone's words.
_SAID_THINGS = frozenset(_CLAIM_NOUNS.split("|")) | {"message"}


@functools.cache
def _possessive_claim():
    """`Doe's claim that "…"`; compiled on first use, as few drafts need it."""
    return re.compile(
        r"(?P<who>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w\-]*)[\u2019']s\s+(?:[A-Za-z\-]+\s+){0,2}(?:"
        + _CLAIM_NOUNS
        + r")(?:\s+(?:is|was))?[\s,:]+(?:that\s+[^\x00.!?]{0,80}?)?$"
    )


_NAME_COLON = re.compile(
    r"(?P<who>(?:[A-Z][\w.\u2019'\-]*[^\S\n]+){0,4}[A-Z][\w\u2019'\-]*)[^\S\n]*(?:\([^()\n]{1,30}\))?[^\S\n]*:[^\S\n]*$"
)
_FROM_PLACE = re.compile(
    r"(?P<who>[A-Z][\w.\u2019'\-]*(?:[^\S\n]+[A-Z][\w.\u2019'\-]*){0,3}),(?:[^\S\n]+\d{1,3},)?"
    r"[^\S\n]+(?:of|from)[^\S\n]+(?:(?:[A-Z][\w.\u2019'\-]*[^\S\n]*){1,3},[^\S\n]*)?$"
)
_DASH_CREDIT = re.compile(r"\s*[\u2015\u2014\u2013]\s*(?=[A-Z])")
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s+$")
_CREDIT_LINE = re.compile(r"[-\u2015\u2014\u2013]\s*(?=[A-Z])")
_NEXT_PARAGRAPH = re.compile(r"\s*\n\s*(?=[^\s\x00])")
_MESSAGE_FROM_WORD = re.compile(r"\b([a-z]+) (?:of|from)\b")
_MESSAGE_WORDS = frozenset(
    "words message warning verdict view reaction response plea quote remark comment line".split()
)
_NEW_SENTENCE = re.compile(r"\s+[A-Z\x00\"\u201c]")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z\x00\"\u201c])|\n")
_STOP_WORD = re.compile(r"(?:^|[\s(])([A-Za-z][A-Za-z.]*)$")


class Story:
    """One draft read for attributions: its blanked text, speech verbs, names and speakers so far."""

    def __init__(self, doc, frame: str):
        self.quotes: list = []
        self.sentence_quotes: list[int] = []  # ends of quotes whose words end with . ? or !
        self.frame = frame
        self.doc_text = doc.text
        self.start = doc.body_start
        # a headline's capitalised words are no one's full name: `Doe: 'I'm Sure Voters Agree'`
        self.names = NameIndex(frame, doc.body_start, skip=functools.partial(not_speakers.in_headline, frame))
        self.attributions = find_attributions(frame, doc.body_start, surname=self.names.is_surname)
        self.verb_at = [a.verb_start for a in self.attributions]
        self.spoken: list[tuple[int, str]] = []  # (position, speaker) in order of position
        self.named_at: set[int] = set()  # positions of quotes whose speaker a name gave
        self._stop_cache: dict[int, list[int]] = {}
        self._subjects: dict[tuple[int, int], Mention | None] = {}
        self._titles: dict[str, list] = {}  # by the noun of a description: names written with that title
        self.author = document_author(frame, doc.body_start)

    # The quote's own attribution -------------------------------------------------------------

    def not_a_speaker(self, mention: Mention) -> bool:
        """A place, a day, a month or a headline's words taken for a name (see `not_speakers`)."""
        if mention.kind != "name":
            return False
        return not_speakers.not_a_speaker(self.frame, mention.start, mention.end, mention.name)

    def from_where(self, place: Mention) -> Mention | None:
        """The person a place after a comma says where they are from: `Jane Doe, 30, of Raleigh,
        N.C.,` → Jane Doe; None when no name stands there."""
        m = _FROM_PLACE.search(self.frame, max(self.start, place.start - 90), place.start)
        if not m:
            return None
        name = names.strip_titles(m.group("who"))
        return Mention("name", m.group("who"), name, m.start("who"), m.end("who")) if name else None

    def own_mention(self, q) -> Mention | None:
        """An attribution in the quote's own sentence, after the quote first; or a dash credit."""
        para_start, para_end = self.paragraph(q.mark_start)
        introduced = self._colon_credit(q, para_start)
        if introduced is not None:
            return introduced  # `Doe, exasperated, responded: "Why now?" Critics …`
        owner = self._possessive_words(q)
        if owner is not None:
            return owner  # `Lind mocked Doe's "bridge to nowhere" remark`: Doe's words
        passive = self._passive_credit(q)
        if passive is not None:
            return passive  # `has been called "a scandal" by Jane Doe`
        after = self._between(q.mark_end, self._after_window(q, para_end))
        if after and not tokens_between(self.frame, q.mark_end, after[0].start):
            return after[0].mention  # `"…," Doe said` or `"…," said Doe`
        set_off = self._name_then_verb(q, para_end)
        if set_off is not None:
            return set_off  # `"…," Jane Doe, the lawyer who drafted it, wrote`
        before = self.sentence_start(q.mark_start, para_start)
        credits = [a for a in self._between(before, q.mark_start) if not self._credits_other(a, q)]
        split = self._split_by(credits, q)
        if split is not None:
            return split
        candidates = [a.mention for a in credits]
        named = [m for m in candidates if m.kind != "unnamed"]
        if named or candidates:
            return (named or candidates)[-1]  # `Doe told a woman who asked that "…"` is Doe's
        claim = self._possessive_claim(before, q.mark_start) or self._clause_subject(before, q.mark_start)
        if claim is not None:
            return claim
        if after:
            return after[0].mention
        return self._dash_credit(q, para_end) or self._name_colon(q, before)

    def _passive_credit(self, q) -> Mention | None:
        """`The delays have been called "a scandal" by Jane Doe`, `described as "unworkable" by the
        union`: a passive speech verb right before the quote, and who said it after `by`."""
        by = _BY_AFTER.match(self.frame, q.mark_end)
        if by is None or not _PASSIVE_BEFORE.search(self.frame, max(self.start, q.mark_start - 40), q.mark_start):
            return None
        mention = np_after(self.frame, by.end())
        return mention if mention is not None and mention.kind != "pronoun" else None

    def _name_then_verb(self, q, para_end: int) -> Mention | None:
        """`"…," Jane Doe, the lawyer who drafted the contract tweeted`: a name set off by a comma
        right after a quote that ends in a comma, and a speech verb later in the sentence, however
        long the description between them."""
        outside = self.frame.startswith(",", q.mark_end)  # `"…", Doe` as well as `"…," Doe`
        if not (outside or self.text_end_char(q) == ","):
            return None
        mention = np_after(self.frame, q.mark_end + outside)
        if mention is None or mention.kind != "name" or not self.frame.startswith(",", mention.end):
            return None
        end = self.sentence_end(mention.end, para_end)
        return mention if speech_verbs(self.frame, mention.end, end) else None

    def _split_by(self, credits: list, q) -> Mention | None:
        """`"…," Doe wrote in a note to staff explaining the plan, "but …"`: a quote split by its
        attribution; the words after it are the speaker's, whoever else the attribution names."""
        if len(credits) < 2 or not AFTER_QUOTE.search(self.frame, max(0, credits[0].start - 4), credits[0].start):
            return None
        if not self.frame[credits[0].end : q.mark_start].rstrip().endswith(","):
            return None
        if self.frame.find(BLANK, credits[0].end, q.mark_start) >= 0:
            return None  # another quote stands between
        return credits[0].mention

    def _colon_credit(self, q, para_start: int) -> Mention | None:
        """`Doe responded: "…"`: a speech verb and a colon right before the quote credit it, whatever
        follows it in the sentence."""
        colon = self.frame.rfind(":", max(para_start, q.mark_start - 4), q.mark_start)
        if colon < 0 or tokens_between(self.frame, colon + 1, q.mark_start):
            return None
        credits = self._between(max(para_start, colon - 160), colon)
        if not credits or tokens_between(self.frame, credits[-1].end, colon):
            return None
        return credits[-1].mention if credits[-1].mention.kind != "unnamed" else None

    def _clause_subject(self, lo: int, hi: int) -> Mention | None:
        """`…, and as Doe went on about "…", Roe nodded`: the quote sits in a clause of its own
        whose subject is a name or a pronoun; that subject is the speaker."""
        clause = None
        for clause in _CLAUSE_OPENING.finditer(self.frame, lo, hi):  # noqa: B007  (the last one is wanted)
            pass
        if clause is None:
            return None
        subject = subject_at(self.frame, clause.start("who"), hi)
        return subject if subject is not None and subject.kind in ("name", "pronoun") else None

    def _credits_other(self, a: Attribution, q) -> bool:
        """`"…," she said, but as Doe went on about "…"`: the verb credits the earlier quote, and
        the story has moved on before this one."""
        if not AFTER_QUOTE.search(self.frame, max(0, a.start - 4), a.start):
            return False
        return _NEW_CLAUSE.search(self.frame, a.end, q.mark_start) is not None

    def _possessive_claim(self, lo: int, hi: int) -> Mention | None:
        """`Doe's claim that "…"`: the quote is the words of whoever the claim belongs to."""
        if self.frame.find("\u2019s", lo, hi) < 0 and self.frame.find("'s", lo, hi) < 0:
            return None  # no possessive: no need to build the pattern
        m = _possessive_claim().search(self.frame, lo, hi)
        if not m:
            return None
        name = names.strip_titles(m.group("who"))
        if not name or names.is_title_word(name, m.group("who")):
            return None
        return Mention("name", m.group("who"), name, m.start("who"), m.end("who"))

    def _possessive_words(self, q) -> Mention | None:
        """`Doe's "bridge to nowhere" remark`: a possessive name before the quote and a word for
        something said right after it; the words are the possessor's, whoever the sentence's
        speech verb credits."""
        if not _SAID_NOUN_AFTER.match(self.frame, q.mark_end):
            return None
        m = _POSSESSOR_BEFORE.search(self.frame, max(self.start, q.mark_start - 60), q.mark_start)
        if not m:
            return None
        name = names.strip_titles(m.group("who"))
        if not name or names.is_title_word(name, m.group("who")):
            return None
        return Mention("name", m.group("who"), name, m.start("who"), m.end("who"))

    def _after_window(self, q, para_end: int) -> int:
        """How far after a quote its attribution may sit: to the sentence end, unless the quote
        ended its own sentence (then only a short `she asked` right after a ? or !)."""
        last = self.text_end_char(q)
        end = self.sentence_end(q.mark_end, para_end)
        if last not in ".?!":
            return end
        nxt = _NEXT_CHAR.match(self.frame, q.mark_end, q.mark_end + 4)
        if nxt and nxt.group(1).islower():
            return end  # the sentence runs on: `"Bobby!" at a rally, according to Doe`
        return q.mark_end if last == "." else min(end, q.mark_end + 40)

    def text_end_char(self, q) -> str:
        return self.doc_text[q.end - 1] if q.end > q.start else ""

    def _between(self, lo: int, hi: int) -> list:
        i = bisect.bisect_left(self.verb_at, lo)
        j = bisect.bisect_left(self.verb_at, hi)
        return self.attributions[i:j]

    def _name_colon(self, q, sentence_start: int) -> Mention | None:
        """`Rep. Jane Doe (D-Ohio): "…"`, `- Jane Doe: "…"`: a name and a colon just before the
        quote, opening its sentence, as transcripts and round-ups credit a speaker."""
        if self.frame[max(sentence_start, q.mark_start - 3) : q.mark_start].strip()[-1:] != ":":
            return None
        m = _NAME_COLON.search(self.frame, max(sentence_start, q.mark_start - 90), q.mark_start)
        if not m:
            return None
        lead = self.frame[sentence_start : m.start()]
        if lead.strip(" -\u2013\u2014\u2022*") and not _SPACED_DASH.search(lead):
            return None  # a round-up line may lead with its topic: `RATES HOLD - Jane Doe: "…"`
        name = names.strip_titles(m.group("who"))
        if not name or not_speakers.not_a_person(name):
            return None
        if " " not in name and not self.names.known(name, m.start("who")):
            return None  # `Update:` or `Note:` open a sentence the same way; `Doe:` must name someone the story knows
        return Mention("name", m.group("who"), name, m.start("who"), m.end("who"))

    def _dash_credit(self, q, para_end: int) -> Mention | None:
        """`"…" ― Jane Doe`: a name after a dash closing the paragraph, or, under a paragraph of
        quote alone, a short line of its own (`- Jane Doe, at the rally.`), as round-ups and fact
        checks credit the words they list; or a line of its own that a quote mark left open at the
        end of the paragraph before closes (`"…¶Jane Doe, Leith Port Authority."`)."""
        m = _DASH_CREDIT.match(self.frame, q.mark_end, para_end)
        if m:
            mention = np_after(self.frame, m.end())
            if mention is None or mention.kind != "name":
                return None
            rest = self.frame[mention.end : para_end].strip().rstrip(".")
            return mention if not rest else None
        if tokens_between(self.frame, q.mark_end, para_end):
            return None
        nxt = _NEXT_PARAGRAPH.match(self.frame, para_end)
        if nxt is None:
            return None
        line_start, line_end = self.paragraph(nxt.end())
        m = _CREDIT_LINE.match(self.frame, line_start, line_end)
        # A pull quote whose mark, left open, closes after the credit line: `"…¶Jane Doe, Leith."`
        closes = q.mark_end == para_end and self.frame[line_start:line_end].rstrip().endswith(('"', "\u201d"))
        if not (m or closes) or line_end - line_start > 120:
            return None
        if m:
            mention = np_after(self.frame, m.end())
        else:  # the closing mark and the full stop before it are no part of the name
            tail = len(self.frame[line_start:line_end]) - len(self.frame[line_start:line_end].rstrip('."\u201d '))
            mention = np_after(self.frame[: line_end - tail], line_start)
        if mention is None or mention.kind != "name":
            return None
        rest = self.frame[mention.end : line_end].strip().rstrip('."\u201d')
        return mention if not rest or rest.startswith(",") else None

    # When the quote's sentence has no attribution --------------------------------------------

    def fallback_mention(self, q) -> Mention | None:
        """The subject of the quote's sentence (`Doe called it "a mess"`), else the nearest
        attribution in the paragraph."""
        para_start, para_end = self.paragraph(q.mark_start)
        s = self.sentence_start(q.mark_start, para_start)
        subject = self._subject(s, q.mark_start) or self._clause_before(s, q.mark_start)
        if subject is not None:
            return subject
        local = self._between(para_start, para_end)
        carried = self._carried_on(local, q, s)
        if carried is not None:
            return carried
        if local:
            return min(local, key=lambda a: _distance(a, q)).mention
        if s > para_start and not tokens_between(self.frame, s, q.mark_start):
            # `Doe spoke of the bill. "It is a disgrace."`: the sentence before says who
            return self._subject(self.sentence_start(s - 1, para_start), s)
        return None

    def _carried_on(self, local: list, q, s: int) -> Mention | None:
        """`"…," Doe wrote in the email, which the AP reported. "…"`: a quote opening a sentence of
        its own carries on the last quote of its paragraph, and whoever that quote's attribution
        right after it names said it too."""
        if tokens_between(self.frame, s, q.mark_start):
            return None
        credits = [
            a
            for a in local
            if a.verb_start < q.mark_start
            and a.mention.kind == "name"
            and AFTER_QUOTE.search(self.frame, max(0, a.start - 4), a.start)
        ]
        return credits[-1].mention if credits else None

    def _clause_before(self, s: int, mark: int) -> Mention | None:
        """`After …, she was "whisked off"`: the clause that runs up to the quote, after an
        earlier quote in the sentence, opens with its subject."""
        lo = self.frame.rfind(BLANK, s, mark)
        if lo < 0:
            return None
        subject = subject_at(self.frame, lo + 1, mark)
        return subject if subject is not None and subject.kind in ("pronoun", "name") else None

    def _subject(self, s: int, limit: int) -> Mention | None:
        """The subject of the sentence at s, when it can be a speaker."""
        limit = min(limit, s + 220, self.paragraph(s)[1])  # all subject_at reads: worked out once
        if (s, limit) not in self._subjects:
            self._subjects[(s, limit)] = self._find_subject(s, limit)
        return self._subjects[(s, limit)]

    def _find_subject(self, s: int, limit: int) -> Mention | None:
        subject = subject_at(self.frame, s, limit)
        if subject is None or subject.kind == "unnamed":
            return None
        if subject.kind == "name" and " " not in subject.name and not self.names.known(subject.name, subject.start):
            return None  # `Pressure is building …`: a capital that only opens the sentence
        return subject

    def borrow(self, q) -> str | None:
        """A paragraph that opens with a quote and names nobody: `Doe continued:` just before it,
        else the last speaker a paragraph or two back."""
        para_start, _ = self.paragraph(q.mark_start)
        if tokens_between(self.frame, para_start, q.mark_start):
            return self._goes_on(q, para_start)  # otherwise narrative that names no speaker
        lead = self._colon_lead(para_start) or self._message_after(q)
        if lead is not None:
            return self.resolve(lead, q)
        speaker = self._reported_just_before(para_start) or self.last_speaker_before(q.mark_start, max_paragraphs=2)
        if speaker:
            self.spoken.append((q.mark_start, speaker))
            return speaker
        after = self._next_paragraph_lead(q)
        return self.resolve(after, q) if after is not None else None

    def _goes_on(self, q, para_start: int) -> str | None:
        """`"…," Doe, the lawyer who drafted it tweeted on Friday. "…"`: a quote opening a sentence
        right after a sentence that opens with a quote goes on with that quote's speaker, when a
        name says who that is."""
        s = self.sentence_start(q.mark_start, para_start)
        if s <= para_start or tokens_between(self.frame, s, q.mark_start):
            return None
        before = self.sentence_start(s - 1, para_start)
        while before < s and self.frame[before].isspace():
            before += 1
        said = self._last_spoken(q.mark_start)
        if said is None or said[0] != before or before not in self.named_at:
            return None  # only a name carries on: `the organizer told them` may mean anyone
        end = before
        while end < s and self.frame[end] == BLANK:
            end += 1
        if self.frame.find(BLANK, end, s) >= 0:
            return None  # a second quote in that sentence: whose words go on is not clear
        self.spoken.append((q.mark_start, said[1]))
        return said[1]

    def _reported_just_before(self, para_start: int) -> str | None:
        """`Doe elaborated in an op-ed that the delegates may waver.` then a paragraph of quote
        alone: the paragraph before reports someone's words without quote marks, later than any
        quote, so the quote that follows is theirs."""
        prev_start, prev_end = self.previous_paragraph(para_start)
        if prev_start == para_start or self.frame.find(BLANK, prev_start, prev_end) >= 0:
            return None  # no paragraph before, or one with a quote of its own (its speaker is in `spoken`)
        credits = [a for a in self._between(prev_start, prev_end) if a.mention.kind == "name"]
        if not credits or self.not_a_speaker(credits[-1].mention):
            return None
        return self.names.full(credits[-1].mention.name, credits[-1].mention.start)

    def _message_after(self, q) -> Mention | None:
        """`"…" That was the verdict of Jane Doe, the port's chief.`, `"…" That quote from Jane Doe
        …`: a quote that is a sentence of its own, and the next sentence of its paragraph says whose
        words they were."""
        _, para_end = self.paragraph(q.mark_start)
        if self.text_end_char(q) not in ".?!":
            return None
        s = q.mark_end
        e = self.sentence_end(s + 1, para_end)
        return self._message_of(s, e)

    def _message_of(self, s: int, e: int) -> Mention | None:
        """Whose words a sentence says they were: `the message from Doe`, `the verdict of Doe`."""
        for m in _MESSAGE_FROM_WORD.finditer(self.frame, s, e):
            if m.group(1) in _MESSAGE_WORDS:
                mention = np_after(self.frame, m.end())
                return mention if mention is not None and mention.kind == "name" else None
        return None

    def _next_paragraph_lead(self, q) -> Mention | None:
        """A story that opens on a quote names its speaker in the next paragraph: `That was
        the message from Doe on Friday.` Only the first sentence there is read, and only a name."""
        _, para_end = self.paragraph(q.mark_start)
        if tokens_between(self.frame, q.mark_end, para_end):
            return None
        nxt = _NEXT_PARAGRAPH.match(self.frame, para_end)
        if nxt is None:
            return None
        s = nxt.end()
        e = self.sentence_end(s, self.paragraph(s)[1])
        for a in self._between(s, e):
            return a.mention if a.mention.kind == "name" else None
        return self._message_of(s, e)

    def _colon_lead(self, para_start: int) -> Mention | None:
        prev_end = para_start - 1
        while prev_end > self.start and self.frame[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end <= self.start or self.frame[prev_end - 1] != ":":
            return None
        prev_start, _ = self.previous_paragraph(para_start)
        s = self.sentence_start(prev_end - 1, prev_start)
        for a in reversed(self._between(s, prev_end)):
            return a.mention
        subject = subject_at(self.frame, s, prev_end)
        if (
            subject is not None
            and subject.kind == "name"
            and " " not in subject.name
            and not self.names.known(subject.name, subject.start)
        ):
            return None  # `Wait, it gets better:` opens with a capital that names no one the story knows
        return subject

    # Turning a mention into a speaker --------------------------------------------------------

    def resolve(self, mention: Mention, q) -> str | None:
        if mention.kind == "name":
            speaker = self.names.full(mention.name, mention.start)
        elif mention.kind == "unnamed":
            speaker = None
        elif mention.kind == "thing":
            speaker = mention.name
        else:
            speaker = self.antecedent(mention, min(mention.start, q.mark_start))
        if speaker:
            self.spoken.append((q.mark_start, speaker))
            if mention.kind == "name":
                self.named_at.add(q.mark_start)
        return speaker

    def who(self, mention: Mention) -> str | None:
        """Who a mention outside any quote names (for attributions): a full name, a body, or
        the person a pronoun or a description points back to."""
        if mention.kind == "name":
            return self.names.full(mention.name, mention.start)
        if mention.kind in ("thing", "unnamed"):
            return mention.name
        return self.antecedent(mention, mention.start)

    def antecedent(self, mention: Mention, pos: int) -> str | None:
        """Whom "he" or "the official" means: the subject of the sentence when the pronoun is
        not it, else the later of the last speaker and the last sentence subject that is a name."""
        para_start, para_end = self.paragraph(pos)
        s = self.sentence_start(pos, para_start)
        subject = self._subject(s, pos)
        person = mention.name.lower() not in ("they", "it")  # "he" never means a company
        if mention.kind == "pronoun":
            # `Though she backed the bill, Doe voted no`: the main clause names her
            subject = fronted_clause_subject(self.frame, s, self.sentence_end(pos, para_end), mention.start) or subject
        if subject is not None and subject.start != mention.start:
            if subject.kind == "name" and not (person and _not_a_person(subject.name)):
                return self.names.full(subject.name, subject.start)  # `Doe condemned what he called`
            if subject.kind == "thing" and not person:
                return subject.name
        if mention.kind == "person":
            titled = self._titled_name(mention, pos)
            if titled:
                return titled  # `the senator said` after `Sen. Jane Doe`
        recent = [self._last_spoken(pos, person), self._last_credited(pos, person)]
        near = [c for c in recent if c is not None and self.frame.count("\n", c[0], pos) <= 12]
        # only a sentence after those can be nearer, so no earlier one is read
        earlier = self._recent_subject(s, para_start, person, max(near)[0] if near else -1)
        if earlier is not None and self.frame.count("\n", earlier[0], pos) <= 12:
            near.append(earlier)
        if near:
            return max(near)[1]
        return mention.name if mention.kind == "person" and _names_something(mention.name) else None

    def _titled_name(self, mention: Mention, pos: int) -> str | None:
        """The last name before pos written with the title a description names: `the president`
        → `President Jane Doe`, `the senator` → `Sen. Jane Doe`."""
        head = names.bare(mention.name.split()[-1])
        if head not in self._titles:
            self._titles[head] = [
                t for t in map(self._name_after_title, _titled(head).finditer(self.frame, self.start)) if t
            ]
        titled = self._titles[head]
        k = bisect.bisect_left(titled, (pos,))  # those written before pos
        if k == 0 or titled[k - 1][0] < pos - 6000:
            return None
        at, name = titled[k - 1]
        return self.names.full(name, at)

    def _name_after_title(self, title) -> tuple[int, str] | None:
        """(where, name) of the name a title match opens: `Sen. Jane de Vries` → Jane de Vries."""
        line_end = self.frame.find("\n", title.end())
        words = self.frame[
            title.end() - 1 : title.end() + 60 if line_end < 0 else min(line_end, title.end() + 60)
        ].split()
        taken: list[str] = []
        for word in words[:6]:
            if word in names.PARTICLES and taken:
                taken.append(word)
                continue
            if not word[:1].isupper():
                break
            if word.endswith(".") and not names.is_abbreviation(word[:-1]):
                taken.append(word[:-1])  # the full stop ends the sentence
                break
            taken.append(word)
        while taken and taken[-1] in names.PARTICLES:
            taken.pop()
        name = names.strip_titles(" ".join(taken))
        return (title.end() - 1, name) if name else None

    def _last_credited(self, pos: int, person: bool) -> tuple[int, str] | None:
        """The last one named by a speech verb before pos, quoted or not (`Doe said in an interview`)."""
        i = bisect.bisect_left(self.verb_at, pos)
        for a in reversed(self.attributions[max(0, i - 8) : i]):
            m = a.mention
            if m.kind == "name" and m.end <= pos and not (person and _not_a_person(m.name)):
                return (a.verb_start, self.names.full(a.mention.name, a.mention.start))
        return None

    def _recent_subject(self, s: int, para_start: int, person: bool, after: int = -1) -> tuple[int, str] | None:
        """The nearest earlier sentence (this paragraph or the two before, and from `after` on)
        whose subject is a name."""
        lo = self.previous_paragraph(self.previous_paragraph(para_start)[0])[0]
        starts = [st for st in self._starts_across(max(lo, self.paragraph(max(lo, after))[0]), s) if st < s]
        for st in reversed(starts[-6:]):
            if st < after:
                break
            subject = self._subject(st, s)
            if subject is not None and subject.kind == "name" and not (person and _not_a_person(subject.name)):
                return (st, self.names.full(subject.name, subject.start))
        return None

    def _starts_across(self, lo: int, hi: int) -> list[int]:
        """Sentence starts from lo (a paragraph start) up to hi, over as many paragraphs as lie between."""
        starts: list[int] = []
        while lo <= hi:
            para_start, para_end = self.paragraph(lo)
            starts += self._sentence_starts(para_start, min(para_end, hi))
            nxt = self.frame.find("\n", para_end)
            if nxt < 0:
                break
            lo = nxt + 1
            while lo < hi and self.frame[lo].isspace():
                lo += 1
        return starts

    def _last_spoken(self, pos: int, person: bool = False) -> tuple[int, str] | None:
        """The last quote's speaker before pos; with `person`, the last that is not a body."""
        i = bisect.bisect_left(self.spoken, (pos, ""))
        while i and person and _not_a_person(self.spoken[i - 1][1]):
            i -= 1
        return self.spoken[i - 1] if i else None

    def last_speaker_before(self, pos: int, max_paragraphs: int) -> str | None:
        said = self._last_spoken(pos)
        if said and self.frame.count("\n", said[0], pos) <= max_paragraphs * 2:
            return said[1]
        return None

    # Paragraphs and sentences of the blanked text --------------------------------------------

    def paragraph(self, pos: int) -> tuple[int, int]:
        s = self.frame.rfind("\n", self.start, pos) + 1
        if s < self.start:  # called for every sentence and quote: no max() call
            s = self.start
        e = self.frame.find("\n", pos)
        return s, len(self.frame) if e < 0 else e

    def previous_paragraph(self, para_start: int) -> tuple[int, int]:
        """The paragraph before the one starting at para_start, over blank lines; itself at the top."""
        k = para_start
        while k > self.start and self.frame[k - 1].isspace():
            k -= 1
        return self.paragraph(k - 1) if k > self.start else (para_start, para_start)

    def sentence_start(self, pos: int, para_start: int) -> int:
        starts = self._sentence_starts(para_start, pos)
        return starts[-1] if starts else para_start

    def sentence_end(self, pos: int, para_end: int) -> int:
        ends = self._paragraph_stops(*self.paragraph(pos))
        i = bisect.bisect_right(ends, pos)
        return ends[i] if i < len(ends) else para_end

    def _sentence_starts(self, lo: int, hi: int) -> list[int]:
        """Starts of the sentences from lo (a paragraph start or a sentence start) up to hi."""
        para_start, para_end = self.paragraph(lo)
        ends = self._paragraph_stops(para_start, para_end)
        i = bisect.bisect_right(ends, lo)
        j = bisect.bisect_right(ends, hi)
        return [lo] + ends[i:j]

    def _paragraph_stops(self, para_start: int, para_end: int) -> list[int]:
        """Where each sentence after the first begins in a paragraph; worked out once."""
        if para_start not in self._stop_cache:
            stops = [m.end() for m in self._stops(para_start, para_end)]
            # a quote whose words end a sentence (`… escapades."`) ends the sentence around it too
            i = bisect.bisect_left(self.sentence_quotes, para_start)
            j = bisect.bisect_left(self.sentence_quotes, para_end)
            stops += [e for e in self.sentence_quotes[i:j] if _NEW_SENTENCE.match(self.frame, e)]
            self._stop_cache[para_start] = sorted(stops)
        return self._stop_cache[para_start]

    def _stops(self, lo: int, hi: int):
        """Sentence ends between lo and hi; a full stop after a title or an initial is none."""
        for m in _SENTENCE_STOP.finditer(self.frame, lo, hi):
            if m.group() == ".":
                w = _STOP_WORD.search(self.frame, max(lo, m.start() - 12), m.start())
                if w and names.is_abbreviation(w.group(1)):
                    continue
            yield m


# How a title is written before a name, for the nouns a description may end with.
_TITLE_FORMS = {
    "senator": r"Sen\.|Senator",
    "congressman": r"Rep\.|Congressman",
    "congresswoman": r"Rep\.|Congresswoman",
    "representative": r"Rep\.|Representative",
    "governor": r"Gov\.|Governor",
    "general": r"Gen\.|General",
}


@functools.lru_cache(maxsize=64)
def _titled(head: str):
    """A name written with the title that `head` (`senator`) names: `Sen. Jane Doe`."""
    title = _TITLE_FORMS.get(head, re.escape(head.capitalize()))
    return re.compile(r"(?<![\w.])(?:" + title + r")[^\S\n]+[A-Z]")  # the name is read on in words


def _not_a_person(name: str) -> bool:
    """What "he", "she" or "the senator" cannot point back to: a body, a place, a day."""
    return names.is_organization(name) or not_speakers.not_a_person(name)


def _distance(a: Attribution, q) -> int:
    if a.verb_start >= q.mark_end:
        return a.verb_start - q.mark_end
    return q.mark_start - a.verb_end + 1  # ties go to the attribution after the quote


def _names_something(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split()[1:])


_AUTHOR_LINE = re.compile(
    r"^[#*_>\s]*(?:(?i:from|sender|author|speaker|posted\s+by|written\s+by)\s*:\s*"
    r"|(?i:(?:prepared\s+|full\s+)?(?:remarks|speech|statement|address|testimony|letter|e-?mail|memo|transcript|op-ed|message)"
    r"(?:\s+[a-z]+){0,3}?\s+(?:by|from|of))\s+)"
    r"(?P<who>(?:[A-Z][\w.\u2019'\-]*[^\S\n]+){0,4}[A-Z][\w\u2019'\-]*)"
    r"[^\n]{0,60}$",
    re.M,
)
_AUTHOR_LINES = 8  # a document says whose it is at its head


def document_author(frame: str, start: int) -> str | None:
    """Whose words a speech, a transcript or an email are, when its head says so ("From: Jane
    Doe <jane@example.org>", "Remarks by Sen. Jane Doe at the summit", "Statement from Acme
    Corp."): the quotes in it with no speaker of their own are that author's."""
    head_end = start
    for _ in range(_AUTHOR_LINES):
        nxt = frame.find("\n", head_end + 1)
        if nxt < 0:
            head_end = len(frame)
            break
        head_end = nxt
    m = _AUTHOR_LINE.search(frame, start, head_end)
    if not m:
        return None
    who = names.strip_titles(m.group("who").strip())
    return who if who and not not_speakers.not_a_person(who) else None
