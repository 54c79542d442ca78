"""Which sources a draft is checked against, and which paths are safe to read.

A draft names its own sources in front matter (`sources:`, paths from the newsroom
root, globs allowed); the config's `archives` folders are searched for every draft.
A draft that names none is checked against the whole `sources/` folder, where
`factcheck sources add` keeps snapshots. Every path must stay inside the newsroom:
a `../` or a symlink pointing out of it is refused, so a draft cannot make the tool
read (and quote into a claims file) a file from elsewhere on the machine.

Archives run to tens of thousands of files and every draft may name the same glob, so
walking is done once per distinct entry and run, with `os.scandir`: the folder a walk
starts from is checked against the root once, and below it symlinked folders are never
followed, so nothing a walk finds can lie outside the newsroom. Only a symlinked file
needs a check of its own.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from fnmatch import translate
from pathlib import Path

from factcheck.errors import FactcheckError, InputError
from factcheck.sources import LOADERS, SIDECAR_SUFFIX

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
        raise InputError(
            "source is outside the newsroom (via ../ or a symlink); copy it in with `factcheck sources add`", path=rel
        ) from None


@dataclass
class _Found:
    """What one walk found: files inside for sure, and symlinked files still to check; and,
    seen on the way, every folder listed and the sidecars in them."""

    files: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    sidecars: list[str] = field(default_factory=list)


def _walk(root: str, start: str, parts: list[str], found: _Found) -> None:
    """Files below `start` (root-relative, already checked) whose path below it matches
    the glob segments `parts`. Hidden names match only a segment written with a dot, as
    with the shell; symlinked folders are never entered."""
    matchers = [None if p == "**" else re.compile(translate(p)).match for p in parts]
    last = len(parts) - 1
    stack = [(start, _closure(parts, {0}))]
    while stack:
        rel_dir, states = stack.pop()
        prefix = f"{rel_dir}/" if rel_dir else ""
        # Which segments a file name here must match; the same for every file in the folder.
        last_match = matchers[last]  # None for a trailing "**", which names folders only
        names = [(last_match, parts[last].startswith(".")) for i in states if i == last and last_match is not None]
        # One pattern for the names here (as in `archive/**/*.txt`): no generator per file.
        only, dotted_only = names[0] if len(names) == 1 else (None, False)
        try:
            with os.scandir(os.path.join(root, rel_dir) if rel_dir else root) as it:
                for entry in it:
                    name = entry.name
                    # d_type from the folder listing: no stat per file; a symlink is never a folder here.
                    if entry.is_dir(follow_symlinks=False):
                        nxt = _step(parts, matchers, states, name)
                        if nxt:
                            stack.append((prefix + name, nxt))
                    elif not names or not _supported(name):
                        if name.endswith(SIDECAR_SUFFIX):
                            found.sidecars.append(prefix + name)
                        continue
                    elif (
                        (only(name) and (dotted_only or name[0] != "."))
                        if only
                        else any(m(name) and (dotted or name[0] != ".") for m, dotted in names)
                    ):
                        (found.links if entry.is_symlink() else found.files).append(prefix + name)
            found.folders.append(rel_dir)  # listed whole: a sidecar not seen here is not there
        except OSError:
            continue  # unreadable or vanished folder: nothing in it can be read either


def _supported(name: str) -> bool:
    """`sources.is_supported` without building a Path: it runs once per file of an archive."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in LOADERS and not name.endswith(SIDECAR_SUFFIX)


def _closure(parts: list[str], states: set[int]) -> frozenset:
    """A `**` may match no folder at all: being before it is also being after it."""
    out = set(states)
    for i in sorted(states):
        while i < len(parts) and parts[i] == "**":
            i += 1
            out.add(i)
    return frozenset(out)


def _step(parts: list[str], matchers, states: frozenset, name: str) -> frozenset:
    """The segments still to match below folder `name`."""
    hidden = name.startswith(".")
    nxt = set()
    for i in states:
        if i >= len(parts) - 1:
            continue  # the last segment names files, not folders
        if parts[i] == "**":
            if not hidden:
                nxt.add(i)  # `**` goes on down through this folder
        elif (not hidden or parts[i].startswith(".")) and matchers[i](name):
            nxt.add(i + 1)
    return _closure(parts, nxt)


def _split_glob(entry: str) -> tuple[str, list[str]]:
    """`archive/2016/**/*.txt` → ("archive/2016", ["**", "*.txt"]): the literal folder a
    walk starts from, and the segments to match below it."""
    segments = [s for s in entry.split("/") if s not in ("", ".")]
    base: list[str] = []
    while segments and not (_GLOB_CHARS & set(segments[0])):
        base.append(segments.pop(0))
    if segments and segments[-1] == "**":
        segments.append("*")  # `folder/**` names every file below the folder
    # An absolute entry keeps its leading slash, so the check against the root refuses it.
    return ("/" if entry.startswith("/") else "") + "/".join(base), segments


