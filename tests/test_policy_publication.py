"""Publication lock and corrections end to end, on real temporary git repositories:
`publish` sets the front matter, records the claims, commits and tags; a signed-off claim
that changes afterwards fails the gate (in every CI format) until `correct` records a
correction, signed off like an approval; `corrections` prints the log."""

from __future__ import annotations

import json

import pytest

from factcheck.store import yamlio
from tests.gitnewsroom import EDITOR, RITA, STRANGER, WRITER, scanned

URL = "https://gazette.example.org/news/homes"


def approve_all(room, who=EDITOR, draft="drafts/vote.md"):
    ids = [c["id"] for c in room.claims(draft)]
    result = room.run("approve", draft, *ids, who=who)
    assert result.exit_code == 0, result.output


def published_room(room):
    scanned(room)
    approve_all(room)
    result = room.run("publish", "drafts/vote.md", "--url", URL)
    assert result.exit_code == 0, result.output
    return room


def edit_draft(room, old: str, new: str):
    room.write("drafts/vote.md", room.read("drafts/vote.md").replace(old, new))
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Edit the story", who=WRITER)


def claims_data(room) -> dict:
    return yamlio.load(room.read("claims/drafts/vote.yaml"), path="x")


def test_publish_refuses_a_draft_that_is_not_clear(newsroom):
    room = scanned(newsroom)
    result = room.run("publish", "drafts/vote.md")
    assert result.exit_code == 2
    assert (
        "drafts/vote.md: not clear to publish: 3 findings; `factcheck check drafts/vote.md` lists them" in result.output
    )
    assert "published:" not in room.read("drafts/vote.md")


def test_publish_refuses_someone_who_is_not_a_reviewer(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    result = room.run("publish", "drafts/vote.md", who=STRANGER)
    assert result.exit_code == 2 and "is not a reviewer" in result.output


def test_publish_sets_front_matter_records_claims_commits_and_tags(newsroom):
    room = published_room(newsroom)
    text = room.read("drafts/vote.md")
    assert text.startswith("---\ndate: 2026-01-04\npublished: '")
    assert f"url: '{URL}'\n---\n" in text
    data = claims_data(room)
    record = data["published"]
    assert record["by"] == "ed@example.org" and record["url"] == URL
    assert sorted(c["text"] for c in record["claims"]) == ["114", "12", "We will start building in spring,"]
    assert record["corrections"] == []
    # one commit by the editor holds both files, and a tag points at it
    log = room.git("log", "-1", "--format=%ae%n%s", "--name-only")
    assert log.startswith("ed@example.org\nPublish drafts/vote.md")
    assert "drafts/vote.md" in log and "claims/drafts/vote.yaml" in log
    tags = room.git("tag", "--list", "published/*").split()
    assert len(tags) == 1 and tags[0].endswith("/drafts/vote.md")
    assert room.git("rev-list", "-n", "1", tags[0]).strip() == room.git("rev-parse", "HEAD").strip()
    # the sign-offs still stand, and the claims file is up to date with the new front matter
    result = room.run("check")
    assert result.exit_code == 0, result.output
    again = room.run("publish", "drafts/vote.md")
    assert again.exit_code == 2 and "was published at" in again.output


def test_changed_claim_without_correction_fails_the_gate_in_every_format(newsroom, tmp_path, monkeypatch):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    new_id = room.claim_id("141")
    assert room.run("approve", "drafts/vote.md", new_id).exit_code == 0  # a plain re-approval is not enough

    text = room.run("check")
    assert text.exit_code == 1
    assert f"uncorrected: {new_id}: “114” was signed off when the draft was published" in text.output
    assert "now reads “141” with no correction" in text.output
    data = json.loads(room.run("check", "--format", "json").output)
    assert data["clear"] is False
    [finding] = data["findings"]
    assert finding["kind"] == "uncorrected" and finding["claim"] == new_id and finding["level"] == "error"
    sarif = json.loads(room.run("check", "--format", "sarif").output)
    [res] = sarif["runs"][0]["results"]
    assert res["ruleId"] == "uncorrected" and res["level"] == "error"
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = room.run("check", "--format", "github")
    assert github.exit_code == 1
    assert (
        "::error file=drafts/vote.md,line=" in github.output
        and "Published claim changed without a correction" in github.output
    )
    assert "Published claim changed without a correction" in summary.read_text()

    result = room.run(
        "correct", "drafts/vote.md", new_id[:6], "--note", "An earlier version gave the number of homes as 114."
    )
    assert result.exit_code == 0, result.output
    assert "corrected: " in result.output and f"→ {new_id}" in result.output
    [entry] = claims_data(room)["published"]["corrections"]
    assert entry["corrects"]["text"] == "114" and entry["text"] == "141" and entry["by"] == "ed@example.org"
    assert entry["decision"] == "corrected" and entry["note"].startswith("An earlier version")
    assert room.git("log", "-1", "--format=%ae").strip() == "ed@example.org"
    final = room.run("check", "--format", "json")
    assert final.exit_code == 0, final.output
    assert json.loads(final.output)["findings"] == []


def test_correct_approves_the_changed_claim_in_the_same_commit(newsroom):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    new_id = room.claim_id("141")
    before = room.git("rev-parse", "HEAD").strip()
    result = room.run("correct", "drafts/vote.md", new_id, "-m", "The council approved 141 homes, not 114.", who=RITA)
    assert result.exit_code == 0, result.output
    assert room.git("rev-list", "--count", f"{before}..HEAD").strip() == "1"
    rec = next(c for c in room.claims() if c["id"] == new_id)
    assert rec["status"] == "approved" and rec["reviews"][-1]["by"] == "rita@example.org"
    assert room.run("check").exit_code == 0


def test_correct_refuses_unpublished_drafts_and_unchanged_claims(newsroom):
    room = scanned(newsroom)
    approve_all(room)
    cid = room.claim_id("114")
    result = room.run("correct", "drafts/vote.md", cid, "-m", "nothing")
    assert result.exit_code == 2 and "is not published" in result.output
    room.run("publish", "drafts/vote.md")
    result = room.run("correct", "drafts/vote.md", cid, "-m", "nothing")
    assert result.exit_code == 2 and "nothing to correct" in result.output
    edit_draft(room, "114 new homes", "141 new homes")
    result = room.run("correct", "drafts/vote.md", room.claim_id("12"), "-m", "wrong claim")
    assert result.exit_code == 2 and "corrects no published claim" in result.output
    result = room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "  ")
    assert result.exit_code == 2 and "needs a note" in result.output
    result = room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "fixed", who=STRANGER)
    assert result.exit_code == 2 and "is not a reviewer" in result.output


