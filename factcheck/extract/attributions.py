"""Attributions in news copy: phrases that credit a fact to a source.

An attribution is a claim an editor signs off ("did Reuters report that?"), so only
the kinds that carry a fact on someone else's word are kept:

- `according to Pentagon officials`, always;
- a report: `Reuters reported`, `the Post has learned`;
- a statement: `the ministry said in a statement`;
- a body or an unnamed source speaking: `officials said`, `a spokesman said`,
  `the White House said`.

- a finding: `the review found`, `the audit concluded`;
- reported speech, with no quote marks: `Prosecutor James Okonkwo said Marsh had hidden
  the payments`, `Police said two men were arrested`.

Where the words credited follow the verb, the claim's span runs on to the end of the
sentence, so the claim holds what the source must bear out; where they come first
(`…, the city said`) the span is the attribution alone and the matcher reads the rest of
the sentence. A named person's `said` with nothing reported after it (`Doe said.`) is left
out, and so is any attribution in the sentence of a direct quote: the quote's speaker
already credits it.
"""

from __future__ import annotations

import functools
import re

from factcheck.extract import speakers
from factcheck.model import Found, Kind

_FINDING = frozenset("found finds concluded concludes".split())
# Heads of a body of evidence, the only things a finding is credited to here: `police found
# the car` is an act, not a claim on someone's word.
_FINDERS = frozenset(
    "review report study audit investigation inquiry survey analysis poll data figures records accounts "
    "research probe assessment evaluation census".split()
)
_CONTENT = re.compile(r"[^\S\n]+(?:that[^\S\n]+)?(?=[\w$\u00a3\u20ac])")
_TOLD_WHOM = re.compile(
    r"[^\S\n]+(?:reporters|journalists|the\s+\w+|[a-z]+|[A-Z][\w.\-]+(?:[^\S\n]+[A-Z][\w.\-]+){0,2})(?=[^\S\n]+that\b)"
)
_NOT_CONTENT = frozenset("in on at during after before while when as about of to for with by".split())
_REPORTING = frozenset("reported reports learned learns revealed reveals disclosed confirmed confirms".split())
_SAYING = frozenset(
    "said says say told tells added adds stated states noted notes wrote writes announced announces "
    "confirmed confirms warned warns acknowledged acknowledges".split()
)
# The two statement patterns are built on first use, and tried only where a cheap test of
# the text around the verb says they may match: most drafts never need them.
_IN_AFTER = re.compile(r"\s+in\s")
_STATEMENT_WORDS = ("statement", "interview", "mail", "release", "letter", "filing", "post", "tweet", "memo",
                    "conference", "briefing")  # fmt: skip


@functools.cache
def _statement_after():
    """`said in a statement`, `told reporters in an email`."""
    return re.compile(
        r"\s+in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w\-]+\s+){0,2}?"
        r"(?:statement|interview|e-?mail|release|letter|filing|post|tweet|memo|report|news conference|"
        r"press conference|conference call|briefing)\b"
    )


@functools.cache
def _statement_before():
    """`In a statement on Friday, the ministry said`."""
    return re.compile(
        r"\b[Ii]n\s+(?:a|an|its|his|her|their|the)\s+(?:[\w\-]+\s+){0,2}?(?:statement|interview|e-?mail|"
        r"release|letter|filing|post|tweet|memo|news conference|press conference|briefing)\b[^.\n\x00]{0,60},\s*$"
    )


# Heads of a description that name a source without naming a person.
_SOURCE_NOUNS = frozenset(
    """
    official officials source sources spokesman spokeswoman spokesperson aide aides adviser advisers
    analyst analysts expert experts officer officers investigator investigators prosecutor prosecutors
    police authorities lawmakers diplomats people ministry agency department company campaign committee
    government administration office court commission council board panel party union association
    organization group report statement study survey poll
    """.split()
)
_ARTICLE = re.compile(r"(?:\b[Tt]he|\b[Aa]n?)\s+$")


def find(doc) -> list[Found]:
    story = speakers.read(doc)
    found = []
    for a in story.attributions:
        span = _span(story, a)
        if span is None:
            continue
        source = story.who(a.mention)
        if source:
            found.append(Found(Kind.ATTRIBUTION, span[0], span[1], attributed_to=source))
    return found


