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


def export_claims(fmt: ExportFormat, output: str) -> int:
    from factcheck import output as term
    from factcheck.config import load_config
    from factcheck.errors import FactcheckError
    from factcheck.render.export import FORMATS, empty_reason
    from factcheck.report import check_histories
    from factcheck.store import claims_files

    config = load_config()
    files, failed = [], False
    for path in claims_files.claims_files(config):
        shown = path.relative_to(config.root).as_posix()
        try:
            cf = claims_files.read_claims_file(path, display=shown)
            if cf is not None:
                check_histories(cf.claims, path=shown)
        except FactcheckError as exc:
            term.error(str(exc))
            failed = True
            continue
        if cf is not None:
            files.append(cf)
    files, failed = _for_sharing(config, files, failed)
    fronts = {cf.draft: _front_matter(config, cf.draft) for cf in files} if fmt is ExportFormat.claimreview else {}
    text = FORMATS[fmt.value](files, fronts) if fronts else FORMATS[fmt.value](files)
    why = empty_reason(fmt.value, files)
    if why and not failed:  # an unreadable claims file was the reason, and has its own line
        term.warn(why)
    if output == "-":
        term.out(text, kind=term.EXACT if fmt.value == "csv" else term.JSON)
    else:
        _save(output, text)
    return 2 if failed else 0


def _for_sharing(config, files: list, failed: bool) -> tuple[list, bool]:
    """An export leaves the machine: evidence of confidential and embargoed sources is
    "a confidential source" in it, even where a claims file still holds it in the clear."""
    from factcheck import output as term
    from factcheck.errors import FactcheckError
    from factcheck.policy.sensitivity import conceal_claims_file

    shared = []
    for cf in files:
        try:
            shared.append(conceal_claims_file(config, cf))
        except FactcheckError as exc:
            term.error(str(exc))
            failed = True
    return shared, failed


def _front_matter(config, rel: str) -> dict:
    """The draft's front matter (title, date, url) for the published record; {} if it cannot be read."""
    from factcheck.errors import FactcheckError
    from factcheck.store import drafts

    try:
        return drafts.read_draft(config, rel).meta
    except FactcheckError:
        return {}  # a claims file whose draft is gone still exports, under its path


def _save(output: str, text: str) -> None:
    from pathlib import Path

    from factcheck.errors import InputError
    from factcheck.store.claims_files import atomic_write

    try:
        atomic_write(Path(output), text)
    except OSError as exc:
        raise InputError(f"cannot write the export ({exc.strerror or exc})", path=output) from None


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.json,
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
