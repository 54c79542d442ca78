"""The publication gate: is every claim of the drafts signed off, by the right people?

`check` re-reads each draft in memory and rescans it, so a claims file that was not
updated after an edit is caught, and judges every claim on what the rescan would
write. Approvals are then traced through git history: each must have been added by
a commit authored by the reviewer it names, who did not write the claim.

With a base, the base decides: which drafts must be checked, where their claims files
are and whose sign-off counts all come from the base's config, and the branch is
compared with the base so that nothing signed off there disappears quietly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from factcheck import basecompare, gitrepo
from factcheck.config import CONFIG_NAME, Config, key_line, parse_config
from factcheck.errors import ConfigError, FactcheckError
from factcheck.extract import extract_draft
from factcheck.findings import (
    CheckedDraft,
    CheckResult,
    Finding,
    FindingKind,
    claims_rel,
    id_line,
    is_claims_file,
    shorten,
)
from factcheck.model import ClaimRecord, ReviewEntry
from factcheck.policy import corroboration, publication_record
from factcheck.policy.sensitivity import Sidecars, SourcePolicy, conceal
from factcheck.policy.sensitivity import exposed as exposing
from factcheck.signoff import provenance, rules, sshsig
from factcheck.signoff.rules import Status
from factcheck.store import claims_files, drafts
from factcheck.store.drafts import SYMLINK_MESSAGE
from factcheck.textfold import hidden_characters as spots
from factcheck.textio import read_text

# The keys that decide what is checked and whose approval counts; a branch must not
# vouch for itself with them.
TRUST_KEYS = ("drafts", "claims", "reviewers", "allow_self_approval", "signing", "allowed_signers", "corroboration")


def check(config: Config, base: str | None = None, given: list[str] | None = None) -> CheckResult:
    """Check the given drafts, those changed since `base`, or every draft.

    A draft that cannot be read is recorded in `errors` and stops no other draft.
    """
    trusted, rule_changes = trusted_config(config, base)
    errors: list[FactcheckError] = []
    targets, extra, changed, selected = _targets(config, trusted, base, given, errors)
    if not targets and not extra and not errors and base is None:
        # no drafts at all is a mistyped glob far more often than an empty newsroom: fail closed
        raise ConfigError(f"no drafts match `drafts:` ({', '.join(config.drafts)}); nothing to check", path=CONFIG_NAME)
    checked = _check_each(trusted, targets, errors)
    signers, key_changes = allowed_signers(config, trusted, base)
    forged = verify_approvals(trusted, checked, self_check=base is not None or bool(given), signers=signers)
    findings, counts = _collect(checked, forged)
    findings.extend(policy_findings(trusted, checked, forged))
    findings.extend(publication_findings(trusted, checked, signers))
    findings.extend(extra + rule_changes + key_changes)
    if base is not None:
        findings.extend(basecompare.compare(trusted, base, changed, selected, checked))
        findings.extend(publication_kept(trusted, base, checked))
    drafts = tuple(c.draft for c in checked)
    return CheckResult(tuple(sorted(findings, key=Finding.sort_key)), drafts, counts, base, tuple(errors))


def _check_each(config: Config, targets: list[str], errors: list[FactcheckError]) -> list[CheckedDraft]:
    checked = []
    sidecars = Sidecars(config.root)  # each source folder listed once for all drafts
    for rel in targets:
        try:
            checked.append(check_draft(config, rel, sidecars=sidecars))
        except FactcheckError as exc:
            errors.append(exc)
    return checked


def trusted_config(config: Config, base: str | None) -> tuple[Config, list[Finding]]:
    """The config whose sign-off rules the gate applies, and findings for rules the branch changed.

    With a base, `drafts`, `claims`, `reviewers` and `allow_self_approval` come from the
    base's copy of the config: otherwise a branch could list its own writer as a
    reviewer, or narrow the globs so that its drafts are never looked at, and pass.
    """
    if base is None:
        return config, []
    at_base = base_config(config, base)
    trusted = replace(config, **{key: getattr(at_base, key) for key in TRUST_KEYS})
    changed = [key for key in TRUST_KEYS if _trust_value(config, key) != _trust_value(at_base, key)]
    return trusted, [_rule_change(config, at_base, base, key) for key in changed]


def base_config(config: Config, base: str) -> Config:
    """The config as the branch found it where it left `base` (defaults if it had none)."""
    fork = gitrepo.merge_base(config.root, base)
    text = gitrepo.file_at(config.root, fork, CONFIG_NAME)
    if not text or not text.strip():
        return Config(root=config.root)
    return parse_config(text, path=f"{base}:{CONFIG_NAME}", root=config.root)


def _trust_value(config: Config, key: str) -> object:
    value = getattr(config, key)
    return frozenset(value) if isinstance(value, tuple) else value


def _rule_change(config: Config, at_base: Config, base: str, key: str) -> Finding:
    def shown(c: Config) -> str:
        value = getattr(c, key)
        return (", ".join(map(str, value)) or "none") if isinstance(value, tuple) else str(value).lower()

    line = key_line(_config_text(config), key) or 1
    message = (
        f"`{key}` changed on this branch ({shown(at_base)} → {shown(config)}); drafts and approvals are judged by "
        f"{base}'s rules until a person with rights over the base merges this change on its own"
    )
    return Finding(FindingKind.CONFIG_CHANGED, CONFIG_NAME, line, message, CONFIG_NAME)


def _config_text(config: Config) -> str:
    path = config.root / CONFIG_NAME
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _targets(
    config: Config, trusted: Config, base: str | None, given: list[str] | None, errors: list[FactcheckError]
) -> tuple[list[str], list[Finding], set[str], list[str]]:
    """(drafts to check, findings about the selection itself, files changed since the base, every draft)."""
    if given:
        rels = _given(config, given, errors)
        return rels, [], set(), rels
    every, links = drafts.discover_all(config)
    if base is not None:
        # the union: a branch cannot hide a draft by narrowing the globs, nor by widening them
        at_base, base_links = drafts.discover_all(trusted) if trusted.drafts != config.drafts else (every, links)
        every, links = sorted(set(every) | set(at_base)), sorted(set(links) | set(base_links))
    found = [_symlinked(rel) for rel in links]
    if base is None:
        return every, found, set(), every

    changed = set(gitrepo.changed_files(config.root, base))
    by_claims_file = {claims_rel(trusted, d): d for d in every}
    picked = {d for d in every if d in changed} | {by_claims_file[p] for p in changed if p in by_claims_file}
    # a claims file left behind by a deleted draft, or changed without one
    left = {p for p in changed if is_claims_file(trusted, p)} | {claims_rel(trusted, p) for p in changed - set(every)}
    orphans = [_orphan(trusted, p) for p in sorted(left - by_claims_file.keys())]
    return sorted(picked), found + [o for o in orphans if o], changed, every


def _symlinked(rel: str) -> Finding:
    what = (
        SYMLINK_MESSAGE
        if not rel.endswith("/")
        else "is a symbolic link to a folder; the drafts globs do not follow it, so drafts must not live behind it"
    )
    return Finding(FindingKind.SYMLINK, rel.rstrip("/"), None, what, rel.rstrip("/"))


def _given(config: Config, given: list[str], errors: list[FactcheckError]) -> list[str]:
    rels = []
    for g in given:
        try:
            rels.append(drafts.relative_draft(config, g))
        except FactcheckError as exc:
            errors.append(exc)
    return rels


def _orphan(config: Config, rel: str) -> Finding | None:
    """A claims file whose draft is gone or no longer selected is left over, not harmless."""
    if not (config.root / rel).is_file():
        return None
    return Finding(FindingKind.OUT_OF_DATE, rel, 1, "claims file has no draft; delete it or restore the draft", rel)


def check_draft(config: Config, rel: str, *, sidecars=None) -> CheckedDraft:
    """Rescan one draft in memory and compare with its claims file."""
    target = claims_files.claims_path(config.claims_dir, rel)
    shown = target.relative_to(config.root).as_posix()
    draft = drafts.read_draft(config, rel)
    on_disk = claims_files.read_claims_file(target, display=shown)
    result = extract_draft(
        draft, reference_date=claims_files.stored_reference_date(draft, on_disk), locale=config.locale
    )
    built = claims_files.build_claims_file(result, draft.text, on_disk)
    for rec in built.claims:
        rules.reviews_of(rec, path=shown)  # a malformed history fails this draft alone, here
    checked = CheckedDraft(
        rel,
        shown,
        built.claims,
        text=draft.text,
        meta=draft.meta,
        published=built.published,
        policy=SourcePolicy.for_draft(config, draft, sidecars=sidecars),
    )
    checked.findings.extend(hidden_characters(rel, draft.text, draft.body_start))
    if on_disk is None:
        n = len(built.claims)
        checked.findings.append(
            Finding(
                FindingKind.MISSING,
                rel,
                1,
                f"no claims file for this draft ({n} claims); run `factcheck scan {rel}` and commit {shown}",
                rel,
            )
        )
        checked.claims = []
        return checked
    checked.stored = on_disk.claims
    checked.disk_text = target.read_text(encoding="utf-8")
    checked.findings.extend(exposed(checked))
    if built.to_data() != on_disk.to_data():
        checked.findings.append(Finding(FindingKind.OUT_OF_DATE, rel, 1, _drift(rel, shown, on_disk, built), rel))
    return checked


def exposed(c: CheckedDraft) -> list[Finding]:
    """Claims whose committed evidence shows a confidential or embargoed source in the clear
    (matched before it was marked): the claims file itself discloses it. The finding names
    the claim only, never the source."""
    message = (
        f"its evidence quotes a confidential or embargoed source in the clear; run `factcheck match {c.draft}` "
        f"and commit {c.claims_file} (the passage stays in the history until that is rewritten)"
    )
    return [
        Finding(FindingKind.EXPOSED, c.claims_file, id_line(c.disk_text, cid), message, c.draft, cid)
        for cid in exposing(c.stored, c.policy)
    ]


def hidden_characters(rel: str, text: str, body_start: int = 0) -> list[Finding]:
    """Zero-width and bidi control characters: invisible to an editor, they can hide a figure."""
    findings = []
    for line, column, char, name in spots(text, body_start):
        message = (
            f"invisible character U+{ord(char):04X} ({name}) at line {line}, column {column}; "
            "it can hide a figure or quote from the checks: delete it"
        )
        findings.append(Finding(FindingKind.HIDDEN_CHARACTERS, rel, line, message, rel))
    return findings


def _drift(rel: str, shown: str, old: claims_files.ClaimsFile, new: claims_files.ClaimsFile) -> str:
    """Say how the claims file lags behind the draft, so the fix is obvious."""
    old_ids = {c["id"] for c in old.claims}
    new_ids = {c["id"] for c in new.claims}
    parts = []
    if new_ids - old_ids:
        parts.append(f"{len(new_ids - old_ids)} new or changed")
    if old_ids - new_ids:
        parts.append(f"{len(old_ids - new_ids)} gone")
    what = f" ({', '.join(parts)} claims)" if parts else ""
    return f"{shown} is out of date with the draft{what}; run `factcheck scan {rel}` and commit it"


_STATUS_FINDINGS = {
    Status.REJECTED: FindingKind.REJECTED,
    Status.STALE: FindingKind.STALE,
    Status.PENDING: FindingKind.PENDING,
}


def _collect(checked: list[CheckedDraft], forged: dict[tuple[str, str], str]) -> tuple[list[Finding], dict[str, int]]:
    findings: list[Finding] = []
    counts = {s.value: 0 for s in Status} | {FindingKind.FORGED.value: 0}
    for c in checked:
        findings.extend(c.findings)
        links = rules.Links(c.claims)
        broken = _broken_links(c)
        for rec in c.claims:
            # a headline claim that repeats a body claim stands or falls with it
            body = links.follows(rec)
            signed = rec if body is None else body
            problem = forged.get((c.claims_file, signed["id"]))
            status = rules.status_of(signed, path=c.claims_file)
            counts[FindingKind.FORGED.value if problem else status.value] += 1
            if body is not None:
                finding = _repeat_finding(c, rec, body, status, problem)
            else:
                finding = _claim_finding(c, rec, status, problem, _repeat_note(rec, links, broken))
            if finding:
                findings.append(finding)
    return findings, counts


def _repeat_finding(
    c: CheckedDraft, rec: ClaimRecord, body: ClaimRecord, status: Status, forged: str | None
) -> Finding | None:
    """A headline claim whose body claim is not approved, named with the claim it follows."""
    if status is Status.APPROVED and not forged:
        return None
    quoted = shorten(str(rec.get("text", "")))
    follows = f"{rec['kind']} “{quoted}” repeats {body['id']} (line {body.get('line')}), "
    if forged:
        kind, why = FindingKind.FORGED, f"whose sign-off does not count: {forged}"
    elif status is Status.REJECTED:
        last = body["reviews"][-1]
        note = f": {last['note']}" if last.get("note") else ""
        kind, why = FindingKind.REJECTED, f"which was rejected by {last.get('by')}{note}"
    elif status is Status.STALE:
        kind, why = FindingKind.STALE, "which changed since it was signed off; signing that off again covers both"
    else:
        kind, why = FindingKind.PENDING, "which is not signed off; signing that off covers both"
    line = id_line(c.disk_text, rec["id"]) if forged else rec.get("line")
    text = str(rec.get("text", ""))
    return Finding(
        kind, c.claims_file if forged else c.draft, line, follows + why, c.draft, rec["id"], text, body.get("verdict")
    )


def policy_findings(config: Config, checked: list[CheckedDraft], forged: dict[tuple[str, str], str]) -> list[Finding]:
    """The newsroom's corroboration rules, applied to every claim approved as it stands."""
    findings = []
    for c in checked:
        # only claims a rule or marker picks can fall short; most drafts have none. A headline
        # claim that repeats a body claim is corroborated, or not, as that claim
        index = rules.by_id(c.claims)
        picked = [
            rec
            for rec in c.claims
            if rules.followed(rec, index) is None and corroboration.needed(config.corroboration, rec, c.meta)
        ]
        approved = [
            rec
            for rec in picked
            if (c.claims_file, rec["id"]) not in forged and rules.status_of(rec, path=c.claims_file) is Status.APPROVED
        ]
        for note in corroboration.approved_shortfalls(config.corroboration, approved, c.meta):
            kind = FindingKind.OVERRIDDEN if note.overridden else FindingKind.UNDER_CORROBORATED
            rec = note.claim
            findings.append(
                Finding(
                    kind,
                    c.draft,
                    rec.get("line"),
                    note.message,
                    c.draft,
                    rec["id"],
                    str(rec.get("text", "")),
                    rec.get("verdict"),
                )
            )
    return findings


