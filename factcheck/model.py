"""The values that flow through factcheck: claims found in drafts, and their kinds.

Every output format (text, JSON, YAML, and the later review and report formats)
renders these same objects, so a field added here reaches all of them at once.
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


# Fields that only some kinds carry, in the order they are written out.
KIND_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.QUOTE: ("speaker",),
    Kind.FIGURE: ("value", "unit", "qualifier"),
    Kind.DATE: ("value", "figure"),
    Kind.ATTRIBUTION: ("attributed_to",),
}


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

    def to_dict(self) -> dict[str, Any]:
        """The public shape of a claim (the `extract` JSON contract), stable key order."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "sentence": self.sentence,
        }
        for name in KIND_FIELDS[self.kind]:
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
