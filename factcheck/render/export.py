"""The `export` contract: every draft's claims with status, verdict and evidence.

`{"drafts": [{"path": ..., "claims": [CLAIM, ...]}]}` where CLAIM has the fields that
`extract` gives, plus `status`, `verdict` and `evidence`. See docs/export.md.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import KIND_FIELDS, Kind
from factcheck.review import status_of

BASE_FIELDS = ("id", "kind", "text", "start", "end", "line", "sentence")
EVIDENCE_FIELDS = ("source", "start", "end", "text", "score")


def export_claim(rec: dict[str, Any]) -> dict[str, Any]:
    """A stored claim record → its public export shape (fixed keys, in a fixed order)."""
    out = {key: rec.get(key) for key in BASE_FIELDS}
    try:
        kind_fields = KIND_FIELDS[Kind(rec.get("kind"))]
    except ValueError:
        kind_fields = ()
    for key in kind_fields:
        out[key] = rec.get(key)
    out["status"] = status_of(rec).value
    out["verdict"] = rec.get("verdict")
    out["evidence"] = [_evidence(e) for e in rec.get("evidence") or [] if isinstance(e, dict)]
    return out


def _evidence(e: dict[str, Any]) -> dict[str, Any]:
    out = {key: e.get(key) for key in EVIDENCE_FIELDS}
    for key in ("page", "timestamp", "speaker", "verdict", "reason", "diff"):
        if e.get(key) is not None:
            out[key] = e[key]
    return out


def export_data(files: list) -> dict[str, Any]:
    """ClaimsFile objects → the export document."""
    return {"drafts": [{"path": cf.draft, "claims": [export_claim(c) for c in cf.claims]} for cf in files]}


def as_json(files: list) -> str:
    return json.dumps(export_data(files), ensure_ascii=False, indent=2) + "\n"


def _stored(files: list) -> list[dict[str, Any]]:
    """The claims as stored, reviews included: ClaimReview and CSV say who signed off and when."""
    return [{"path": cf.draft, "reference_date": cf.reference_date, "claims": cf.claims} for cf in files]


def as_claimreview(files: list) -> str:
    from factcheck.render import claimreview

    return claimreview.render(_stored(files))


def as_csv(files: list) -> str:
    from factcheck.render import csv_export

    return csv_export.render(_stored(files))


FORMATS = {"json": as_json, "claimreview": as_claimreview, "csv": as_csv}
