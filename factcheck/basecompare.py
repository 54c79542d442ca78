"""The branch against its base: what was signed off there must not disappear quietly here.

A branch may change drafts and add decisions. It may not delete or alter a decision
recorded on the base, drop a signed-off draft from the gate's sight (a symbolic link,
a folder the globs no longer reach), or disguise a signed-off figure so that the
extractors stop seeing it.
"""

from __future__ import annotations

import os

from factcheck import gitrepo
from factcheck.config import Config
from factcheck.errors import DataError
from factcheck.extract import editorial
from factcheck.findings import CheckedDraft, Finding, FindingKind, claims_rel, id_line, is_claims_file, shorten
from factcheck.model import ClaimRecord
from factcheck.signoff import rules
from factcheck.store import claims_files
from factcheck.store.drafts import symlink_in_path
from factcheck.textfold import skeleton


def compare(
    config: Config, base: str, changed: set[str], selected: list[str], checked: list[CheckedDraft]
) -> list[Finding]:
    wanted = sorted(
        {p for p in changed if is_claims_file(config, p)}
        | {claims_rel(config, p) for p in changed if not is_claims_file(config, p)}
    )
    if not wanted:
        return []
    fork = gitrepo.merge_base(config.root, base)
    texts = gitrepo.files_at(config.root, fork, wanted)
    by_draft = {c.draft: c for c in checked}
    everything = set(selected)
    findings: list[Finding] = []
    for path, text in texts.items():
        if not text:
            continue
        try:
            before = claims_files.parse_claims_file(text, path=f"{base}:{path}")
        except DataError:
            continue  # a base that held a broken file holds no sign-off to protect
        draft = before.draft
        if draft not in everything and _signed(before.claims):
            dropped = _dropped(config, base, draft)
            if dropped:
                findings.append(dropped)
        now = by_draft.get(draft)
        if now is not None:
            findings.extend(rewritten(base, before.claims, now))
            findings.extend(vanished(base, before.claims, now))
    return findings


def _signed(claims: list[ClaimRecord]) -> bool:
    return any(
        isinstance(r, dict) and r.get("decision") == rules.Decision.APPROVED
        for c in claims
        for r in c.get("reviews") or []
    )


def _dropped(config: Config, base: str, draft: str) -> Finding | None:
    """A signed-off draft the gate no longer reads; None when the branch deleted it outright."""
    link = symlink_in_path(config.root, draft)
    if link == draft:
        why = "it is now a symbolic link"
    elif link:
        why = f"it now lies under {link}, a symbolic link"
    elif os.path.lexists(config.root / draft):
        why = "it is no longer a regular file the drafts globs select"
    else:
        return None
    message = f"had signed-off claims on {base} but the gate no longer reads it: {why}; keep drafts as regular files"
    return Finding(FindingKind.DROPPED, draft, None, message, draft)


def _keys(rec: ClaimRecord) -> list[tuple]:
    return [rules.review_key(r) for r in rec.get("reviews") or [] if isinstance(r, dict)]


def rewritten(base: str, before: list[ClaimRecord], now: CheckedDraft) -> list[Finding]:
    """Each claim whose decisions on the base are not all still there, unchanged and in order."""
    by_id = {rec["id"]: rec for rec in now.stored}
    owner = {key: rec for rec in now.stored for key in _keys(rec)}
    findings = []
    for old in before:
        old_keys = _keys(old)
        if not old_keys:
            continue
        successor = by_id.get(old["id"]) or next((owner[k] for k in old_keys if k in owner), None)
        if successor is None:
            continue  # the claim left the draft; `vanished` asks whether it really did
        if not _in_order(old_keys, _keys(successor)):
            lost = len(set(old_keys) - set(_keys(successor)))
            message = (
                f"{old.get('kind')} “{shorten(str(old.get('text', '')))}”: {lost or 'some'} review decision(s) recorded on "
                f"{base} are missing or altered here; decisions are only ever added, never edited or removed"
            )

            findings.append(
                Finding(
                    FindingKind.HISTORY_REWRITTEN,
                    now.claims_file,
                    id_line(now.disk_text, successor["id"]),
                    message,
                    now.draft,
                    successor["id"],
                    str(old.get("text", "")),
                )
            )
    return findings


def _in_order(needed: list[tuple], have: list[tuple]) -> bool:
    it = iter(have)
    return all(any(k == h for h in it) for k in needed)


def vanished(base: str, before: list[ClaimRecord], now: CheckedDraft) -> list[Finding]:
    """Approved claims that no longer extract although their sentence still reads the same."""
    present = {rec["id"] for rec in now.claims}
    present_keys = {k for rec in now.claims for k in _keys(rec)}
    page = None
    findings = []
    for old in before:
        last = rules.last_decision(old)
        if not last or last.get("decision") != rules.Decision.APPROVED or old["id"] in present:
            continue
        if present_keys.intersection(_keys(old)):
            continue  # it changed and was paired with its old self: `stale` says so
        if editorial.needs_no_sign_off(str(old.get("kind")), str(old.get("text", "")), str(old.get("sentence") or "")):
            continue  # no longer asked for by design ("a year earlier" with no year stated), not hidden
        if editorial.is_year_reading(old, now.claims):
            continue  # a lone year's figure, now signed off as the `figure` of its date claim
        page = page if page is not None else skeleton(now.text)
        sentence = skeleton(str(old.get("sentence") or ""))
        if sentence and sentence in page:
            message = (
                f"{old.get('kind')} “{shorten(str(old.get('text', '')))}” was signed off on {base}; its sentence still reads "
                "the same but the claim is no longer found (a look-alike or invisible character?); write it plainly"
            )
            findings.append(
                Finding(
                    FindingKind.VANISHED,
                    now.draft,
                    old.get("line"),
                    message,
                    now.draft,
                    old["id"],
                    str(old.get("text", "")),
                )
            )
    return findings