def publication_findings(config: Config, checked: list[CheckedDraft], signers: list | None) -> list[Finding]:
    """A published draft's signed-off claims may change only through a correction, and a
    correction counts only when signed off like an approval."""
    findings: list[Finding] = []
    for c in checked:
        if c.published is None:
            continue
        entries = publication_record.corrections_of(c.published)
        bad: dict[int, str] = {}
        wanted = []
        for n, entry in enumerate(entries):
            who = str(entry.get("by", "")).strip().lower()
            if who not in config.reviewers:
                bad[n] = f"correction by {who} does not count: not a reviewer in .factcheck.yaml"
            elif signers is not None and (problem := _signature_problem(signers, entry, who)):
                bad[n] = problem.replace("approval", "correction", 1)
            else:
                wanted.append((c.claims_file, str(n), entry))
        forged = provenance.verify(config, wanted, None, authors=signers is None)
        bad.update({int(k): v.replace("approval", "correction", 1) for (_, k), v in forged.items()})
        for n, why in sorted(bad.items()):
            findings.append(Finding(FindingKind.UNCORRECTED, c.claims_file, 1, why, c.draft, entries[n].get("claim")))
        good = [e for n, e in enumerate(entries) if n not in bad]
        for item in publication_record.uncorrected(c.published, c.claims, good):
            rec: Mapping[str, Any] = item.successor or {}
            message = publication_record.open_message(c.draft, c.published, item)
            findings.append(
                Finding(
                    FindingKind.UNCORRECTED,
                    c.draft,
                    rec.get("line") or 1,
                    message,
                    c.draft,
                    rec.get("id", item.id),
                    rec.get("text", item.text),
                )
            )
    return findings


