"""Corroboration: claims that must rest on more than one independent source.

An allegation against a named person or a casualty figure is not safe on one source,
however good. The newsroom's `corroboration:` rules in .factcheck.yaml pick such claims
(by kind, by words in the sentence, by a front-matter flag); a claim can also carry its
own `needs: 2 sources` marker in the claims file. `match` counts the independent sources
whose passages support each picked claim and writes the count on it; `approve` refuses a
claim short of its count unless the editor gives an override note, and the gate reports
every override as a warning naming the editor.

Sources are independent when their publishers differ. A source's publisher is, first
found: the origin named by its sidecar's `derived_from:` (a copy of a wire story is the
wire's), the sidecar's `publisher:`, the host of its `url:`, and otherwise the file itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from factcheck.errors import FactcheckError, ReviewError
from factcheck.model import ClaimRecord, EvidenceRecord, Verdict
from factcheck.policy.sensitivity import CONFIDENTIAL_SOURCE
from factcheck.policy.settings import Rule
from factcheck.sources import SIDECAR_SUFFIX
from factcheck.store import yamlio

# The claims-file field `match` writes on every claim a rule or marker picks.
COUNT_FIELD: Final = "independent_sources"
# The claims-file field a person adds to one claim: `needs: 2 sources`.
MARKER_FIELD = "needs"
# The key an approval made despite too few sources carries: the editor's reason.
OVERRIDE_FIELD: Final = "override"

_MARKER = re.compile(r"^\s*(\d+)\s*(?:independent\s+)?(?:sources?)?\s*$", re.I)
# --- what a claim needs --------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """How many independent sources a claim needs, and why (the rules or the marker)."""

    sources: int
    why: tuple[str, ...]


def marker(rec: ClaimRecord) -> int | None:
    """The claim's own `needs: 2 sources` marker, or None; a marker that cannot be read
    counts as 2, never as no requirement."""
    value = rec.get(MARKER_FIELD)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return max(value, 1)
    m = _MARKER.match(str(value))
    return max(int(m.group(1)), 1) if m else 2


def needed(rules: tuple[Rule, ...], rec: ClaimRecord, meta: dict[str, Any]) -> Need | None:
    """What the claim needs, when a rule or its marker asks for more than one source."""
    why = [(r.sources, f"rule “{r}”") for r in rules if r.picks(rec, meta)]
    own = marker(rec)
    if own is not None:
        why.append((own, f"its marker “{MARKER_FIELD}: {rec.get(MARKER_FIELD)}”"))
    if not why:
        return None
    n = max(s for s, _ in why)
    return Need(n, tuple(w for s, w in why if s == n)) if n > 1 else None


def shortfall(rules: tuple[Rule, ...], rec: ClaimRecord, meta: dict[str, Any]) -> str | None:
    """Why the claim is under-corroborated, or None when it has the sources it needs."""
    need = needed(rules, rec, meta)
    if need is None:
        return None
    have = recorded_count(rec)
    if have >= need.sources:
        return None
    found = "`factcheck match` has not counted its sources yet" if have < 0 else f"match found {have}"
    return f"needs {need.sources} independent sources ({', '.join(need.why)}); {found}"


def recorded_count(rec: ClaimRecord) -> int:
    """The count `match` wrote on the claim; -1 when there is none."""
    value = rec.get(COUNT_FIELD)
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


# --- publishers ------------------------------------------------------------------------


class Publishers:
    """Who published each source, read from its sidecar once per run."""

    def __init__(self, root: Path):
        self.root = root
        self._known: dict[str, str] = {}

    def of(self, rel: str) -> str:
        if rel == CONFIDENTIAL_SOURCE:
            # sealed evidence names no source, so nothing committed can tell two confidential
            # sources apart: together they count as one publisher, never as several
            return "confidential"
        if rel not in self._known:
            self._known[rel] = self._find(rel, set())
        return self._known[rel]

    def _find(self, rel: str, seen: set[str]) -> str:
        seen.add(rel)
        side = _sidecar(self.root, rel)
        origin = side.get("derived_from")
        if isinstance(origin, str) and origin.strip():
            origin = origin.strip()
            if "://" in origin:
                return host_key(origin)
            origin = origin.lstrip("./")
            if origin not in seen:
                return self._find(origin, seen)
        publisher = side.get("publisher")
        if isinstance(publisher, str) and publisher.strip():
            return "publisher:" + " ".join(publisher.casefold().split())
        url = side.get("url")
        if isinstance(url, str) and "://" in url:
            return host_key(url)
        return "file:" + rel

    def count(self, evidence: list[EvidenceRecord], supporters: list[str] | None = None) -> int:
        """Independent publishers among the passages that support the claim: `supporters`,
        every source that does when `match` knows them (it shows only a few passages), or
        else the supporting passages of `evidence`."""
        if supporters is None:
            supporters = [
                str(e["source"]) for e in evidence if e.get("verdict") == Verdict.SUPPORTED and e.get("source")
            ]
        return len({self.of(s) for s in supporters})

    def digest(self, paths: list[str]) -> str:
        """One digest of every source's publisher: a sidecar edit changes what a count means."""
        text = "".join(f"{p}\0{self.of(p)}\n" for p in sorted(paths))
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


