"""Verdicts kept between `match` runs: a warm run judges nothing, a changed source only what it touches."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.match import match
from factcheck.store import yamlio

STORIES = {
    "archive/ferry/update-01.txt": "The harbour council voted to build a second ferry pier costing $6.4 billion over ten years.\n\n"
    "The old pier has carried 141 ferries a day since it opened in 1988.\n",
    "archive/ferry/update-02.txt": "The old pier has carried 141 ferries a day since it opened in 1988.\n\n"
    "The harbour council voted to build a second ferry pier costing $6.4 billion over ten years.\n",
    "archive/library/update-01.txt": "The library board said the reading room will reopen after 18 months of repairs to the roof.\n",
    "archive/school/update-01.txt": "Enrolment at the valley school fell to 312 pupils this autumn, the district office said.\n",
}


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


FERRY = claim("f-ferries", "141", "The old pier has carried 141 ferries a day since it opened in 1988.", value=141)
LIBRARY = claim(
    "f-months",
    "18 months",
    "The library board said the reading room will reopen after 18 months of repairs to the roof.",
    value=18,
    unit="months",
)
SCHOOL = claim(
    "f-pupils",
    "312",
    "Enrolment at the valley school fell to 312 pupils this autumn, the district office said.",
    value=312,
)
MUSEUM = claim(
    "f-visitors",
    "61,000",
    "The maritime museum welcomed 61,000 visitors to its new gallery of harbour models last year.",
    value=61000,
)


@pytest.fixture
def newsroom(tmp_path) -> Path:
    root = tmp_path / "newsroom"
    for rel, text in STORIES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / ".factcheck.yaml").write_text("")
    (root / "drafts").mkdir()
    for name, claims in (("harbour", [FERRY, MUSEUM]), ("town", [LIBRARY, SCHOOL])):
        (root / f"drafts/{name}.md").write_text("---\ndate: 2026-03-05\nsources: [archive/**/*.txt]\n---\nBody.\n")
        record = {"draft": f"drafts/{name}.md", "reference_date": "2026-03-05", "draft_sha256": None, "claims": claims}
        (root / "claims/drafts").mkdir(parents=True, exist_ok=True)
        (root / f"claims/drafts/{name}.yaml").write_text(yamlio.dump(record))
    return root


@pytest.fixture
def judged(monkeypatch) -> list[str]:
    """The ids of the claims the judge is asked about, in order."""
    import factcheck.match.judge as judge_mod

    seen: list[str] = []
    real = judge_mod.judge

    def counting(claim, ctx):
        seen.append(claim["id"])
        return real(claim, ctx)

    monkeypatch.setattr(judge_mod, "judge", counting)
    return seen


def verdicts(root: Path) -> dict:
    out = {}
    for name in ("harbour", "town"):
        for c in yamlio.load((root / f"claims/drafts/{name}.yaml").read_text(), path=name)["claims"]:
            out[c["id"]] = c.get("verdict")
    return out


def run(root: Path, **kw):
    result = match(load_config(root), **kw)
    assert not result.failed, [str(e) for o in result.outcomes for e in o.errors] + [
        str(e) for e in result.source_errors
    ]
    return result


def test_a_warm_run_judges_nothing_and_writes_nothing(newsroom, judged):
    first = run(newsroom)
    assert sorted(judged) == ["f-ferries", "f-months", "f-pupils", "f-visitors"]
    assert verdicts(newsroom) == {
        "f-ferries": "supported",
        "f-visitors": "not_found",
        "f-months": "supported",
        "f-pupils": "supported",
    }
    files = sorted((newsroom / "claims/drafts").glob("*.yaml"))
    stamps = [(p.stat().st_mtime_ns, p.read_bytes()) for p in files]
    judged.clear()
    again = run(newsroom)
    assert judged == []
    assert [(p.stat().st_mtime_ns, p.read_bytes()) for p in files] == stamps
    assert [(o.draft, dict(o.counts), o.sources) for o in again.outcomes] == [
        (o.draft, dict(o.counts), o.sources) for o in first.outcomes
    ]


def _modules_after_a_run(root: Path) -> set[str]:
    """The judge's modules a fresh process holds after matching `root` once."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from factcheck.config import load_config\n"
        "from factcheck.match import match\n"
        f"match(load_config(Path({str(root)!r})))\n"
        "print(json.dumps([m for m in ('factcheck.match.judge', 'factcheck.extract', 'rapidfuzz') if m in sys.modules]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(proc.stdout))


