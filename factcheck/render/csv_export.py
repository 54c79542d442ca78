"""One row per claim, for spreadsheets. Columns are fixed and documented in docs/report.md.

Input is the per-draft claim records that `factcheck export` works on:
[{"path": ..., "claims": [claim, ...]}, ...].
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from factcheck.model import ClaimRecord, EvidenceRecord, ReviewEntry, record_fields
from factcheck.report import claim_state
from factcheck.signoff.rules import by_id, signed_as, status_of

# Appending a column is allowed; renaming, removing or reordering one breaks spreadsheets.
COLUMNS = (
    "draft",
    "line",
    "claim_id",
    "kind",
    "text",
    "sentence",
    "speaker",
    "value",
    "unit",
    "qualifier",
    "attributed_to",
    "verdict",
    "status",
    "state",
    "source",
    "location",
    "evidence_text",
    "score",
    "reason",
    "reviewed_by",
    "reviewed_at",
    "decision",
    "note",
    "review_count",
)

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value as written: numbers stay numbers; text that a spreadsheet would run is defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def location(ev: EvidenceRecord) -> str:
    bits = []
    if ev.get("page") is not None:
        bits.append(f"page {ev['page']}")
    if ev.get("timestamp"):
        bits.append(str(ev["timestamp"]))
    if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
        bits.append(f"chars {ev['start']}-{ev['end']}")
    return ", ".join(bits)


def _best_evidence(claim: ClaimRecord) -> EvidenceRecord:
    evidence = claim.get("evidence") or []
    none: EvidenceRecord = {}
    return next((ev for ev in evidence if isinstance(ev, dict)), none)


def _last_review(claim: ClaimRecord) -> ReviewEntry:
    found = [r for r in claim.get("reviews") or [] if isinstance(r, dict)]
    none: ReviewEntry = {}
    return found[-1] if found else none


def row(draft_path: str, claim: ClaimRecord, signed: ClaimRecord | None = None) -> dict[str, Any]:
    """One claim's cells; `signed` is the claim whose sign-off counts for it, when that is
    another (the body claim a headline claim repeats)."""
    ev, review = _best_evidence(claim), _last_review(claim)
    # Every column not worked out here is the claim's own key of the same name, so
    # COLUMNS alone decides what is copied and in which order.
    worked_out: dict[str, Any] = {
        "draft": draft_path,
        "claim_id": claim.get("id"),
        "status": status_of(signed if signed is not None else claim).value,
        "state": claim_state(claim, signed).value,
        "source": ev.get("source"),
        "location": location(ev) if ev else "",
        "evidence_text": ev.get("text"),
        "score": ev.get("score"),
        "reason": ev.get("reason"),
        "reviewed_by": review.get("by"),
        "reviewed_at": review.get("at"),
        "decision": review.get("decision"),
        "note": review.get("note"),
        "review_count": len([r for r in claim.get("reviews") or [] if isinstance(r, dict)]),
    }
    fields = record_fields(claim)
    return {k: cell(worked_out[k] if k in worked_out else fields.get(k)) for k in COLUMNS}


def render(drafts: Iterable[dict[str, Any]]) -> str:
    """CSV text (RFC 4180: comma-separated, CRLF line ends, quoted where needed), header first."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for draft in drafts:
        index = by_id(draft.get("claims") or [])
        for claim in draft.get("claims") or []:
            writer.writerow(row(str(draft.get("path") or ""), claim, signed_as(claim, index)))
    return buf.getvalue()
