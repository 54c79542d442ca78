"""`factcheck status`: per draft, its claims counted by review status and by verdict.

Counts come from the claims files as they are on disk: no git, no rescan (that is
`check`). One row per draft, as `status --format json` prints it.
"""

from __future__ import annotations

from typing import Any

from factcheck.config import Config
from factcheck.errors import FactcheckError, InputError
from factcheck.model import VERDICTS
from factcheck.signoff import rules
from factcheck.store import claims_files, drafts
from factcheck.store.drafts import draft_file
from factcheck.textio import read_text

STATUS_COLUMNS = tuple(s.value for s in rules.Status)
VERDICT_COLUMNS = (*VERDICTS, "unmatched")


def status_rows(config: Config, named: list[str]) -> tuple[list[dict[str, Any]], list[FactcheckError]]:
    """A row for each named draft (every draft the config selects when none is named).

    A draft that cannot be read gives an error instead of a row and stops no other.
    """
    rows: list[dict[str, Any]] = []
    errors: list[FactcheckError] = []
    for name in named or drafts.discover(config):
        try:
            rel = drafts.relative_draft(config, name) if named else name
            rows.append(draft_status(config, rel))
        except FactcheckError as exc:
            errors.append(exc)
    return rows, errors


def draft_status(config: Config, rel: str) -> dict[str, Any]:
    """Counts from the claims file as committed to disk; no git, no rescan (that is `check`)."""
    if not draft_file(config, rel).is_file():
        raise InputError("no such draft", path=rel)
    cf = claims_files.load_claims(config, rel)
    row: dict[str, Any] = {"draft": rel, "scanned": cf is not None, "counts": {}, "note": ""}
    if cf is None:
        row["note"] = "not scanned"
        return row
    counts = dict.fromkeys(("claims", *STATUS_COLUMNS, *VERDICT_COLUMNS), 0)
    index = rules.by_id(cf.claims)
    for rec in cf.claims:
        counts["claims"] += 1
        # a headline claim that repeats a body claim counts with that claim's sign-off
        counts[rules.status_in(rec, index, path=rel).value] += 1
        verdict = rec.get("verdict") or "unmatched"
        counts[verdict] = counts.get(verdict, 0) + 1
    row["counts"] = counts
    linked = sum(1 for rec in cf.claims if rules.followed(rec, index) is not None)
    if linked:
        row["note"] = f"{linked} headline claim{'s' if linked != 1 else ''} follow{'s' if linked == 1 else ''} the body"
    if cf.draft_sha256 != claims_files.text_sha256(read_text(draft_file(config, rel), display=rel)):
        row["note"] = "; ".join(n for n in ("out of date: run `factcheck scan`", row["note"]) if n)
    return row
