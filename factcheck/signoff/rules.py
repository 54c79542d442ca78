"""Sign-off rules: who may sign, what a decision records, and a claim's review status.

Pure rules over claim records (the dicts of a claims file). No git and no printing:
the sign-off and check modules feed in identities, authors and clocks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from factcheck.errors import DataError, ReviewError
from factcheck.model import ClaimRecord, ReviewEntry, Verdict, normalize

# Keys of a claim record that belong to review; they survive every rescan.
REVIEW_FIELDS = ("fingerprint", "status", "reviews", "needs")

# Keys a decision carries only sometimes (an override of the corroboration rules, a
# correction of a published claim); when present they are signed and identify it too.
POLICY_FIELDS: tuple[Literal["override", "correction", "corrects"], ...] = ("override", "correction", "corrects")


class Status(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    STALE = "stale"


class Decision(str, Enum):
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Reviewer:
    """A git identity: the person a decision is recorded for and the commit is authored by."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


def fingerprint(text: str, sentence: str | None) -> str:
    """What a sign-off is bound to: the claim's words and the sentence they stand in."""
    key = f"{normalize(text)}\x1f{normalize(sentence or '')}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def claim_fingerprint(rec: ClaimRecord) -> str:
    return fingerprint(str(rec.get("text", "")), rec.get("sentence"))


# What else an approval vouches for besides the words: who said a quote, what a figure
# or date resolves to (a new front-matter date moves every relative date), and the
# source the verdict was found in.
BOUND_FIELDS = ("speaker", "value", "unit", "source")


def checked_source(rec: ClaimRecord) -> str | None:
    """The source a verdict rests on: the first evidence of a supported or contradicted claim."""
    if rec.get("verdict") not in (Verdict.SUPPORTED, Verdict.CONTRADICTED):
        return None
    evidence = rec.get("evidence") or []
    first = evidence[0] if isinstance(evidence, list) and evidence else None
    return str(first["source"]) if isinstance(first, dict) and first.get("source") else None


def binding(rec: ClaimRecord) -> dict[str, Any]:
    """The claim's bound fields as they stand (absent when empty), stored with each decision."""
    values = {k: rec.get(k) for k in BOUND_FIELDS[:3]} | {"source": checked_source(rec)}
    return {k: v for k, v in values.items() if v is not None}


def binding_key(rec: ClaimRecord) -> str:
    """One short hash of everything a decision is bound to: text, sentence, speaker, value, unit.

    The same claim read the same way gives the same key wherever it moves, so a verdict or
    a decision can be looked up by it.
    """
    bound = {k: v for k, v in binding(rec).items() if k != "source"}
    key = f"{claim_fingerprint(rec)}\x1f{json.dumps(bound, sort_keys=True, default=str)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def binding_changes(entry: ReviewEntry, rec: ClaimRecord) -> list[tuple[str, Any, Any]]:
    """(field, was, now) for each bound field that changed since the decision `entry`.

    Decisions recorded before bindings existed carry no `bound` and are held to their
    fingerprint alone. A decision made before any source was matched is not staled by
    the first match.
    """
    bound = entry.get("bound")
    if not isinstance(bound, dict):
        return []
    now = binding(rec)
    changes = []
    for key in BOUND_FIELDS:
        was, current = bound.get(key), now.get(key)
        if key == "source" and was is None:
            continue
        if _canonical(was) != _canonical(current):
            changes.append((key, was, current))
    return changes


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def reviews_of(rec: ClaimRecord, *, path: str | None = None) -> list[ReviewEntry]:
    """The claim's review history, oldest first; a malformed history is a corrupt file."""
    reviews = rec.get("reviews") or []
    ok = isinstance(reviews, list) and all(
        isinstance(r, dict)
        and r.get("decision") in (Decision.APPROVED, Decision.REJECTED)
        and isinstance(r.get("by"), str)
        for r in reviews
    )
    if not ok:
        raise DataError(
            f"claim {rec.get('id')}: `reviews:` must be a list of decisions, each with `by` and `decision`", path=path
        )
    return reviews


def status_from(rec: ClaimRecord, reviews: list[ReviewEntry]) -> Status:
    """Status given a chosen history: the last decision, unless the claim changed since it."""
    if not reviews:
        return Status.PENDING
    last = reviews[-1]
    if last.get("fingerprint") != claim_fingerprint(rec) or binding_changes(last, rec):
        return Status.STALE
    return Status(last["decision"])


