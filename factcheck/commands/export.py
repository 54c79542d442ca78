"""`factcheck export [--format json]`: every claims file as one machine-readable document."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from factcheck.commands import run


class ExportFormat(str, Enum):
    json = "json"
    claimreview = "claimreview"
    csv = "csv"


def export_claims(fmt: ExportFormat) -> int:
    from factcheck import output, store
    from factcheck.config import load_config
    from factcheck.errors import FactcheckError
    from factcheck.render.export import FORMATS
    from factcheck.report import check_histories

    config = load_config()
    files, failed = [], False
    for path in store.claims_files(config):
        shown = path.relative_to(config.root).as_posix()
        try:
            cf = store.read_claims_file(path, display=shown)
            if cf is not None:
                check_histories(cf.claims, path=shown)
        except FactcheckError as exc:
            output.error(str(exc))
            failed = True
            continue
        if cf is not None:
            files.append(cf)
    output.out(FORMATS[fmt.value](files), kind=output.EXACT if fmt.value == "csv" else output.JSON)
    return 2 if failed else 0


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.json,
    ) -> None:
        """Print every draft's claims with status, verdict and evidence (a documented contract)."""
        run(export_claims, format)
