"""Everything factcheck asks of git, answered as plain values.

This is the only module that touches git, and it does so through GitPython, imported
only by the commands that need git (`--version`, `extract` and `scan` never load it).
GitPython finds the repository (`Repo`) and runs every git command (`Git.execute`);
its per-object model is not used for bulk reads: one `git log -z` or
`git cat-file --batch -z` through `repo.git` answers for thousands of files, where
walking objects one by one would blow the gate's time budget. Git's output is read the
way git means it to be read by programs: NUL-separated (`-z`), paths as bytes (decoded
like the file system does, so no file name can crash a command), messages in the C
locale, and object ids of either hash (SHA-1 or SHA-256). The identity is asked of git
itself (`git config`), which honours GIT_CONFIG_GLOBAL, includes and every other way git
is configured, and never falls back to a guessed `user@hostname`. A failing git command
becomes one GitError with git's own first line of explanation.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import GitError

FETCH_HINT = "fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"

# A full object id: 40 hex digits (SHA-1) or 64 (SHA-256).
_OID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")


@dataclass(frozen=True)
class FileChange:
    """One file as one commit left it: its path, and the blob it points to (None if deleted)."""

    path: str
    blob: str | None
    old_path: str | None = None


@dataclass(frozen=True)
class Commit:
    sha: str
    author_email: str
    author_name: str
    changes: tuple[FileChange, ...] = field(default_factory=tuple)


def _env() -> dict[str, str]:
    # git's messages are matched below, so they must be git's own English
    return {"LC_ALL": "C", "LANGUAGE": "C"}


def _command(root: Path):
    """GitPython's command runner for `root` (its working directory for every git call)."""
    try:
        import git
    except ImportError as exc:  # GitPython refuses to load when there is no git executable
        raise GitError(f"git is not installed or not on PATH ({' '.join(str(exc).split())[:120]})") from None
    return git.cmd.Git(str(root))