def test_a_warm_run_never_loads_the_judge(newsroom):
    """A run whose verdicts all stand costs what starting up costs: the judge, the extractors
    it reads claims with and rapidfuzz are loaded only once a claim is judged."""
    assert _modules_after_a_run(newsroom) == {"factcheck.match.judge", "factcheck.extract", "rapidfuzz"}
    assert _modules_after_a_run(newsroom) == set()
    (newsroom / "archive/school/update-01.txt").write_text("Enrolment at the valley school fell to 298 pupils.\n")
    assert "factcheck.match.judge" in _modules_after_a_run(newsroom)


def test_force_judges_every_claim_again(newsroom, judged):
    run(newsroom)
    judged.clear()
    run(newsroom, force=True)
    assert sorted(judged) == ["f-ferries", "f-months", "f-pupils", "f-visitors"]


def test_a_changed_source_rejudges_only_the_claims_it_was_a_candidate_for(newsroom, judged):
    run(newsroom)
    judged.clear()
    school = newsroom / "archive/school/update-01.txt"
    school.write_text(school.read_text().replace("312", "321"))
    run(newsroom)
    # The museum claim, found nowhere, had every source sharing a term as a candidate; the
    # ferry and library claims never looked at the school's story.
    assert "f-pupils" in judged and not {"f-ferries", "f-months"} & set(judged)
    assert verdicts(newsroom)["f-pupils"] == "contradicted"
    assert verdicts(newsroom)["f-ferries"] == "supported"


def test_a_changed_source_that_now_holds_a_claims_words_rejudges_that_claim(newsroom, judged):
    run(newsroom)
    assert verdicts(newsroom)["f-visitors"] == "not_found"
    judged.clear()
    library = newsroom / "archive/library/update-01.txt"
    library.write_text(
        library.read_text()
        + "\nThe maritime museum welcomed 61,000 visitors to its new gallery of harbour models last year.\n"
    )
    run(newsroom)
    assert sorted(judged) == [
        "f-months",
        "f-visitors",
    ]  # the library claim read this source; the museum claim now finds it
    assert verdicts(newsroom)["f-visitors"] == "supported"


def test_a_new_source_counts_as_changed_and_a_deleted_one_rejudges_its_claims(newsroom, judged):
    run(newsroom)
    judged.clear()
    (newsroom / "archive/museum").mkdir()
    (newsroom / "archive/museum/2026-01-10.txt").write_text(
        "The maritime museum welcomed 61,000 visitors to its new gallery of harbour models last year.\n"
    )
    run(newsroom)
    assert judged == ["f-visitors"]
    judged.clear()
    os.remove(newsroom / "archive/library/update-01.txt")
    run(newsroom)
    assert judged == ["f-months"]
    assert verdicts(newsroom)["f-months"] == "not_found"


def test_a_rescanned_claim_is_judged_again_and_its_neighbours_are_not(newsroom, judged):
    run(newsroom)
    judged.clear()
    path = newsroom / "claims/drafts/town.yaml"
    data = yamlio.load(path.read_text(), path="town")
    data["claims"][1].update(text="321", sentence=SCHOOL["sentence"].replace("312", "321"), value=321)
    path.write_text(yamlio.dump(data))
    run(newsroom)
    assert judged == ["f-pupils"]
    assert verdicts(newsroom)["f-pupils"] == "contradicted"


def test_review_fields_written_since_keep_the_draft_out_of_the_work(newsroom, judged):
    """A sign-off changes the claims file but not a binding: its verdicts come from the cache."""
    run(newsroom)
    judged.clear()
    path = newsroom / "claims/drafts/town.yaml"
    data = yamlio.load(path.read_text(), path="town")
    data["claims"][0]["reviews"] = [{"by": "desk@example.org", "decision": "approved"}]
    path.write_text(yamlio.dump(data))
    run(newsroom)
    assert judged == []
    assert yamlio.load(path.read_text(), path="town")["claims"][0]["reviews"][0]["decision"] == "approved"


