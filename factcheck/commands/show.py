"""`factcheck show DRAFT [CLAIM_ID]`: a claim, its sentence, its evidence and its review history."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import config_and_draft, run
from factcheck.completion import complete_claims, draft_argument
from factcheck.errors import DataError
from factcheck.policy.sensitivity import reveal
from factcheck.render.review import claim_block
from factcheck.signoff import rules
from factcheck.store import claims_files


def show_claims(draft: str, claim: str | None) -> int:
    config, rel = config_and_draft(draft)
    cf = _load(config, rel)
    shown = cf.draft
    if claim:
        records = [rules.find_claim(cf.claims, claim, path=shown)]
    else:
        records = cf.claims
    if not records:
        raise DataError("the claims file lists no claims", path=shown)

    records = reveal(config.state_dir, records)  # this machine's sealed passages, marked
    links = rules.Links(cf.claims)
    output.out("\n".join(claim_block(rec, links) for rec in records))
    return 0


def _load(config, rel: str):
    cf = claims_files.load_claims(config, rel)
    if cf is None:
        raise DataError(f"no claims file yet; run `factcheck scan {rel}` first", path=rel)
    return cf


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show(
        draft: Annotated[str, draft_argument("The draft.")],
        claim: Annotated[
            str | None,
            typer.Argument(
                help="A claim id (or its unambiguous start). Default: every claim.", autocompletion=complete_claims
            ),
        ] = None,
    ) -> None:
        """Show claims of DRAFT with their sentence, evidence, verdict and review history.

        Examples:

        \b
          factcheck show examples/drafts/city/school-meals-funding.md
          factcheck show examples/drafts/city/school-meals-funding.md q-4d36
        """
        run(show_claims, draft, claim)
