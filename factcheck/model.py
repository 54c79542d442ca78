"""The values that flow through factcheck: claims found in drafts, their kinds and fields.

The field lists here are the only ones: the `extract` JSON, the claims files, the
export, the terminal and the HTML report all take a claim's fields, and their order,
from `CLAIM_FIELDS` and `KIND_FIELDS`, and an evidence passage's from `EVIDENCE_FIELDS`.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

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

# The fields every claim has, in the order every format writes them.
CLAIM_FIELDS = ("id", "kind", "text", "start", "end", "line", "sentence")

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
EVIDENCE_FIELDS = ("source", "start", "end", "text", "score")
EVIDENCE_PLACE_FIELDS = ("page", "timestamp", "speaker")


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


_QUOTE_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Text as compared for identity: Unicode-normalized, straight quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return _SPACE.sub(" ", text).strip()


def claim_id(kind: Kind, text: str, sentence: str, occurrence: int = 0) -> str:
    """A stable id from the claim's words and its sentence, never from its position.

    The sentence is part of the key so that two "two"s in different sentences differ;
    `occurrence` separates the rare exact repeats within one sentence.
    """
    key = f"{kind.value}\x1f{normalize(text)}\x1f{normalize(sentence)}"
    if occurrence:
        key += f"\x1f{occurrence}"
    digest = sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{kind.value[0]}-{digest}"
