"""`factcheck report [DRAFT...] [-o PATH]`: the editor's review page as one HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.commands import run
from factcheck.completion import complete_drafts

DEFAULT_OUTPUT = "factcheck-report.html"


def write_report(drafts: list[str] | None, output: str, base: str | None = None, for_ci: bool = False) -> int:
    from factcheck import output as term
    from factcheck.config import load_config
    from factcheck.render.html import render
    from factcheck.report import build_report

    report = build_report(load_config(), drafts, base=base, for_ci=for_ci)
    page = render(report)
    for d in report.drafts:
        for problem in d.problems:
            # A failed draft's problem is an error that already names its file.
            term.error(problem) if d.failed else term.warn(f"{d.path}: {problem}")
    if output == "-":
        term.out(page, kind=term.EXACT)  # a page to save, escaped as HTML
    else:
        _save(Path(output), page)
        total = len(report.claims)
        term.out(f"{output}: {len(report.drafts)} drafts, {total} claims, {report.needs_review} need review")
    return 2 if any(d.failed for d in report.drafts) else 0


def _save(path: Path, page: str) -> None:
    from factcheck.errors import InputError
    from factcheck.store.claims_files import atomic_write

    try:
        atomic_write(path, page)
        path.chmod(0o644)  # a page to share and upload, not a private temp file
    except OSError as exc:
        raise InputError(f"cannot write the report ({exc.strerror or exc})", path=str(path)) from None


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(
                help="Drafts to include. Default: every draft in the config.", autocompletion=complete_drafts
            ),
        ] = None,
        output: Annotated[
            str, typer.Option("--output", "-o", help="Where to write the HTML page; - writes it to standard output.")
        ] = DEFAULT_OUTPUT,
        base: Annotated[
            str | None, typer.Option("--base", metavar="REF", help="Only the drafts changed since the branch left REF.")
        ] = None,
        for_ci: Annotated[
            bool,
            typer.Option(
                "--for-ci",
                help='A page to upload: evidence from confidential and embargoed sources shows only as "a confidential source".',
            ),
        ] = False,
    ) -> None:
        """Write a self-contained HTML page showing each draft with its claims, evidence and sign-offs.

        Examples:

        \b
          factcheck report
          factcheck report --for-ci --base origin/main -o /tmp/review.html
        """
        run(write_report, drafts, output, base, for_ci)
