"""`factcheck correct DRAFT CLAIM --note …`: record the correction of a published claim."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.commands import run
from factcheck.completion import complete_claims, complete_drafts


def correct_claim(draft: str, claim: str, note: str, commit: bool) -> int:
    from factcheck import output
    from factcheck.config import load_config
    from factcheck.policy.corrections import correct
    from factcheck.store import drafts

    config = load_config()
    done = correct(config, drafts.relative_draft(config, draft), claim, note, commit=commit)
    output.out(f"corrected: {done.corrects} → {done.claim or 'taken out'}")
    if done.commit:
        output.out(f"committed {done.commit[:10]} as {done.reviewer}")
    else:
        output.out(f"wrote {done.claims_file}; not committed (--no-commit)")
    return 0


def register(app: typer.Typer) -> None:
    @app.command("correct")
    def correct_cmd(
        draft: Annotated[str, typer.Argument(help="The published draft.", autocompletion=complete_drafts)],
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
