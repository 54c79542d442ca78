"""Three-way merge of a claims file, for git's merge driver.

Two editors who sign off different claims of one draft on two branches touch nearby
lines of the same YAML, and git's line merge calls that a conflict. The claims file is
data with a clear rule instead: decisions are only ever added, so the merge keeps every
decision from both sides, in time order, and takes other changes from whichever side
made them. If the two sides disagree about the draft itself, the result is marked out
of date by `factcheck check` until somebody rescans the merged draft.
"""

from __future__ import annotations

from typing import Any

from factcheck.model import ClaimRecord, ReviewEntry, as_claim_record, record_fields
from factcheck.signoff import rules
from factcheck.store import claims_files

Record = ClaimRecord


def merge_texts(base: str | None, ours: str, theirs: str, *, path: str) -> str:
    """The merged claims file; raises DataError when a side cannot be read (git keeps the conflict)."""
    b = claims_files.parse_claims_file(base, path=path) if base and base.strip() else None
    o = claims_files.parse_claims_file(ours, path=path)
    t = claims_files.parse_claims_file(theirs, path=path)
    merged = claims_files.ClaimsFile(
        draft=_pick(b and b.draft, o.draft, t.draft),
        reference_date=_pick(b and b.reference_date, o.reference_date, t.reference_date),
        draft_sha256=_pick(b and b.draft_sha256, o.draft_sha256, t.draft_sha256),
        claims=merge_claims(b.claims if b else [], o.claims, t.claims),
        published=_pick(b and b.published, o.published, t.published),
    )
    return claims_files.render_claims_file(merged)


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    """Whichever side changed the value; ours when both did."""
    return theirs if ours == base else ours


def merge_claims(base: list[Record], ours: list[Record], theirs: list[Record]) -> list[Record]:
    by_base = {c["id"]: c for c in base}
    by_theirs = {c["id"]: c for c in theirs}
    out = []
    for rec in ours:
        other = by_theirs.get(rec["id"])
        if other is not None:
            out.append(merge_claim(by_base.get(rec["id"]), rec, other))
        elif rec["id"] not in by_base or rec != by_base[rec["id"]]:
            out.append(rec)  # new on our side, or reviewed here since: keep it
    ours_ids = {c["id"] for c in ours}
    out += [c for c in theirs if c["id"] not in ours_ids and (c["id"] not in by_base or c != by_base[c["id"]])]
    return sorted(out, key=lambda c: (int(c.get("start") or 0), c["id"]))


def merge_claim(base: Record | None, ours: Record, theirs: Record) -> Record:
    was, mine, other = record_fields(base) if base else {}, record_fields(ours), record_fields(theirs)
    rec = as_claim_record(
        {k: _pick(was.get(k), mine.get(k), other.get(k)) for k in (*mine, *(k for k in other if k not in mine))}
    )
    reviews = _union_reviews(ours.get("reviews") or [], theirs.get("reviews") or [])
    if reviews:
        rec["reviews"] = reviews
        record_fields(rec)["fingerprint"] = reviews[-1].get("fingerprint")  # None: dropped below
    rules.refresh_status(rec)
    return as_claim_record({k: v for k, v in record_fields(rec).items() if v is not None})


def _union_reviews(ours: list[ReviewEntry], theirs: list[ReviewEntry]) -> list[ReviewEntry]:
    """Every decision from both sides once, oldest first (ties: ours before theirs)."""
    seen = {rules.review_key(r) for r in ours}
    both = list(ours) + [r for r in theirs if rules.review_key(r) not in seen]
    return sorted(both, key=lambda r: str(r.get("at", "")))
