"""A small newsroom written by hand for the report tests: drafts, sources and claims files
with verdicts, evidence and sign-offs, so the report can be tested without running
`scan` or `match`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.signoff.rules import claim_fingerprint
from factcheck.store.claims_files import ClaimsFile, claims_path, render_claims_file, text_sha256

LIBRARY_DRAFT = """\
---
title: Riverside library to stay open on Sundays after budget vote
date: 2025-05-02
author: Priya Nandakumar
sources:
  - sources/council-minutes.txt
---
The city council voted on Tuesday to keep the Riverside library open on Sundays, restoring $240,000 to next year's budget.

"People told us the library is the only warm, quiet place they have at the weekend," said councillor Tomas Reyes, who proposed the amendment.

The library lent 48,000 books last year, according to the city's annual report, and first opened its doors in 1962.

Finance director Helen Mård warned that the money would come out of the road repair fund. "We are borrowing from the potholes to pay for the pages," she said.
"""

MINUTES = """\
Item 4. Councillor Reyes moved to restore $240,000 for Sunday opening at Riverside.
Reyes: People told us the library is the only warm, safe place they have at the weekend.
Carried 7 to 2.
"""

EDITOR = {"by": "desk@example.org", "name": "Desk Editor"}


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def claim(text: str, kind: str, words: str, sentence: str, cid: str, **fields: Any) -> dict[str, Any]:
    start, end = span(text, words)
    line = text.count("\n", 0, start) + 1
    rec = {
        "id": cid,
        "kind": kind,
        "text": words,
        "start": start,
        "end": end,
        "line": line,
        "sentence": sentence,
        **fields,
    }
    if rec.get("status") in ("approved", "rejected"):  # a sign-off that still stands is bound to these words
        rec["reviews"][-1]["fingerprint"] = claim_fingerprint(rec)
    return rec


def evidence(
    source: str, passage: str, verdict: str, reason: str, score: float = 100.0, **extra: Any
) -> dict[str, Any]:
    return {
        "source": source,
        "start": 0,
        "end": len(passage),
        "text": passage,
        "score": score,
        "verdict": verdict,
        "reason": reason,
        **extra,
    }


def review(decision: str, at: str, text: str, note: str = "") -> dict[str, Any]:
    return {**EDITOR, "at": at, "decision": decision, "note": note, "fingerprint": "f" * 12, "text": text}


def library_claims(text: str) -> list[dict[str, Any]]:
    s1 = "The city council voted on Tuesday to keep the Riverside library open on Sundays, restoring $240,000 to next year's budget."
    s2 = '"People told us the library is the only warm, quiet place they have at the weekend," said councillor Tomas Reyes, who proposed the amendment.'
    s3 = "The library lent 48,000 books last year, according to the city's annual report, and first opened its doors in 1962."
    s4 = '"We are borrowing from the potholes to pay for the pages," she said.'
    minutes = "sources/council-minutes.txt"
    return [
        claim(
            text,
            "date",
            "Tuesday",
            s1,
            "d-0000000001",
            value="2025-04-29",
            verdict="supported",
            evidence=[evidence(minutes, "Item 4. Councillor Reyes moved", "supported", "meeting date matches", 92.0)],
        ),
        claim(
            text,
            "figure",
            "$240,000",
            s1,
            "f-0000000002",
            value=240000,
            unit="USD",
            verdict="supported",
            evidence=[
                evidence(
                    minutes,
                    "Councillor Reyes moved to restore $240,000 for Sunday opening at Riverside.",
                    "supported",
                    "same amount",
                    value=240000,
                    unit="USD",
                )
            ],
            status="approved",
            reviews=[review("approved", "2025-05-01T10:00:00Z", "$240,000", "matches the minutes")],
        ),
        claim(
            text,
            "quote",
            "People told us the library is the only warm, quiet place they have at the weekend",
            s2,
            "q-0000000003",
            speaker="Tomas Reyes",
            verdict="contradicted",
            evidence=[
                evidence(
                    minutes,
                    "People told us the library is the only warm, safe place they have at the weekend.",
                    "contradicted",
                    "one word differs",
                    97.0,
                    speaker="Reyes",
                ),
                evidence("sources/notes.txt", "the only warm, quiet place", "supported", "partial match", 60.0),
            ],
        ),
        claim(
            text,
            "figure",
            "48,000 books",
            s3,
            "f-0000000004",
            value=48000,
            unit="books",
            verdict="not_found",
            evidence=[],
        ),
        claim(
            text,
            "attribution",
            "according to the city's annual report",
            s3,
            "a-0000000005",
            attributed_to="the city's annual report",
        ),
        claim(
            text,
            "date",
            "1962",
            s3,
            "d-0000000006",
            value="1962",
            verdict="supported",
            status="stale",
            evidence=[evidence("sources/history.txt", "The branch opened in 1962.", "supported", "same year")],
            reviews=[review("approved", "2025-04-30T09:00:00Z", "1961", "as in the history page")],
        ),
        claim(
            text,
            "quote",
            "We are borrowing from the potholes to pay for the pages",
            s4,
            "q-0000000007",
            speaker="Helen Mård",
            verdict="not_found",
            evidence=[],
            status="rejected",
            reviews=[
                review(
                    "rejected",
                    "2025-05-01T11:00:00Z",
                    "We are borrowing from the potholes to pay for the pages",
                    "not in any recording; ask the reporter",
                )
            ],
        ),
    ]


def write_claims(root: Path, rel: str, text: str, claims: list[dict[str, Any]], *, sha: str | None = None) -> None:
    cf = ClaimsFile(draft=rel, reference_date="2025-05-02", draft_sha256=sha or text_sha256(text), claims=claims)
    target = claims_path(root / "claims", rel)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_claims_file(cf), encoding="utf-8")


def make_newsroom(root: Path) -> Path:
    """A newsroom with one fully annotated draft and one draft that was never scanned."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".factcheck.yaml").write_text(
        "drafts:\n  - drafts/**/*.md\nreviewers:\n  - desk@example.org\n", encoding="utf-8"
    )
    (root / "drafts").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "council-minutes.txt").write_text(MINUTES, encoding="utf-8")
    (root / "drafts" / "library.md").write_text(LIBRARY_DRAFT, encoding="utf-8")
    write_claims(root, "drafts/library.md", LIBRARY_DRAFT, library_claims(LIBRARY_DRAFT))
    (root / "drafts" / "unscanned.md").write_text(
        "---\ntitle: Not scanned yet\n---\nThe ferry runs every 15 minutes.\n", encoding="utf-8"
    )
    return root


