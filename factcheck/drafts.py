"""Finding drafts in a newsroom and reading them: paths in, parsed Drafts out."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import CONFIG_NAME, Config
from factcheck.draft import Draft, parse_draft
from factcheck.errors import ConfigError, InputError
from factcheck.textio import read_text


def discover(config: Config) -> list[str]:
    """Every draft the config's globs select, as sorted paths relative to the root."""
    found: set[str] = set()
    for pattern in config.drafts:
        for p in config.root.glob(pattern):
            if p.is_file():
                found.add(p.relative_to(config.root).as_posix())
    drafts = sorted(found)
    _refuse_shared_claims_files(drafts)
    return drafts


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
    """A draft path from the command line, made relative to the newsroom root."""
    p = Path(given)
    absolute = (p if p.is_absolute() else Path.cwd() / p).resolve()
    try:
        return absolute.relative_to(config.root.resolve()).as_posix()
    except ValueError:
        raise InputError("is outside the newsroom (the folder holding .factcheck.yaml)", path=given) from None


def select(config: Config, given: list[str] | None) -> list[str]:
    return [relative_draft(config, g) for g in given] if given else discover(config)


def read_draft(config: Config, rel: str) -> Draft:
    return parse_draft(read_text(config.root / rel, display=rel), rel)
