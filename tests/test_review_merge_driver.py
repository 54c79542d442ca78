import shlex
import sys

from tests.gitnewsroom import EDITOR, RITA, scanned


def _install_driver(room):
    cmd = f"{shlex.quote(sys.executable)} -c 'from factcheck.cli import main; main()' merge-driver %O %A %B"
    room.git("config", "merge.factcheck-claims.name", "factcheck claims files")
    room.git("config", "merge.factcheck-claims.driver", cmd)
    room.write(".gitattributes", "claims/**/*.yaml merge=factcheck-claims\n")
    room.commit("Merge driver for claims files")


def test_sign_offs_on_two_branches_merge_cleanly(newsroom):
    room = scanned(newsroom)
    _install_driver(room)
    ids = {c["text"]: c["id"] for c in room.claims()}
    room.git("checkout", "-q", "-b", "ed")
    assert room.run("approve", "drafts/vote.md", ids["114"], who=EDITOR).exit_code == 0
    room.git("checkout", "-q", "main")
    room.git("checkout", "-q", "-b", "rita")
    assert (
        room.run("approve", "drafts/vote.md", ids["12"], ids["We will start building in spring,"], who=RITA).exit_code
        == 0
    )
    room.git("merge", "-q", "--no-edit", "ed", who=RITA)
    assert "<<<<<<<" not in room.read("claims/drafts/vote.yaml")
    assert {c["text"]: c["status"] for c in room.claims()} == {
        "114": "approved",
        "12": "approved",
        "We will start building in spring,": "approved",
    }
    result = room.run("check")
    assert result.exit_code == 0, result.output


def test_without_the_driver_the_same_merge_conflicts_and_check_names_the_line(newsroom):
    room = scanned(newsroom)
    ids = {c["text"]: c["id"] for c in room.claims()}
    room.git("checkout", "-q", "-b", "ed")
    room.run("approve", "drafts/vote.md", ids["12"], who=EDITOR)
    room.git("checkout", "-q", "main")
    room.git("checkout", "-q", "-b", "rita")
    room.run("approve", "drafts/vote.md", ids["12"], who=RITA)
    room.git("merge", "-q", "--no-edit", "ed", who=RITA, check=False)
    result = room.run("check")
    assert result.exit_code == 2
    assert "claims/drafts/vote.yaml:" in result.output and "merge conflict" in result.output


def test_same_claim_reviewed_on_both_sides_keeps_both_decisions_in_time_order():
    from factcheck.signoff.rules import fingerprint
    from factcheck.store.three_way import merge_claim

    fp = fingerprint("114", "s")
    base = {"id": "f-1", "kind": "figure", "text": "114", "sentence": "s"}
    ed = {"by": "ed@example.org", "at": "2026-01-01T10:00:00Z", "decision": "approved", "fingerprint": fp}
    rita = {
        "by": "rita@example.org",
        "at": "2026-01-01T09:00:00Z",
        "decision": "rejected",
        "note": "no",
        "fingerprint": fp,
    }
    merged = merge_claim(base, {**base, "reviews": [ed]}, {**base, "reviews": [rita]})
    assert [r["by"] for r in merged["reviews"]] == ["rita@example.org", "ed@example.org"]
    assert merged["status"] == "approved"
