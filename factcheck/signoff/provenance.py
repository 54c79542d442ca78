"""Where each approval came from: the commit that first wrote it into a claims file.

An approval is a few lines of YAML anybody can type. What makes it a sign-off is that
the commit adding those lines was authored by the reviewer the lines name. This module
reads the claims files' history with one `git log` and one `git cat-file` and finds,
for every approval, the first commit whose version of the file holds it.
"""

from __future__ import annotations

from factcheck import gitrepo
from factcheck.config import Config
from factcheck.errors import DataError, GitError
from factcheck.extract.sentences import Sentences
from factcheck.model import ClaimRecord, ReviewEntry, normalize
from factcheck.signoff import rules
from factcheck.store import claims_files

# Above this many claims files, hand git the claims folder instead of each path.
MAX_PATHSPECS = 100

Wanted = tuple[str, str, ReviewEntry]  # claims file, claim id, the approval in force


def verify(
    config: Config,
    wanted: list[Wanted],
    claims: dict[tuple[str, str], tuple[str, ClaimRecord]] | None = None,
    *,
    authors: bool = True,
) -> dict[tuple[str, str], str]:
    """(claims file, claim id) → why the approval is forged; approvals that check out are absent.

    With `claims` ((claims file, id) → (draft, claim record)), approvals by the claim's own
    writer are forged too, unless self-approval is allowed. `authors=False` skips the
    commit-author test, for approvals whose SSH signature has been verified instead.
    """
    if not wanted or (not authors and (claims is None or config.allow_self_approval)):
        return {}
    gitrepo.ensure_repo(config.root)
    keys = {rules.review_key(a) for _, _, a in wanted}
    files = sorted({f for f, _, _ in wanted})
    seen = first_seen(config, files if len(files) <= MAX_PATHSPECS else [config.claims], set(files), keys)
    doubtful = [w for w in wanted if _problem(w, seen)]
    if doubtful:
        # A claims file renamed or rebuilt outside these paths: follow the whole folder once.
        seen.update(
            first_seen(
                config, [config.claims], {f for f, _, _ in doubtful}, {rules.review_key(a) for _, _, a in doubtful}
            )
        )
    problems: dict[tuple[str, str], str] = {}
    if authors:
        _refuse_cut_history(config, wanted, seen)
        problems = {(f, cid): p for f, cid, a in wanted if (p := _problem((f, cid, a), seen))}
    if claims is not None and not config.allow_self_approval:
        accepted = [
            (f, cid, a, seen[rules.review_key(a)])
            for f, cid, a in wanted
            if (f, cid) not in problems and rules.review_key(a) in seen
        ]
        problems.update(self_approvals(config, accepted, claims))
    return problems


def self_approvals(
    config: Config, accepted: list, claims: dict[tuple[str, str], tuple[str, ClaimRecord]]
) -> dict[tuple[str, str], str]:
    """Approvals by the person who wrote the claim: blame the draft as the approval commit held it.

    `approve` refuses these; the gate checks again, because a claims file can be
    committed by hand and the base's `allow_self_approval` is the one that counts.
    """
    problems: dict[tuple[str, str], str] = {}
    cache: dict[tuple[str, str], tuple[str | None, dict[int, str | None]]] = {}
    for f, cid, approval, commit in accepted:
        draft, rec = claims[(f, cid)]
        if (draft, commit.sha) not in cache:
            text = gitrepo.file_at(config.root, commit.sha, draft)
            cache[(draft, commit.sha)] = (text, gitrepo.line_authors(config.root, draft, commit.sha) if text else {})
        text, authors = cache[(draft, commit.sha)]
        lines = _claim_lines(text, rec, Sentences, normalize) if text else None
        if lines is None:
            continue  # the draft at that commit lacks the claim as it reads now: its fingerprint already says stale
        who = str(approval.get("by", "")).strip().lower()
        wrote = {str(authors.get(n) or "").lower() for n in lines}
        if who in wrote:
            problems[(f, cid)] = (
                f"approval by {who} does not count: {who} wrote this claim (commit {commit.sha[:10]}); "
                "another reviewer must approve it"
            )
    return problems


