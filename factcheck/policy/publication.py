"""Publication: `factcheck publish` marks a draft as out in the world, and locks it.

Publishing writes `published:` (and `url:`) into the draft's front matter, and into its
claims file a publication record: when, by whom, and every claim as it was signed off.
Both go in one commit, tagged `published/<date>/<draft path>`. From then on a signed-off
claim that changes or goes needs a correction (policy.corrections), and the gate fails
the draft until it has one: a published fact changes only in the open.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from factcheck.config import Config
from factcheck.errors import DataError, ReviewError
from factcheck.extract import extract_draft
from factcheck.signoff import record as signoffs
from factcheck.signoff import rules
from factcheck.store import claims_files, drafts
from factcheck.store.draft_text import _FRONT, parse_draft

KEY = "published"  # the front-matter key, and the claims file's record


@dataclass(frozen=True)
class Published:
    draft: str
    claims_file: str
    at: str
    url: str | None
    claims: int
    commit: str
    tag: str
    reviewer: Any


def publish(config: Config, rel: str, *, url: str | None = None, now: dt.datetime | None = None) -> Published:
    """Publish a draft that is clear to publish: front matter, publication record, commit, tag."""
    from factcheck import (
        check,
        gitrepo,
    )  # check reads publication records: imported here, not at the top, to keep the two apart

    who = signoffs.current_reviewer(config)
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise ReviewError(f"--url must be an http(s) address, not {url!r}")
    draft = drafts.read_draft(config, rel)
    target = claims_files.claims_path(config.claims_dir, rel)
    shown = target.relative_to(config.root).as_posix()
    existing = claims_files.load_claims(config, rel)
    if existing is None:
        raise DataError(f"no claims file for {rel}; run `factcheck scan {rel}` first", path=shown)
    if existing.published is not None:
        raise ReviewError(
            f"{rel} was published at {existing.published.get('at')}; change it through `factcheck correct`", path=rel
        )
    gate = check.check(config, given=[rel])
    if gate.errors:
        raise gate.errors[0]
    if not gate.clear:
        n = gate.problems
        raise ReviewError(
            f"not clear to publish: {n} finding{'s' if n != 1 else ''}; `factcheck check {rel}` lists them", path=rel
        )
    at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    new_text = with_front_matter(draft.text, {KEY: at, "url": url}, path=rel)
    path = drafts.draft_file(config, rel)
    original = path.read_text(encoding="utf-8")
    done: dict[str, str] = {}

    def commit(claims_path) -> None:
        message = f"Publish {rel}\n\npublished: {at}\n" + (f"url: {url}\n" if url else "") + f"\nPublished-by: {who}\n"
        done["sha"] = gitrepo.commit_files(config.root, [path.relative_to(config.root).as_posix(), shown], message)

    try:
        with claims_files.editing(config, rel, after_write=commit) as cf:
            claims_files.atomic_write(path, new_text)
            _rescan(config, rel, new_text, cf)
            cf.published = record(cf.claims, at, who, url)
            count = len(cf.claims)
    except BaseException:
        claims_files.atomic_write(path, original)  # nothing is published unless all of it is committed
        raise
    name = tag_name(rel, at)
    gitrepo.tag(config.root, name, done["sha"], f"Published {rel} at {at}" + (f"\n\n{url}" if url else ""))
    return Published(rel, shown, at, url, count, done["sha"], name, who)


def _rescan(config: Config, rel: str, text: str, cf) -> None:
    """The claims file made to match the draft with its new front matter: the claims keep
    their ids and sign-offs; only their places move."""
    draft = parse_draft(text, rel)
    found = extract_draft(draft, reference_date=claims_files.stored_reference_date(draft, cf), locale=config.locale)
    built = claims_files.build_claims_file(found, text, cf)
    cf.claims, cf.draft_sha256, cf.reference_date = built.claims, built.draft_sha256, built.reference_date


def record(claims: list[dict[str, Any]], at: str, who, url: str | None) -> dict[str, Any]:
    """The publication record: every claim as it was signed off when the draft went out."""
    out: dict[str, Any] = {"at": at, "by": who.email, "name": who.name}
    if url:
        out["url"] = url
    out["claims"] = [{"id": c["id"], "text": c.get("text"), "fingerprint": rules.claim_fingerprint(c)} for c in claims]
    out["corrections"] = []
    return out


# Characters git refuses in a tag name, and the other forms it refuses.
_BAD_REF = re.compile(r"[\x00-\x20~^:?*\[\\\x7f]|\.\.|@\{")


def tag_name(rel: str, at: str) -> str:
    """`published/2026-12-04/drafts/world/talks.md`: one tag per publication, by day and path."""
    parts = []
    for part in rel.split("/"):
        part = _BAD_REF.sub("-", part)
        if part.startswith("."):
            part = "_" + part
        if part.endswith(".lock"):
            part += "_"
        parts.append(part or "_")
    return f"published/{at[:10]}/{'/'.join(parts)}"


def with_front_matter(text: str, values: dict[str, str | None], *, path: str) -> str:
    """`text` with these top-level front-matter keys set (None: left as it is), the rest untouched."""
    lines = "".join(f"{key}: {_quoted(value)}\n" for key, value in values.items() if value is not None)
    m = _FRONT.match(text)
    if not m:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return f"{bom}---\n{lines}---\n{text[len(bom) :]}"
    block = m.group(1) or ""
    for key, value in values.items():
        if value is None:
            continue
        line = f"{key}: {_quoted(value)}\n"
        pattern = re.compile(rf"^{re.escape(key)}[ \t]*:.*\n(?:[ \t]+.*\n)*", re.M)
        block, n = pattern.subn(lambda _m, line=line: line, block, count=1)
        if not n:
            block += line
    # an empty block (`---` right after `---`) is filled in after the opening line
    start, end = m.span(1) if m.group(1) is not None else (text.index("\n") + 1,) * 2
    new = text[:start] + block + text[end:]

    parse_draft(new, path)  # the front matter must still read as YAML
    return new


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# --- the lock ---------------------------------------------------------------------------


def corrections_of(published: dict[str, Any] | None) -> list[dict[str, Any]]:
    entries = (published or {}).get("corrections")
    return (
        [e for e in entries if isinstance(e, dict) and isinstance(e.get("corrects"), dict)]
        if isinstance(entries, list)
        else []
    )


def published_claims(published: dict[str, Any] | None) -> list[dict[str, Any]]:
    items = (published or {}).get("claims")
    return [c for c in items if isinstance(c, dict) and isinstance(c.get("id"), str)] if isinstance(items, list) else []


@dataclass(frozen=True)
class Open:
    """A claim signed off at publication that changed or went, with no correction yet.

    `id`, `text` and `fingerprint` are the claim as last vouched for (as published, or as
    its last correction left it); `successor` is the claim that now stands in its place,
    if one does (it carries the old claim's review history)."""

    id: str
    text: str | None
    fingerprint: str | None
    successor: dict[str, Any] | None


def uncorrected(
    published: dict[str, Any] | None, claims: list[dict[str, Any]], entries: list[dict[str, Any]] | None = None
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
        node_id, text, fp = item["id"], item.get("text"), item.get("fingerprint")
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


def _successor(claims: list[dict[str, Any]], fingerprint: str | None) -> dict[str, Any] | None:
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
    from factcheck.signoff import rules

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


def _claim_keys(record: dict[str, Any]) -> set[tuple]:
    return {(c["id"], c.get("text"), c.get("fingerprint")) for c in published_claims(record)}
