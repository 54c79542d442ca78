"""Confidential and embargoed sources, end to end on real temporary git repositories.

Unique marker words are planted in a protected source: in its text, its folder, its
file name, and its sidecar's URL and publisher. Every CI-facing output (`check` in each
format and the step summary, `report --for-ci`, each `export` format) and every file
the newsroom commits, with its whole history, must hold none of them, while the local
`show` and `report` still show the passage, marked. An embargoed source behaves the
same until its time, and shows in the clear after it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sqlite3

import pytest

from tests.gitnewsroom import EDITOR, WRITER, Newsroom

# In the source's text, its folder, its file name, its sidecar's URL and publisher.
TEXT_MARKERS = ("Vexmorrow", "Brimblecombe")
MARKERS = TEXT_MARKERS + ("kestrelvault", "zanthorpe", "ospreyhollow", "Quillfeather")

PROTECTED = "sources/protected/kestrelvault/leak-zanthorpe-memo.txt"

LEAKED_MEMO = """\
Internal memo, not for circulation.

The council approved 114 new homes on the old depot site, according to Vexmorrow Lindqvist of the planning office.

Dana Okafor told staff: "We will start building in spring," and Brimblecombe agreed.
"""

MINUTES = """\
Minutes of the finance committee.

The scheme will cost 12 million pounds over three years, the treasurer said.
"""

EMBARGO_ENDS = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)

SIDECARS = {
    "sidecar": "confidential: true\n",
    "embargo": "embargoed: 2026-12-05T09:00:00Z\n",
}


def draft_text(how: str) -> str:
    entry = "  - sources/protected/**\n"
    if how == "front matter":
        entry = "  - path: sources/protected/**\n    confidential: true\n"
    return (
        "---\ndate: 2026-03-02\nsources:\n  - sources/minutes.txt\n" + entry + "---\n"
        "# Depot homes plan\n\n"
        "The council approved 114 new homes on the old depot site.\n\n"
        '"We will start building in spring," said Dana Okafor, the council leader.\n\n'
        "The scheme will cost 12 million pounds over three years.\n"
    )


def config_text(how: str) -> str:
    text = "reviewers:\n  - ed@example.org\n"
    if how == "config":
        text += "confidential:\n  - sources/protected/**\n"
    if how == "config embargo":
        text += "embargoed:\n  sources/protected/**: 2026-12-05T09:00:00Z\n"
    return text


@pytest.fixture
def room(tmp_path, monkeypatch) -> Newsroom:
    from factcheck.policy import sensitivity
    from factcheck.signoff import record

    ticks = itertools.count()
    monkeypatch.setattr(record, "now_utc", lambda: f"2026-03-02T11:{next(ticks) // 60:02d}:{next(ticks) % 60:02d}Z")
    monkeypatch.setattr(sensitivity, "utc_now", lambda: EMBARGO_ENDS - dt.timedelta(hours=1))
    return Newsroom(tmp_path, monkeypatch)


def set_clock(monkeypatch, moment: dt.datetime) -> None:
    from factcheck.policy import sensitivity

    monkeypatch.setattr(sensitivity, "utc_now", lambda: moment)


def story(room: Newsroom, how: str) -> Newsroom:
    """A story on a branch, matched against a protected source (kept out of git) and an
    open one, committed, and its supported claims approved by the editor."""
    room.write(".factcheck.yaml", config_text(how))
    room.write(".gitignore", ".factcheck/\nsources/protected/\n")
    room.commit("Newsroom rules")
    room.git("checkout", "-q", "-b", "depot-story")
    room.write(PROTECTED, LEAKED_MEMO)
    sidecar = SIDECARS.get(how, "")
    room.write(
        PROTECTED + ".source.yaml",
        sidecar + "url: https://ospreyhollow.example/memo\npublisher: Quillfeather Bulletin\n",
    )
    room.write("sources/minutes.txt", MINUTES)
    room.write("drafts/depot.md", draft_text(how))
    for args in (("scan", "-q"), ("match",)):
        result = room.run(*args, who=WRITER)
        assert result.exit_code == 0, result.output
    room.commit("Depot story, scanned and matched")
    result = room.run("approve", "drafts/depot.md", "--all-supported", who=EDITOR)
    assert result.exit_code == 0, result.output
    return room


def ci_outputs(room: Newsroom, tmp_path, monkeypatch) -> dict[str, str]:
    """Every CI-facing output, by name."""
    out: dict[str, str] = {}
    for base in ((), ("--base", "main")):
        for fmt in ("text", "json", "github", "sarif"):
            summary = tmp_path / f"summary-{fmt}-{len(base)}.md"
            monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
            result = room.run("check", *base, "--format", fmt)
            assert result.exit_code in (0, 1), result.output
            out[f"check {fmt} {base}"] = result.output
            if summary.exists():
                out[f"step summary {base}"] = summary.read_text(encoding="utf-8")
        monkeypatch.delenv("GITHUB_STEP_SUMMARY")
        page = tmp_path / f"report-{len(base)}.html"
        result = room.run("report", "--for-ci", *base, "-o", str(page))
        assert result.exit_code == 0, result.output
        out[f"report --for-ci {base}"] = result.output + page.read_text(encoding="utf-8")
    assert "step summary ()" in out
    for fmt in ("json", "claimreview", "csv"):
        result = room.run("export", "--format", fmt)
        assert result.exit_code == 0, result.output
        out[f"export {fmt}"] = result.output
    return out


def committed(room: Newsroom) -> str:
    """Every committed file on every branch, with its whole history."""
    return room.git("log", "--all", "-p", "--no-color", "--format=%H %an %s%n%b") + room.git("ls-files")


def leaks(text: str) -> list[str]:
    return [m for m in MARKERS if m.lower() in text.lower()]


@pytest.mark.slow
@pytest.mark.parametrize("how", ["sidecar", "front matter", "config", "embargo", "config embargo"])
def test_no_marker_of_a_protected_source_leaves_the_machine(room, how, tmp_path, monkeypatch):
    story(room, how)
    evidence = [ev for c in room.claims("drafts/depot.md") for ev in c.get("evidence") or []]
    sealed = [ev for ev in evidence if ev["source"] == "a confidential source"]
    # the protected memo did back claims, and the open minutes stayed in the clear
    assert sealed and all(set(ev) <= {"source", "sealed", "score", "verdict"} for ev in sealed)
    assert any(ev["source"] == "sources/minutes.txt" and "treasurer" in ev["text"] for ev in evidence)
    assert any(
        r["bound"].get("source") == "a confidential source"
        for c in room.claims("drafts/depot.md")
        for r in c.get("reviews") or []
    )

    outputs = ci_outputs(room, tmp_path, monkeypatch)
    found = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert found == {}
    assert "a confidential source" in outputs["export json"] and "a confidential source" in outputs["export csv"]
    assert leaks(committed(room)) == []
    # the verdict cache keeps no passage of it either
    cache = sqlite3.connect(room.repo / ".factcheck/verdicts.sqlite")
    kept = json.dumps(cache.execute("SELECT * FROM verdicts").fetchall())
    assert not [m for m in TEXT_MARKERS if m in kept]

    # on the reporter's machine the passage is shown, marked
    shown = room.run("show", "drafts/depot.md").output
    assert "Vexmorrow" in shown and "do not publish]" in shown
    page = tmp_path / "local.html"
    assert room.run("report", "-o", str(page)).exit_code == 0
    assert "Vexmorrow" in page.read_text() and "do not publish" in page.read_text()


def _page_counts(page_html: str) -> dict[str, int]:
    data = re.search(r'<script type="application/json" id="factcheck-data">(.*?)</script>', page_html, re.S)
    assert data is not None
    return json.loads(data.group(1))["counts"]


def test_a_claim_approved_on_a_sealed_passage_reads_approved_where_the_passage_is_shown(room, tmp_path):
    """`show` and the local report put the sealed passage back, naming its file; the
    sign-off was made on the claims file, which names "a confidential source". The claim
    is approved in both, as the gate reads it, and not stale."""
    story(room, "config")
    stored = {c["id"]: c for c in room.claims("drafts/depot.md")}
    on_sealed = [
        cid for cid, c in stored.items() if (c.get("evidence") or [{}])[0].get("source") == "a confidential source"
    ]
    approved = [cid for cid, c in stored.items() if c.get("status") == "approved"]
    assert on_sealed and set(on_sealed) <= set(approved)

    shown = room.run("show", "drafts/depot.md")
    assert shown.exit_code == 0, shown.output
    headers = {
        line.split()[0]: line for line in shown.output.splitlines() if line.split()[:1] and line.split()[0] in stored
    }
    assert "Vexmorrow" in shown.output  # the passage is shown, from this machine's vault
    assert {cid: headers[cid].rsplit(" ", 1)[-1] for cid in approved} == {cid: "[approved]" for cid in approved}
    assert "[stale]" not in shown.output and "changed since sign-off" not in shown.output
    one = room.run("show", "drafts/depot.md", on_sealed[0])
    assert one.output.splitlines()[0].endswith("[approved]")

    local, shared = tmp_path / "local.html", tmp_path / "shared.html"
    assert room.run("report", "-o", str(local)).exit_code == 0
    assert room.run("report", "--for-ci", "-o", str(shared)).exit_code == 0
    assert "Vexmorrow" in local.read_text(encoding="utf-8")
    counts = _page_counts(local.read_text(encoding="utf-8"))
    assert counts["stale"] == 0 and counts["approved"] == len(approved)
    assert counts == _page_counts(shared.read_text(encoding="utf-8"))


@pytest.mark.parametrize("how", ["embargo", "config embargo"])
def test_an_embargoed_source_shows_once_its_time_has_passed(room, how, tmp_path, monkeypatch):
    story(room, how)
    assert "Vexmorrow" not in room.run("export", "--format", "json").output
    set_clock(monkeypatch, EMBARGO_ENDS + dt.timedelta(minutes=1))
    assert room.run("match", who=WRITER).exit_code == 0
    exported = room.run("export", "--format", "json").output
    assert "Vexmorrow" in exported and "kestrelvault" in exported
    assert "a confidential source" not in exported
    shown = room.run("show", "drafts/depot.md").output
    assert "do not publish" not in shown


def test_marking_a_source_after_matching_seals_it_at_the_next_match(room, tmp_path, monkeypatch):
    story(room, "none")
    assert "Vexmorrow" in room.read("claims/drafts/depot.yaml")  # not marked yet: in the clear
    room.write(".factcheck.yaml", config_text("config"))
    # until it is matched again, CI outputs conceal it, and the gate says the claims file exposes it
    outputs = ci_outputs(room, tmp_path, monkeypatch)
    found = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert found == {}
    gate = room.run("check", "--format", "json")
    exposed = [f for f in json.loads(gate.output)["findings"] if f["kind"] == "exposed"]
    assert exposed and all(f["path"] == "claims/drafts/depot.yaml" for f in exposed)
    assert room.run("match", who=WRITER).exit_code == 0
    # the evidence is sealed; the earlier sign-offs keep the path they were bound to, as decisions are never rewritten
    evidence = [ev for c in room.claims("drafts/depot.md") for ev in c.get("evidence") or []]
    assert leaks(json.dumps(evidence)) == [] and not [
        m for m in TEXT_MARKERS if m in room.read("claims/drafts/depot.yaml")
    ]
    gate = json.loads(room.run("check", "--format", "json").output)["findings"]
    assert not [f for f in gate if f["kind"] == "exposed"]
    # the sign-offs were bound to the source by its path: they turn stale, and say so without naming it
    assert [f for f in gate if f["kind"] == "stale"]
    outputs = ci_outputs(room, tmp_path, monkeypatch)
    assert {name: leaks(text) for name, text in outputs.items() if leaks(text)} == {}


def test_a_bad_mark_is_one_line_naming_the_file(room):
    room.write("sources/minutes.txt", MINUTES)
    room.write(
        "drafts/depot.md",
        draft_text("none").replace(
            "  - sources/protected/**\n", "  - path: sources/minutes.txt\n    embargoed: next tuesday\n"
        ),
    )
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    result = room.run("match", who=WRITER)
    assert result.exit_code == 2
    assert "drafts/depot.md" in result.output and "embargoed" in result.output and "Traceback" not in result.output
    room.write(
        "drafts/depot.md",
        room.read("drafts/depot.md").replace("  - path: sources/minutes.txt\n", "  - confidential: true\n"),
    )
    result = room.run("check")
    assert (
        result.exit_code == 2
        and "drafts/depot.md: front matter `sources:`: an entry written as a mapping needs `path:`" in result.output
    )
    room.write(".factcheck.yaml", "confidential: 3\n")
    result = room.run("check")
    assert result.exit_code == 2 and ".factcheck.yaml:1: `confidential` must be a list" in result.output


# --- the pieces, on their own -------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, path, hit",
    [
        ("sources/protected/**", "sources/protected/a/b/memo.pdf", True),
        ("sources/protected", "sources/protected/memo.pdf", True),
        ("sources/protected/", "sources/protected-not/memo.pdf", False),
        ("sources/*.txt", "sources/tip.txt", True),
        ("sources/*.txt", "sources/deeper/tip.txt", False),
        ("**/leak-*.pdf", "leak-1.pdf", True),
        ("**/leak-*.pdf", "a/b/leak-2.pdf", True),
        ("./sources/tip?.txt", "sources/tip7.txt", True),
        ("sources/[!a]*.txt", "sources/brief.txt", True),
        ("sources/[!a]*.txt", "sources/alpha.txt", False),
        ("sources/(x)+.txt", "sources/(x)+.txt", True),
    ],
)
def test_globs_name_sources_as_the_docs_say(pattern, path, hit):
    from factcheck.policy.sensitivity import glob_regex

    assert (glob_regex(pattern).fullmatch(path) is not None) is hit


def test_an_embargo_end_is_read_as_utc_in_every_form():
    from factcheck.errors import DataError
    from factcheck.policy.sensitivity import parse_moment

    want = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)
    for value in (
        "2026-12-05T09:00:00Z",
        "2026-12-05T10:00:00+01:00",
        "2026-12-05 09:00",
        dt.datetime(2026, 12, 5, 9, 0),
    ):
        assert parse_moment(value, path="x") == want
    assert parse_moment(dt.date(2026, 12, 5), path="x") == want.replace(hour=0)
    for bad in ("next tuesday", "", 42, None):
        with pytest.raises(DataError, match="must be a date and time"):
            parse_moment(bad, path="x")


def test_marks_add_up_and_an_embargo_ends_on_time():
    from factcheck.policy.sensitivity import Mark

    early, late = EMBARGO_ENDS, EMBARGO_ENDS + dt.timedelta(days=1)
    both = Mark(embargoed=early) | Mark(embargoed=late)
    assert both.embargoed == late
    assert both.sealed_at(late - dt.timedelta(seconds=1)) and not both.sealed_at(late)
    assert (Mark(embargoed=early) | Mark(confidential=True)).sealed_at(late + dt.timedelta(days=999))
    assert Mark(embargoed=early).label(early - dt.timedelta(hours=1)) == "embargoed until 2026-12-05 09:00 UTC"


def test_a_sidecar_that_cannot_be_read_seals_its_source(tmp_path):
    from factcheck.policy.sensitivity import Sidecars, SourcePolicy

    (tmp_path / "sources").mkdir()
    for name, sidecar in (
        ("open.txt", "url: https://example.org/a\n"),
        ("broken.txt", "confidential: [unclosed\n"),
        ("plain.txt", None),
    ):
        (tmp_path / "sources" / name).write_text("text\n")
        if sidecar is not None:
            (tmp_path / "sources" / f"{name}.source.yaml").write_text(sidecar)
    policy = SourcePolicy((), Sidecars(tmp_path))
    assert [p for p in ("sources/open.txt", "sources/broken.txt", "sources/plain.txt") if policy.sealed(p)] == [
        "sources/broken.txt"
    ]


def test_the_vault_gives_one_key_per_passage_on_a_machine_and_keeps_it_private(tmp_path):
    import stat

    from factcheck.policy.sensitivity import Mark, Vault, reveal

    record = {
        "source": PROTECTED,
        "start": 3,
        "end": 9,
        "text": "Vexmorrow said so",
        "score": 97.0,
        "verdict": "supported",
    }
    vault = Vault(tmp_path / "state")
    first = vault.seal(record, Mark(confidential=True))
    again = vault.seal(dict(record), Mark(confidential=True))
    vault.close()
    assert first == again and first["source"] == "a confidential source" and leaks(json.dumps(first)) == []
    assert stat.S_IMODE((tmp_path / "state" / "confidential.sqlite").stat().st_mode) == 0o600
    other = Vault(tmp_path / "elsewhere")  # another machine: another secret, another key
    assert other.seal(record, Mark(confidential=True))["sealed"] != first["sealed"]
    other.close()
    shown = reveal(tmp_path / "state", [{"id": "f-1", "evidence": [first]}])
    assert (
        shown[0]["evidence"][0]["text"] == "Vexmorrow said so"
        and shown[0]["evidence"][0]["sealed_as"] == "confidential"
    )
    assert reveal(tmp_path / "elsewhere", [{"id": "f-1", "evidence": [first]}])[0]["evidence"] == [first]


def test_sources_add_marks_the_sidecar_and_keeps_the_name_out_of_the_draft(room, tmp_path):
    from factcheck.store import yamlio

    tip = tmp_path / "outside" / "zanthorpe-tip.txt"
    tip.parent.mkdir()
    tip.write_text(LEAKED_MEMO)
    room.write("drafts/depot.md", draft_text("none"))
    refused = room.run("sources", "add", str(tip), "--confidential", "--draft", "drafts/depot.md", who=WRITER)
    assert refused.exit_code == 2 and "not listed by name in a draft" in refused.output
    assert not (room.repo / "sources/zanthorpe-tip.txt").exists() and "zanthorpe" not in room.read("drafts/depot.md")

    added = room.run("sources", "add", str(tip), "--embargoed", "2026-12-05T09:00:00Z", who=WRITER)
    assert added.exit_code == 0, added.output
    side = yamlio.load(room.read("sources/zanthorpe-tip.txt.source.yaml"), path="x")
    assert side["embargoed"] == "2026-12-05T09:00:00Z" and side["sha256"] and "confidential" not in side
    again = room.run("sources", "add", str(tip), "--confidential", who=WRITER)  # already there: the mark is added
    assert again.exit_code == 0 and "already there" in again.output and "marked confidential" in again.output
    side = yamlio.load(room.read("sources/zanthorpe-tip.txt.source.yaml"), path="x")
    assert side["confidential"] is True and side["embargoed"] == "2026-12-05T09:00:00Z"

    bad = room.run("sources", "add", str(tip), "--embargoed", "soon", who=WRITER)
    assert bad.exit_code == 2 and "--embargoed: `embargoed` must be a date and time" in bad.output