def _span(story, a) -> tuple[int, int] | None:
    """The attribution phrase, or None when the verb is not one an editor needs to check."""
    frame = story.frame
    verb = frame[a.verb_start : a.verb_end].lower()
    if _beside_quote(story, a):
        return None
    if verb in _FINDING:
        head = a.mention.text.split()[-1].lower().strip(".,") if a.mention.kind != "pronoun" else ""
        if head not in _FINDERS or a.mention.end > a.verb_start:
            return None
        return _with_content(story, _with_article(frame, a.mention.start), a.verb_end)
    if verb.startswith("according"):
        return a.verb_start, a.mention.end
    start = _with_article(frame, a.mention.start)
    if a.mention.end > a.verb_start:
        return None  # `said Doe` after a quote: the quote already carries it
    if verb in _REPORTING:
        if a.mention.kind == "pronoun" or (verb.startswith("learn") and not _is_source(story, a)):
            return None  # `they disclosed`, `Doe learned`: not a report
        return _with_content(story, start, a.verb_end)
    if verb not in _SAYING:
        return None
    statement = _statement_after().match(frame, a.verb_end) if _IN_AFTER.match(frame, a.verb_end) else None
    if statement:
        return start, statement.end()
    lead = _statement_lead(frame, start)
    if lead:
        return lead.start(), a.verb_end
    if _is_source(story, a):
        return _with_content(story, start, a.verb_end)
    if a.mention.kind == "name":
        span = _with_content(story, start, a.verb_end)
        return span if span[1] > a.verb_end else None  # `Doe said.`: nothing reported
    return None


def _with_content(story, start: int, verb_end: int) -> tuple[int, int]:
    """The attribution and, when the sentence goes on to say what was said, that too:
    `Police said two men were arrested`; the attribution alone when nothing follows it."""
    frame = story.frame
    p = verb_end
    if frame[verb_end - 4 : verb_end].lower() == "told" or frame[verb_end - 5 : verb_end].lower() == "tells":
        whom = _TOLD_WHOM.match(frame, p)
        if not whom:
            return start, verb_end  # `told his staff never to …`: what follows is who was told, not what
        p = whom.end()
    m = _CONTENT.match(frame, p)
    if not m:
        return start, verb_end
    para_start, para_end = story.paragraph(verb_end)
    end = story.sentence_end(verb_end, para_end)
    words = frame[m.end() : end].split()
    if len(words) < 3 or words[0].lower() in _NOT_CONTENT:
        return start, verb_end  # `said in a statement`, `said on Friday`
    while end > m.end() and (frame[end - 1].isspace() or frame[end - 1] in ".;:"):
        end -= 1
    return start, end


def _statement_lead(frame: str, start: int):
    lo = max(0, start - 120)
    window = frame[lo:start]
    if not window.rstrip().endswith(",") or not any(w in window for w in _STATEMENT_WORDS):
        return None
    return _statement_before().search(frame, lo, start)


def _beside_quote(story, a) -> bool:
    """True when the attribution sits in the sentence of a direct quote."""
    para_start, para_end = story.paragraph(a.verb_start)
    if story.frame.find("\x00", para_start, para_end) < 0:
        return False  # no quote in the paragraph: its sentences need not be found
    s = story.sentence_start(a.verb_start, para_start)
    e = story.sentence_end(a.verb_start, para_end)
    return "\x00" in story.frame[s:e]


def _with_article(frame: str, start: int) -> int:
    """`the Post has learned`: the article belongs to the phrase."""
    m = _ARTICLE.search(frame, max(0, start - 4), start)
    return m.start() if m else start


def _is_source(story, a) -> bool:
    """An unnamed source or a body (`officials`, `a spokesman`, `the White House`), not a person."""
    m = a.mention
    if m.kind in ("pronoun", "person"):
        return False
    if m.kind == "name":
        # `the Pentagon`, `The Post`: a name that takes an article is a body's
        return m.text.split()[0].lower() == "the" or _with_article(story.frame, m.start) != m.start
    head = m.text.split()[-1].lower().strip(".,")
    return head in _SOURCE_NOUNS
