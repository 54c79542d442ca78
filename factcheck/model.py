"""The values that flow through factcheck: claims found in drafts, their kinds and fields.

A claim travels in two shapes. `Claim` is what extraction finds: a frozen value. Once
it is in a claims file it is a `ClaimRecord`, a mapping that matching adds a verdict
and `EvidenceRecord`s to and review adds `ReviewEntry`s to; the claims file, the
export, the terminal and the report all read that one record type.

The field lists here are the only ones: the `extract` JSON, the claims files, the
export, the terminal and the HTML report all take a claim's fields, and their order,
from `CLAIM_FIELDS` and `KIND_FIELDS`, and an evidence passage's from `EVIDENCE_FIELDS`.
`CLAIM_FIELDS` and `EVIDENCE_FIELDS` are read off the record types themselves, so a
field added to a record type reaches every format.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypedDict, cast

# CPython's own SHA-256. hashlib would load OpenSSL first, which costs a command that
# only hashes claim ids a few milliseconds of start-up; the digest is the same.
try:
    if sys.version_info >= (3, 12):
        from _sha2 import sha256
    else:
        from _sha256 import sha256
except ImportError:  # another Python, or one built without them
    from hashlib import sha256


class Kind(str, Enum):
    QUOTE = "quote"
    FIGURE = "figure"
    DATE = "date"
    ATTRIBUTION = "attribution"


KINDS = tuple(k.value for k in Kind)


class Verdict(str, Enum):
    """What matching says of a claim against its sources."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"


VERDICTS = tuple(v.value for v in Verdict)


class ClaimCore(TypedDict):
    """The fields every claim has, in the order every format writes them."""

    id: str
    kind: str  # a Kind value
    text: str
    start: int
    end: int
    line: int
    sentence: str


class ClaimDetails(TypedDict, total=False):
    """The fields only some kinds carry (KIND_FIELDS says which)."""

    speaker: str | None
    value: Any  # a figure's number, or a date's ISO 8601 text
    unit: str | None
    qualifier: str | None
    figure: Any  # a date that is a lone year also reads as this number
    attributed_to: str | None


class EvidencePassage(TypedDict, total=False):
    """Where a passage of a source is and what it says, in the order formats write them."""

    source: str
    start: int
    end: int
    text: str
    score: float


class EvidencePlace(TypedDict, total=False):
    """Where in the source a passage stands, when the source says."""

    page: int  # PDFs only
    timestamp: str  # transcripts only
    speaker: str  # who the source says spoke


class EvidenceRecord(EvidencePassage, EvidencePlace, total=False):
    """A passage of a source that bears on a claim, as `match` writes it."""

    verdict: str  # a Verdict value
    reason: str
    diff: str  # a quote that differs: the word-level diff
    sealed: str  # a confidential or embargoed passage: the key it is kept under, locally
    sealed_as: str  # on this machine only, a sealed passage shown again: "confidential" or "embargoed"


class ReviewEntry(TypedDict, total=False):
    """One editor's decision on a claim; a claim's reviews are only ever appended to. A
    correction of a published claim (policy.corrections) is one too, signed alike."""

    by: str
    name: str
    at: str
    decision: str  # signoff.rules.Decision value, or "corrected"
    note: str
    fingerprint: str | None  # None: a correction that takes the claim out
    bound: dict[str, Any]  # what else the decision is bound to (speaker, value, source)
    override: str  # an approval short of its independent sources: why
    correction: Any  # a correction of a published claim (policy.corrections)
    corrects: dict[str, Any]
    signature: str
    claim: str | None  # a correction: the id of the claim that stands now (None: taken out)
    text: str | None
    sentence: str | None


class ClaimRecord(ClaimCore, ClaimDetails, total=False):
    """A claim as its claims file holds it: what extraction found, then what matching and
    review added. Keys a person or a newer version adds are kept as they are."""

    repeats: str  # a headline figure or date restating a body claim: that claim's id (extract.repeats)
    verdict: str  # a Verdict value
    evidence: list[EvidenceRecord]
    independent_sources: int
    needs: Any  # typed by a person: "2 sources"
    fingerprint: str
    status: str  # signoff.rules.Status value; absent means pending
    reviews: list[ReviewEntry]


def as_claim_record(data: dict[str, Any]) -> ClaimRecord:
    """A mapping built key by key (a three-way merge, a copy) taken as a claim record.

    A claims file is checked where it is read (`claims_files.parse_claims_file`,
    `rules.reviews_of`); this only names what the mapping already is.
    """
    return cast(ClaimRecord, data)