def publication_kept(config: Config, base: str, checked: list[CheckedDraft]) -> list[Finding]:
    """With a base: a branch may add corrections, but not drop or edit a publication record."""
    texts = gitrepo.files_at(config.root, gitrepo.merge_base(config.root, base), [c.claims_file for c in checked])
    findings = []
    for c in checked:
        text = texts.get(c.claims_file)
        if not text or "published:" not in text:
            continue
        try:
            at_base = claims_files.parse_claims_file(text, path=f"{base}:{c.claims_file}").published
        except FactcheckError:
            continue  # a base file nobody can read holds no record to keep
        why = publication_record.rewritten(at_base, c.published)
        if why:
            findings.append(Finding(FindingKind.HISTORY_REWRITTEN, c.claims_file, 1, why, c.draft))
    return findings


def _claim_finding(
    c: CheckedDraft, rec: ClaimRecord, status: Status, forged: str | None, repeats: str = ""
) -> Finding | None:
    cid, text = rec["id"], str(rec.get("text", ""))
    if forged:
        return Finding(FindingKind.FORGED, c.claims_file, id_line(c.disk_text, cid), forged, c.draft, cid, text)
    kind = _STATUS_FINDINGS.get(status)
    if kind is None:
        return None
    was = rules.last_signed_text(rec)[0] if status is Status.STALE else None
    shown = _shareable(c, rec)
    message = _status_message(shown, status, repeats)
    return Finding(kind, c.draft, rec.get("line"), message, c.draft, cid, text, rec.get("verdict"), was)