# --- a hostile draft: everything in it tries to run script ---------------------------

HOSTILE_TITLE = "</title><script>window.__pwned = 'title'</script>"
HOSTILE_DRAFT = """\
---
title: "{}"
date: 2025-05-03
---
The mayor said <script>window.__pwned = 'draft'</script> the plan <img src=x onerror="window.__pwned='img'"> was final.

"We will <b onmouseover="window.__pwned='b'">never</b> sell the park <svg onload="window.__pwned='svg'">," she said.

Read [the plan](javascript:window.__pwned='md') or <a href="javascript:window.__pwned='a'">click here</a> for 12 pages.

</textarea><iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe><style>body{{display:none}}</style>
""".format(HOSTILE_TITLE.replace('"', '\\"'))

HOSTILE_SOURCE_TEXT = "<script>alert('source')</script> We will never sell the park <img src=y onerror=alert(2)>"


def hostile_claims(text: str) -> list[dict[str, Any]]:
    quote = (
        "We will <b onmouseover=\"window.__pwned='b'\">never</b> sell the park <svg onload=\"window.__pwned='svg'\">,"
    )
    sentence = f'"{quote}" she said.'
    return [
        claim(
            text,
            "quote",
            quote,
            sentence,
            'q-1"><script>window.__pwned="id"</script>',
            speaker="<img src=z onerror=alert('speaker')>",
            verdict="contradicted",
            evidence=[
                evidence(
                    "javascript:alert('path')",
                    HOSTILE_SOURCE_TEXT,
                    "contradicted",
                    "</script><script>window.__pwned='reason'</script>",
                    80.0,
                    speaker="<b onclick=alert(1)>MAYOR</b>",
                    diff="[-x-] {+<script>+}",
                )
            ],
            status="rejected",
            reviews=[
                {
                    "by": "<script>alert('by')</script>",
                    "name": '" onmouseover="alert(1)',
                    "at": "2025-05-03T10:00:00Z",
                    "decision": "rejected",
                    "note": "<img src=q onerror=alert('note')>",
                    "text": "<script>old</script>",
                }
            ],
        ),
        claim(
            text,
            "figure",
            "12 pages",
            "Read [the plan](javascript:window.__pwned='md') for 12 pages.",
            "f-2",
            value="<script>1</script>",
            unit='" onload="alert(3)',
            verdict="supported",
            evidence=[
                evidence(
                    "sources/x.txt",
                    "<iframe src=javascript:alert(4)>12 pages",
                    "supported",
                    "ok",
                    value=12,
                    value_text="<u>12</u>",
                )
            ],
        ),
        claim(
            text,
            "date",
            "<script>window.__pwned = 'draft'</script>",
            "x",
            "d-3",
            value="2025-05-03",
            verdict="not_found",
        ),
    ]


def make_hostile_newsroom(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n", encoding="utf-8")
    (root / "drafts").mkdir(parents=True, exist_ok=True)
    name = "drafts/x<img src=y onerror=alert(9)>.md"
    (root / name).write_text(HOSTILE_DRAFT, encoding="utf-8")
    write_claims(root, name, HOSTILE_DRAFT, hostile_claims(HOSTILE_DRAFT))
    return root
