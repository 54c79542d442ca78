"""`factcheck status [DRAFT...]`: per draft, how many claims are signed off and how they matched."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import format_option, run, show_errors
from factcheck.completion import complete_drafts
from factcheck.config import load_config
from factcheck.render.status import status_json, status_table
from factcheck.status import status_rows


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


def show_status(drafts: list[str], fmt: StatusFormat) -> int:
    rows, errors = status_rows(load_config(), drafts)
    show_errors(errors)  # one bad draft must not hide the others' rows
    if not rows and not errors and fmt is StatusFormat.text:
        output.out("no drafts found; check `drafts:` in .factcheck.yaml")
        return 0
    if rows or fmt is StatusFormat.json:
        if fmt is StatusFormat.text:
            output.out(status_table(rows))
        else:
            output.out(status_json(rows), kind=output.JSON)
    return 2 if errors else 0


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(help="Drafts. Default: every draft in the config.", autocompletion=complete_drafts),
        ] = None,
        format: Annotated[StatusFormat, format_option()] = StatusFormat.text,
    ) -> None:
        """One row per draft: claims by review status (pending, approved, rejected, stale) and by verdict.

        Examples:

        \b
          factcheck status
          factcheck status --format json
        """
        run(show_status, drafts or [], format)
