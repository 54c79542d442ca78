"""Quote marks in news copy: where each quote starts and ends, and what it is.

Quote marks are read one paragraph at a time. Curly marks say which way they face;
straight marks are read from the characters around them, and where those do not
decide, from whether a quote is already open. A quote left open at the end of a
paragraph carries on when the next paragraph opens with a quote mark, the news
convention for a quote that runs over several paragraphs (each paragraph repeats the
opening mark: straight after straight, curly after curly); each paragraph's part
becomes its own claim, and all parts share one speaker. A straight mark left open before
a paragraph that opens with a curly one is a stray mark, and the paragraph is read past it.

Not everything in quote marks is speech: the title of a show or a film after a
possessive (`MSNBC's "Morning Joe"`), a nickname inside a name (`Robert "Bobby" Doe`)
a transcript pasted in quote marks (`"DOE: …"`), an article's headline before its byline, a
slogan printed on a shirt or a sign, and another outlet's article quoted as an excerpt (after its
headline and byline, or after a `From Ada Lind writing at the Courier:` line) are told apart here
(`kinds_of_parts`). A straight mark
left open at a paragraph's end opens a quote that runs to that end, unless the next paragraph
opens with a curly mark (see above).
Who said each quote is read by `speakers`; `quotes` turns the two into claims.
"""

from __future__ import annotations

import functools
import re

# A markup tag (its attribute quotes are not speech), a double quote mark, or a paragraph end.
# A tag may run over a line break inside an attribute (`<tweet date="March 9¶">`).
_MARK = re.compile(r"<[A-Za-z/][^<>\n]*(?:\n[^<>\n]*)?>|[\"\u201c\u201d\u201e]|\n")
_OPENERS = "\u201c\u201e"
_BEFORE_OPEN = set(" \t\n([{/\u2014\u2013-\u2018'")
_AFTER_CLOSE = set(" \t\n.,;:!?)]}/\u2014\u2013-\u2019'\u2026")
_OPEN, _CLOSE, _EITHER = 1, -1, 0


class Quoted:
    """The words between one pair of quote marks (or one paragraph's part of a longer quote)."""

    __slots__ = ("start", "end", "mark_start", "mark_end", "continues", "continued", "speaker")

    def __init__(self, start: int, end: int, mark_start: int, mark_end: int):
        self.start = start
        self.end = end
        self.mark_start = mark_start  # offset of the opening mark
        self.mark_end = mark_end  # offset just after the closing mark, or the paragraph end when left open
        self.continues = False  # the quote carries on into the next paragraph
        self.continued = False  # this part carries on a quote from the previous paragraph
        self.speaker: str | None = None

    def __repr__(self) -> str:
        return f"Quoted({self.start}, {self.end}, speaker={self.speaker!r})"


SPEECH, TITLE, NICKNAME, TRANSCRIPT = "speech", "title", "nickname", "transcript"
HEADLINE, SLOGAN, EXCERPT, EMBEDDED = "headline", "slogan", "excerpt", "embedded"


def kinds_of_parts(text: str, parts: list[Quoted]) -> list[str]:
    """What each part is: someone's words (SPEECH), a TITLE, a NICKNAME, a pasted TRANSCRIPT, a
    HEADLINE (an article's, before its byline, a subhead or a link label), a SLOGAN printed on
    something, an EXCERPT of another outlet's article, or words in a social post EMBEDDED whole."""
    transcript = _transcript_parts(text, parts)
    kinds = [
        TRANSCRIPT
        if k in transcript
        else HEADLINE
        if _is_headline(text, q)
        else SLOGAN
        if _is_printed_slogan(text, q)
        else TITLE
        if _is_title(text, q)
        else NICKNAME
        if _is_nickname(text, q)
        else SPEECH
        for k, q in enumerate(parts)
    ]
    _titles_listed_together(text, parts, kinds)
    _excerpts(text, parts, kinds)
    _embedded_posts(text, parts, kinds)
    return kinds


# A social post pasted whole into the copy: `<tweet id="…">…</tweet>`; some closings are written `<tweet/>`.
# One left open ends with its paragraph.
_POST = re.compile(r"<tweet\b.*?(?:</tweet>|<tweet/>|\n[^\S\n]*\n|\Z)", re.S)


def _embedded_posts(text: str, parts: list[Quoted], kinds: list[str]) -> None:
    """Quote marks inside a social post embedded whole (`<tweet …>"Good reporter" – @doe</tweet>`):
    the post is someone else's text reproduced as it appeared, with its own author, not words the
    story quotes, so nothing in it is a quote of the story's."""
    if "<tweet" not in text:
        return
    posts = [(m.start(), m.end()) for m in _POST.finditer(text)]
    for k, q in enumerate(parts):
        if kinds[k] == SPEECH and any(s <= q.mark_start < e for s, e in posts):
            kinds[k] = EMBEDDED


