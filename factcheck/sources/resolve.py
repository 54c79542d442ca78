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
import os
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
    missing: dict = field(default_factory=dict)  # declared path that is not on disk -> its error


def inside_root(root: Path, rel: str) -> str:
    """`rel` as a clean root-relative path, or InputError if it resolves outside the root."""
    real_root = root.resolve()
    target = (root / rel).resolve()
    try:
        return target.relative_to(real_root).as_posix()
    except ValueError:
        raise InputError("source is outside the newsroom (via ../ or a symlink); copy it in with `factcheck sources add`", path=rel) from None


def _files_under(root: Path, folder: str) -> list[str]:
    """Supported files below `folder`, hidden ones skipped. Symlinked files are listed
    (and checked by the caller); symlinked folders are not followed."""
    found = []
    base = os.path.join(root, folder)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        for name in filenames:
            if not name.startswith(".") and is_supported(name):
                found.append(f"{rel_dir}/{name}" if rel_dir != "." else name)
    return sorted(found)


def _expand(root: Path, entry: str) -> list[str]:
    """A front-matter entry → the files it names (a file, a folder, or a glob)."""
    if _GLOB_CHARS & set(entry):
        hits = sorted(glob.glob(entry, root_dir=root, recursive=True))
        return [h for h in hits if (root / h).is_file() and is_supported(h)] or []
    if (root / entry).is_dir():
        return _files_under(root, entry)
    return [entry]


def _add(root: Path, rel: str, out: Resolved, seen: set[str], *, trusted: bool = False) -> None:
    """Add one source path; `trusted` paths were found by walking a checked folder."""
    if rel in seen:
        return
    if trusted and not os.path.islink(os.path.join(root, rel)):
        seen.add(rel)
        out.paths.append(rel)
        return
    try:
        clean = inside_root(root, rel)
    except FactcheckError as exc:
        out.errors.append(exc)
        return
    if clean in seen:
        return
    if not (root / clean).exists():
        exc = InputError("source listed in the draft does not exist", path=rel)
        out.errors.append(exc)
        out.missing[clean] = exc  # a shared archive server may hold it (see factcheck/archive)
        return
    seen.add(clean)
    out.paths.append(clean)


class Resolver:
    """Resolves the sources of many drafts, walking each archive folder only once."""

    def __init__(self, config):
        self.config = config
        self._folders: dict[str, tuple[list[str], list[FactcheckError]]] = {}

    def folder(self, folder: str) -> tuple[list[str], list[FactcheckError]]:
        """The checked files of an archive folder (symlinks pointing out of the newsroom dropped)."""
        if folder not in self._folders:
            holder = Resolved()
            seen: set[str] = set()
            for rel in _archive_files(self.config, folder, holder):
                _add(self.config.root, rel, holder, seen, trusted=True)
            self._folders[folder] = (holder.paths, holder.errors)
        return self._folders[folder]

    def for_draft(self, declared: list[str]) -> Resolved:
        """The sources for a draft whose front matter lists `declared` (maybe empty)."""
        root = self.config.root
        out = Resolved(declared=bool(declared))
        seen: set[str] = set()
        for entry in declared:
            matches = _expand(root, entry.strip())
            if not matches:
                out.errors.append(InputError("no source file matches this pattern", path=entry))
            for rel in matches:
                _add(root, rel, out, seen)
        folders = list(self.config.archives) + ([] if declared else [self.config.sources])
        for folder in folders:
            files, errors = self.folder(folder)
            out.errors.extend(errors)
            fresh = [rel for rel in files if rel not in seen]
            seen.update(fresh)
            out.paths.extend(fresh)
        return out


def for_draft(config, declared: list[str]) -> Resolved:
    """The sources for one draft (see Resolver for many)."""
    return Resolver(config).for_draft(declared)


def _archive_files(config, folder: str, out: Resolved) -> list[str]:
    try:
        inside_root(config.root, folder)
    except FactcheckError as exc:
        out.errors.append(exc)
        return []
    if not (config.root / folder).is_dir():
        return []
    return _files_under(config.root, folder)
