"""Everything factcheck asks of git, answered as plain values.

This is the only module that runs git. It calls the git command line rather than
walking objects through GitPython: one `git log` or `git cat-file --batch` process
answers for thousands of files faster than GitPython takes to import. A failing git
command becomes one GitError with git's own first line of explanation.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import GitError

FETCH_HINT = "fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"


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


def _git(root: Path, *args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    cmd = ["git", "-c", "core.quotepath=off", *args]
    try:
        proc = subprocess.run(cmd, cwd=root, input=stdin, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if check and proc.returncode != 0:
        raise GitError(f"git {args[0]} failed: {_first_line(proc.stderr)}", path=str(root))
    return proc


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    picked = [ln for ln in lines if ln.lower().startswith(("fatal", "error"))] or lines
    return picked[0] if picked else "no message"


def ensure_repo(root: Path) -> None:
    proc = _git(root, "rev-parse", "--is-inside-work-tree", check=False)
    if proc.returncode != 0 or proc.stdout.strip() != "true":
        raise GitError("not inside a git repository; sign-offs live in git history", path=str(root))


def is_repo(root: Path) -> bool:
    try:
        proc = _git(root, "rev-parse", "--is-inside-work-tree", check=False)
    except GitError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == "true"


def set_config(root: Path, key: str, value: str) -> None:
    """Set a key in the repository's own config (.git/config), not the user's."""
    _git(root, "config", "--local", key, value)


def identity(root: Path) -> tuple[str, str]:
    """(name, email) that git will author the next commit as: env first, then config."""
    proc = _git(root, "var", "GIT_AUTHOR_IDENT", check=False)
    if proc.returncode != 0:
        raise GitError("git does not know who you are: set `git config user.name` and `git config user.email`")
    ident = proc.stdout.strip()
    name, _, rest = ident.partition(" <")
    email = rest.split(">", 1)[0]
    if not email or "@" not in email:
        raise GitError("your git email is not set: run `git config user.email you@example.org`")
    return name.strip(), email.strip()


def line_authors(root: Path, rel: str) -> dict[int, str | None]:
    """The author email of the commit that last changed each line (None: not committed yet)."""
    proc = _git(root, "blame", "--line-porcelain", "--", rel, check=False)
    if proc.returncode != 0:
        if "no such path" in proc.stderr.lower() or "no such ref" in proc.stderr.lower():
            return {}
        raise GitError(f"git blame failed: {_first_line(proc.stderr)}", path=rel)
    return _parse_blame(proc.stdout)


def _parse_blame(text: str) -> dict[int, str | None]:
    authors: dict[int, str | None] = {}
    line, sha, email = 0, "", None
    for row in text.splitlines():
        if row.startswith("\t"):
            authors[line] = None if set(sha) == {"0"} else email
        elif row.startswith("author-mail "):
            email = row[len("author-mail ") :].strip().strip("<>")
        elif len(row) > 41 and row[40] == " " and all(c in "0123456789abcdef" for c in row[:40]):
            sha, line = row[:40], int(row.split()[2])
    return authors


def commit_files(root: Path, paths: list[str], message: str, *, wait: float = 20.0) -> str:
    """Commit exactly `paths` (whatever else is staged stays staged); returns the new sha.

    Another git process may hold the index lock for a moment; retry rather than lose
    a sign-off that is already written.
    """
    deadline = time.monotonic() + wait
    while True:
        add = _git(root, "add", "--", *paths, check=False)
        proc = add if add.returncode else _git(root, "commit", "--no-verify", "-q", "-m", message, "--", *paths, check=False)
        if proc.returncode == 0:
            return _git(root, "rev-parse", "HEAD").stdout.strip()
        if "index.lock" not in proc.stderr or time.monotonic() > deadline:
            raise GitError(f"could not commit the sign-off: {_first_line(proc.stderr + proc.stdout)}", path=paths[0])
        time.sleep(0.2)


def merge_base(root: Path, base: str) -> str:
    """Where this branch left `base`; a missing ref or cut history says how to fetch it."""
    if _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode != 0:
        raise GitError(f"unknown base `{base}`: fetch it first (e.g. `git fetch origin {base.split('/')[-1]}`)")
    proc = _git(root, "merge-base", base, "HEAD", check=False)
    if proc.returncode != 0:
        if is_shallow(root):
            raise GitError(f"the history is too shallow to find where this branch left `{base}`: {FETCH_HINT}")
        raise GitError(f"this branch shares no history with `{base}`")
    return proc.stdout.strip()


def changed_files(root: Path, base: str) -> list[str]:
    """Files that differ from where the branch left `base`: committed, staged, unstaged or new."""
    fork = merge_base(root, base)
    diff = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", fork, "--")
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    names = diff.stdout.split("\0") + new.stdout.split("\0")
    return sorted({n for n in names if n})


def file_at(root: Path, ref: str, rel: str) -> str | None:
    """A file's text as commit `ref` holds it (`rel` from `root`); None when it has no such file."""
    proc = _git(root, "show", f"{ref}:./{rel}", check=False)
    if proc.returncode == 0:
        return proc.stdout
    if "does not exist in" in proc.stderr or "exists on disk, but not in" in proc.stderr:
        return None
    raise GitError(f"git show failed: {_first_line(proc.stderr)}", path=rel)


