"""Which sources a draft is checked against, and which paths are safe to read.

A draft names its own sources in front matter (`sources:`, paths from the newsroom
root, globs allowed); the config's `archives` folders are searched for every draft.
A draft that names none is checked against the whole `sources/` folder, where
`factcheck sources add` keeps snapshots. Every path must stay inside the newsroom:
a `../` or a symlink pointing out of it is refused, so a draft cannot make the tool
read (and quote into a claims file) a file from elsewhere on the machine.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import FactcheckError, InputError
from factcheck.sources import is_supported

_GLOB_CHARS = set("*?[")


@dataclass
class Resolved:
    """The source paths (relative to the root) a draft uses, and the entries that failed."""

    paths: list[str] = field(default_factory=list)
    errors: list[FactcheckError] = field(default_factory=list)
    declared: bool = True


def inside_root(root: Path, rel: str) -> str:
    """`rel` as a clean root-relative path, or InputError if it resolves outside the root."""
    real_root = root.resolve()
    target = (root / rel).resolve()
    try:
        return target.relative_to(real_root).as_posix()
    except ValueError:
        raise InputError("source is outside the newsroom (via ../ or a symlink); copy it in with `factcheck sources add`", path=rel) from None


def _files_under(root: Path, folder: str) -> list[str]:
    base = root / folder
    found = []
    for p in base.rglob("*"):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and is_supported(p) and not any(part.startswith(".") for part in Path(rel).parts):
            found.append(rel)
    return sorted(found)


def _expand(root: Path, entry: str) -> list[str]:
    """A front-matter entry → the files it names (a file, a folder, or a glob)."""
    if _GLOB_CHARS & set(entry):
        hits = sorted(glob.glob(entry, root_dir=root, recursive=True))
        return [h for h in hits if (root / h).is_file() and is_supported(h)] or []
    if (root / entry).is_dir():
        return _files_under(root, entry)
    return [entry]


def _add(root: Path, rel: str, out: Resolved, seen: set[str]) -> None:
    try:
        clean = inside_root(root, rel)
    except FactcheckError as exc:
        out.errors.append(exc)
        return
    if clean in seen:
        return
    if not (root / clean).exists():
        out.errors.append(InputError("source listed in the draft does not exist", path=rel))
        return
    seen.add(clean)
    out.paths.append(clean)


def for_draft(config, declared: list[str]) -> Resolved:
    """The sources for a draft whose front matter lists `declared` (maybe empty)."""
    root = config.root
    out = Resolved(declared=bool(declared))
    seen: set[str] = set()
    entries = list(declared)
    for entry in entries:
        matches = _expand(root, entry.strip())
        if not matches:
            out.errors.append(InputError("no source file matches this pattern", path=entry))
        for rel in matches:
            _add(root, rel, out, seen)
    folders = list(config.archives) + ([] if declared else [config.sources])
    for folder in folders:
        for rel in _archive_files(config, folder, out):
            _add(root, rel, out, seen)
    return out


def _archive_files(config, folder: str, out: Resolved) -> list[str]:
    try:
        inside_root(config.root, folder)
    except FactcheckError as exc:
        out.errors.append(exc)
        return []
    if not (config.root / folder).is_dir():
        return []
    return _files_under(config.root, folder)
