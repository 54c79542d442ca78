"""The `export` contract: every draft's claims with status, verdict and evidence.

`{"drafts": [{"path": ..., "claims": [CLAIM, ...]}]}` where CLAIM has the fields that
`extract` gives, plus `status`, `verdict` and `evidence`. See docs/export.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from factcheck.model import (
    CLAIM_FIELDS,
    EVIDENCE_FIELDS,
    EVIDENCE_PLACE_FIELDS,
    KIND_FIELDS,
    LINK_FIELDS,
    ClaimRecord,
    EvidenceRecord,
    Kind,
    record_fields,
)
from factcheck.policy.publication_record import corrections_of
from factcheck.policy.sensitivity import CONFIDENTIAL_SOURCE
from factcheck.render import claimreview, csv_export
from factcheck.signoff.rules import Status, by_id, status_in, status_of


def export_claim(rec: ClaimRecord, index: dict[str, ClaimRecord] | None = None) -> dict[str, Any]:
    """A stored claim record → its public export shape (fixed keys, in a fixed order).

    `index`, the claims of its file by id, gives a headline claim that repeats a body
    claim that claim's status."""
    out = {key: rec.get(key) for key in CLAIM_FIELDS}
    try:
        kind_fields = KIND_FIELDS[Kind(rec.get("kind"))]
    except ValueError:
        kind_fields = ()
    for key in kind_fields:
        out[key] = rec.get(key)
    for key in LINK_FIELDS:
        if record_fields(rec).get(key) is not None:
            out[key] = record_fields(rec)[key]
    out["status"] = status_in(rec, index or {}).value
    out["verdict"] = rec.get("verdict")
    out["evidence"] = [_evidence(e) for e in rec.get("evidence") or [] if isinstance(e, dict)]
    return out


def _evidence(e: EvidenceRecord) -> dict[str, Any]:
    out = {key: e.get(key) for key in EVIDENCE_FIELDS}
    if e.get("source") == CONFIDENTIAL_SOURCE:
        out["confidential"] = True  # nothing but the verdict and score of this passage leaves the machine
    for key in (*EVIDENCE_PLACE_FIELDS, "verdict", "reason", "diff"):
        value = e.get(key)
        if value is not None:
            out[key] = value
    return out


def export_data(files: list) -> dict[str, Any]:
    """ClaimsFile objects → the export document."""
    return {"drafts": [{"path": cf.draft, "claims": _exported(cf.claims)} for cf in files]}


def _exported(claims: list[ClaimRecord]) -> list[dict[str, Any]]:
    index = by_id(claims)
    return [export_claim(c, index) for c in claims]


def as_json(files: list) -> str:
    return json.dumps(export_data(files), ensure_ascii=False, indent=2) + "\n"


PUBLISHED_FRONT_MATTER = ("title", "date", "url")


def _stored(files: list, fronts: dict[str, dict] | None = None) -> list[dict[str, Any]]:
    """The claims as stored, reviews included: ClaimReview and CSV say who signed off and when.

    `fronts` maps a draft's path to its front matter, whose title, date and url name the
    story a ClaimReview is published with.
    """
    out = []
    for cf in files:
        front = (fronts or {}).get(cf.draft) or {}
        record = {"path": cf.draft, "reference_date": cf.reference_date, "claims": cf.claims}
        record.update({k: front[k] for k in PUBLISHED_FRONT_MATTER if front.get(k) not in (None, "")})
        if cf.published is not None:
            record["corrections"] = corrections_of(cf.published)
        out.append(record)
    return out


def as_claimreview(files: list, fronts: dict[str, dict] | None = None) -> str:
    return claimreview.render(_stored(files, fronts))


def empty_reason(fmt: str, files: list) -> str | None:
    """Why an export came out empty, for stderr; None when it has something in it."""
    claims = [c for cf in files for c in cf.claims]
    if not files:
        return "nothing to export: no claims files yet; run `factcheck scan` first"
    if not claims:
        return "nothing to export: the claims files list no claims"
    if fmt == "claimreview":
        if not any(status_of(c) in (Status.APPROVED, Status.REJECTED) for c in claims):
            n = len(claims)
            return (
                f"no ClaimReview written: none of the {n} claim{'s' if n != 1 else ''} is approved or rejected yet "
                "(ClaimReview publishes signed-off claims only; see `factcheck review`)"
            )
    return None


def as_csv(files: list) -> str:
    return csv_export.render(_stored(files))


FORMATS: dict[str, Callable[..., str]] = {"json": as_json, "claimreview": as_claimreview, "csv": as_csv}
