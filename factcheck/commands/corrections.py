"""`factcheck corrections`: the newsroom's corrections log."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import format_option, run, show_errors
from factcheck.config import load_config
from factcheck.errors import FactcheckError
from factcheck.policy.corrections import log
from factcheck.render import corrections


class LogFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


def show_corrections(since: str | None, fmt: LogFormat) -> int:
    import datetime as dt

    day = None
    if since:
        try:
            day = dt.date.fromisoformat(since.strip()[:10])
        except ValueError:
            raise FactcheckError(f"--since must be a date in YYYY-MM-DD form, not {since!r}") from None
    config = load_config()
    result = log(config, day)
    show_errors(result.errors)
    output.out(corrections.FORMATS[fmt.value](result.entries, config.name), kind=output.kind_of(fmt.value))
    return 2 if result.errors else 0


def register(app: typer.Typer) -> None:
    @app.command("corrections")
    def corrections_cmd(
        since: Annotated[
            str | None,
            typer.Option(
                "--since", metavar="DATE", help="Only corrections made on or after this day (YYYY-MM-DD, UTC)."
            ),
        ] = None,
        format: Annotated[LogFormat, format_option()] = LogFormat.text,
    ) -> None:
        """Print the corrections log: every correction of a published draft, oldest first.

        Examples:

        \b
          factcheck corrections --since 2026-01-01
          factcheck corrections --format html > corrections.html
        """
        run(show_corrections, since, format)