def _claim_lines(text: str, rec: ClaimRecord, Sentences, normalize) -> range | None:
    """The lines the claim spans in `text`: its words where they stand in its sentence."""
    words, sentence = str(rec.get("text") or ""), normalize(str(rec.get("sentence") or ""))
    if not words:
        return None
    sentences = None
    at = text.find(words)
    while at >= 0:
        sentences = sentences or Sentences(text, 0)
        if normalize(sentences.sentence_text(at, at + len(words))) == sentence:
            first = text.count("\n", 0, at) + 1
            return range(first, first + words.count("\n") + 1)
        at = text.find(words, at + 1)
    return None


def _problem(w: Wanted, seen: dict[tuple, gitrepo.Commit]) -> str | None:
    _, _, approval = w
    by = str(approval.get("by", "")).strip().lower()
    commit = seen.get(rules.review_key(approval))
    if commit is None:
        return f"approval by {by} is in no commit; the reviewer must commit it (`factcheck approve` does)"
    if commit.author_email.strip().lower() != by:
        return f"approval by {by} was added in commit {commit.sha[:10]}, authored by {commit.author_name} <{commit.author_email}>"
    return None


def _refuse_cut_history(config: Config, wanted: list[Wanted], seen: dict[tuple, gitrepo.Commit]) -> None:
    """In a shallow clone an approval may look newer than it is: never guess, say how to fetch."""
    if not gitrepo.is_shallow(config.root):
        return
    boundary = gitrepo.shallow_boundary(config.root)
    for f, cid, approval in wanted:
        commit = seen.get(rules.review_key(approval))
        if commit is None or commit.sha in boundary:
            raise GitError(
                f"cannot verify the approval of {cid}: this clone is shallow and lacks the commit that added it; "
                + gitrepo.FETCH_HINT,
                path=f,
            )


def first_seen(config: Config, pathspec: list[str], targets: set[str], keys: set[tuple]) -> dict[tuple, gitrepo.Commit]:
    """review key → the oldest commit whose version of a target file (or its former path) holds it."""
    commits = gitrepo.history(config.root, pathspec)
    lineage = _lineage(commits, targets)
    todo = [(c, ch.path, ch.blob) for c in commits for ch in c.changes if ch.blob and ch.path in lineage]
    blobs = gitrepo.read_blobs(config.root, [blob for _, _, blob in todo])
    parsed: dict[str, set[tuple]] = {}
    seen: dict[tuple, gitrepo.Commit] = {}
    for commit, path, blob in todo:
        if blob not in parsed:
            parsed[blob] = _approval_keys(blobs.get(blob, ""), path)
        for key in (parsed[blob] & keys) - seen.keys():
            seen[key] = commit
    return seen


def _lineage(commits: list[gitrepo.Commit], targets: set[str]) -> set[str]:
    """The target paths and every path they were renamed from."""
    paths = set(targets)
    for commit in reversed(commits):
        for ch in commit.changes:
            if ch.old_path and ch.path in paths:
                paths.add(ch.old_path)
    return paths


def _approval_keys(text: str, path: str) -> set[tuple]:
    """Every approval in the file, and every correction of a published claim (signed off alike)."""
    if "decision: approved" not in text and "decision: corrected" not in text:
        return set()

    try:
        cf = claims_files.parse_claims_file(text, path=path)
    except DataError:
        return set()  # an old broken version holds no approval anybody could rely on
    corrections = (cf.published or {}).get("corrections")
    corrections = corrections if isinstance(corrections, list) else []
    return {
        rules.review_key(r)
        for c in cf.claims
        for r in (c.get("reviews") or [])
        if isinstance(r, dict) and r.get("decision") == rules.Decision.APPROVED
    } | {rules.review_key(r) for r in corrections if isinstance(r, dict) and r.get("decision") == "corrected"}
