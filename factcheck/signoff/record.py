"""Recording editors' decisions: who is signing, may they, and one commit for it all.

The rules live in `review`; this module brings in the git identity, the authors of the
draft's lines, the locked claims file and the commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import gitrepo
from factcheck.config import Config
from factcheck.errors import DataError, ReviewError
from factcheck.model import ClaimRecord, Verdict
from factcheck.policy import corroboration
from factcheck.signoff import rules, sshsig
from factcheck.signoff.rules import Decision, Reviewer
from factcheck.store import claims_files, drafts

TRAILER = "Fact-checked-by"


@dataclass(frozen=True)
class Choice:
    """One decision asked for: a claim (id or unambiguous start of one), approve or reject, a note."""

    claim: str
    decision: Decision
    note: str | None = None
    override: str | None = None  # why an under-corroborated claim may stand (policy.corroboration)


@dataclass
class SignOffResult:
    draft: str
    claims_file: str
    reviewer: Reviewer
    recorded: list[tuple[str, Decision]] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # rejected claims a bulk approval left alone
    short: list[str] = field(default_factory=list)  # under-corroborated claims a bulk approval left alone
    carried: list[str] = field(default_factory=list)  # decisions written earlier but never committed
    follows: list[tuple[str, str]] = field(default_factory=list)  # (headline claim, the body claim it follows)
    commit: str | None = None


def current_reviewer(config: Config) -> Reviewer:
    """The git identity at the keyboard, refused unless it is listed under `reviewers:`."""
    gitrepo.ensure_repo(config.root)
    who = Reviewer(*gitrepo.identity(config.root))
    rules.check_reviewer(config, who)
    return who


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def decide(config: Config, rel: str, choices: list[Choice], *, commit: bool = True) -> SignOffResult:
    """Record `choices` on a draft's claims, all or none, and commit them as the reviewer."""
    return _sign(config, rel, lambda claims: choices, commit=commit)


def approve_supported(config: Config, rel: str, note: str | None = None, *, commit: bool = True) -> SignOffResult:
    """Approve every claim whose verdict is `supported` and that is not approved as it stands."""

    skipped: list[str] = []

    def choose(claims: list[ClaimRecord]) -> list[Choice]:
        # another editor's rejection stands until someone names the claim to overrule it
        index = rules.by_id(claims)
        skipped.extend(
            c["id"]
            for c in claims
            if c.get("verdict") == Verdict.SUPPORTED
            and rules.followed(c, index) is None
            and rules.rejected_last(c)
            and rules.status_of(c) is not rules.Status.APPROVED
        )
        picked = rules.supported_unapproved(claims)
        # too few independent sources needs an override, which a bulk approval never gives
        short.extend(c["id"] for c in picked if corroboration.shortfall(config.corroboration, c, meta))
        return [Choice(c["id"], Decision.APPROVED, note) for c in picked if c["id"] not in short]

    short: list[str] = []
    meta = drafts.read_draft(config, rel).meta
    result = _sign(config, rel, choose, commit=commit)
    result.skipped = skipped
    result.short = short
    return result


def _sign(
    config: Config, rel: str, choose: Callable[[list[ClaimRecord]], list[Choice]], *, commit: bool
) -> SignOffResult:
    who = current_reviewer(config)
    target = claims_files.claims_path(config.claims_dir, rel)
    result = SignOffResult(rel, target.relative_to(config.root).as_posix(), who)
    draft = drafts.read_draft(config, rel)
    after = (lambda path: _commit(config, path, result)) if commit else None
    with claims_files.editing(config, rel, after_write=after) as cf:
        ensure_scanned(cf, draft.text, result.claims_file)
        picked = [(rules.find_claim(cf.claims, ch.claim, path=result.claims_file), ch) for ch in choose(cf.claims)]
        picked = _without_repeats(cf.claims, picked, result)
        check_authors(config, who, rel, draft.text, [rec for rec, ch in picked if ch.decision is Decision.APPROVED])
        extras = policy_extras(config, draft.meta, picked)
        at = now_utc()
        sign = decision_signer(config) if picked else None
        for rec, ch in picked:
            if rules.record(rec, ch.decision, who, at, ch.note, sign=sign, extra=extras.get(rec["id"])):
                result.recorded.append((rec["id"], ch.decision))
            else:
                result.already.append(rec["id"])
        if commit and not result.recorded:
            _commit_left_over(config, cf, who, result)
    return result


