"""Corrections: how a published claim changes, and the newsroom's log of them.

`factcheck correct DRAFT CLAIM --note …` records, in the draft's publication record,
what was wrong (the claim as published, or as its last correction left it), what is
right (the claim as it reads now, or nothing when it was taken out), who approved the
correction and when. It is signed off like an approval: only a reviewer may make it,
with the reviewer's SSH signature under `signing: required`, in one commit authored by
the reviewer; the changed claim is approved in the same commit. The gate checks each
correction as it checks an approval, and `factcheck corrections` lists them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from factcheck import gitrepo
from factcheck.config import Config
from factcheck.errors import FactcheckError, ReviewError
from factcheck.model import ClaimRecord, ReviewEntry
from factcheck.policy import publication_record
from factcheck.signoff import record, rules
from factcheck.signoff.record import TRAILER
from factcheck.signoff.rules import Decision
from factcheck.store import claims_files, drafts

DECISION = "corrected"


@dataclass
class Corrected:
    draft: str
    claims_file: str
    reviewer: Any
    corrects: str = ""  # the claim as last vouched for
    claim: str | None = None  # the claim that now stands; None when it was taken out
    commit: str | None = None


def correct(config: Config, rel: str, ref: str, note: str, *, commit: bool = True) -> Corrected:
    """Record the correction of a published claim that changed (CLAIM: the claim as it reads
    now) or was taken out (CLAIM: the published claim's id)."""
    if not (note and note.strip()):
        raise ReviewError("a correction needs a note saying what was wrong (--note)")
    note = note.strip()
    who = record.current_reviewer(config)
    draft = drafts.read_draft(config, rel)
    target = claims_files.claims_path(config.claims_dir, rel)
    result = Corrected(rel, target.relative_to(config.root).as_posix(), who)

    def after(path) -> None:
        if commit:
            result.commit = _commit(config, path, result, note)

    with claims_files.editing(config, rel, after_write=after) as cf:
        record.ensure_scanned(cf, draft.text, result.claims_file)
        if cf.published is None:
            raise ReviewError(f"{rel} is not published; approve changes with `factcheck approve`", path=rel)
        item = _pick(cf, ref, result.claims_file)
        rec = item.successor
        at = record.now_utc()
        sign = record.decision_signer(config)
        if rec is not None:
            record.check_authors(config, who, rel, draft.text, [rec])
            if rules.status_of(rec) is not rules.Status.APPROVED:
                extra = record.policy_extras(config, draft.meta, [(rec, record.Choice(rec["id"], Decision.APPROVED))])
                rules.record(rec, Decision.APPROVED, who, at, note, sign=sign, extra=extra.get(rec["id"]))
        cf.published.setdefault("corrections", [])
        if not isinstance(cf.published["corrections"], list):
            raise ReviewError(
                "`published.corrections:` is not a list; restore it from git history", path=result.claims_file
            )
        cf.published["corrections"].append(entry(item, rec, who, at, note, sign))
        result.corrects, result.claim = item.id, rec["id"] if rec is not None else None
    return result


def _pick(cf, ref: str, shown: str) -> publication_record.Open:
    """The open correction `ref` names: by the claim that now stands, or by the published id."""
    open_items = publication_record.uncorrected(cf.published, cf.claims)
    if not open_items:
        raise ReviewError(
            "every claim signed off at publication stands as published or is corrected; nothing to correct", path=shown
        )
    by_successor = [o for o in open_items if o.successor is not None and _names(ref, o.successor["id"])]
    by_id = [o for o in open_items if _names(ref, o.id)]
    found = by_successor or by_id
    if len(found) == 1:
        return found[0]
    listed = ", ".join(o.successor["id"] if o.successor else f"{o.id} (taken out)" for o in open_items)
    if found:
        raise ReviewError(f"claim id {ref!r} is ambiguous; awaiting correction: {listed}", path=shown)
    raise ReviewError(f"claim {ref!r} corrects no published claim; awaiting correction: {listed}", path=shown)


def _names(ref: str, cid: str) -> bool:
    return cid == ref or (len(ref) >= 3 and cid.startswith(ref))


def entry(item: publication_record.Open, rec: ClaimRecord | None, who, at: str, note: str, sign=None) -> ReviewEntry:
    """One correction: what was wrong, what is right, who approved it and when, signed like an approval."""
    out: ReviewEntry = {"by": who.email, "name": who.name, "at": at, "decision": DECISION, "note": note}
    out["fingerprint"] = rules.claim_fingerprint(rec) if rec is not None else None
    out["corrects"] = {"claim": item.id, "text": item.text, "fingerprint": item.fingerprint}
    if sign is not None:
        out["signature"] = sign(rules.signed_message(out))
    out["claim"] = rec["id"] if rec is not None else None
    out["text"] = rec.get("text") if rec is not None else None
    return out


def _commit(config: Config, path, result: Corrected, note: str) -> str:
    now = result.claim or "taken out"
    message = f"Correct {result.draft}: {result.corrects} → {now}\n\n{note}\n\n{TRAILER}: {result.reviewer}\n"
    return gitrepo.commit_files(config.root, [path.relative_to(config.root).as_posix()], message)


# --- the log ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    """One correction as the newsroom's log shows it."""

    draft: str
    title: str | None
    url: str | None
    published: str | None
    at: str
    name: str
    by: str
    was: str | None
    now: str | None  # None: the claim was taken out
    note: str
    claim: str | None
    corrects: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft": self.draft,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "at": self.at,
            "name": self.name,
            "by": self.by,
            "was": self.was,
            "now": self.now,
            "note": self.note,
            "claim": self.claim,
            "corrects": self.corrects,
        }


@dataclass
class Log:
    entries: list[LogEntry] = field(default_factory=list)
    errors: list = field(default_factory=list)


def log(config: Config, since: dt.date | None = None) -> Log:
    """Every correction in the newsroom, oldest first; from `since` (a day, UTC) on if given."""
    out = Log()
    for path in claims_files.claims_files(config):
        shown = path.relative_to(config.root).as_posix()
        try:
            cf = claims_files.read_claims_file(path, display=shown)
        except FactcheckError as exc:
            out.errors.append(exc)
            continue
        if cf is None or cf.published is None:
            continue
        title = _title(config, cf.draft)
        for e in publication_record.corrections_of(cf.published):
            if since is not None and str(e.get("at", ""))[:10] < since.isoformat():
                continue
            out.entries.append(
                LogEntry(
                    cf.draft,
                    title,
                    cf.published.get("url"),
                    cf.published.get("at"),
                    str(e.get("at", "")),
                    str(e.get("name") or e.get("by") or ""),
                    str(e.get("by") or ""),
                    e["corrects"].get("text"),
                    e.get("text"),
                    str(e.get("note") or ""),
                    e.get("claim"),
                    str(e["corrects"].get("claim")),
                )
            )
    out.entries.sort(key=lambda e: (e.at, e.draft))
    return out


def _title(config: Config, rel: str) -> str | None:
    try:
        title = drafts.read_draft(config, rel).meta.get("title")
    except FactcheckError:
        return None
    return str(title) if title else None


def for_claim(cf, cid: str) -> list[ReviewEntry]:
    """The corrections that brought a claim to what it says now, oldest first."""
    return [e for e in publication_record.corrections_of(cf.published) if e.get("claim") == cid]
