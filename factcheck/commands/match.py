"""`factcheck match [DRAFT...]`: verdicts and evidence for every claim, from the sources."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.commands import run, show_errors
from factcheck.completion import complete_drafts


def _summary(o) -> str:
    parts = [f"{n} {verdict.value.replace('_', ' ')}" for verdict, n in o.tally()]
    n = o.sources
    return f"{o.draft}: {', '.join(parts)} ({n} source{'s' if n != 1 else ''})"


def match_drafts(drafts: list[str] | None, check: bool, quiet: bool, force: bool = False) -> int:
    from factcheck import output
    from factcheck.config import load_config
    from factcheck.match import match

    progress = output.Progress(show=not quiet)
    try:
        result = match(load_config(), drafts, force=force, progress=progress)
    finally:
        progress.close()
    show_errors(result.source_errors)
    for o in result.outcomes:
        for err in o.errors:
            output.error(str(err))
        if not o.errors and not quiet:
            output.out(_summary(o))
    if not result.outcomes and not quiet:
        output.out("no scanned drafts found; run `factcheck scan` first")
    if result.failed:
        return _failure_code(result)
    return 1 if check and result.findings else 0


def _failure_code(result) -> int:
    """3 when a claim met a bug (its traceback goes to a log file, named on stderr), else 2."""
    bugs = [e for o in result.outcomes for e in o.errors if getattr(e, "details", None)]
    if not bugs:
        return 2
    import tempfile

    from factcheck import output

    with tempfile.NamedTemporaryFile("w", prefix="factcheck-crash-", suffix=".log", delete=False) as fh:
        fh.write("\n".join(e.details for e in bugs))
    output.error(f"details of the internal errors above were written to {fh.name}")
    return 3


def register(app: typer.Typer) -> None:
    @app.command("match")
    def match_cmd(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(help="Drafts to match. Default: every scanned draft.", autocompletion=complete_drafts),
        ] = None,
        check: Annotated[
            bool, typer.Option("--check", help="Exit 1 when any claim is contradicted or not found (for CI).")
        ] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only; no progress display.")] = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Judge every claim again, even those whose claim, sources and factcheck are unchanged."
            ),
        ] = False,
    ) -> None:
        """Check each claim against the draft's sources; write verdict and evidence to its claims file.

        A claim whose words, sources and factcheck version are as they were last time keeps
        its verdict without being judged again. On a terminal, indexing and judging that take
        more than a second show their progress.

        Examples:

        \b
          factcheck match
          factcheck match examples/drafts/city/school-meals-funding.md --check
        """
        run(match_drafts, drafts, check, quiet, force)