# Second-level labels under which names are registered ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "gv", "or", "ne"}


def host_key(url: str) -> str:
    """The site a URL belongs to: its host without `www.` and without subdomains, so
    news.example.org and www.example.org are one publisher."""
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return "host:" + ".".join(labels[-keep:])


def _sidecar(root: Path, rel: str) -> dict[str, Any]:
    side = root / (rel + SIDECAR_SUFFIX)
    try:
        if not side.is_file() or side.is_symlink():
            return {}
        data = yamlio.load(side.read_text(encoding="utf-8"), path=str(side))
    except (FactcheckError, OSError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def rules_digest(rules: tuple[Rule, ...]) -> str:
    return hashlib.sha256(repr(rules).encode("utf-8")).hexdigest()[:16]


class Tally:
    """What `match` writes on a draft's claims: the count, on the claims that need one."""

    def __init__(self, rules: tuple[Rule, ...], publishers: Publishers, meta: dict[str, Any]):
        self.rules, self.publishers, self.meta = rules, publishers, meta

    def count(
        self, rec: ClaimRecord, evidence: list[EvidenceRecord], supporters: list[str] | None = None
    ) -> int | None:
        picked = any(r.picks(rec, self.meta) for r in self.rules) or marker(rec) is not None
        return self.publishers.count(evidence, supporters) if picked else None

    def recorded(self, rec: ClaimRecord, evidence: list[EvidenceRecord], supporters: list[str] | None = None) -> bool:
        return rec.get(COUNT_FIELD) == self.count(rec, evidence, supporters)

    def apply(self, rec: ClaimRecord, evidence: list[EvidenceRecord], supporters: list[str] | None = None) -> None:
        n = self.count(rec, evidence, supporters)
        if n is None:
            rec.pop(COUNT_FIELD, None)
        else:
            rec[COUNT_FIELD] = n


# --- sign-off ---------------------------------------------------------------------------


def approval_extra(
    rules: tuple[Rule, ...], rec: ClaimRecord, meta: dict[str, Any], override: str | None
) -> dict[str, Any] | None:
    """What an approval of `rec` must carry: nothing when it is corroborated, the override
    note when it is not; refused (ReviewError) when it is not and there is no note."""
    short = shortfall(rules, rec, meta)
    if short is None:
        return None
    if not (override and override.strip()):
        raise ReviewError(
            f"claim {rec.get('id')} {short}; add sources and run `factcheck match`, "
            'or approve it anyway with --override "why it can stand"'
        )
    return {OVERRIDE_FIELD: " ".join(override.split())}


# --- the gate ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GateNote:
    """An approved claim short of its sources: overridden (a warning naming the editor) or not."""

    claim: ClaimRecord
    message: str
    overridden: bool


def approved_shortfalls(rules: tuple[Rule, ...], approved: list[ClaimRecord], meta: dict[str, Any]) -> list[GateNote]:
    """For each approved claim short of its independent sources: whether its approval
    carries an override. An approval without one was not made by `approve` (which refuses
    it) or was made before the sources fell short: either way it does not count."""
    notes = []
    for rec in approved:
        short = shortfall(rules, rec, meta)
        if short is None:
            continue
        last = rec["reviews"][-1]
        who = f"{last.get('name') or last.get('by')} <{last.get('by')}>"
        reason = last.get(OVERRIDE_FIELD)
        if isinstance(reason, str) and reason.strip():
            message = (
                f"{rec.get('kind')} approved by {who} with too few sources: it {short}; override: {reason.strip()}"
            )
            notes.append(GateNote(rec, message, True))
        else:
            message = (
                f"{rec.get('kind')} approved by {last.get('by')} but it {short}; "
                'run `factcheck approve --override "why"` or add sources'
            )
            notes.append(GateNote(rec, message, False))
    return notes