def test_claim_taken_out_needs_a_correction_by_its_published_id(newsroom):
    room = published_room(newsroom)
    old = room.claim_id("12")
    edit_draft(room, "The scheme will cost 12 million pounds over three years.\n", "")
    result = room.run("check")
    assert result.exit_code == 1
    assert f"uncorrected: {old}: “12” was signed off when the draft was published" in result.output
    assert "is gone from it with no correction" in result.output
    done = room.run("correct", "drafts/vote.md", old, "-m", "We removed an unconfirmed cost figure.")
    assert done.exit_code == 0, done.output
    assert "→ taken out" in done.output
    assert room.run("check").exit_code == 0
    log = room.run("corrections")
    assert "was: 12" in log.output and "now: (taken out)" in log.output


def test_second_change_needs_a_second_correction(newsroom):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    assert room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "first fix").exit_code == 0
    edit_draft(room, "141 new homes", "151 new homes")
    result = room.run("check")
    assert result.exit_code == 1 and "“141” was signed off" in result.output
    assert room.run("correct", "drafts/vote.md", room.claim_id("151"), "-m", "second fix").exit_code == 0
    assert room.run("check").exit_code == 0
    data = json.loads(room.run("corrections", "--format", "json").output)
    assert [(c["was"], c["now"]) for c in data["corrections"]] == [("114", "141"), ("141", "151")]


def test_hand_typed_correction_does_not_count(newsroom):
    """A correction typed into the claims file by the writer is not a sign-off."""
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    assert room.run("approve", "drafts/vote.md", room.claim_id("141")).exit_code == 0
    data = claims_data(room)
    published_id = next(c["id"] for c in data["published"]["claims"] if c["text"] == "114")
    rec = next(c for c in data["claims"] if c["text"] == "141")
    data["published"]["corrections"].append(
        {
            "by": "ed@example.org",
            "name": "Ed Itor",
            "at": "2026-01-06T09:00:00Z",
            "decision": "corrected",
            "note": "typed by hand",
            "fingerprint": rec["fingerprint"],
            "corrects": {"claim": published_id, "text": "114", "fingerprint": "x"},
            "claim": rec["id"],
            "text": "141",
        }
    )
    room.write("claims/drafts/vote.yaml", yamlio.dump(data))
    room.commit("Add a correction", who=WRITER)
    result = room.run("check")
    assert result.exit_code == 1
    assert "uncorrected: " in result.output
    assert "correction by ed@example.org was added in commit" in result.output and "Wanda Writer" in result.output


def test_corrections_log_formats_and_since(newsroom):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    note = 'An earlier version said 114 homes <script>alert("x")</script>.'
    assert room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", note).exit_code == 0

    text = room.run("corrections")
    assert text.exit_code == 0
    assert "drafts/vote.md" in text.output and "was: 114" in text.output and "now: 141" in text.output
    assert "approved by Ed Itor" in text.output and "1 correction" in text.output

    [entry] = json.loads(room.run("corrections", "-f", "json").output)["corrections"]
    assert entry["draft"] == "drafts/vote.md" and entry["url"] == URL and entry["note"] == note
    assert entry["was"] == "114" and entry["now"] == "141" and entry["name"] == "Ed Itor"

    page = room.run("corrections", "--format", "html").output
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "ed@example.org" not in page and "Ed Itor" in page
    assert f'href="{URL}"' in page and "<del>114</del>" in page and "<ins>141</ins>" in page

    later = json.loads(room.run("corrections", "-f", "json", "--since", "2027-01-01").output)
    assert later["corrections"] == []
    bad = room.run("corrections", "--since", "last week")
    assert bad.exit_code == 2 and "--since must be a date" in bad.output


