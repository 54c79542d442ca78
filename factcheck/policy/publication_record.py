"""The publication record in a claims file, as the gate and corrections read it: which
claims were signed off when the draft went out, which corrections it carries, and what
is still open.

`policy.publication` writes the record (and runs the gate before it does); this module
only reads it, so the gate can import it without importing the act of publishing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from factcheck.model import ClaimRecord, ReviewEntry
from factcheck.signoff import rules


def corrections_of(published: dict[str, Any] | None) -> list[ReviewEntry]:
    entries = (published or {}).get("corrections")
    return [e for e in entries if _is_correction(e)] if isinstance(entries, list) else []


def _is_correction(entry: Any) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("corrects"), dict)


class PublishedClaim(TypedDict):
    """A claim as the publication record keeps it: what was signed off when the draft went out."""

    id: str
    text: str | None
    fingerprint: str | None


def published_claims(published: dict[str, Any] | None) -> list[PublishedClaim]:
    """The record's claims that name an id, each as a `PublishedClaim`."""
    items = (published or {}).get("claims")
    if not isinstance(items, list):
        return []
    return [
        PublishedClaim(id=c["id"], text=c.get("text"), fingerprint=c.get("fingerprint"))
        for c in items
        if isinstance(c, dict) and isinstance(c.get("id"), str)
    ]


@dataclass(frozen=True)
class Open:
    """A claim signed off at publication that changed or went, with no correction yet.

    `id`, `text` and `fingerprint` are the claim as last vouched for (as published, or as
    its last correction left it); `successor` is the claim that now stands in its place,
    if one does (it carries the old claim's review history)."""

    id: str
    text: str | None
    fingerprint: str | None
    successor: ClaimRecord | None


def uncorrected(
    published: dict[str, Any] | None, claims: list[ClaimRecord], entries: list[ReviewEntry] | None = None
) -> list[Open]:
    """Every published claim whose chain of corrections does not reach the draft as it reads now.

    `entries` are the corrections to count (the gate passes only verified ones)."""
    if published is None:
        return []
    current = {c["id"] for c in claims}
    by_corrected = {
        str(e["corrects"].get("claim")): e for e in (corrections_of(published) if entries is None else entries)
    }
    out = []
    for item in published_claims(published):
        node_id: str | None = item["id"]  # a correction that takes the claim out names none
        text, fp = item["text"], item["fingerprint"]
        seen: set[str] = set()
        while node_id is not None and node_id not in current and node_id not in seen:
            seen.add(node_id)
            entry = by_corrected.get(node_id)
            if entry is None:
                break
            node_id, text, fp = entry.get("claim"), entry.get("text"), entry.get("fingerprint")
        if node_id is None or node_id in current:
            continue
        out.append(Open(node_id, text, fp, _successor(claims, fp)))
    return out


def _successor(claims: list[ClaimRecord], fingerprint: str | None) -> ClaimRecord | None:
    """The claim that carries the review history of the one signed off with `fingerprint`."""
    if not fingerprint:
        return None
    for c in claims:
        if any(isinstance(r, dict) and r.get("fingerprint") == fingerprint for r in c.get("reviews") or []):
            return c
    return None


def open_message(draft: str, published: dict[str, Any], item: Open) -> str:
    was = _short(item.text)
    when = published.get("at")
    if item.successor is not None:
        now = _short(item.successor.get("text"))
        return (
            f"“{was}” was signed off when the draft was published ({when}) and now reads “{now}” with no correction; "
            f'run `factcheck correct {draft} {item.successor["id"]} --note "what was wrong"`'
        )
    return (
        f"“{was}” was signed off when the draft was published ({when}) and is gone from it with no correction; "
        f'run `factcheck correct {draft} {item.id} --note "what was wrong"`'
    )


def _short(text: Any, width: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def rewritten(at_base: dict[str, Any] | None, now: dict[str, Any] | None) -> str | None:
    """Why the branch's publication record does not keep the base's, or None when it does:
    a record, its published claims and its corrections are only ever added to."""
    if at_base is None:
        return None
    if now is None:
        return f"the publication record of {at_base.get('at')} was removed on this branch; a published draft stays published"
    if now.get("at") != at_base.get("at") or _claim_keys(at_base) - _claim_keys(now):
        return "the publication record was altered on this branch; the claims as published are kept as they were"
    kept = {rules.review_key(e) for e in corrections_of(now)}
    if any(rules.review_key(e) not in kept for e in corrections_of(at_base)):
        return "a correction recorded on the base is missing or altered on this branch; corrections are only ever added"
    return None


def _claim_keys(record: dict[str, Any]) -> set[tuple[str, str | None, str | None]]:
    return {(c["id"], c["text"], c["fingerprint"]) for c in published_claims(record)}
