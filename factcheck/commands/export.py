"""`factcheck export [--format json]`: every claims file as one machine-readable document."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from factcheck import output as term
from factcheck.commands import format_option, run
from factcheck.config import load_config
from factcheck.errors import InputError
from factcheck.export import export
from factcheck.store.claims_files import atomic_write


class ExportFormat(str, Enum):
    json = "json"
    claimreview = "claimreview"
    csv = "csv"


def export_claims(fmt: ExportFormat, output: str) -> int:
    result = export(load_config(), fmt.value)
    for exc in result.errors:
        term.error(str(exc))
    if result.empty and not result.errors:  # an unreadable claims file was the reason, and has its own line
        term.warn(result.empty)
    if output == "-":
        term.out(result.text, kind=term.EXACT if fmt is ExportFormat.csv else term.JSON)
    else:
        _save(output, result.text)
    return 2 if result.errors else 0


def _save(output: str, text: str) -> None:
    from pathlib import Path

    try:
        atomic_write(Path(output), text)
    except OSError as exc:
        raise InputError(f"cannot write the export ({exc.strerror or exc})", path=output) from None


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: Annotated[ExportFormat, format_option()] = ExportFormat.json,
        output: Annotated[
            str,
            typer.Option(
                "--output",
                "-o",
                help="Write to this file (atomically) instead of standard output; - is standard output.",
            ),
        ] = "-",
    ) -> None:
        """Print every draft's claims with status, verdict and evidence (a documented contract).

        Examples:

        \b
          factcheck export -o claims.json
          factcheck export --format claimreview -o claimreview.json
        """
        run(export_claims, format, output)