def status_of(rec: ClaimRecord, *, path: str | None = None) -> Status:
    return status_from(rec, reviews_of(rec, path=path))


def review_key(review: Mapping[str, Any]) -> tuple:
    """What identifies one decision across the history of claims files (ids may change)."""
    fields = tuple(str(review.get(k)) for k in ("by", "at", "decision", "fingerprint", "note"))
    # the binding is part of what was decided: editing it must make the decision another one
    fields = fields + (_canonical(review["bound"]),) if "bound" in review else fields
    return fields + tuple(f"{k}={_canonical(review[k])}" for k in POLICY_FIELDS if k in review)


def last_signed_text(rec: ClaimRecord) -> tuple[str | None, str | None]:
    """Text and sentence as last signed off, for showing a stale claim's old → new."""
    reviews = rec.get("reviews") or []
    if not reviews or not isinstance(reviews[-1], dict):
        return None, None
    return reviews[-1].get("text"), reviews[-1].get("sentence")


def check_reviewer(config, who: Reviewer) -> None:
    """Only the editors listed under `reviewers:` may sign off."""
    if not config.reviewers:
        raise ReviewError("nobody may sign off yet: list the editors' emails under `reviewers:` in .factcheck.yaml")
    if who.email.strip().lower() not in config.reviewers:
        raise ReviewError(
            f"{who.email} is not a reviewer; only the emails under `reviewers:` in .factcheck.yaml may sign off "
            "(check `git config user.email`)"
        )


def check_not_author(config, who: Reviewer, claim_id: str, authors: set[str | None]) -> None:
    """By default the writer of a claim may not approve it: sign-off needs a second pair of eyes.

    `authors` are the emails of the commits that last touched the claim's lines; None
    stands for lines not committed yet, whose author cannot be known.
    """
    if config.allow_self_approval:
        return
    if None in authors:
        raise ReviewError(f"claim {claim_id}: its lines in the draft are not committed yet; commit the draft first")
    if who.email.strip().lower() in {a.lower() for a in authors if a}:
        raise ReviewError(
            f"claim {claim_id}: you wrote it, so another reviewer must approve it "
            "(or set `allow_self_approval: true` in .factcheck.yaml)"
        )


def signed_message(entry: Mapping[str, Any]) -> bytes:
    """What a reviewer's signature covers: who, when, the decision, the note and the claim's binding."""
    keys = ("by", "at", "decision", "note", "fingerprint", "bound")
    data = {k: entry.get(k) for k in keys} | {k: entry[k] for k in POLICY_FIELDS if k in entry}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def record(
    rec: ClaimRecord,
    decision: Decision,
    who: Reviewer,
    at: str,
    note: str | None = None,
    sign=None,
    extra: dict[str, Any] | None = None,
) -> bool:
    """Add one decision to a claim's history; False when it changes nothing (already approved).

    `sign`, when given, turns the decision's signed message into a signature kept with it.
    `extra` holds policy fields (an override note, a correction), signed with the rest.
    """
    reviews = reviews_of(rec)
    if decision is Decision.APPROVED and status_from(rec, reviews) is Status.APPROVED and not extra:
        return False
    if decision is Decision.REJECTED and not (note and note.strip()):
        raise ReviewError(f"claim {rec.get('id')}: a rejection needs a note saying what is wrong")
    fp = claim_fingerprint(rec)
    entry: ReviewEntry = {"by": who.email, "name": who.name, "at": at, "decision": decision.value}
    if note and note.strip():
        entry["note"] = note.strip()
    entry.update({"fingerprint": fp, "bound": binding(rec)})
    for k in POLICY_FIELDS:
        if (extra or {}).get(k) is not None:
            entry[k] = (extra or {})[k]
    if sign is not None:
        entry["signature"] = sign(signed_message(entry))
    entry.update({"text": rec.get("text"), "sentence": rec.get("sentence")})
    rec["fingerprint"] = fp
    rec["status"] = decision.value
    rec["reviews"] = [*reviews, entry]
    return True


