"""`factcheck review DRAFT`: go through the claims awaiting sign-off, one key per claim.

Plain line input (no full-screen UI), so it works in any terminal, over ssh, and with
answers piped in. Decisions are kept until the end and then recorded in one commit,
so quitting half-way still saves what was decided and an interrupt saves nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import output
from factcheck.commands import config_and_draft, run
from factcheck.completion import draft_argument
from factcheck.errors import DataError
from factcheck.policy import corroboration
from factcheck.policy.sensitivity import reveal
from factcheck.render import terminal
from factcheck.render.review import claim_block, written_line
from factcheck.signoff import record, rules
from factcheck.signoff.rules import Decision
from factcheck.store import claims_files
from factcheck.store import drafts as drafts_mod

if TYPE_CHECKING:
    from factcheck.model import ClaimRecord

KEYS = "[a]pprove  [r]eject  [s]kip  [u]ndo  [q]uit"
QUIT = "quit"
UNDO = "undo"


def review_draft(draft: str, commit: bool) -> int:
    config, rel = config_and_draft(draft)
    record.current_reviewer(config)  # refuse a non-reviewer before any questions
    cf = claims_files.load_claims(config, rel)
    if cf is None:
        raise DataError(f"no claims file yet; run `factcheck scan {rel}` first", path=rel)

    todo = reveal(config.state_dir, rules.awaiting_review(cf.claims))  # shown marked; never written back
    if not todo:
        output.out(f"nothing to review in {rel}")
        return 0

    meta = drafts_mod.read_draft(config, rel).meta
    links = rules.Links(cf.claims)
    choices = _ask_each(todo, lambda rec: corroboration.shortfall(config.corroboration, rec, meta), links)
    if not choices:
        output.out("no decisions; nothing recorded")
        return 0
    result = record.decide(config, rel, choices, commit=commit)
    output.out(_summary(result, todo))
    return 0


def _ask_each(todo: list[ClaimRecord], short=lambda rec: None, links=None) -> list:
    """Ask about each claim in turn; `u` takes the last decision back and asks about that claim again.

    `links` (signoff.rules.Links of the whole claims file) lets a body claim say where a headline
    repeats it (a headline claim that repeats one is never asked about: it follows that claim)."""
    decided: list[tuple[int, object]] = []  # (index in todo, Choice or None for a skip), newest last
    n = 0
    while n < len(todo):
        rec = todo[n]
        output.out(f"\n({n + 1}/{len(todo)}) " + claim_block(rec, links))
        choice = _ask_one(rec, short(rec))
        if choice == QUIT:
            break
        if choice == UNDO:
            if not decided:
                output.out("nothing to undo")
                continue
            n, undone = decided.pop()
            output.out(_confirm(todo[n], undone, undo=True))
            continue
        decided.append((n, choice))
        output.out(_confirm(rec, choice))
        n += 1
    return [choice for _, choice in decided if choice is not None]


def _confirm(rec: ClaimRecord, choice, *, undo: bool = False) -> str:
    """One line saying what was decided (or taken back) for a claim."""
    term = terminal.current()
    what = "skipped" if choice is None else choice.decision.value
    shown = term.paint(what, what if choice is not None else "label")
    head = f"undone: {what}" if undo else shown
    return f"{head}: {term.paint(str(rec['id']), 'id')} “{terminal.snippet(rec.get('text', ''), 60)}”"


def _summary(result, todo: list[ClaimRecord]) -> str:
    """What was recorded, claim by claim with its words, and where it went."""
    term = terminal.current()
    texts = {str(rec["id"]): str(rec.get("text", "")) for rec in todo}
    lines = [
        term.paint(
            f"recorded {len(result.recorded)} decision{'s' if len(result.recorded) != 1 else ''} on {result.draft}:",
            "heading",
        )
    ]
    for cid, decision in result.recorded:
        lines.append(
            f"  {term.paint(f'{decision.value:<8}', decision.value)}  {cid}  “{terminal.snippet(texts.get(cid, ''), 70)}”"
        )
    for cid in result.already:
        lines.append(f"  already approved  {cid}  “{terminal.snippet(texts.get(cid, ''), 70)}”")
    if result.commit or result.recorded:
        lines.append(written_line(result.commit, result.reviewer, result.claims_file))
    return "\n".join(lines)


def _ask_one(rec: ClaimRecord, short: str | None = None):
    """One claim's decision: a Choice, None to skip, QUIT or UNDO.

    `short` says why the claim lacks the independent sources it needs: approving it then
    takes an override note."""
    while True:
        key = output.ask(f"{KEYS}? ")
        if key is None or key.lower() in ("q", "quit"):
            return QUIT
        key = key.lower()
        if key in ("s", "skip", ""):
            return None
        if key in ("u", "undo"):
            return UNDO
        if key in ("a", "approve"):
            override = None
            if short:
                output.out(f"this claim {short}")
                override = output.ask("why it can stand anyway (an override the gate reports; Enter to skip): ")
                if not override:
                    return None if override is not None else QUIT
            note = output.ask("note (optional): ")
            return record.Choice(rec["id"], Decision.APPROVED, note or None, override)
        if key in ("r", "reject"):
            note = _ask_note()
            if note is None:
                return QUIT
            return record.Choice(rec["id"], Decision.REJECTED, note) if note else None
        output.out(f"please answer with one of {KEYS}")


def _ask_note() -> str | None:
    for _ in range(3):
        note = output.ask("what is wrong (required): ")
        if note is None or note:
            return note
    output.out("no note given; skipping this claim")
    return ""


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_cmd(
        draft: Annotated[str, draft_argument("The draft to review.")],
        no_commit: Annotated[
            bool, typer.Option("--no-commit", help="Write the decisions but leave committing to you.")
        ] = False,
    ) -> None:
        """Go through DRAFT's claims awaiting sign-off: approve, reject (with a note), skip, undo or quit.

        Examples:

        \b
          factcheck review examples/drafts/city/school-meals-funding.md
        """
        run(review_draft, draft, not no_commit)