# `"Ferry fares to rise," by the Gazette's Ada Lind: "…"`: the byline, then the article's own words.
_BYLINE_COLON = re.compile(r"\s+by\s+[^\n\"\u201c\u201d:]{2,80}:\s*$")
# `From Ada Lind writing at the Harbour Gazette:`, a paragraph of its own before the excerpt.
# Every word capitalised but the link words: `From the Harbour Gazette:`, `From Ada Lind writing at Courier:`.
_EXCERPT_SOURCE = re.compile(
    r"From(?:\s+(?:the|of|at|in|for|on)|\s+[A-Z][\w.&\u2019'-]*){1,6}\s+writing"
    r"(?:\s+(?:the|of|at|in|for|on)|\s+[A-Z][\w.&\u2019'-]*){1,8}:[^\S\n]*$"
)


def _excerpts(text: str, parts: list[Quoted], kinds: list[str]) -> None:
    """Another outlet's article quoted at length, as newsletters and aggregators do: after its
    headline and byline (`"Ferry fares to rise," by the Gazette's Ada Lind: "…"`), or in the
    paragraphs after a line that names where it comes from (`From Ada Lind writing at the
    Gazette:`). The words are the article's, not anyone's quote, and no one speaks them."""
    for k, q in enumerate(parts):
        if kinds[k] != SPEECH:
            continue
        if k > 0 and q.continued and parts[k - 1].continues:
            if kinds[k - 1] == EXCERPT:
                kinds[k] = EXCERPT  # the excerpt runs on over its paragraphs
        elif _after_byline(text, parts, kinds, k) or _source_line_before(text, q):
            kinds[k] = EXCERPT


def _after_byline(text: str, parts: list[Quoted], kinds: list[str], k: int) -> bool:
    """The part before is a headline, and a byline and a colon lead from it to this one."""
    if k == 0 or kinds[k - 1] != HEADLINE:
        return False
    return _BYLINE_COLON.match(text[parts[k - 1].mark_end : parts[k].mark_start]) is not None


def _source_line_before(text: str, q: Quoted) -> bool:
    """The quote opens its paragraph, and the paragraph before is a `From …:` line."""
    para_start = text.rfind("\n", 0, q.mark_start) + 1
    if text[para_start : q.mark_start].strip():
        return False
    prev_end = para_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    return prev_end > 0 and _EXCERPT_SOURCE.match(text, prev_start, prev_end) is not None


_LIST_JOINS = frozenset((",", "and", "or", ", and", ", or", "and, yes,"))


def _titles_listed_together(text: str, parts: list[Quoted], kinds: list[str]) -> None:
    """`roles in "Harbour Lights," "Low Tide" and "The Pier"`: once the first of a list is a title,
    so is each capitalised item after it."""
    for k in range(1, len(parts)):
        prev, q = parts[k - 1], parts[k]
        if kinds[k - 1] != TITLE or kinds[k] != SPEECH or not (text[q.start].isupper() or text[q.start].isdigit()):
            continue
        join = " ".join(text[prev.mark_end : q.mark_start].split())
        if join in _LIST_JOINS or not join and text[prev.end - 1] == ",":  # `"Harbour Lights," "Low Tide"`
            kinds[k] = TITLE


# `"Ferry fares to rise in spring," by the Harbour Gazette's Ada Lind`: a headline and its byline.
_BYLINE = re.compile(r"\s+by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*(?:['\u2019]s|s['\u2019])\s+[A-Z]")
# `("Ferry fares to rise," Gazette.com, Monday)`: the outlet, then the day or the date, in the brackets.
_CITED = re.compile(
    r"\s*[A-Z][\w.&'\u2019 -]{1,40},\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z.]*\s+\d{1,2}(?:,\s*\d{4})?)\)"
)


def _is_headline(text: str, q: Quoted) -> bool:
    """An article's headline credited to its byline, or cited in brackets with its outlet and day
    as a letter to the editor answers it (`("Ferry fares to rise," Gazette, Monday)`), a paragraph
    that is nothing but words in capitals in quote marks (a subhead that quotes someone, whose words
    the story gives below), or one that is a word or two and a colon (`"Related:"`, a label over a
    list of links)."""
    if text[q.end - 1] == "," and (
        _BYLINE.match(text, q.mark_end)
        or text[q.mark_start - 1 : q.mark_start] == "("
        and _CITED.match(text, q.mark_end)
    ):
        return True
    whole_paragraph = text[q.mark_start - 1 : q.mark_start] in ("", "\n") and text[q.mark_end : q.mark_end + 1] in (
        "",
        "\n",
    )
    words = text[q.start : q.end]
    if whole_paragraph and words.endswith(":") and len(words.split()) <= 2:
        return True  # `"Related:"`, a label over a list of links
    return whole_paragraph and words.isupper() and words[-1] not in ".?!,"


