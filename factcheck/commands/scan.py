"""`factcheck scan [DRAFT...]`: write each draft's claims file under claims/."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import run
from factcheck.completion import complete_drafts
from factcheck.config import load_config
from factcheck.scan import scan


def scan_drafts(drafts: list[str] | None, quiet: bool) -> int:
    outcomes = scan(load_config(), drafts)
    for o in outcomes:
        if o.error:
            output.error(str(o.error))
        elif not quiet:
            state = "updated" if o.written else "unchanged"
            output.out(f"{o.claims_file}: {o.count} claims ({state})")
    if not outcomes and not quiet:
        output.out("no drafts found; check `drafts:` in .factcheck.yaml")
    return 2 if any(o.error for o in outcomes) else 0


def register(app: typer.Typer) -> None:
    @app.command("scan")
    def scan_cmd(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(help="Drafts to scan. Default: every draft in the config.", autocompletion=complete_drafts),
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    ) -> None:
        """Extract each draft's claims into claims/, keeping review fields already there.

        Examples:

        \b
          factcheck scan
          factcheck scan examples/drafts/city/harbour-bridge-repairs.md
        """
        run(scan_drafts, drafts, quiet)