def _broken_links(c: CheckedDraft) -> dict[str, str]:
    """Headline claim id → the body claim it repeated in the claims file as committed,
    for each that repeats nothing now: it needs a sign-off of its own."""
    was = {s["id"]: s["repeats"] for s in c.stored if isinstance(s.get("repeats"), str)}
    return {rec["id"]: was[rec["id"]] for rec in c.claims if rec["id"] in was and not rec.get("repeats")}


def _repeat_note(rec: ClaimRecord, links: rules.Links, broken: dict[str, str]) -> str:
    """ " (repeated by …)" for a body claim a headline repeats, and for a headline claim
    whose body claim went: it followed that claim's sign-off and now needs its own."""
    repeats = links.repeated_by(rec)
    if repeats:
        where = ", ".join(f"{r['id']} on line {r.get('line')}" for r in repeats)
        return f" (repeated in the headline by {where})"
    if rec["id"] in broken:
        return f" (it repeated {broken[rec['id']]}, which is no longer in the body, so it needs a sign-off of its own)"
    return ""


def _shareable(c: CheckedDraft, rec: ClaimRecord) -> ClaimRecord:
    """The claim as a message may quote it: a sign-off bound to a source now confidential
    names "a confidential source" (gate output is uploaded)."""
    if c.policy is None:
        return rec

    return conceal([rec], c.policy)[0]