# What a slogan is printed on: `a "Harbour First" cap`, `"Save the Ferry" T-shirts`.
_PRINTED_ON = re.compile(
    r"\s+(?:campaign\s+|baseball\s+|yard\s+|bumper\s+|tote\s+)?"
    r"(?:hats?|caps?|pins?|buttons?|badges?|shirts?|[Tt]-shirts?|sweatshirts?|signs?|banners?|bags?|totes?|stickers?|placards?|posters?|mugs?)\b"
)


def _is_printed_slogan(text: str, q: Quoted) -> bool:
    """A few words on a hat, a shirt or a sign, not a sentence someone said: `wearing "Harbour
    First" caps`. A whole sentence (`"We lost." T-shirts appeared`) stays a quote."""
    words = text[q.start : q.end].split()
    return len(words) <= 8 and text[q.end - 1] not in ".?!," and _PRINTED_ON.match(text, q.mark_end) is not None


_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from as vs &".split())
# Kinds of work a title names: `the documentary "13th"`, `his "Keepin' It Real" radio show`.
_WORKS = frozenset(
    """
    documentary film movie show program programme series book novel album song column commentary magazine
    newspaper episode broadcast play essay podcast op-ed editorial sitcom drama musical anthem ballad
    memoir ad video spot
    star host co-host actor actress reboot sequel theme
    """.split()
)
_BROADCAST = frozenset(("radio", "television", "TV"))
_WORD_START = re.compile(r"[A-Za-z][A-Za-z-]*")


# Last words of an event's name in title case: `"Harbour Lights Festival"`, `"Clean Rivers Day"`.
_EVENTS = frozenset("day week forum summit conference festival fair gala awards convention tour".split())


@functools.cache
def _title_cue():
    """A possessive or "On" before a title-case phrase: `MSNBC's "Morning Joe"`, `On "Face the
    Nation,"`, `his 1994 "Plan for Renewal"`. Compiled on first use: few drafts get that far."""
    return re.compile(
        r"(?:\w[\u2019']s|s[\u2019']|\b[Oo]n|\b(?:titled|entitled|told)|\b(?:his|her|their|its)(?:\s+\d{4})?"
        r"|\b(?:author|host|star|stars|starred|roles?)\s+(?:of|in)|\binterview\s+with)\s*$"
    )


def _work_before(text: str, lead: int, mark: int) -> bool:
    """`the documentary "…"`, `a column of "…"`, `the film, "…"`: the last word before the mark."""
    words = text[lead:mark].rstrip().removesuffix(",").split()
    if len(words) > 1 and words[-1] == "of":
        words.pop()
    return bool(words) and _last_word_part(words[-1]) in _WORKS


def _last_word_part(token: str) -> str:
    """`(documentary` → documentary, `mini-series` → series; `op-ed` stays whole."""
    token = token.lstrip("([{\"'\u201c\u2018\u2014\u2013")
    if token in _WORKS or "-" not in token:
        return token
    return token.rsplit("-", 1)[1]


_YEAR_AFTER = re.compile(r"\s*\((?:1[89]|20)\d\d\)")
# `"Harbour Lights" by Ada Lind`: a work and its author's name.
_BY_AUTHOR = re.compile(r"[,.]?\s+by\s+(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][a-z]+")


def _work_after(text: str, end: int) -> bool:
    """`"…" radio show`, `"…" series`: the word after the closing mark; or the year of the work
    in brackets, `"Harbour Lights" (1998)`, or its author, `"Harbour Lights" by Ada Lind`."""
    if _YEAR_AFTER.match(text, end) or _BY_AUTHOR.match(text, end):
        return True
    if not text[end : end + 1].isspace():
        return False
    words = text[end : end + 40].split(None, 2)
    if words and words[0] in _BROADCAST:
        words.pop(0)
    m = _WORD_START.match(words[0]) if words else None
    return m is not None and m.group() in _WORKS


def _is_title(text: str, q: Quoted) -> bool:
    """A work's title, not speech: `the documentary "13th"`, `MSNBC's "Morning Joe"`."""
    words = [w.strip(".,;:!?\u2019'") for w in text[q.start : q.end].split()]
    if not words or len(words) > 12 or not all(words):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False  # `the grant program "is gaining traction,"`: a title opens with a capital
    lead = max(0, q.mark_start - 40)
    if _work_before(text, lead, q.mark_start) or _work_after(text, q.mark_end):
        return True
    if len(words) > 8:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS for w in words):
        return False
    if len(words) > 1 and words[-1].lower() in _EVENTS:
        return True  # `the "Harbour Lights Festival"`: an event's name
    return _title_cue().search(text, lead, q.mark_start) is not None


