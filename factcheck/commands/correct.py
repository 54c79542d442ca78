"""`factcheck correct DRAFT CLAIM --note …`: record the correction of a published claim."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import config_and_draft, run
from factcheck.completion import complete_claims, draft_argument
from factcheck.policy.corrections import correct
from factcheck.render.review import written_line


def correct_claim(draft: str, claim: str, note: str, commit: bool) -> int:
    config, rel = config_and_draft(draft)
    done = correct(config, rel, claim, note, commit=commit)
    output.out(f"corrected: {done.corrects} → {done.claim or 'taken out'}")
    output.out(written_line(done.commit, done.reviewer, done.claims_file))
    return 0


def register(app: typer.Typer) -> None:
    @app.command("correct")
    def correct_cmd(
        draft: Annotated[str, draft_argument("The published draft.")],
        claim: Annotated[
            str,
            typer.Argument(
                help="The claim as it reads now (its id, or an unambiguous start of it); for a claim taken out, the published claim's id.",
                autocompletion=complete_claims,
            ),
        ],
        note: Annotated[
            str, typer.Option("--note", "-m", help="Required: what was wrong, as the corrections log should say it.")
        ],
        no_commit: Annotated[
            bool, typer.Option("--no-commit", help="Write the correction but leave committing to you.")
        ] = False,
    ) -> None:
        """Correct a signed-off claim of a published DRAFT: what was wrong, what is right, signed off by you.

        The changed claim is approved in the same commit. `factcheck check` lists the
        claims of published drafts that changed without a correction.

        Examples:

        \b
          factcheck correct drafts/city/homes.md f-5c1d --note "An earlier version misstated the number of homes as 114."
        """
        run(correct_claim, draft, claim, note, not no_commit)
