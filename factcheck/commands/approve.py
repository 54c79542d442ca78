"""`factcheck approve` and `factcheck reject`: sign claims off, as the git identity, in one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import config_and_draft, run
from factcheck.completion import complete_claims, draft_argument
from factcheck.errors import ReviewError
from factcheck.render.review import decision_lines
from factcheck.signoff import record
from factcheck.signoff.rules import Decision

NO_COMMIT_HELP = "Write the decisions to the claims file but leave committing to you."


def _report(result) -> int:
    for line in decision_lines(result):
        output.out(line)
    return 0


def approve_claims(
    draft: str, claims: list[str], note: str | None, all_supported: bool, commit: bool, override: str | None = None
) -> int:
    config, rel = config_and_draft(draft)
    if all_supported:
        if claims:
            raise ReviewError("give claim ids or --all-supported, not both")
        if override:
            raise ReviewError("--override approves named claims only; name the claims it is for")
        return _report(record.approve_supported(config, rel, note, commit=commit))
    if not claims:
        raise ReviewError("name the claims to approve (ids from `factcheck show`), or use --all-supported")
    choices = [record.Choice(c, Decision.APPROVED, note, override) for c in claims]
    return _report(record.decide(config, rel, choices, commit=commit))


def reject_claims(draft: str, claims: list[str], note: str, commit: bool) -> int:
    config, rel = config_and_draft(draft)
    choices = [record.Choice(c, Decision.REJECTED, note) for c in claims]
    return _report(record.decide(config, rel, choices, commit=commit))


def register(app: typer.Typer) -> None:
    @app.command("approve")
    def approve(
        draft: Annotated[str, draft_argument("The draft whose claims you sign off.")],
        claims: Annotated[
            list[str] | None,
            typer.Argument(help="Claim ids (or unambiguous starts of them).", autocompletion=complete_claims),
        ] = None,
        note: Annotated[str | None, typer.Option("--note", "-m", help="What you checked the claims against.")] = None,
        all_supported: Annotated[
            bool,
            typer.Option(
                "--all-supported",
                help="Approve every claim whose verdict is `supported`; claims rejected earlier are skipped.",
            ),
        ] = False,
        no_commit: Annotated[bool, typer.Option("--no-commit", help=NO_COMMIT_HELP)] = False,
        override: Annotated[
            str | None,
            typer.Option(
                "--override",
                metavar="NOTE",
                help="Approve a claim with fewer independent sources than the corroboration rules ask, saying why; the gate warns of it.",
            ),
        ] = None,
    ) -> None:
        """Approve claims of DRAFT as the git identity, in one commit with a Fact-checked-by trailer.

        Examples:

        \b
          factcheck approve examples/drafts/city/school-meals-funding.md f-66690ad835 -m "briefing, p. 2"
          factcheck approve examples/drafts/city/school-meals-funding.md --all-supported
        """
        run(approve_claims, draft, claims or [], note, all_supported, not no_commit, override)

    @app.command("reject")
    def reject(
        draft: Annotated[str, draft_argument("The draft whose claim you reject.")],
        claims: Annotated[
            list[str], typer.Argument(help="Claim ids (or unambiguous starts of them).", autocompletion=complete_claims)
        ],
        note: Annotated[str, typer.Option("--note", "-m", help="Required: what is wrong with the claim.")],
        no_commit: Annotated[bool, typer.Option("--no-commit", help=NO_COMMIT_HELP)] = False,
    ) -> None:
        """Reject claims of DRAFT, saying why, as the git identity, in one commit.

        Examples:

        \b
          factcheck reject examples/drafts/city/school-meals-funding.md f-0b0f73d83c -m "the briefing says 11,200 pupils"
        """
        run(reject_claims, draft, claims, note, not no_commit)
