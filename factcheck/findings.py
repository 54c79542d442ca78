"""What the publication gate finds: the kinds of finding, one finding, the whole result.

Every output format of `check` (text, JSON, SARIF, GitHub annotations, the report)
renders these, and the rules that produce them (`check`, `basecompare`, `policy`)
all build them, so they live apart from any one of those.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.model import ClaimRecord


class FindingKind(str, Enum):
    """What can hold a draft back, most serious first."""

    CONFIG_CHANGED = "config-changed"
    HISTORY_REWRITTEN = "history-rewritten"
    FORGED = "forged"
    SYMLINK = "symlink"
    DROPPED = "dropped"
    HIDDEN_CHARACTERS = "hidden-characters"
    EXPOSED = "exposed"
    VANISHED = "vanished"
    REJECTED = "rejected"
    UNCORRECTED = "uncorrected"
    UNDER_CORROBORATED = "under-corroborated"
    MISSING = "missing"
    OUT_OF_DATE = "out-of-date"
    STALE = "stale"
    PENDING = "pending"
    OVERRIDDEN = "corroboration-overridden"


# Kinds that are reported but do not hold a draft back.
WARNINGS = frozenset({FindingKind.OVERRIDDEN})

TITLES = {
    FindingKind.CONFIG_CHANGED: "Sign-off rules changed",
    FindingKind.HISTORY_REWRITTEN: "Review history rewritten",
    FindingKind.FORGED: "Forged sign-off",
    FindingKind.SYMLINK: "Draft is a symbolic link",
    FindingKind.DROPPED: "Signed-off draft no longer checked",
    FindingKind.HIDDEN_CHARACTERS: "Hidden characters",
    FindingKind.EXPOSED: "Confidential evidence in the clear",
    FindingKind.VANISHED: "Signed-off claim vanished",
    FindingKind.REJECTED: "Claim rejected",
    FindingKind.UNCORRECTED: "Published claim changed without a correction",
    FindingKind.UNDER_CORROBORATED: "Too few independent sources",
    FindingKind.MISSING: "Claims file missing",
    FindingKind.OUT_OF_DATE: "Claims file out of date",
    FindingKind.STALE: "Sign-off stale",
    FindingKind.PENDING: "Claim not signed off",
    FindingKind.OVERRIDDEN: "Corroboration overridden",
}

RANK = {kind: i for i, kind in enumerate(FindingKind)}


@dataclass(frozen=True)
class Finding:
    """One reason a draft is not clear to publish; every output format renders these."""

    kind: FindingKind
    path: str
    line: int | None
    message: str
    draft: str
    claim: str | None = None
    text: str | None = None
    verdict: str | None = None  # the matcher's verdict, so a person sees what a pending claim is worth
    was: str | None = None  # a stale claim's text as last signed off

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    @property
    def level(self) -> str:
        return "warning" if self.kind in WARNINGS else "error"

    def sort_key(self) -> tuple:
        return (RANK[self.kind], self.path, self.line or 0, self.claim or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "title": self.title,
            "path": self.path,
            "line": self.line,
            "draft": self.draft,
            "claim": self.claim,
            "text": self.text,
            "message": self.message,
            "level": self.level,
        }


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    drafts: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    base: str | None = None
    errors: tuple[FactcheckError, ...] = ()

    @property
    def clear(self) -> bool:
        return not self.errors and all(f.level == "warning" for f in self.findings)

    @property
    def problems(self) -> int:
        """Findings that hold a draft back (warnings do not)."""
        return sum(1 for f in self.findings if f.level != "warning")

    @property
    def claims(self) -> int:
        return sum(self.counts.values())


@dataclass
class CheckedDraft:
    """One draft after its in-memory rescan."""

    draft: str
    claims_file: str
    claims: list[ClaimRecord]
    disk_text: str = ""
    findings: list[Finding] = field(default_factory=list)
    stored: list[ClaimRecord] = field(default_factory=list)  # the claims file as committed
    text: str = ""  # the draft
    policy: Any = None  # which of its sources are confidential or embargoed now (SourcePolicy)
    meta: dict[str, Any] = field(default_factory=dict)  # the draft's front matter
    published: dict[str, Any] | None = None  # the publication record, once published


def claims_rel(config: Config, draft: str) -> str:
    # the path claims_files.claims_path gives, built as a string: the gate computes one per draft
    return f"{config.claims.rstrip('/')}/{os.path.splitext(draft)[0]}.yaml"


def is_claims_file(config: Config, rel: str) -> bool:
    return rel.startswith(config.claims.rstrip("/") + "/") and rel.endswith(".yaml")


def shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def id_line(text: str, cid: str) -> int | None:
    at = text.find(f"id: {cid}\n")
    return text.count("\n", 0, at) + 1 if at >= 0 else None
