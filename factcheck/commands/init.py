"""`factcheck init`: write a commented .factcheck.yaml with every default, and set up git for it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck import gitrepo, output
from factcheck.commands import run
from factcheck.config import CONFIG_NAME, DEFAULT_CONFIG_TEXT, find_root
from factcheck.errors import ConfigError
from factcheck.store.claims_files import atomic_write

MERGE_DRIVER = "factcheck-claims"
# Per-machine state, and the report's default page: neither belongs in the newsroom's history.
IGNORED = (".factcheck/", "factcheck-report.html")

NEXT_STEPS = """next:
  1. list the editors who may sign off under `reviewers:` in .factcheck.yaml (their git user.email)
  2. put drafts under drafts/ and their sources under sources/ (or `factcheck sources add URL --draft DRAFT`)
  3. run `factcheck scan`, `factcheck match`, then `factcheck review DRAFT`"""


def init_newsroom(force: bool) -> int:
    root = find_root()
    path = root / CONFIG_NAME
    if path.exists() and not force:
        raise ConfigError("already exists; use --force to overwrite it with the defaults", path=str(path))
    in_git = gitrepo.is_repo(root)
    if not in_git:
        output.warn(
            f"{root} is not in a git repository: sign-offs are git commits, so run `git init` "
            "and then `factcheck init --force` to set up the merge driver"
        )
    atomic_write(path, DEFAULT_CONFIG_TEXT)
    output.out(f"wrote {path}")
    added = _add_lines(root / ".gitignore", IGNORED)
    if added:
        output.out(f"added {', '.join(added)} to .gitignore")
    if in_git:
        _register_merge_driver(root)
        output.out("registered the claims merge driver in .git/config; .gitattributes sends claims/**/*.yaml to it")
    output.out(NEXT_STEPS)
    return 0


def _register_merge_driver(root: Path) -> None:
    """Two editors' sign-offs on one claims file merge without a conflict (see docs/review.md)."""
    gitrepo.set_config(root, f"merge.{MERGE_DRIVER}.name", "factcheck claims files")
    gitrepo.set_config(root, f"merge.{MERGE_DRIVER}.driver", "factcheck merge-driver %O %A %B")
    _add_lines(root / ".gitattributes", (f"claims/**/*.yaml merge={MERGE_DRIVER}",))


def _add_lines(path: Path, lines: tuple[str, ...]) -> list[str]:
    """Append the lines the file lacks; returns those added."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    present = {ln.strip() for ln in text.splitlines()}
    missing = [ln for ln in lines if ln not in present]
    if missing:
        lead = "" if not text or text.endswith("\n") else "\n"
        atomic_write(path, text + lead + "".join(f"{ln}\n" for ln in missing))
    return missing


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        force: Annotated[bool, typer.Option("--force", help="Overwrite an existing .factcheck.yaml.")] = False,
    ) -> None:
        """Create .factcheck.yaml at the top of the repository, with every key at its default.

        In a git repository it also registers the claims merge driver (.git/config and
        .gitattributes) and git-ignores .factcheck/ and the report's default page.

        Examples:

        \b
          git init newsroom && cd newsroom && factcheck init
          factcheck init --force
        """
        run(init_newsroom, force)