def _git(root: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run git in `root` through GitPython; stdout and stderr stay bytes."""
    import tempfile

    cmd = ["git", "-c", "core.quotepath=off", *args]
    runner = _command(root)
    with tempfile.TemporaryFile() as feed:
        if stdin is not None:
            feed.write(stdin)
            feed.seek(0)
        try:
            code, out, err = runner.execute(
                cmd,
                istream=feed if stdin is not None else None,
                with_extended_output=True,
                with_exceptions=False,
                stdout_as_string=False,
                strip_newline_in_stdout=False,
                env=_env(),
            )
        except OSError:
            raise GitError("git is not installed or not on PATH") from None
    err = err if isinstance(err, bytes) else str(err).encode("utf-8", "surrogateescape")
    proc = subprocess.CompletedProcess(cmd, code, out or b"", err)
    if check and proc.returncode != 0:
        raise GitError(f"git {args[0]} failed: {_first_line(proc.stderr)}", path=str(root))
    return proc


def repo(root: Path):
    """The GitPython Repo holding `root`; GitError when there is none."""
    import git

    try:
        return git.Repo(str(root), search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError("not inside a git repository; sign-offs live in git history", path=str(root)) from None


def _decode(data: bytes) -> str:
    """Bytes from git (paths, names) as str, the way Python names files: never a decode error."""
    return data.decode("utf-8", "surrogateescape")


def _out(proc: subprocess.CompletedProcess) -> str:
    return _decode(proc.stdout).strip()


def _first_line(data: bytes | str) -> str:
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    picked = [ln for ln in lines if ln.lower().startswith(("fatal", "error"))] or lines
    return picked[0] if picked else "no message"


def is_oid(text: str) -> bool:
    return bool(_OID.match(text))


def ensure_repo(root: Path) -> None:
    _command(root)
    r = repo(root)
    if r.bare:
        raise GitError("not inside a git work tree; sign-offs live in git history", path=str(root))


def is_repo(root: Path) -> bool:
    try:
        proc = _git(root, "rev-parse", "--is-inside-work-tree", check=False)
    except GitError:
        return False
    return proc.returncode == 0 and _out(proc) == "true"


def set_config(root: Path, key: str, value: str) -> None:
    """Set a key in the repository's own config (.git/config), not the user's."""
    _git(root, "config", "--local", key, value)


def has_commits(root: Path) -> bool:
    return repo(root).head.is_valid()


def identity(root: Path) -> tuple[str, str]:
    """(name, email) git will author the next commit as, read explicitly: env, then config.

    Never a guessed `user@hostname`: a sign-off must name a person who said who they are.
    """
    name = os.environ.get("GIT_AUTHOR_NAME") or _config(root, "author.name") or _config(root, "user.name")
    email = os.environ.get("GIT_AUTHOR_EMAIL") or _config(root, "author.email") or _config(root, "user.email")
    if not name:
        raise GitError("git does not know who you are: set `git config user.name` and `git config user.email`")
    if not email or "@" not in email:
        raise GitError("your git email is not set: run `git config user.email you@example.org`")
    return name.strip(), email.strip()


def _config(root: Path, key: str) -> str | None:
    proc = _git(root, "config", "--get", key, check=False)
    return _out(proc) or None if proc.returncode == 0 else None


def config_value(root: Path, key: str) -> str | None:
    """One git config value (e.g. `user.signingkey`), None when unset."""
    return _config(root, key)


def line_authors(root: Path, rel: str, rev: str | None = None) -> dict[int, str | None]:
    """The author email of the commit that last changed each line (None: not committed yet).

    With `rev`, the draft as that commit holds it.
    """
    args = ["blame", "--line-porcelain", *([rev] if rev else []), "--", rel]
    proc = _git(root, *args, check=False)
    if proc.returncode != 0:
        err = _decode(proc.stderr).lower()
        if "no such path" in err or "no such ref" in err:
            return {}
        raise GitError(f"git blame failed: {_first_line(proc.stderr)}", path=rel)
    return _parse_blame(_decode(proc.stdout))


def _parse_blame(text: str) -> dict[int, str | None]:
    authors: dict[int, str | None] = {}
    line, sha, email = 0, "", None
    for row in text.split("\n"):
        if row.startswith("\t"):
            authors[line] = None if set(sha) == {"0"} else email
            continue
        if row.startswith("author-mail "):
            email = row[len("author-mail ") :].strip().strip("<>")
            continue
        head = row.split(" ")
        if len(head) >= 3 and is_oid(head[0]) and head[2].isdigit():
            sha, line = head[0], int(head[2])
    return authors


def commit_files(root: Path, paths: list[str], message: str, *, wait: float = 20.0) -> str:
    """Commit exactly `paths` (whatever else is staged stays staged); returns the new sha.

    Another git process may hold the index lock for a moment; retry rather than lose
    a sign-off that is already written.
    """
    deadline = time.monotonic() + wait
    while True:
        add = _git(root, "add", "--", *paths, check=False)
        proc = (
            add
            if add.returncode
            else _git(root, "commit", "--no-verify", "-q", "-m", message, "--", *paths, check=False)
        )
        if proc.returncode == 0:
            return _out(_git(root, "rev-parse", "HEAD"))
        if b"index.lock" not in proc.stderr or time.monotonic() > deadline:
            raise GitError(f"could not commit the sign-off: {_first_line(proc.stderr + proc.stdout)}", path=paths[0])
        time.sleep(0.2)


def tag(root: Path, name: str, rev: str, message: str) -> None:
    """An annotated tag `name` on `rev`, made by the git identity (its tagger)."""
    proc = _git(root, "tag", "-a", "-m", message, name, rev, check=False)
    if proc.returncode:
        raise GitError(f"could not tag the commit as {name}: {_first_line(proc.stderr + proc.stdout)}", path=str(root))


def tags_at(root: Path, pattern: str) -> list[str]:
    """Names of the tags matching `pattern` (a `git tag --list` glob)."""
    return [t for t in _out(_git(root, "tag", "--list", pattern)).splitlines() if t]


def fetch_hint(root: Path, base: str) -> str:
    """How to fetch `base`: `origin/feature/x` is branch `feature/x` of remote `origin`."""
    remotes = set(_out(_git(root, "remote", check=False)).split())
    for remote in sorted(remotes, key=len, reverse=True):
        if base.startswith(remote + "/"):
            return f"git fetch {remote} {base[len(remote) + 1 :]}"
    return f"git fetch origin {base}"


def merge_base(root: Path, base: str) -> str:
    """Where this branch left `base`; a missing ref or cut history says how to fetch it."""
    if _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode != 0:
        raise GitError(f"unknown base `{base}`: fetch it first (e.g. `{fetch_hint(root, base)}`)")
    proc = _git(root, "merge-base", base, "HEAD", check=False)
    if proc.returncode != 0:
        if is_shallow(root):
            raise GitError(f"the history is too shallow to find where this branch left `{base}`: {FETCH_HINT}")
        raise GitError(f"this branch shares no history with `{base}`")
    return _out(proc)


def changed_files(root: Path, base: str) -> list[str]:
    """Files that differ from where the branch left `base`: committed, staged, unstaged or new."""
    fork = merge_base(root, base)
    diff = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", fork, "--")
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    names = (diff.stdout + b"\0" + new.stdout).split(b"\0")
    return sorted({_decode(n) for n in names if n})


def file_at(root: Path, ref: str, rel: str) -> str | None:
    """A file's text as commit `ref` holds it (`rel` from `root`); None when it has no such file."""
    return files_at(root, ref, [rel])[rel]


def files_at(root: Path, ref: str, rels: list[str]) -> dict[str, str | None]:
    """Many files' text as commit `ref` holds them, through one `git cat-file` process."""
    if not rels:
        return {}
    prefix = repo_prefix(root)
    names = [f"{ref}:{prefix}{rel}" for rel in rels]
    found = _batch(root, names)
    return {rel: found.get(name) for rel, name in zip(rels, names)}


def is_shallow(root: Path) -> bool:
    return _out(_git(root, "rev-parse", "--is-shallow-repository")) == "true"


def shallow_boundary(root: Path) -> set[str]:
    """Commits whose parents were cut off by a shallow clone (empty for a full clone)."""
    p = Path(repo(root).git_dir) / "shallow"
    if not p.is_file():
        return set()
    return {ln.strip() for ln in p.read_text().splitlines() if ln.strip()}


def history(root: Path, paths: list[str]) -> list[Commit]:
    """Every non-merge commit that touched `paths`, oldest first, with the blobs it left.

    One `git log --raw -z` process, whatever the number of files; renames are followed so
    a moved claims file keeps its past.
    """
    if not paths:
        return []
    fmt = "%x1e%H%x1f%ae%x1f%an"
    proc = _git(
        root,
        "log",
        "-z",
        "--reverse",
        "--topo-order",
        "--no-merges",
        "--raw",
        "--no-abbrev",
        "-M",
        "--relative",
        f"--format={fmt}",
        "--",
        *paths,
        check=False,
    )
    if proc.returncode != 0:
        err = _decode(proc.stderr)
        if "does not have any commits" in err or "bad default revision" in err:
            return []
        raise GitError(f"git log failed: {_first_line(proc.stderr)}")
    return parse_log(proc.stdout)


def parse_log(data: bytes) -> list[Commit]:
    """Commits from `git log -z --raw` output: NUL-separated fields, paths taken verbatim."""
    commits: list[Commit] = []
    tokens = data.split(b"\0")
    head: list[str] | None = None
    changes: list[FileChange] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].lstrip(b"\n")
        i += 1
        if tok.startswith(b"\x1e"):
            if head:
                commits.append(Commit(head[0], head[1], head[2], tuple(changes)))
            head, changes = (_decode(tok[1:]).split("\x1f") + ["", ""])[:3], []
        elif tok.startswith(b":"):
            parts = _decode(tok).split()
            if len(parts) < 5:
                continue
            blob = None if set(parts[3]) == {"0"} else parts[3]
            if parts[4].startswith(("R", "C")):
                old, new = _decode(tokens[i]), _decode(tokens[i + 1])
                i += 2
                changes.append(FileChange(path=new, blob=blob, old_path=old))
            else:
                changes.append(FileChange(path=_decode(tokens[i]), blob=blob))
                i += 1
    if head:
        commits.append(Commit(head[0], head[1], head[2], tuple(changes)))
    return commits


