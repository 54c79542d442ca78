"""Finding drafts in a newsroom and reading them: paths in, parsed Drafts out.

Drafts are regular files inside the repository. A symbolic link in a draft's path
would let the gate check one file while another is published (or read any file on
the machine into a report), so globs never walk into a symlinked folder, and a
symlinked draft is refused wherever it is named.
"""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.config import CONFIG_NAME, Config
from factcheck.errors import ConfigError, InputError
from factcheck.store.draft_text import Draft, parse_draft
from factcheck.textio import read_text

SYMLINK_MESSAGE = "is a symbolic link; drafts must be regular files inside the repository"


def discover(config: Config) -> list[str]:
    """Every draft the config's globs select, as sorted paths relative to the root."""
    drafts, _ = discover_all(config)
    return drafts


def discover_all(config: Config, patterns: tuple[str, ...] | None = None) -> tuple[list[str], list[str]]:
    """(regular drafts, symbolic links) the globs reach.

    Folders behind a link are never entered; the links themselves are listed (a folder
    with a trailing "/") so that the gate can refuse them rather than miss what is behind.
    """
    found: set[str] = set()
    links: set[str] = set()
    for pattern in config.drafts if patterns is None else patterns:
        links.update(_links_under(config.root, pattern))
        linked = {link.rstrip("/") for link in links}
        for p in config.root.glob(pattern):
            rel = p.relative_to(config.root).as_posix()
            if linked and _behind(rel, linked):
                continue
            if p.is_file():
                found.add(rel)
    drafts = sorted(found)
    _refuse_shared_claims_files(drafts)
    return drafts, sorted(links)


def _behind(rel: str, linked: set[str]) -> bool:
    """Whether `rel`, or a folder on its way, is one of the links found."""
    parts = rel.split("/")
    return any("/".join(parts[:n]) in linked for n in range(1, len(parts) + 1))


def _links_under(root: Path, pattern: str) -> set[str]:
    """Links the pattern could reach: linked files it matches, and every linked folder on the way."""
    parts = pattern.split("/")
    fixed = []
    for part in parts[:-1]:
        if any(c in part for c in "*?["):
            break
        fixed.append(part)
    start = "/".join(fixed)
    link = symlink_in_path(root, start) if start else None
    if link is not None:
        return {link + "/"}
    links: set[str] = set()
    stack = [start]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(root / folder if folder else root))
        except OSError:
            continue
        for entry in entries:
            rel = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_symlink():
                if os.path.isdir(root / rel):
                    if _could_hold(pattern, rel):
                        links.add(rel + "/")
                elif matches(pattern, rel):
                    links.add(rel)
            elif entry.is_dir(follow_symlinks=False) and entry.name != ".git" and _could_hold(pattern, rel):
                stack.append(rel)
    return links


def matches(pattern: str, rel: str) -> bool:
    """Whether `rel` matches a drafts glob, with `**` standing for any number of folders."""
    import fnmatch

    def match(pp: list[str], rp: list[str]) -> bool:
        if not pp:
            return not rp
        if pp[0] == "**":
            return any(match(pp[1:], rp[i:]) for i in range(len(rp) + 1))
        return bool(rp) and fnmatch.fnmatchcase(rp[0], pp[0]) and match(pp[1:], rp[1:])

    return match(pattern.split("/"), rel.split("/"))


def _could_hold(pattern: str, folder: str) -> bool:
    """Whether paths under `folder` can match `pattern` (a cheap test on the leading parts)."""
    import fnmatch

    for want, have in zip(pattern.split("/")[:-1], folder.split("/")):
        if want == "**":
            return True
        if not fnmatch.fnmatchcase(have, want):
            return False
    return len(folder.split("/")) < len(pattern.split("/"))


def symlink_in_path(root: Path, rel: str) -> str | None:
    """The first part of `rel` (a folder or the file itself) that is a symbolic link, if any."""
    parts = rel.split("/")
    for n in range(1, len(parts) + 1):
        sub = "/".join(parts[:n])
        if os.path.islink(root / sub):
            return sub
    return None


def _refuse_shared_claims_files(drafts: list[str]) -> None:
    """story.md and story.markdown would share claims/story.yaml and mix their sign-offs."""
    seen: dict[str, str] = {}
    for rel in drafts:
        key = os.path.splitext(rel)[0]
        if key in seen:
            raise ConfigError(
                f"drafts {seen[key]} and {rel} would share one claims file; rename one of them",
                path=CONFIG_NAME,
            )
        seen[key] = rel


def relative_draft(config: Config, given: str) -> str:
    """A draft path from the command line, made relative to the newsroom root.

    Only the folder is resolved, never the file: a symlinked draft keeps its own name
    so that reading it is refused rather than quietly following the link.
    """
    p = Path(given)
    absolute = p if p.is_absolute() else Path.cwd() / p
    located = Path(os.path.realpath(absolute.parent)) / absolute.name
    try:
        rel = located.relative_to(config.root.resolve()).as_posix()
    except ValueError:
        raise InputError("is outside the newsroom (the folder holding .factcheck.yaml)", path=given) from None
    if rel in ("", ".") or rel.startswith("../"):
        raise InputError("is outside the newsroom (the folder holding .factcheck.yaml)", path=given)
    return rel


def select(config: Config, given: list[str] | None) -> list[str]:
    return [relative_draft(config, g) for g in given] if given else discover(config)


def draft_file(config: Config, rel: str) -> Path:
    """The draft's path on disk, refused when it leaves the newsroom or goes through a link."""
    if Path(rel).is_absolute() or ".." in Path(rel).parts:
        raise InputError("is outside the newsroom (the folder holding .factcheck.yaml)", path=rel)
    link = symlink_in_path(config.root, rel)
    if link is not None:
        message = SYMLINK_MESSAGE if link == rel else f"lies under {link}, {SYMLINK_MESSAGE.replace('is a', 'a')}"
        raise InputError(message, path=rel)
    return config.root / rel


def read_draft(config: Config, rel: str) -> Draft:
    return parse_draft(read_text(draft_file(config, rel), display=rel), rel)