def test_a_new_version_of_the_judging_code_judges_everything_again(newsroom, judged, monkeypatch):
    from factcheck.match import cache

    run(newsroom)
    judged.clear()
    monkeypatch.setattr(cache, "_version", "another-version")
    run(newsroom)
    assert sorted(judged) == ["f-ferries", "f-months", "f-pupils", "f-visitors"]


def test_the_same_claim_in_another_draft_with_the_same_sources_is_not_judged_twice(newsroom, judged):
    path = newsroom / "claims/drafts/town.yaml"
    data = yamlio.load(path.read_text(), path="town")
    run(newsroom)
    judged.clear()
    data["claims"].append(FERRY)
    path.write_text(yamlio.dump(data))
    run(newsroom)
    assert judged == []
    assert verdicts(newsroom)["f-ferries"] == "supported"


def test_the_code_version_comes_from_the_judging_modules_not_the_commands():
    from factcheck.match import cache

    assert len(cache.code_version()) == 32
    assert cache.code_version() == cache.code_version()


def test_progress_is_told_about_indexing_and_judging(newsroom):
    calls = []
    run(newsroom, progress=lambda *a: calls.append(a))
    index = [c for c in calls if c[0] == "index"]
    judge = [c for c in calls if c[0] == "judge"]
    assert index[-1][1:3] == (4, 4) and index[-1][3] == index[-1][4] > 0
    assert [c[1] for c in judge] == [1, 2, 3, 4] and {c[2] for c in judge} == {4}


class _Tty:
    def __init__(self, stream):
        self.stream = stream

    def isatty(self):
        return True

    def __getattr__(self, name):
        return getattr(self.stream, name)


def test_progress_shows_nothing_off_a_terminal_or_when_quiet(monkeypatch, capsys):
    import sys

    from factcheck.output import Progress

    off_terminal = Progress(show=True, delay=0)
    off_terminal("judge", 1, 10)
    monkeypatch.setattr(sys, "stdout", _Tty(sys.stdout))
    monkeypatch.setattr(sys, "stderr", _Tty(sys.stderr))
    quiet = Progress(show=False, delay=0)
    quiet("judge", 1, 10)
    assert off_terminal._bar is None and quiet._bar is None
    assert capsys.readouterr() == ("", "")


def test_progress_on_a_terminal_waits_out_short_steps_then_counts_files_mb_and_claims(monkeypatch, capsys):
    import sys

    from factcheck.output import Progress

    monkeypatch.setattr(sys, "stdout", _Tty(sys.stdout))
    monkeypatch.setattr(sys, "stderr", _Tty(sys.stderr))
    now = [100.0]
    bar = Progress(show=True, delay=1.0)
    bar._clock = lambda: now[0]
    bar("index", 0, 300, 0, 50 * 1048576)
    now[0] += 0.5
    bar("index", 100, 300, 10 * 1048576, 50 * 1048576)
    assert bar._bar is None  # under a second: nothing drawn yet
    now[0] += 1.0
    bar("index", 200, 300, 30 * 1048576, 50 * 1048576)
    task = bar._bar.tasks[0]
    assert task.description == "indexing sources"
    assert task.fields["detail"] == "200/300 files, 30.0/50.0 MB" and task.completed == 30 * 1048576
    now[0] += 1.5
    bar("judge", 5, 880)
    bar("judge", 6, 880)
    now[0] += 1.0
    bar("judge", 7, 880)
    assert bar._bar.tasks[1].fields["detail"] == "7/880 claims"
    bar.close()
    assert bar._bar is None


def test_a_source_moved_in_the_index_counts_as_changed(newsroom, judged):
    """Equally good passages are taken in index order: a source re-indexed with the same
    words (as merging segments does) may change which of them a claim is judged on."""
    import sqlite3

    run(newsroom)
    judged.clear()
    db = sqlite3.connect(newsroom / ".factcheck/index/catalogue.sqlite")
    with db:
        db.execute("UPDATE docs SET doc_id = doc_id + 100 WHERE path = 'archive/library/update-01.txt'")
    db.close()
    run(newsroom)
    assert "f-months" in judged and "f-ferries" not in judged
