import os
import subprocess
import sys

from tests.gitnewsroom import EDITOR, RITA, git_env, scanned


def _approve_in_process(room, who, cid):
    env = {**os.environ, **git_env(room.root, who)}
    code = "from factcheck.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "approve", "drafts/vote.md", cid, "-m", f"checked by {who[0]}"],
        cwd=room.repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_reviewers_at_once_lose_no_decision(newsroom):
    room = scanned(newsroom)
    ids = {c["text"]: c["id"] for c in room.claims()}
    for round in range(3):  # repeat to give the race a real chance
        procs = [_approve_in_process(room, EDITOR, ids["114"]), _approve_in_process(room, RITA, ids["12"])]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        by = {c["text"]: [r["by"] for r in c.get("reviews", [])] for c in room.claims()}
        assert by["114"] == ["ed@example.org", "ed@example.org"] * round + ["ed@example.org"]
        assert by["12"] == ["rita@example.org", "ed@example.org"] * round + ["rita@example.org"]
        # each decision went into its own reviewer's commit
        log = room.git("log", "-2", "--format=%ae %s")
        assert sorted(log.split("\n")[:2]) == [
            "ed@example.org Fact-check drafts/vote.md: approve 1",
            "rita@example.org Fact-check drafts/vote.md: approve 1",
        ]
        assert room.git("status", "--porcelain") == ""
        result = room.run("check", "--format", "json")
        assert '"forged": 0' in result.output and '"approved": 2' in result.output
        # reset for the next round: reject both so they can be approved again
        room.run("reject", "drafts/vote.md", ids["114"], ids["12"], "-m", "again")


def test_killed_writer_leaves_old_file_intact(newsroom, monkeypatch):
    room = scanned(newsroom)
    path = room.repo / "claims/drafts/vote.yaml"
    before = path.read_text()
    from factcheck.store import claims_files

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # as if the process were stopped mid-write

    monkeypatch.setattr(claims_files.os, "replace", crash)
    try:
        room.run("approve", "drafts/vote.md", room.claims()[0]["id"])
    except KeyboardInterrupt:
        pass
    assert path.read_text() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