def is_shallow(root: Path) -> bool:
    return _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def shallow_boundary(root: Path) -> set[str]:
    """Commits whose parents were cut off by a shallow clone (empty for a full clone)."""
    path = _git(root, "rev-parse", "--git-path", "shallow").stdout.strip()
    p = Path(path) if os.path.isabs(path) else root / path
    if not p.is_file():
        return set()
    return {ln.strip() for ln in p.read_text().splitlines() if ln.strip()}


def history(root: Path, paths: list[str]) -> list[Commit]:
    """Every non-merge commit that touched `paths`, oldest first, with the blobs it left.

    One `git log --raw` process, whatever the number of files; renames are followed so a
    moved claims file keeps its past.
    """
    if not paths:
        return []
    fmt = "%x1e%H%x1f%ae%x1f%an"
    proc = _git(
        root, "log", "--reverse", "--topo-order", "--no-merges", "--raw", "--no-abbrev", "-M", "--relative",
        f"--format={fmt}", "--", *paths, check=False,
    )
    if proc.returncode != 0:
        if "does not have any commits" in proc.stderr or "bad default revision" in proc.stderr:
            return []
        raise GitError(f"git log failed: {_first_line(proc.stderr)}")
    return [c for c in (_parse_commit(chunk) for chunk in proc.stdout.split("\x1e")) if c]


def _parse_commit(chunk: str) -> Commit | None:
    lines = chunk.strip("\n").split("\n")
    if not lines or not lines[0]:
        return None
    sha, email, name = (lines[0].split("\x1f") + ["", ""])[:3]
    changes = [ch for ch in (_parse_raw(ln) for ln in lines[1:]) if ch]
    return Commit(sha=sha, author_email=email, author_name=name, changes=tuple(changes))


def _parse_raw(line: str) -> FileChange | None:
    # ":100644 100644 <old> <new> M\tpath"  or  ":... R100\told\tnew"
    if not line.startswith(":"):
        return None
    meta, *names = line.split("\t")
    parts = meta.split()
    if len(parts) < 5 or not names:
        return None
    blob = None if set(parts[3]) == {"0"} else parts[3]
    if parts[4].startswith(("R", "C")) and len(names) == 2:
        return FileChange(path=names[1], blob=blob, old_path=names[0])
    return FileChange(path=names[0], blob=blob)


def read_blobs(root: Path, shas: list[str]) -> dict[str, str]:
    """Contents of many blobs through one `git cat-file --batch` process."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    proc = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=root, input="\n".join(wanted).encode() + b"\n", capture_output=True
    )
    if proc.returncode != 0:
        raise GitError(f"git cat-file failed: {_first_line(proc.stderr.decode('utf-8', 'replace'))}")
    return _split_batch(proc.stdout)


def _split_batch(data: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        end = data.index(b"\n", pos)
        header = data[pos:end].decode().split()
        pos = end + 1
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        out[header[0]] = data[pos : pos + size].decode("utf-8", "replace")
        pos += size + 1
    return out


def repo_prefix(root: Path) -> str:
    """Where `root` sits inside the repository ("" at the top, else "sub/dir/")."""
    proc = _git(root, "rev-parse", "--show-prefix", check=False)
    return proc.stdout.strip() if proc.returncode == 0 else ""
