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
from factcheck.draft import Draft, parse_draft
from factcheck.errors import ConfigError, InputError
from factcheck.textio import read_text

SYMLINK_MESSAGE = "is a symbolic link; drafts must be regular files inside the repository"


def discover(config: Config) -> list[str]:
    """Every draft the config's globs select, as sorted paths relative to the root."""
    drafts, _ = discover_all(config)
    return drafts


def discover_all(config: Config, patterns: tuple[str, ...] | None = None) -> tuple[list[str], list[str]]:
    """(regular drafts, symlinked draft paths) the globs select; symlinked folders are not entered."""
    found: set[str] = set()
    links: set[str] = set()
    for pattern in config.drafts if patterns is None else patterns:
        for p in config.root.glob(pattern):
            rel = p.relative_to(config.root).as_posix()
            link = symlink_in_path(config.root, rel)
            if link == rel:
                links.add(rel)
            elif link is None and p.is_file():
                found.add(rel)
    drafts = sorted(found)
    _refuse_shared_claims_files(drafts)
    return drafts, sorted(links)


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
        key = Path(rel).with_suffix("").as_posix()
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
