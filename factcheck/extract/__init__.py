"""Pure text → claims. No I/O here: callers pass the text and the reference date.

Each kind has its own module exposing `find(doc) -> list[Found]`; this module runs
them, settles overlaps between kinds, and turns spans into identified claims.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from factcheck.extract.sentences import Sentences
from factcheck.model import Claim, FileClaims, Found, Kind, claim_id
from factcheck.textfold import fold


class Doc:
    """The text an extractor reads. Extractors look only at text[body_start:], and change nothing.

    A plain class: generating a dataclass's methods would cost every command start-up.
    """

    __slots__ = (
        "text",
        "body_start",
        "reference_date",
        "sentences",
        "locale",
        "__weakref__",
    )  # extractors may cache by doc

    def __init__(
        self, text: str, body_start: int, reference_date: dt.date, sentences: Sentences, locale: str | None = None
    ):
        self.text, self.body_start, self.reference_date, self.sentences = text, body_start, reference_date, sentences
        self.locale = locale  # how numerals are written (see factcheck.extract.numbers.number_locale); None: en-US

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def make_doc(text: str, *, reference_date: dt.date, body_start: int = 0, locale: str | None = None) -> Doc:
    return Doc(text, body_start, reference_date, Sentences(text, body_start), locale)


def find_all(doc: Doc) -> list[Found]:
    """Every span any extractor reports, overlaps between kinds settled; each written end of a
    range or score that stands is a figure of its own too (see `figures.RangeEnd`)."""
    from factcheck.extract import (
        attributions,
        dates,
        figures,
        overlaps,
        quotes,
    )  # loaded with the first draft: config reaches this package for number marks

    found: list[Found] = []
    for module in (quotes, attributions, dates, figures):
        found.extend(module.find(doc))
    return figures.with_range_ends(overlaps.settle(found))


_NEWLINE = re.compile("\n")

_KIND_ORDER = {Kind.QUOTE: 0, Kind.ATTRIBUTION: 1, Kind.DATE: 2, Kind.FIGURE: 3}


def extract_claims(
    text: str, *, reference_date: dt.date, body_start: int = 0, locale: str | None = None, range_ends: bool = False
) -> list[Claim]:
    """All claims in `text`, in order of position, each with a position-free id.

    `range_ends` lists each end of a range or score as a figure too; their ids are counted
    apart, after the others', so that every other claim keeps the id it has without them.
    """
    # extractors read look-alike characters as what they look like ("１８", "10²"); the
    # fold keeps every offset, so spans, snippets and sentences come from the draft itself
    folded = fold(text)
    doc = make_doc(folded, reference_date=reference_date, body_start=body_start, locale=locale)
    from factcheck.extract import figures

    found = find_all(doc) if range_ends else figures.without_range_ends(find_all(doc))
    found = sorted(found, key=lambda f: (f.start, _KIND_ORDER[f.kind], f.end))
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    seen: dict[tuple[Kind, str, str], int] = {}
    claims: list[Claim] = []
    ends: list[int] = []  # where the ends of ranges are in `claims`, their ids given last
    for f in found:
        if not (body_start <= f.start < f.end <= len(text)):
            continue  # an extractor bug must never produce a claim that points nowhere
        snippet = text[f.start : f.end]
        sentence = doc.sentences.context(f.start, f.end, text)  # words from the draft itself, not the fold
        key = (f.kind, snippet, sentence)
        occurrence = 0
        if range_ends and isinstance(f, figures.RangeEnd):
            ends.append(len(claims))
        else:
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
        claims.append(
            Claim(
                id=claim_id(f.kind, snippet, sentence, occurrence),
                kind=f.kind,
                text=snippet,
                start=f.start,
                end=f.end,
                line=bisect.bisect_right(newlines, f.start - 1) + 1 if newlines else 1,
                sentence=sentence,
                speaker=f.speaker,
                value=f.value,
                unit=f.unit,
                qualifier=f.qualifier,
                attributed_to=f.attributed_to,
            )
        )
    for k in ends:
        c = claims[k]
        key = (c.kind, c.text, c.sentence)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        claims[k] = dataclasses.replace(c, id=claim_id(c.kind, c.text, c.sentence, occurrence))
    from factcheck.extract import editorial

    return editorial.pair_year_readings(claims)


def extract_draft(
    draft, reference_date: dt.date | None = None, locale: str | None = None, *, for_editors: bool = True
) -> FileClaims:
    """Claims of a parsed Draft; the reference date is the option, else front matter, else today.

    `for_editors` leaves out what an editor is not asked to sign off (see `editorial`);
    `extract` turns it off to list every span it reads.
    """
    ref = reference_date or draft.date or dt.date.today()
    claims = extract_claims(
        draft.text, reference_date=ref, body_start=draft.body_start, locale=locale, range_ends=not for_editors
    )
    if for_editors:
        from factcheck.extract import editorial, repeats

        # a headline restating a body figure is the same fact, signed off once (see repeats)
        claims = repeats.link_repeats(editorial.for_editors(claims), draft.text)
    return FileClaims(path=draft.path, reference_date=ref.isoformat(), claims=tuple(claims))