_NAME_BEFORE = re.compile(r"[A-Z][\w.\u2019'-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z]")


def _is_nickname(text: str, q: Quoted) -> bool:
    """`Rep. Robert C. "Bobby" Doe`: one capitalised word between the parts of a name."""
    content = text[q.start : q.end]
    if " " in content or not content[:1].isupper():
        return False
    return bool(
        _NAME_BEFORE.search(text, max(0, q.mark_start - 20), q.mark_start) and _NAME_AFTER.match(text, q.mark_end)
    )


_TRANSCRIPT_LINE = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s|\([A-Z][A-Z .]+\)$")


def _transcript_parts(text: str, parts: list[Quoted]) -> set[int]:
    """Parts of a quote running over paragraphs whose lines open with `NAME:`, a transcript."""
    out: set[int] = set()
    k = 0
    while k < len(parts):
        j = k
        while j + 1 < len(parts) and parts[j].continues and parts[j + 1].continued:
            j += 1
        chain = range(k, j + 1)
        if any(_TRANSCRIPT_LINE.match(text, parts[i].start, parts[i].end) for i in chain):
            out.update(chain)
        k = j + 1
    return out


def _facing(text: str, pos: int, mark: str) -> int:
    """Which way a mark faces, from its glyph or, for a straight mark, its neighbours."""
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = after in _AFTER_CLOSE and not before.isspace()
    if mark in _OPENERS:
        return _CLOSE if closes and not opens else _OPEN
    if mark == "\u201d":
        return _OPEN if opens and not closes else _CLOSE
    if opens != closes:
        return _OPEN if opens else _CLOSE
    return _EITHER


def quoted_spans(text: str, start: int = 0, strays: list[int] | None = None) -> list[Quoted]:
    """Every quoted stretch of text[start:], in order, without its marks. The offsets of stray
    marks, which open nothing, are added to `strays` when it is given."""
    found: list[Quoted] = []
    strays = [] if strays is None else strays
    _read_marks(text, start, len(text), found, strays)
    return found


def _read_marks(text: str, lo: int, hi: int, found: list[Quoted], strays: list[int]) -> None:
    """Read the quote marks of text[lo:hi], one paragraph after another, in one pass."""
    open_at = -1  # offset of the open mark, -1 when no quote is open
    depth = 0  # quotes within the open quote that are still open
    for m in _MARK.finditer(text, lo, hi):
        mark = m.group()
        if mark == "\n":
            if open_at >= 0:
                _paragraph_left_open(text, open_at, m.start(), found, strays)
            open_at, depth = -1, 0
            continue
        if len(mark) > 1:
            continue  # a markup tag
        pos = m.start()
        facing = _facing(text, pos, mark)
        if open_at < 0:
            if facing != _CLOSE:
                open_at = pos
        elif facing == _OPEN:
            depth += 1  # a quote within the quote
        elif depth:
            depth -= 1
        else:
            _add(text, found, open_at, pos, pos + 1)
            open_at = -1
    if open_at >= 0:
        _paragraph_left_open(text, open_at, hi, found, strays)


def _paragraph_left_open(text: str, open_at: int, end: int, found: list[Quoted], strays: list[int]) -> None:
    if text[open_at] == '"' and _next_opener(text, end) not in ("", '"'):
        # A straight mark left open, while the next paragraph opens with a curly one: no quote
        # running on (that repeats its own mark), but a stray mark. Read past it.
        strays.append(open_at)
        _read_marks(text, open_at + 1, end, found, strays)
    else:
        _end_paragraph(text, found, open_at, end)


def _end_paragraph(text: str, found: list[Quoted], open_at: int, end: int) -> None:
    """Close a quote left open at a paragraph end; it may carry on into the next paragraph."""
    part = _add(text, found, open_at, end, end)
    if part is not None:
        part.continues = _next_opener(text, end) != ""


_NEXT_PARAGRAPH = re.compile(r"\s*[\"\u201c\u201e]")


def _next_opener(text: str, end: int) -> str:
    """The quote mark the next paragraph opens with, or ""."""
    m = _NEXT_PARAGRAPH.match(text, end)
    return text[m.end() - 1] if m else ""


def _add(text: str, found: list[Quoted], open_at: int, close_at: int, mark_end: int) -> Quoted | None:
    s, e = open_at + 1, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    part = Quoted(s, e, open_at, mark_end)
    if found and found[-1].continues and _NEXT_PARAGRAPH.fullmatch(text, found[-1].mark_end, open_at + 1):
        part.continued = True
    found.append(part)
    return part
