"""`factcheck status`: one row per draft, claims counted by review status and by verdict."""

from __future__ import annotations

import json
from typing import Any

from factcheck.status import STATUS_COLUMNS, VERDICT_COLUMNS


def status_table(rows: list[dict[str, Any]]) -> str:
    """One row per draft: claims by review status, then by verdict."""
    cols = ("claims", *STATUS_COLUMNS, *VERDICT_COLUMNS)
    width = max([len("draft"), *(len(r["draft"]) for r in rows)])
    head = f"{'draft':<{width}}  " + "  ".join(f"{c:>{max(len(c), 5)}}" for c in cols) + "  note"
    lines = [head]
    for r in rows:
        cells = "  ".join(f"{r['counts'].get(c, 0) if r['scanned'] else '-':>{max(len(c), 5)}}" for c in cols)
        lines.append(f"{r['draft']:<{width}}  {cells}  {r['note']}".rstrip())
    return "\n".join(lines) + "\n"


def status_json(rows: list[dict[str, Any]]) -> str:
    """`status --format json`: one object per draft under "drafts"."""
    return json.dumps({"drafts": rows}, ensure_ascii=False, indent=2) + "\n"