def read_blobs(root: Path, shas: list[str]) -> dict[str, str]:
    """Contents of many blobs through one `git cat-file --batch -z` process."""
    found = _batch(root, list(dict.fromkeys(shas)))
    return {k: v for k, v in found.items() if v is not None}


def _batch(root: Path, names: list[str]) -> dict[str, str | None]:
    """name → text for object names (`<sha>` or `<rev>:<path>`); None for a missing object."""
    if not names:
        return {}
    stdin = b"".join(n.encode("utf-8", "surrogateescape") + b"\0" for n in names)
    proc = _git(root, "cat-file", "--batch", "-z", stdin=stdin)
    out: dict[str, str | None] = {}
    data, pos = proc.stdout, 0
    for name in names:
        end = data.index(b"\n", pos)
        header = data[pos:end]
        pos = end + 1
        if header.endswith(b" missing") or header.endswith(b" ambiguous"):
            out[name] = None
            continue
        fields = header.split(b" ")
        size = int(fields[-1])
        out[name] = data[pos : pos + size].decode("utf-8", "replace") if fields[-2] == b"blob" else None
        pos += size + 1
    return out


def repo_prefix(root: Path) -> str:
    """Where `root` sits inside the repository ("" at the top, else "sub/dir/")."""
    proc = _git(root, "rev-parse", "--show-prefix", check=False)
    return _out(proc) if proc.returncode == 0 else ""
