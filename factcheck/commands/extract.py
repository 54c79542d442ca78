"""`factcheck extract FILE...`: print the claims of files, no repository needed."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import format_option, run
from factcheck.config import CONFIG_NAME, find_root, load_config
from factcheck.errors import ConfigError, FactcheckError
from factcheck.extract import extract_draft
from factcheck.extract.numbers import number_locale
from factcheck.render.claims import FORMATS
from factcheck.store.draft_text import parse_draft
from factcheck.textio import decode_text, read_text


class ClaimsFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


def _read(path: str):
    if path == "-":
        return parse_draft(decode_text(sys.stdin.buffer.read(), "<stdin>"), "-")
    return parse_draft(read_text(path), path)


def extract_files(
    paths: list[str], fmt: ClaimsFormat, reference_date: dt.date | None, locale: str | None = None
) -> int:
    locale = _newsroom_locale(locale)
    results, failed = [], False
    for path in paths:
        try:
            results.append(extract_draft(_read(path), reference_date, locale, for_editors=False))
        except FactcheckError as exc:
            output.error(str(exc))
            failed = True
    output.out(FORMATS[fmt.value](results), kind=output.kind_of(fmt.value))
    return 2 if failed else 0


def _newsroom_locale(given: str | None) -> str:
    """--locale when given, else the `locale:` of the newsroom the command runs in, else en-US."""
    if given is not None:
        try:
            return number_locale.marks(given).locale
        except ConfigError as exc:
            raise ConfigError(f"--locale: {exc.message}") from None
    root = find_root()
    if (root / CONFIG_NAME).is_file():
        return load_config(root).locale
    return number_locale.DEFAULT


def _parse_reference_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        files: Annotated[list[str], typer.Argument(help="Markdown or text files; - reads standard input.")],
        format: Annotated[ClaimsFormat, format_option()] = ClaimsFormat.text,
        reference_date: Annotated[
            str | None,
            typer.Option(
                "--reference-date",
                metavar="YYYY-MM-DD",
                help="Date that relative dates are read against. Default: front matter `date:`, else today.",
            ),
        ] = None,
        locale: Annotated[
            str | None,
            typer.Option(
                "--locale",
                metavar="LOCALE",
                help="How numbers are written (en-US, en-GB, en-IN, de-DE, fr-FR ...). "
                "Default: `locale:` of the newsroom's .factcheck.yaml, else en-US.",
            ),
        ] = None,
    ) -> None:
        """Print the checkable claims in FILES: quotes, figures, dates and attributions.

        Examples:

        \b
          factcheck extract story.md
          cat story.md | factcheck extract --format json -
        """
        run(extract_files, files, format, _parse_reference_date(reference_date), locale)
