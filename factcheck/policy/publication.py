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

from factcheck import check, gitrepo
from factcheck.config import Config
from factcheck.errors import DataError, ReviewError
from factcheck.extract import extract_draft
from factcheck.model import ClaimRecord
from factcheck.signoff import record as signoffs
from factcheck.signoff import rules
from factcheck.store import claims_files, drafts
from factcheck.store.draft_text import FRONT_MATTER, parse_draft

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


def record(claims: list[ClaimRecord], at: str, who, url: str | None) -> dict[str, Any]:
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
    m = FRONT_MATTER.match(text)
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
