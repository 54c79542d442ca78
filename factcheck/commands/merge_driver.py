"""`factcheck merge-driver BASE OURS THEIRS`: git's merge driver for claims files.

Set up once per clone (see docs/review.md):
    git config merge.factcheck-claims.name "factcheck claims files"
    git config merge.factcheck-claims.driver "factcheck merge-driver %O %A %B"
and in .gitattributes:  claims/**/*.yaml merge=factcheck-claims
"""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.commands import run
from factcheck.store.claims_files import atomic_write
from factcheck.store.three_way import merge_texts


def merge_claims_files(base: str, ours: str, theirs: str) -> int:
    """Write the merge into OURS and exit 0; any unreadable side exits 2 and git keeps the conflict."""
    from pathlib import Path

    def read(p: str) -> str:
        return Path(p).read_text(encoding="utf-8")

    atomic_write(Path(ours), merge_texts(read(base), read(ours), read(theirs), path=ours))
    return 0


def register(app: typer.Typer) -> None:
    @app.command("merge-driver")
    def merge_driver(
        base: Annotated[str, typer.Argument(help="The common ancestor's version (git's %O).")],
        ours: Annotated[str, typer.Argument(help="Our version, overwritten with the result (git's %A).")],
        theirs: Annotated[str, typer.Argument(help="Their version (git's %B).")],
    ) -> None:
        """Merge two branches' claims files, keeping every sign-off from both (a git merge driver).

        Examples:

        \b
          git config merge.factcheck-claims.driver "factcheck merge-driver %O %A %B"
        """
        run(merge_claims_files, base, ours, theirs)
