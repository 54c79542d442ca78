"""`factcheck review DRAFT`: go through the claims awaiting sign-off, one key per claim.

Plain line input (no full-screen UI), so it works in any terminal, over ssh, and with
answers piped in. Decisions are kept until the end and then recorded in one commit,
so quitting half-way still saves what was decided and an interrupt saves nothing.
"""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.commands import run

KEYS = "[a]pprove  [r]eject  [s]kip  [q]uit"


def review_draft(draft: str, commit: bool) -> int:
    from factcheck import drafts, output, review, signoff, store
    from factcheck.config import load_config

    config = load_config()
    rel = drafts.relative_draft(config, draft)
    signoff.current_reviewer(config)  # refuse a non-reviewer before any questions
    cf = store.load_claims(config, rel)
    if cf is None:
        from factcheck.errors import DataError

        raise DataError(f"no claims file yet; run `factcheck scan {rel}` first", path=rel)
    todo = review.awaiting_review(cf.claims)
    if not todo:
        output.out(f"nothing to review in {rel}")
        return 0
    choices = _ask_each(todo)
    if not choices:
        output.out("no decisions; nothing recorded")
        return 0
    from factcheck.commands.approve import _report

    return _report(signoff.decide(config, rel, choices, commit=commit))


def _ask_each(todo: list[dict]) -> list:
    from factcheck import output
    from factcheck.render.review import claim_block

    choices = []
    for n, rec in enumerate(todo, 1):
        output.out(f"\n({n}/{len(todo)}) " + claim_block(rec))
        choice = _ask_one(rec)
        if choice == "quit":
            break
        if choice is not None:
            choices.append(choice)
    return choices


def _ask_one(rec: dict):
    """One claim's decision: a Choice, None to skip, or "quit"."""
    from factcheck import output, signoff
    from factcheck.review import Decision

    while True:
        key = output.ask(f"{KEYS}? ")
        if key is None or key.lower() in ("q", "quit"):
            return "quit"
        key = key.lower()
        if key in ("s", "skip", ""):
            return None
        if key in ("a", "approve"):
            note = output.ask("note (optional): ")
            return signoff.Choice(rec["id"], Decision.APPROVED, note or None)
        if key in ("r", "reject"):
            note = _ask_note()
            if note is None:
                return "quit"
            return signoff.Choice(rec["id"], Decision.REJECTED, note) if note else None
        output.out(f"please answer with one of {KEYS}")


def _ask_note() -> str | None:
    from factcheck import output

    for _ in range(3):
        note = output.ask("what is wrong (required): ")
        if note is None or note:
            return note
    output.out("no note given; skipping this claim")
    return ""


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_cmd(
        draft: Annotated[str, typer.Argument(help="The draft to review.")],
        no_commit: Annotated[bool, typer.Option("--no-commit", help="Write the decisions but leave committing to you.")] = False,
    ) -> None:
        """Go through DRAFT's claims awaiting sign-off: approve, reject (with a note), skip or quit."""
        run(review_draft, draft, not no_commit)