def test_claimreview_export_carries_the_correction(newsroom):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    assert (
        room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "The figure was 141, not 114.").exit_code == 0
    )
    result = room.run("export", "--format", "claimreview")
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.output)
    reviews = reviews if isinstance(reviews, list) else reviews.get("@graph", reviews)
    corrected = [r for r in reviews if r.get("claimReviewed", "").find("141") >= 0]
    assert corrected, reviews
    [review] = corrected
    assert review["dateModified"].startswith("2026-01-05")
    assert review["correction"]["@type"] == "CorrectionComment"
    assert review["correction"]["text"] == "The figure was 141, not 114."
    others = [r for r in reviews if r is not review]
    assert others and all("correction" not in r for r in others)


def test_front_matter_editing_keeps_everything_else():
    from factcheck.policy.publication import with_front_matter

    assert with_front_matter("Body\n", {"published": "2026-01-01T00:00:00Z"}, path="d.md") == (
        "---\npublished: '2026-01-01T00:00:00Z'\n---\nBody\n"
    )
    assert (
        with_front_matter("---\n---\nBody\n", {"published": "x", "url": None}, path="d.md")
        == "---\npublished: 'x'\n---\nBody\n"
    )
    text = "---\ntitle: A\npublished: old\nsources:\n  - a.txt\n---\nBody with published: here\n"
    assert with_front_matter(text, {"published": "new", "url": "https://e.org/?q='1'"}, path="d.md") == (
        "---\ntitle: A\npublished: 'new'\nsources:\n  - a.txt\nurl: 'https://e.org/?q=''1'''\n---\nBody with published: here\n"
    )


@pytest.mark.parametrize(
    "path, tag",
    [
        ("drafts/vote.md", "published/2026-01-05/drafts/vote.md"),
        ("drafts/my story: part 1.md", "published/2026-01-05/drafts/my-story--part-1.md"),
        ("drafts/.hidden/x.lock", "published/2026-01-05/drafts/_.hidden/x.lock_"),
    ],
)
def test_tag_names_are_valid_refs(path, tag):
    from factcheck.policy.publication import tag_name

    assert tag_name(path, "2026-01-05T10:00:00Z") == tag


def test_corrections_are_signed_under_signing_required_and_tampering_shows(newsroom, tmp_path):
    import subprocess

    from tests.gitnewsroom import CONFIG

    room = newsroom
    keys = {}
    for who in (EDITOR, RITA):
        path = tmp_path / "keys" / who[1].split("@")[0]
        path.parent.mkdir(exist_ok=True)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who[1], "-f", str(path)], check=True)
        keys[who] = path
    signers = [f"{who[1]} {' '.join(keys[who].with_suffix('.pub').read_text().split()[:2])}" for who in keys]
    room.write("allowed_signers", "\n".join(signers) + "\n")
    room.write(".factcheck.yaml", CONFIG + "signing: required\nallowed_signers: allowed_signers\n")
    room.commit("Require signed sign-offs")
    room.git("config", "user.signingkey", str(keys[EDITOR]))
    published_room(room)
    edit_draft(room, "114 new homes", "141 new homes")
    assert room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "It was 141 homes.").exit_code == 0
    [entry] = claims_data(room)["published"]["corrections"]
    assert entry["signature"]
    assert room.run("check").exit_code == 0
    # a signature is trusted whoever commits; an edited note breaks it
    text = room.read("claims/drafts/vote.yaml").replace("note: It was 141 homes.", "note: It was 151 homes.")
    room.write("claims/drafts/vote.yaml", text)
    room.commit("Reword the correction", who=RITA)
    result = room.run("check")
    assert result.exit_code == 1
    assert "uncorrected" in result.output and "correction by ed@example.org has a bad signature" in result.output


def test_a_branch_cannot_drop_the_publication_record_or_a_correction(newsroom):
    room = published_room(newsroom)
    edit_draft(room, "114 new homes", "141 new homes")
    assert room.run("correct", "drafts/vote.md", room.claim_id("141"), "-m", "It was 141.").exit_code == 0
    room.git("checkout", "-q", "-b", "quiet-fix")
    data = claims_data(room)
    data["published"]["corrections"] = []
    room.write("claims/drafts/vote.yaml", yamlio.dump(data))
    room.commit("Tidy the claims file", who=WRITER)
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1
    assert "history-rewritten" in result.output and "a correction recorded on the base is missing" in result.output
    del data["published"]
    room.write("claims/drafts/vote.yaml", yamlio.dump(data))
    room.commit("Unpublish", who=WRITER)
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1
    assert "was removed on this branch; a published draft stays published" in result.output
