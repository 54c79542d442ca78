import json

from tests.gitnewsroom import DRAFT, RITA, WRITER, scanned


def _with_evidence(room, cid):
    from factcheck.config import load_config
    from factcheck.store import claims_files

    with claims_files.editing(load_config(room.repo), "drafts/vote.md") as cf:
        rec = next(c for c in cf.claims if c["id"] == cid)
        rec["verdict"] = "supported"
        rec["evidence"] = [
            {
                "source": "sources/council-minutes.pdf",
                "start": 10,
                "end": 60,
                "page": 4,
                "text": "we will start building in the spring",
                "score": 91.5,
                "verdict": "supported",
                "reason": "quote matches but for small words",
                "diff": "start building in [-the-] spring",
            }
        ]
    room.commit("Match sources")


def test_show_one_claim_with_evidence_and_history(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("We will start building in spring,")
    _with_evidence(room, cid)
    room.run("approve", "drafts/vote.md", cid, "-m", "minutes p. 4")
    result = room.run("show", "drafts/vote.md", cid[:6])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(f"{cid}  quote  line 8  [approved]")
    assert 'sentence: "We will start building in spring," the council leader said.' in out
    assert "verdict:  supported" in out
    assert (
        "evidence 1: sources/council-minutes.pdf  (p. 4)  score 91.5  supported, quote matches but for small words"
        in out
    )
    assert "“we will start building in the spring”" in out
    assert "diff: start building in [-the-] spring" in out
    assert "approved  Ed Itor <ed@example.org> — minutes p. 4" in out


def test_show_every_claim_and_unknown_id(newsroom):
    room = scanned(newsroom)
    result = room.run("show", "drafts/vote.md")
    assert result.exit_code == 0
    assert result.output.count("[pending]") == 3 and "reviews:  none yet" in result.output
    assert room.run("show", "drafts/vote.md", "zz-nope").exit_code == 2
    assert room.run("show", "drafts/missing.md").exit_code == 2


def test_show_stale_sentence_change_prints_was_and_now(newsroom):
    room = scanned(newsroom)
    cid = room.claim_id("114")
    room.run("approve", "drafts/vote.md", cid)
    room.write("drafts/vote.md", DRAFT.replace("old depot site", "former bus depot"))
    room.run("scan", "-q", who=WRITER)
    rec = room.claims()[0]
    assert rec["id"] != cid and rec["status"] == "stale"
    out = room.run("show", "drafts/vote.md", rec["id"]).output
    assert "was: The council approved 114 new homes on the old depot site." in out
    assert "now: The council approved 114 new homes on the former bus depot." in out


def test_status_counts_by_review_and_verdict(newsroom):
    room = scanned(newsroom)
    room.write("drafts/unscanned.md", "Rents rose 9 percent.\n")
    _with_evidence(room, room.claim_id("We will start building in spring,"))
    room.run("approve", "drafts/vote.md", room.claim_id("114"))
    room.run("reject", "drafts/vote.md", room.claim_id("12"), "-m", "no", who=RITA)
    result = room.run("status", "--format", "json")
    assert result.exit_code == 0
    rows = {r["draft"]: r for r in json.loads(result.output)["drafts"]}
    assert rows["drafts/unscanned.md"]["scanned"] is False
    counts = rows["drafts/vote.md"]["counts"]
    assert (counts["claims"], counts["approved"], counts["rejected"], counts["pending"], counts["stale"]) == (
        3,
        1,
        1,
        1,
        0,
    )
    assert (counts["supported"], counts["unmatched"]) == (1, 2)
    text = room.run("status").output
    assert text.splitlines()[0].startswith("draft ")
    assert "not scanned" in text


def test_status_flags_a_draft_edited_since_its_scan(newsroom):
    room = scanned(newsroom)
    room.write("drafts/vote.md", DRAFT + "\nLate addition.\n")
    assert "out of date" in room.run("status", "drafts/vote.md").output


def test_status_of_a_missing_draft_is_an_error_and_other_rows_still_show(newsroom):
    room = scanned(newsroom)
    result = room.run("status", "drafts/nope.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == "factcheck: error: drafts/nope.md: no such draft"
    assert result.stdout == ""
    both = room.run("status", "drafts/nope.md", "drafts/vote.md")
    assert both.exit_code == 2
    assert "drafts/vote.md" in both.stdout and "drafts/nope.md" in both.stderr


def test_status_goes_on_past_a_broken_claims_file(newsroom):
    room = scanned(newsroom)
    room.write("drafts/fares.md", "Bus fares went up 7 percent.\n")
    room.write("claims/drafts/fares.yaml", "claims: [unclosed\n")
    result = room.run("status", "--format", "json")
    assert result.exit_code == 2
    assert "claims/drafts/fares.yaml" in result.stderr
    assert [r["draft"] for r in json.loads(result.stdout)["drafts"]] == ["drafts/vote.md"]