def record_fields(rec: ClaimRecord) -> dict[str, Any]:
    """The record itself as a plain mapping, for code that moves keys it does not name:
    the review fields carried onto a rescan, keys a person or a newer version added."""
    return cast(dict[str, Any], rec)


# The fields every claim has, in the order every format writes them.
CLAIM_FIELDS: tuple[str, ...] = tuple(ClaimCore.__annotations__)

# Fields that only some kinds carry, in the order they are written out after CLAIM_FIELDS.
KIND_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.QUOTE: ("speaker",),
    Kind.FIGURE: ("value", "unit", "qualifier"),
    Kind.DATE: ("value", "figure"),
    Kind.ATTRIBUTION: ("attributed_to",),
}

# Every kind's own fields, each once, in the order KIND_FIELDS gives them.
DETAIL_FIELDS = tuple(dict.fromkeys(f for fields in KIND_FIELDS.values() for f in fields))

# Fields the scan sets on a claim that only repeats another claim of its draft (a headline
# figure or date restating the body's; see extract.repeats), written after the kind's own.
LINK_FIELDS = ("repeats",)

# An evidence passage: where it is and what it says; then, when known, where in the source.
EVIDENCE_FIELDS: tuple[str, ...] = tuple(EvidencePassage.__annotations__)
EVIDENCE_PLACE_FIELDS: tuple[str, ...] = tuple(EvidencePlace.__annotations__)


@dataclass(frozen=True)
class Found:
    """What an extractor reports: a span of the text and what it means.

    Offsets are absolute into the text the extractor was given, end exclusive.
    """

    kind: Kind
    start: int
    end: int
    speaker: str | None = None
    value: Any = None
    unit: str | None = None
    qualifier: str | None = None
    attributed_to: str | None = None


@dataclass(frozen=True)
class Claim:
    """One checkable statement in a draft, identified by what it says, not where."""

    id: str
    kind: Kind
    text: str
    start: int
    end: int
    line: int
    sentence: str
    speaker: str | None = None
    value: Any = None
    unit: str | None = None
    qualifier: str | None = None
    attributed_to: str | None = None
    figure: Any = None  # a date that is a lone year also reads as this number (see extract.editorial)
    repeats: str | None = None  # id of the body claim a headline claim restates (see extract.repeats)

    def to_dict(self) -> dict[str, Any]:
        """The public shape of a claim (the `extract` JSON contract), stable key order."""
        out: dict[str, Any] = {name: getattr(self, name) for name in CLAIM_FIELDS}
        out["kind"] = self.kind.value
        for name in KIND_FIELDS[self.kind]:
            out[name] = getattr(self, name)
        for name in LINK_FIELDS:
            if getattr(self, name) is not None:  # only a claims file's claims are linked
                out[name] = getattr(self, name)
        return out


@dataclass(frozen=True)
class FileClaims:
    """The claims of one draft or text file, with the date relative dates were read against."""

    path: str
    reference_date: str
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "reference_date": self.reference_date,
            "claims": [c.to_dict() for c in self.claims],
        }


_QUOTE_MARKS = (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u00a0", " "))


def normalize(text: str) -> str:
    """Text as compared for identity: Unicode-normalized, straight quotes, single spaces."""
    if not text.isascii():  # NFKC and the quote marks change no ASCII character
        text = unicodedata.normalize("NFKC", text)
        for mark, plain in _QUOTE_MARKS:  # replace() is many times faster than translate() with a table
            text = text.replace(mark, plain)
    return " ".join(text.split())  # split() and re's \s agree on what whitespace is


@functools.lru_cache(maxsize=1024)
def _normalized_sentence(sentence: str) -> str:
    """normalize(), once for all the claims of a sentence."""
    return normalize(sentence)


def claim_id(kind: Kind, text: str, sentence: str, occurrence: int = 0) -> str:
    """A stable id from the claim's words and its sentence, never from its position.

    The sentence is part of the key so that two "two"s in different sentences differ;
    `occurrence` separates the rare exact repeats within one sentence.
    """
    key = f"{kind.value}\x1f{normalize(text)}\x1f{_normalized_sentence(sentence)}"
    if occurrence:
        key += f"\x1f{occurrence}"
    digest = sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{kind.value[0]}-{digest}"