def _status_message(rec: ClaimRecord, status: Status, repeats: str = "") -> str:
    quoted = shorten(str(rec.get("text", "")))
    if status is Status.REJECTED:
        last = rec["reviews"][-1]
        note = f": {last['note']}" if last.get("note") else ""
        return f"{rec['kind']} “{quoted}”{repeats} was rejected by {last.get('by')}{note}"
    if status is Status.STALE:
        return (
            f"{rec['kind']} “{quoted}”{repeats} changed since it was signed off{_what_changed(rec)}; "
            "it needs a new sign-off"
        )
    return f"{rec['kind']} “{quoted}”{repeats} is not signed off; run `factcheck review` or `factcheck approve`"


def _what_changed(rec: ClaimRecord) -> str:
    """ " (was → now)" for the words or each bound field that changed since the last decision."""
    last = rules.last_decision(rec) or {}
    old, _ = rules.last_signed_text(rec)
    if last.get("fingerprint") != rules.claim_fingerprint(rec):
        return f" (was “{shorten(str(old))}”)" if old and old != rec.get("text") else " (its sentence changed)"
    parts = [f"{key} was {_shown(was)} → now {_shown(now)}" for key, was, now in rules.binding_changes(last, rec)]
    return f" ({'; '.join(parts)})" if parts else ""