class Resolver:
    """Resolves the sources of many drafts, expanding each distinct entry only once.

    Drafts that name the same entries (and so the same archive glob) share one
    `Resolved`: the expansion, and the list built from it, are made once per run.
    """

    def __init__(self, config):
        self.config = config
        self._root = str(config.root)
        self._entries: dict[str, tuple[list[str], list[FactcheckError]]] = {}
        self._drafts: dict[tuple[str, ...], Resolved] = {}
        self._missing: dict[FactcheckError, str] = {}
        self._listed_folders: set[str] = set()
        self._sidecars: set[str] = set()

    def expand(self, entry: str) -> tuple[list[str], list[FactcheckError]]:
        """A front-matter entry or archive folder → its checked, root-relative files, and errors."""
        if entry not in self._entries:
            self._entries[entry] = self._expand(entry)
        return self._entries[entry]

    def folder(self, folder: str) -> tuple[list[str], list[FactcheckError]]:
        """The checked files of an archive folder (a missing folder holds none)."""
        if not os.path.isdir(os.path.join(self._root, folder)):
            return [], []
        return self.expand(folder.rstrip("/") + "/**")

    def _expand(self, entry: str) -> tuple[list[str], list[FactcheckError]]:
        root = self.config.root
        if not (_GLOB_CHARS & set(entry)) and not os.path.isdir(os.path.join(self._root, entry)):
            return self._single(entry)
        base, parts = _split_glob(entry)
        if not parts:
            parts = ["**", "*"]  # a plain folder: every supported file below it
        try:
            start = inside_root(root, base) if base else ""
        except FactcheckError as exc:
            return [], [exc]
        if start == ".":
            start = ""
        found = _Found()
        if os.path.isdir(os.path.join(self._root, start) if start else self._root):
            _walk(self._root, start, parts, found)
        self._listed_folders.update(found.folders)
        self._sidecars.update(found.sidecars)
        files, errors = found.files, []
        for rel in found.links:
            try:
                clean = inside_root(root, rel)
            except FactcheckError as exc:
                errors.append(exc)
                continue
            if os.path.isfile(os.path.join(self._root, clean)):
                files.append(clean)
        return sorted(set(files)), errors

    def _single(self, entry: str) -> tuple[list[str], list[FactcheckError]]:
        try:
            clean = inside_root(self.config.root, entry)
        except FactcheckError as exc:
            return [], [exc]
        if not os.path.exists(os.path.join(self._root, clean)):
            missing = InputError("source listed in the draft does not exist", path=entry)
            self._missing[missing] = clean  # a shared archive server may hold it (see factcheck/archive)
            return [], [missing]
        return [clean], []

    def listed(self, rel: str) -> bool | None:
        """Did a walk of this run see a sidecar beside the source `rel`? None when no walk
        listed its folder. The index asks, to notice a sidecar added, edited or removed
        without listing the folder again."""
        folder = rel.rpartition("/")[0]
        if folder not in self._listed_folders:
            return None
        return rel + SIDECAR_SUFFIX in self._sidecars

    def for_draft(self, declared: list[str]) -> Resolved:
        """The sources for a draft whose front matter lists `declared` (maybe empty).

        The result may be shared with other drafts naming the same entries: read it, never change it."""
        key = tuple(e.strip() for e in declared)
        if key not in self._drafts:
            self._drafts[key] = self._resolve(key)
        return self._drafts[key]

    def _resolve(self, declared: tuple[str, ...]) -> Resolved:
        out = Resolved(declared=bool(declared))
        seen: set[str] = set()
        for entry in declared:
            files, errors = self.expand(entry)
            out.errors.extend(errors)
            out.missing.update((self._missing[e], e) for e in errors if e in self._missing)
            if not files and not errors:
                out.errors.append(InputError("no source file matches this pattern", path=entry))
            _extend(out, seen, files)
        folders = list(self.config.archives) + ([] if declared else [self.config.sources])
        for folder in folders:
            files, errors = self.folder(folder)
            out.errors.extend(errors)
            _extend(out, seen, files)
        return out


def _extend(out: Resolved, seen: set[str], files: list[str]) -> None:
    fresh = [rel for rel in files if rel not in seen]
    seen.update(fresh)
    out.paths.extend(fresh)


def for_draft(config, declared: list[str]) -> Resolved:
    """The sources for one draft (see Resolver for many)."""
    return Resolver(config).for_draft(declared)