def refresh_status(rec: ClaimRecord) -> None:
    """Write the derived status next to the history, so the YAML reads true (absent = pending).

    A malformed history is left exactly as it is: rescanning must not destroy what a
    person typed, and `check` reports the file as corrupt.
    """
    try:
        status = status_of(rec)
    except DataError:
        return
    if status is Status.PENDING:
        rec.pop("status", None)
    else:
        rec["status"] = status.value


def find_claim(claims: list[ClaimRecord], ref: str, *, path: str) -> ClaimRecord:
    """A claim by its id, or by an unambiguous start of it."""
    exact = [c for c in claims if c.get("id") == ref]
    if exact:
        return exact[0]
    matches = [c for c in claims if str(c.get("id", "")).startswith(ref)] if len(ref) >= 3 else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ReviewError(f"claim id {ref!r} is ambiguous: {', '.join(c['id'] for c in matches)}", path=path)
    raise ReviewError(f"no claim {ref!r} in this claims file; `factcheck show` lists the ids", path=path)


def awaiting_review(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """The claims an editor still has to look at: never reviewed, or changed since sign-off.

    A headline claim that repeats a body claim is not among them: it follows that claim."""
    index = by_id(claims)
    return [c for c in claims if followed(c, index) is None and status_of(c) in (Status.PENDING, Status.STALE)]


# --- claims that repeat another -----------------------------------------------------------
# A headline figure or date that restates one in the body (extract.repeats) carries
# `repeats: <id>`. It has no sign-off of its own: its status is the body claim's, for as
# long as the body claim is in the file. Decisions it had before it was linked stay in its
# history but do not count while the link holds.


def by_id(claims: list[ClaimRecord]) -> dict[str, ClaimRecord]:
    """A claims file's claims by id, for following links."""
    return {c["id"]: c for c in claims if isinstance(c.get("id"), str)}


def followed(rec: ClaimRecord, index: dict[str, ClaimRecord]) -> ClaimRecord | None:
    """The body claim `rec` repeats, when the file holds it; None for a claim of its own."""
    target = rec.get("repeats")
    body = index.get(target) if isinstance(target, str) else None
    if body is None or body is rec or body.get("repeats") is not None:
        return None  # a link to nothing, or to another repeat, is no link: the claim stands alone
    return body


class Links:
    """Which claims of one claims file repeat which, worked out once for the whole file."""

    __slots__ = ("index", "_repeats")

    def __init__(self, claims: list[ClaimRecord]):
        self.index = by_id(claims)
        self._repeats: dict[str, list[ClaimRecord]] = {}
        for c in claims:
            body = followed(c, self.index)
            if body is not None:
                self._repeats.setdefault(body["id"], []).append(c)

    def follows(self, rec: ClaimRecord) -> ClaimRecord | None:
        """The body claim `rec` repeats and follows, or None."""
        return followed(rec, self.index)

    def repeated_by(self, rec: ClaimRecord) -> list[ClaimRecord]:
        """The headline claims that repeat `rec` and follow its sign-off."""
        return self._repeats.get(str(rec.get("id")), [])


def signed_as(rec: ClaimRecord, index: dict[str, ClaimRecord]) -> ClaimRecord:
    """The claim whose sign-off and verdict count for `rec`: the body claim it repeats, or itself."""
    body = followed(rec, index)
    return rec if body is None else body


def status_in(rec: ClaimRecord, index: dict[str, ClaimRecord], *, path: str | None = None) -> Status:
    """A claim's status in its file: a repeat's is that of the claim it repeats."""
    return status_of(signed_as(rec, index), path=path)


def last_decision(rec: ClaimRecord) -> ReviewEntry | None:
    reviews = rec.get("reviews") or []
    return reviews[-1] if reviews and isinstance(reviews[-1], dict) else None


def supported_unapproved(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """Claims whose evidence supports them, not approved as they stand, and never overruling a rejection."""
    index = by_id(claims)
    return [
        c
        for c in claims
        if c.get("verdict") == Verdict.SUPPORTED
        and followed(c, index) is None
        and status_of(c) is not Status.APPROVED
        and not rejected_last(c)
    ]


def rejected_last(rec: ClaimRecord) -> bool:
    """The last decision on the claim (whether or not it changed since) is a rejection."""
    last = last_decision(rec)
    return bool(last and last.get("decision") == Decision.REJECTED.value)
