"""Golden files of `check` output: what editors and GitHub see, byte for byte.

Set FACTCHECK_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
"""

import os
import re
from pathlib import Path

import pytest
from gitnewsroom import DRAFT, EDITOR, STRANGER, WRITER, newsroom, scanned  # noqa: F401

GOLDEN = Path(__file__).parent / "golden"


def _newsroom_with_every_finding(room):
    scanned(room)
    ids = {c["text"]: c["id"] for c in room.claims()}
    assert room.run("approve", "drafts/vote.md", ids["114"]).exit_code == 0
    assert room.run("reject", "drafts/vote.md", ids["12"], "-m", "the budget says 21 million").exit_code == 0
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.run("scan", "-q", who=WRITER)
    room.commit("Correct the number of homes")
    room.write("drafts/budget.md", "The library will close at 6pm, said a spokesperson.\n")
    room.commit("Draft not scanned yet")
    room.write("drafts/forged.md", 'Fares rise by 5 percent, "with no exceptions," the operator said.\n')
    room.run("scan", "-q", "drafts/forged.md", who=WRITER)
    from factcheck.config import load_config
    from factcheck.signoff import rules
    from factcheck.store import claims_files

    with claims_files.editing(load_config(room.repo), "drafts/forged.md") as cf:
        for rec in cf.claims:
            rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    room.commit("Approve fares story", who=STRANGER)
    room.write("drafts/council.md", "Turnout was 38 percent.\n")
    room.run("scan", "-q", "drafts/council.md", who=WRITER)
    room.write("drafts/council.md", "Turnout was 38 percent, the clerk said.\n")
    room.commit("Edit after the scan")
    return room


def _normalized(text: str) -> str:
    return re.sub(r"commit [0-9a-f]{10}", "commit <sha>", text)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_golden_check_output(newsroom, fmt, tmp_path, monkeypatch):
    room = _newsroom_with_every_finding(newsroom)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = room.run("check", "--format", fmt)
    assert result.exit_code == 1
    outputs = {f"check.{fmt}.txt": _normalized(result.output)}
    if fmt == "github":
        outputs["check.step-summary.md"] = _normalized(summary.read_text())
    else:
        assert not summary.exists()  # only the github format writes the step summary
    for name, got in outputs.items():
        path = GOLDEN / name
        if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
            path.write_text(got, encoding="utf-8")
        assert got == path.read_text(encoding="utf-8"), f"{name} changed; see the docstring to update it"
