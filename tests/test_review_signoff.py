from tests.gitnewsroom import DRAFT, EDITOR, RITA, STRANGER, WRITER, scanned


def test_approve_records_decision_and_commits_as_reviewer(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    result = room.run("approve", "drafts/vote.md", cid, "--note", "minutes of the meeting")
    assert result.exit_code == 0, result.output
    rec = next(c for c in room.claims() if c["id"] == cid)
    assert rec["status"] == "approved"
    (entry,) = rec["reviews"]
    assert (entry["by"], entry["name"], entry["decision"], entry["note"]) == (
        "ed@example.org",
        "Ed Itor",
        "approved",
        "minutes of the meeting",
    )
    assert entry["fingerprint"] == rec["fingerprint"] and entry["text"] == "114"
    log = room.git("log", "-1", "--format=%an <%ae>%n%B")
    assert log.startswith("Ed Itor <ed@example.org>")
    assert "Fact-checked-by: Ed Itor <ed@example.org>" in log
    assert room.git("status", "--porcelain") == ""


def test_one_commit_for_several_claims(newsroom):
    room = scanned(newsroom)
    before = room.git("rev-list", "--count", "HEAD")
    ids = [room.claim_id("114"), room.claim_id("12")]
    assert room.run("approve", "drafts/vote.md", *ids).exit_code == 0
    assert int(room.git("rev-list", "--count", "HEAD")) == int(before) + 1
    assert {c["id"] for c in room.claims() if c.get("status") == "approved"} == set(ids)


def test_no_commit_leaves_the_change_uncommitted(newsroom):
    room = scanned(newsroom)
    head = room.git("rev-parse", "HEAD")
    assert room.run("approve", "drafts/vote.md", room.claim_id("114"), "--no-commit").exit_code == 0
    assert room.git("rev-parse", "HEAD") == head
    assert "claims/drafts/vote.yaml" in room.git("status", "--porcelain")


def test_non_reviewer_is_refused_with_exit_2(newsroom):
    room = scanned(newsroom)
    result = room.run("approve", "drafts/vote.md", room.claim_id("114"), who=STRANGER)
    assert result.exit_code == 2
    assert "sam@example.org is not a reviewer" in result.output
    assert "reviews" not in room.claims()[0]


def test_writer_may_not_approve_own_claim(newsroom):
    room = newsroom
    room.write("drafts/vote.md", DRAFT)
    room.run("scan", "-q")
    room.commit("Draft by a reviewer", who=RITA)
    result = room.run("approve", "drafts/vote.md", room.claim_id("114"), who=RITA)
    assert result.exit_code == 2
    assert "you wrote it" in result.output
    assert room.run("approve", "drafts/vote.md", room.claim_id("114"), who=EDITOR).exit_code == 0


def test_self_approval_allowed_by_config(newsroom):
    room = newsroom
    room.write(".factcheck.yaml", "reviewers: [rita@example.org]\nallow_self_approval: true\n")
    room.write("drafts/vote.md", DRAFT)
    room.run("scan", "-q")
    room.commit("Draft by a reviewer", who=RITA)
    assert room.run("approve", "drafts/vote.md", room.claim_id("114"), who=RITA).exit_code == 0


def test_uncommitted_claim_lines_cannot_be_approved(newsroom):
    room = scanned(newsroom)
    room.write("drafts/vote.md", DRAFT.replace("114", "115"))
    room.run("scan", "-q")
    result = room.run("approve", "drafts/vote.md", room.claim_id("115"))
    assert result.exit_code == 2
    assert "not committed yet" in result.output


def test_draft_edited_after_scan_is_refused(newsroom):
    room = scanned(newsroom)
    room.write("drafts/vote.md", DRAFT + "\nOne more line.\n")
    result = room.run("approve", "drafts/vote.md", room.claim_id("114"))
    assert result.exit_code == 2
    assert "changed since it was scanned" in result.output


def test_reject_needs_a_note(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("12")
    assert room.run("reject", "drafts/vote.md", cid).exit_code == 2
    result = room.run("reject", "drafts/vote.md", cid, "--note", "budget says 21 million")
    assert result.exit_code == 0, result.output
    rec = next(c for c in room.claims() if c["id"] == cid)
    assert rec["status"] == "rejected" and rec["reviews"][-1]["note"] == "budget says 21 million"


def test_transitions_pending_approved_rejected_approved(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    statuses = []
    for args in (
        ("approve", "drafts/vote.md", cid),
        ("reject", "drafts/vote.md", cid, "-m", "wrong site"),
        ("approve", "drafts/vote.md", cid, "-m", "site confirmed"),
    ):
        assert room.run(*args).exit_code == 0
        statuses.append(next(c for c in room.claims() if c["id"] == cid)["status"])
    assert statuses == ["approved", "rejected", "approved"]
    assert [r["decision"] for r in next(c for c in room.claims() if c["id"] == cid)["reviews"]] == [
        "approved",
        "rejected",
        "approved",
    ]


def test_approving_twice_records_nothing_new(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    room.run("approve", "drafts/vote.md", cid)
    head = room.git("rev-parse", "HEAD")
    result = room.run("approve", "drafts/vote.md", cid)
    assert result.exit_code == 0 and "already approved" in result.output
    assert room.git("rev-parse", "HEAD") == head


def test_unknown_claim_id_is_a_usage_error(newsroom):
    room = scanned(newsroom)
    result = room.run("approve", "drafts/vote.md", "f-doesnotexist")
    assert result.exit_code == 2 and "no claim" in result.output


def test_all_supported_approves_only_supported_claims(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    from factcheck.config import load_config
    from factcheck.store import claims_files

    config = load_config(room.repo)
    with claims_files.editing(config, "drafts/vote.md") as cf:
        for c in cf.claims:
            c["verdict"] = "supported" if c["id"] == cid else "not_found"
    room.commit("Match sources", who=WRITER)
    result = room.run("approve", "drafts/vote.md", "--all-supported")
    assert result.exit_code == 0, result.output
    approved = [c["id"] for c in room.claims() if c.get("status") == "approved"]
    assert approved == [cid]
