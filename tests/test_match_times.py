"""A clock time is matched like any date: the same time in the source bears it out, another contradicts it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.extract import extract_claims
from factcheck.store import yamlio
from tests.helpers import run_cli

SOURCE = """Harbour master's log, 4 March 2026

The night ferry left the north quay at 6:40 a.m. with forty cars on board.
The coastguard closed the channel at 21:15 GMT because of fog.
"""

DRAFT = (
    "The night ferry left the north quay at 6:40 a.m. with forty cars on board.\n\n"
    "The coastguard closed the channel at 20:15 GMT because of fog.\n"
)


def time_claims() -> list[dict]:
    claims = extract_claims(DRAFT, reference_date=dt.date(2026, 3, 5))
    return [
        {
            "id": c.id,
            "kind": "date",
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "line": c.line,
            "sentence": c.sentence,
            "value": c.value,
        }
        for c in claims
        if c.kind.value == "date" and str(c.value).startswith("T")
    ]


def test_a_time_the_source_gives_is_supported_and_another_contradicted(tmp_path: Path):
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "claims/drafts").mkdir(parents=True)
    (root / ".factcheck.yaml").write_text("")
    (root / "sources/log.txt").write_text(SOURCE)
    (root / "drafts/ferry.md").write_text("---\ndate: 2026-03-05\nsources: sources/log.txt\n---\n" + DRAFT)
    claims = time_claims()
    assert [c["value"] for c in claims] == ["T06:40", "T20:15"]
    record = {"draft": "drafts/ferry.md", "reference_date": "2026-03-05", "draft_sha256": None, "claims": claims}
    (root / "claims/drafts/ferry.yaml").write_text(yamlio.dump(record))
    run_cli("match", cwd=root)
    got = yamlio.load((root / "claims/drafts/ferry.yaml").read_text(), path="x")["claims"]
    assert {c["value"]: c["verdict"] for c in got} == {"T06:40": "supported", "T20:15": "contradicted"}