def _shown(value: Any) -> str:
    return "none" if value is None else f"“{shorten(str(value))}”"


def allowed_signers(config: Config, trusted: Config, base: str | None) -> tuple[list | None, list[Finding]]:
    """The reviewers' public keys when signing is required (the base's copy under a base),
    and a finding when the branch changes them."""
    if trusted.signing != "required" or not trusted.allowed_signers:
        return None, []

    rel = trusted.allowed_signers
    path = config.root / rel
    here = read_text(path, display=rel) if path.is_file() and not path.is_symlink() else ""
    if base is None:
        return sshsig.parse_allowed_signers(here, path=rel), []

    there = gitrepo.file_at(config.root, gitrepo.merge_base(config.root, base), rel) or ""
    changes = []
    if here != there:
        message = (
            f"the reviewers' signing keys changed on this branch; signatures are checked against {base}'s "
            f"{rel} until a person with rights over the base merges this change on its own"
        )
        changes.append(Finding(FindingKind.CONFIG_CHANGED, rel, 1, message, rel))
    return sshsig.parse_allowed_signers(there, path=f"{base}:{rel}"), changes


def _signature_problem(signers: list, approval: ReviewEntry, who: str) -> str | None:
    signature = approval.get("signature")
    if not isinstance(signature, str) or not signature.strip():
        return f"approval by {who} is not signed, and this newsroom requires signed sign-offs (`signing: required`)"
    try:
        sshsig.verify(signature, rules.signed_message(approval), signers, who)
    except sshsig.BadSignature as exc:
        return f"approval by {who} has a bad signature: {exc}"
    return None


def verify_approvals(
    config: Config, checked: list[CheckedDraft], self_check: bool = True, signers: list | None = None
) -> dict[tuple[str, str], str]:
    """(claims file, claim id) → why its approval is forged, for every approval that is.

    `self_check` also blames each approved claim's lines at its approval commit, one
    `git blame` per draft and commit; a full local check of every draft skips it.
    """
    wanted = []
    problems: dict[tuple[str, str], str] = {}
    for c in checked:
        index = rules.by_id(c.claims)
        for rec in c.claims:
            if rules.followed(rec, index) is not None:
                continue  # a repeat's own decisions do not count; its body claim's are checked
            if rules.status_of(rec, path=c.claims_file) is not Status.APPROVED:
                continue
            approval = rec["reviews"][-1]
            who = str(approval.get("by", "")).strip().lower()
            if who not in config.reviewers:
                problems[(c.claims_file, rec["id"])] = (
                    f"approval by {who} does not count: not a reviewer in .factcheck.yaml"
                )
            elif signers is not None and (bad := _signature_problem(signers, approval, who)):
                problems[(c.claims_file, rec["id"])] = bad
            else:
                wanted.append((c.claims_file, rec["id"], approval))
    claims = {(c.claims_file, rec["id"]): (c.draft, rec) for c in checked for rec in c.claims}
    # a verified signature vouches for the reviewer whoever committed the file (a squash merge)
    problems.update(provenance.verify(config, wanted, claims if self_check else None, authors=signers is None))
    return problems
