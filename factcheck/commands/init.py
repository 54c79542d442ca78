"""`factcheck init`: write a commented .factcheck.yaml with every default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.commands import run


def init_newsroom(force: bool) -> int:
    from factcheck import output
    from factcheck.config import CONFIG_NAME, DEFAULT_CONFIG_TEXT, find_root
    from factcheck.errors import ConfigError
    from factcheck.store import atomic_write

    root = find_root()
    path = root / CONFIG_NAME
    if path.exists() and not force:
        raise ConfigError("already exists; use --force to overwrite it with the defaults", path=str(path))
    atomic_write(path, DEFAULT_CONFIG_TEXT)
    _ignore_state(root)
    output.out(f"wrote {path}")
    return 0


def _ignore_state(root: Path) -> None:
    """The index and locks under .factcheck/ are per-machine and must never be committed."""
    gitignore = root / ".gitignore"
    text = gitignore.read_text(encoding="utf-8") if gitignore.exists() else ""
    if ".factcheck/" not in text.split():
        from factcheck.store import atomic_write

        atomic_write(gitignore, text + ("" if not text or text.endswith("\n") else "\n") + ".factcheck/\n")


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        force: Annotated[bool, typer.Option("--force", help="Overwrite an existing .factcheck.yaml.")] = False,
    ) -> None:
        """Create .factcheck.yaml at the top of the repository, with every key at its default."""
        run(init_newsroom, force)