def _without_repeats(
    claims: list[ClaimRecord], picked: list[tuple[ClaimRecord, Choice]], result: SignOffResult
) -> list[tuple[ClaimRecord, Choice]]:
    """Leave out headline claims that repeat a body claim: the body claim's decision is theirs."""
    index = rules.by_id(claims)
    kept = []
    for rec, ch in picked:
        body = rules.followed(rec, index)
        if body is None:
            kept.append((rec, ch))
        elif (rec["id"], body["id"]) not in result.follows:
            result.follows.append((rec["id"], body["id"]))
    return kept


def policy_extras(config: Config, meta: dict[str, Any], picked: list[tuple[ClaimRecord, Choice]]) -> dict[str, dict]:
    """claim id → the policy fields its approval carries; an approval the rules refuse stops them all."""
    extras = {}
    for rec, ch in picked:
        if ch.decision is Decision.APPROVED:
            extra = corroboration.approval_extra(config.corroboration, rec, meta, ch.override)
            if extra:
                extras[rec["id"]] = extra
    return extras


def _commit_left_over(config: Config, cf: claims_files.ClaimsFile, who: Reviewer, result: SignOffResult) -> None:
    """Commit this reviewer's decisions that an earlier run wrote but could not commit.

    Without this a rerun would say "already approved", commit nothing, and the gate
    would call the approval forged for ever.
    """
    committed = gitrepo.file_at(config.root, "HEAD", result.claims_file) if gitrepo.has_commits(config.root) else None
    known: set[tuple] = set()
    if committed:
        try:
            known = {
                rules.review_key(r)
                for c in claims_files.parse_claims_file(committed, path=result.claims_file).claims
                for r in c.get("reviews") or []
            }
        except DataError:
            known = set()
    mine = str(who.email).strip().lower()
    for rec in cf.claims:
        for entry in rec.get("reviews") or []:
            if str(entry.get("by", "")).strip().lower() == mine and rules.review_key(entry) not in known:
                result.carried.append(rec["id"])
                result.recorded.append((rec["id"], Decision(entry["decision"])))
    if result.recorded:
        _commit(config, config.root / result.claims_file, result)


def decision_signer(config: Config):
    """With `signing: required`, sign each decision with the key git signs commits with."""
    if config.signing != "required":
        return None

    key = gitrepo.config_value(config.root, "user.signingkey")
    if not key:
        raise ReviewError(
            "this newsroom requires signed sign-offs: set `git config user.signingkey` to your SSH key "
            "(the one you sign git commits with)"
        )
    return lambda message: sshsig.sign(message, key)


def ensure_scanned(cf: claims_files.ClaimsFile, draft_text: str, shown: str) -> None:
    """Signing claims of an older version of the draft would approve words no longer there."""
    if cf.draft_sha256 != claims_files.text_sha256(draft_text):
        raise ReviewError(f"the draft changed since it was scanned; run `factcheck scan {cf.draft}` first", path=shown)


def check_authors(config: Config, who: Reviewer, rel: str, text: str, approving: list[ClaimRecord]) -> None:
    if not approving or config.allow_self_approval:
        return
    by_line = gitrepo.line_authors(config.root, rel)
    for rec in approving:
        first = int(rec.get("line") or 1)
        span = text[int(rec.get("start") or 0) : int(rec.get("end") or 0)]
        lines = range(first, first + span.count("\n") + 1)
        rules.check_not_author(config, who, rec["id"], {by_line.get(n) for n in lines})


def commit_message(result: SignOffResult) -> str:
    counts = {d: sum(1 for _, x in result.recorded if x is d) for d in Decision}
    parts = [f"{'approve' if d is Decision.APPROVED else 'reject'} {n}" for d, n in counts.items() if n]
    body = "\n".join(f"{d.value}: {cid}" for cid, d in result.recorded)
    return f"Fact-check {result.draft}: {', '.join(parts)}\n\n{body}\n\n{TRAILER}: {result.reviewer}\n"


def _commit(config: Config, path: Path, result: SignOffResult) -> None:
    if result.recorded:
        rel = path.relative_to(config.root).as_posix()
        result.commit = gitrepo.commit_files(config.root, [rel], commit_message(result))
