import json
import subprocess

import pytest

from tests.gitnewsroom import DRAFT, EDITOR, RITA, STRANGER, WRITER, scanned


def approve_all(room, who=EDITOR, draft="drafts/vote.md"):
    ids = [c["id"] for c in room.claims(draft)]
    result = room.run("approve", draft, *ids, who=who)
    assert result.exit_code == 0, result.output


def test_all_approved_is_clear(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    result = room.run("check")
    assert result.exit_code == 0, result.output
    assert "all clear" in result.output


def test_pending_claims_fail_with_exit_1(newsroom):
    room = scanned(newsroom)
    result = room.run("check")
    assert result.exit_code == 1
    assert result.output.count(": pending: ") == 3


def test_rejected_claim_fails(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    room.run("reject", "drafts/vote.md", room.claim_id("12"), "-m", "it is 21 million")
    result = room.run("check")
    assert result.exit_code == 1
    assert "rejected by ed@example.org: it is 21 million" in result.output


def test_missing_claims_file_fails(newsroom):
    room = newsroom
    room.write("drafts/vote.md", DRAFT)
    room.commit("Draft without a scan")
    result = room.run("check")
    assert result.exit_code == 1
    assert "drafts/vote.md:1: missing: no claims file" in result.output


def test_draft_edited_without_rescan_is_out_of_date(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    room.write("drafts/vote.md", DRAFT.replace("over three years", "over 4 years"))
    room.commit("Edit without rescan")
    result = room.run("check")
    assert result.exit_code == 1
    assert (
        "out-of-date: claims/drafts/vote.yaml is out of date with the draft (2 new or changed, 1 gone claims)"
        in result.output
    )
    # judged on what the rescan would write: "4" is new, and "12" stands in a changed sentence
    assert ": pending: f-" in result.output and ": stale: f-" in result.output


def test_stale_after_figure_edit_in_place_and_show_prints_old_to_new(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    old_id = room.claim_id("114")
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.run("scan", "-q", who=WRITER)
    room.commit("Fix the figure")
    rec = next(c for c in room.claims() if c["text"] == "141")
    assert rec["id"] != old_id
    assert rec["status"] == "stale"
    assert [r["text"] for r in rec["reviews"]] == ["114"]
    assert not any(c["text"] == "114" for c in room.claims())
    result = room.run("check")
    assert result.exit_code == 1
    assert "stale" in result.output and "(was “114”)" in result.output
    shown = room.run("show", "drafts/vote.md", rec["id"])
    assert shown.exit_code == 0, shown.output
    assert "changed since sign-off: [-114-] {+141+}" in shown.output
    # a new sign-off clears it
    assert room.run("approve", "drafts/vote.md", rec["id"], who=RITA).exit_code == 0
    assert room.run("check").exit_code == 0


def test_approval_survives_moving_a_paragraph(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    head, first, second, third = DRAFT.split("\n\n", 3)
    moved = "\n\n".join([head, third.rstrip("\n"), second, first]) + "\n"
    room.write("drafts/vote.md", moved)
    room.run("scan", "-q", who=WRITER)
    room.commit("Reorder paragraphs")
    assert {c["status"] for c in room.claims()} == {"approved"}
    result = room.run("check")
    assert result.exit_code == 0, result.output


def test_gone_claim_leaves_the_file(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    room.write("drafts/vote.md", DRAFT.replace("\nThe scheme will cost 12 million pounds over three years.\n", ""))
    room.run("scan", "-q", who=WRITER)
    room.commit("Cut the cost line")
    assert [c["text"] for c in room.claims()] == ["114", "We will start building in spring,"]
    assert room.run("check").exit_code == 0


def _forge(room, cid, who=STRANGER):
    """Hand-write an approval in Ed's name, committed by somebody else."""
    from factcheck.config import load_config
    from factcheck.signoff import rules
    from factcheck.store import claims_files

    with claims_files.editing(load_config(room.repo), "drafts/vote.md") as cf:
        rec = next(c for c in cf.claims if c["id"] == cid)
        rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    return room.commit("Tidy claims", who=who)


def test_forged_approval_fails_the_check(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    sha = _forge(room, cid)
    result = room.run("check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    forged = [f for f in data["findings"] if f["kind"] == "forged"]
    assert len(forged) == 1 and forged[0]["claim"] == cid
    assert sha[:10] in forged[0]["message"] and "Sam Stranger <sam@example.org>" in forged[0]["message"]
    assert forged[0]["path"] == "claims/drafts/vote.yaml"
    assert data["findings"][0]["kind"] == "forged"  # most serious first


def test_uncommitted_approval_is_not_trusted(newsroom):
    room = scanned(newsroom)
    for c in room.claims():
        assert room.run("approve", "drafts/vote.md", c["id"], "--no-commit").exit_code == 0
    result = room.run("check")
    assert result.exit_code == 1
    assert "is in no commit" in result.output


def test_approval_by_someone_no_longer_a_reviewer_is_forged(newsroom):
    room = scanned(newsroom)
    approve_all(room, who=RITA)
    room.write(".factcheck.yaml", "reviewers: [ed@example.org]\n")
    room.commit("Rita left")
    result = room.run("check")
    assert result.exit_code == 1
    assert "not a reviewer" in result.output


def test_approval_survives_renaming_the_draft(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    room.git("mv", "drafts/vote.md", "drafts/council-vote.md")
    room.git("mv", "claims/drafts/vote.yaml", "claims/drafts/council-vote.yaml")
    room.run("scan", "-q", who=WRITER)
    room.commit("Rename the draft")
    result = room.run("check")
    assert result.exit_code == 0, result.output


def test_merge_conflict_in_claims_file_is_exit_2_with_file_and_line(newsroom):
    room = scanned(newsroom)
    path = room.repo / "claims/drafts/vote.yaml"
    lines = path.read_text().splitlines(keepends=True)
    lines[5:5] = ["<<<<<<< HEAD\n", "=======\n", ">>>>>>> other\n"]
    path.write_text("".join(lines))
    result = room.run("check")
    assert result.exit_code == 2
    assert "claims/drafts/vote.yaml:6:" in result.output and "merge conflict" in result.output


def test_corrupt_claims_file_is_exit_2(newsroom):
    room = scanned(newsroom)
    room.write("claims/drafts/vote.yaml", "draft: [unclosed\n")
    result = room.run("check")
    assert result.exit_code == 2 and "claims/drafts/vote.yaml" in result.output


def test_config_error_is_exit_2(newsroom):
    room = scanned(newsroom)
    room.write(".factcheck.yaml", "reviewer: [ed@example.org]\n")
    result = room.run("check")
    assert result.exit_code == 2 and "unknown key `reviewer`" in result.output


def test_usage_error_is_exit_2(newsroom):
    room = scanned(newsroom)
    assert room.run("check", "--format", "xml").exit_code == 2
    assert room.run("check", "drafts/vote.md", "--base", "main").exit_code == 2


def test_base_checks_only_drafts_changed_on_the_branch(newsroom):
    room = scanned(newsroom)
    room.write("drafts/other.md", "Turnout was 41 percent.\n")
    room.run("scan", "-q", who=WRITER)
    room.commit("Second draft")
    approve_all(room)
    approve_all(room, draft="drafts/other.md")
    room.git("checkout", "-q", "-b", "story")
    room.write("drafts/other.md", "Turnout was 44 percent.\n")
    room.run("scan", "-q", who=WRITER)
    room.commit("Update turnout")
    result = room.run("check", "--base", "main", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["drafts"] == ["drafts/other.md"]
    assert [f["kind"] for f in data["findings"]] == ["stale"]
    # untouched drafts are not looked at, even when they would fail
    room.write("drafts/vote.md", DRAFT.replace("114", "999"))
    assert json.loads(room.run("check", "--base", "main", "-f", "json").output)["drafts"] == [
        "drafts/other.md",
        "drafts/vote.md",
    ]


def test_base_with_nothing_changed_is_clear(newsroom):
    room = scanned(newsroom)
    room.git("checkout", "-q", "-b", "story")
    result = room.run("check", "--base", "main")
    assert result.exit_code == 0
    assert "0 drafts checked" in result.output


def test_unknown_base_is_exit_2_with_fetch_hint(newsroom):
    room = scanned(newsroom)
    result = room.run("check", "--base", "origin/nope")
    assert result.exit_code == 2 and "fetch it first" in result.output


def test_shallow_clone_is_an_error_not_a_pass(newsroom, tmp_path):
    room = scanned(newsroom)
    approve_all(room)
    room.write("drafts/vote.md", DRAFT + "\nMore to follow.\n")
    room.run("scan", "-q", who=WRITER)
    room.commit("Add a line")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{room.repo}", str(clone)], check=True)
    room.mp.chdir(clone)
    result = room.run("check")
    assert result.exit_code == 2
    assert "shallow" in result.output and "git fetch --unshallow" in result.output
    subprocess.run(["git", "fetch", "-q", "--unshallow"], cwd=clone, check=True)
    assert room.run("check").exit_code == 0


def test_orphaned_claims_file_on_branch_fails(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    room.git("checkout", "-q", "-b", "story")
    room.git("rm", "-q", "drafts/vote.md")
    room.commit("Spike the story")
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1 and "claims file has no draft" in result.output


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_exits_the_same(newsroom, fmt):
    room = scanned(newsroom)
    assert room.run("check", "--format", fmt).exit_code == 1
    approve_all(room)
    assert room.run("check", "--format", fmt).exit_code == 0
