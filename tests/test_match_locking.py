"""`factcheck match` judges without holding the claims file, so sign-offs made meanwhile survive."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from factcheck.store import claims_files, yamlio

SOURCE = "The library board said on Monday that the reading room will reopen after 18 months of repairs.\n"


def claim(cid: str, text: str, sentence: str, **fields) -> dict:
    return {
        "id": cid,
        "kind": "figure",
        "text": text,
        "start": 0,
        "end": len(text),
        "line": 1,
        "sentence": sentence,
        **fields,
    }


@pytest.fixture
def newsroom(tmp_path) -> Path:
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / ".factcheck.yaml").write_text("")
    (root / "sources/board.txt").write_text(SOURCE)
    (root / "drafts/library.md").write_text("---\ndate: 2026-02-10\nsources: sources/board.txt\n---\nBody.\n")
    claims = [
        claim(
            "f-months", "18 months", "The reading room will reopen after 18 months of repairs.", value=18, unit="months"
        ),
        claim("f-gone", "18 months", "Repairs will take 18 months, the board said.", value=18, unit="months"),
        claim("f-edited", "18 months", "The work is expected to last 18 months.", value=18, unit="months"),
    ]
    record = {"draft": "drafts/library.md", "reference_date": "2026-02-10", "draft_sha256": None, "claims": claims}
    (root / "claims/drafts").mkdir(parents=True)
    (root / "claims/drafts/library.yaml").write_text(yamlio.dump(record))
    return root


def stored(root: Path) -> dict:
    data = yamlio.load((root / "claims/drafts/library.yaml").read_text(), path="x")
    return {c["id"]: c for c in data["claims"]}


def edit_while_judging(monkeypatch, change) -> None:
    """Run `change` on the claims file, as another person would, after judging and before the verdicts go in."""
    import factcheck.match as match_mod

    write_draft = match_mod._write_draft

    def judged_then_someone_edits(config, work, *args, **kwargs):
        with claims_files.editing(config, work.rel) as cf:
            change(cf)
        return write_draft(config, work, *args, **kwargs)

    monkeypatch.setattr(match_mod, "_write_draft", judged_then_someone_edits)
    # Fail fast instead of waiting out the usual lock timeout if judging held the lock.
    monkeypatch.setattr(claims_files, "locked", functools.partial(claims_files.locked, timeout=2))


def test_a_sign_off_made_while_judging_is_kept_beside_the_verdict(newsroom, monkeypatch):
    from factcheck.config import load_config
    from factcheck.match import match

    def approve(cf):
        cf.claims[0]["reviews"] = [{"by": "desk@example.org", "decision": "approved"}]

    edit_while_judging(monkeypatch, approve)
    run = match(load_config(newsroom))
    assert not run.failed, [str(e) for o in run.outcomes for e in o.errors]
    got = stored(newsroom)["f-months"]
    assert got["reviews"] == [{"by": "desk@example.org", "decision": "approved"}]
    assert got["verdict"] == "supported"
    assert got["evidence"] and got["evidence"][0]["source"] == "sources/board.txt"


def test_claims_removed_or_rewritten_meanwhile_get_no_verdict(newsroom, monkeypatch):
    from factcheck.config import load_config
    from factcheck.match import match

    def rescan(cf):
        cf.claims = [c for c in cf.claims if c["id"] != "f-gone"]
        edited = next(c for c in cf.claims if c["id"] == "f-edited")
        edited.update(text="20 months", sentence="The work is expected to last 20 months.", value=20)

    edit_while_judging(monkeypatch, rescan)
    run = match(load_config(newsroom))
    got = stored(newsroom)
    assert set(got) == {"f-months", "f-edited"}
    assert got["f-months"]["verdict"] == "supported"
    assert "verdict" not in got["f-edited"] and "evidence" not in got["f-edited"]
    assert sum(run.outcomes[0].counts.values()) == 1
