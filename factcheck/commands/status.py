"""`factcheck status [DRAFT...]`: per draft, how many claims are signed off and how they matched."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from factcheck.commands import run
from factcheck.completion import complete_drafts
from factcheck.errors import FactcheckError


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


def draft_status(config, rel: str) -> dict[str, Any]:
    """Counts from the claims file as committed to disk; no git, no rescan (that is `check`)."""
    from factcheck.errors import InputError
    from factcheck.render.terminal import STATUS_COLUMNS, VERDICT_COLUMNS
    from factcheck.signoff import rules
    from factcheck.store import claims_files
    from factcheck.store.drafts import draft_file
    from factcheck.textio import read_text

    if not draft_file(config, rel).is_file():
        raise InputError("no such draft", path=rel)
    cf = claims_files.load_claims(config, rel)
    row: dict[str, Any] = {"draft": rel, "scanned": cf is not None, "counts": {}, "note": ""}
    if cf is None:
        row["note"] = "not scanned"
        return row
    counts = dict.fromkeys(("claims", *STATUS_COLUMNS, *VERDICT_COLUMNS), 0)
    for rec in cf.claims:
        counts["claims"] += 1
        counts[rules.status_of(rec, path=rel).value] += 1
        verdict = rec.get("verdict") or "unmatched"
        counts[verdict] = counts.get(verdict, 0) + 1
    row["counts"] = counts
    if cf.draft_sha256 != claims_files.text_sha256(read_text(draft_file(config, rel), display=rel)):
        row["note"] = "out of date: run `factcheck scan`"
    return row


def show_status(drafts: list[str], fmt: StatusFormat) -> int:
    from factcheck import output
    from factcheck.config import load_config
    from factcheck.render.export import status_json
    from factcheck.render.terminal import status_table
    from factcheck.store import drafts as drafts_mod

    config = load_config()
    given = drafts or drafts_mod.discover(config)
    rows, failed = [], 0
    for name in given:
        try:
            rel = drafts_mod.relative_draft(config, name) if drafts else name
            rows.append(draft_status(config, rel))
        except FactcheckError as exc:  # one bad draft must not hide the others' rows
            output.error(str(exc))
            failed += 1
    if not given and fmt is StatusFormat.text:
        output.out("no drafts found; check `drafts:` in .factcheck.yaml")
        return 0
    if rows or fmt is StatusFormat.json:
        if fmt is StatusFormat.text:
            output.out(status_table(rows))
        else:
            output.out(status_json(rows), kind=output.JSON)
    return 2 if failed else 0


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(help="Drafts. Default: every draft in the config.", autocompletion=complete_drafts),
        ] = None,
        format: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format.")] = StatusFormat.text,
    ) -> None:
        """One row per draft: claims by review status (pending, approved, rejected, stale) and by verdict.

        Examples:

        \b
          factcheck status
          factcheck status --format json
        """
        run(show_status, drafts or [], format)
