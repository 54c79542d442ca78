"""`factcheck match` end to end: sources of several formats, verdicts and evidence in the claims file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.store import yamlio
from tests.helpers import run_cli
from tests.sourcefiles import tiny_pdf

BRIEFING = """Harbour council briefing, 4 March 2026

The harbour council voted on Thursday to build a second ferry pier. The pier will cost $6.4 billion over ten years,
the council's finance office said. The old pier has carried 141 ferries a day since it opened.

"We have waited long enough for this pier, and we will not wait another winter," said the council chair, Maren Oduya.
Building starts on 12 May 2026, according to the council's timetable.
"""

TRANSCRIPT = """WEBVTT

00:00:01.000 --> 00:00:05.000
TOM REYES: The ferry company will keep every crossing running during the works.

00:00:05.500 --> 00:00:09.000
Nobody will be left waiting on the quay in the rain.
"""


def claim(cid, kind, text, sentence, **fields):
    return {
        "id": cid,
        "kind": kind,
        "text": text,
        "start": 0,
        "end": len(text),
        "line": 1,
        "sentence": sentence,
        **fields,
    }


CLAIMS = [
    claim(
        "q-ok",
        "quote",
        "We have waited long enough for this pier, and we will not wait another winter,",
        "\u201cWe have waited long enough for this pier, and we will not wait another winter,\u201d said Maren Oduya.",
        speaker="Maren Oduya",
    ),
    claim(
        "q-changed",
        "quote",
        "We have waited long enough for this pier, and we will not wait another summer,",
        "\u201cWe have waited long enough for this pier, and we will not wait another summer,\u201d Oduya said.",
        speaker="Maren Oduya",
    ),
    claim(
        "q-invented",
        "quote",
        "The ferry timetable is a disgrace and everyone on the council knows it",
        "\u201cThe ferry timetable is a disgrace and everyone on the council knows it,\u201d Oduya said.",
        speaker="Maren Oduya",
    ),
    claim(
        "q-speaker",
        "quote",
        "Nobody will be left waiting on the quay in the rain.",
        "\u201cNobody will be left waiting on the quay in the rain,\u201d Oduya promised.",
        speaker="Maren Oduya",
    ),
    claim("f-wrong", "figure", "114", "The old pier has carried 114 ferries a day since it opened.", value=114),
    claim(
        "f-more",
        "figure",
        "more than $6 billion",
        "The pier will cost more than $6 billion over ten years, the council's finance office said.",
        value=6_000_000_000,
        unit="USD",
        qualifier="more than",
    ),
    claim(
        "f-pdf",
        "figure",
        "12 percent",
        "Ticket sales rose by 12 percent last year, the annual report shows.",
        value=12,
        unit="percent",
    ),
    claim(
        "d-wrong",
        "date",
        "12 June 2026",
        "Building starts on 12 June 2026, according to the council's timetable.",
        value="2026-06-12",
    ),
    claim(
        "d-ok",
        "date",
        "12 May 2026",
        "Building starts on 12 May 2026, according to the council's timetable.",
        value="2026-05-12",
    ),
]


@pytest.fixture
def newsroom(tmp_path) -> Path:
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / ".factcheck.yaml").write_text("")
    (root / "sources/briefing.txt").write_text(BRIEFING)
    (root / "sources/ferry-call.vtt").write_text(TRANSCRIPT)
    (root / "sources/report.pdf").write_bytes(
        tiny_pdf(["Annual report of the ferry company.", "Ticket sales rose by 12 percent last year."])
    )
    (tmp_path / "elsewhere.txt").write_text("Ticket sales rose by 12 percent last year.")
    (root / "drafts/pier.md").write_text(
        "---\ndate: 2026-03-05\nsources:\n  - sources/*.txt\n  - sources/ferry-call.vtt\n  - sources/report.pdf\n"
        "  - sources/gone.txt\n  - ../elsewhere.txt\n---\nThe body of the draft.\n"
    )
    record = {"draft": "drafts/pier.md", "reference_date": "2026-03-05", "draft_sha256": None, "claims": CLAIMS}
    (root / "claims/drafts").mkdir(parents=True)
    (root / "claims/drafts/pier.yaml").write_text(yamlio.dump(record))
    return root


def verdicts(root: Path) -> dict:
    data = yamlio.load((root / "claims/drafts/pier.yaml").read_text(), path="x")
    return {c["id"]: c for c in data["claims"]}


def test_match_gives_each_claim_a_verdict_with_evidence(newsroom):
    result = run_cli("match", cwd=newsroom)
    err = result.stderr.decode()
    assert result.returncode == 2, err  # two bad source entries
    assert "sources/gone.txt" in err and "../elsewhere.txt" in err
    assert len(err.strip().splitlines()) == 2
    assert "drafts/pier.md:" in result.stdout.decode()
    got = verdicts(newsroom)
    expected = {
        "q-ok": "supported",
        "q-changed": "contradicted",
        "q-invented": "not_found",
        "q-speaker": "contradicted",
        "f-wrong": "contradicted",
        "f-more": "supported",
        "f-pdf": "supported",
        "d-wrong": "contradicted",
        "d-ok": "supported",
    }
    assert {k: v["verdict"] for k, v in got.items()} == expected


def test_evidence_carries_location_reason_and_diff(newsroom):
    run_cli("match", cwd=newsroom)
    got = verdicts(newsroom)
    changed = got["q-changed"]["evidence"][0]
    assert changed["source"] == "sources/briefing.txt"
    assert "[-winter-] {+summer+}" in changed["diff"]
    assert BRIEFING[changed["start"] : changed["end"]].startswith("We have waited")
    spoken = got["q-speaker"]["evidence"][0]
    assert spoken["timestamp"] == "00:00:05.500"
    assert spoken["speaker"] == "TOM REYES"
    assert spoken["reason"].startswith("the source has TOM REYES saying this, the draft has Maren Oduya")
    assert spoken["verdict"] == "contradicted"
    assert got["f-pdf"]["evidence"][0]["page"] == 2
    assert "141" in got["f-wrong"]["evidence"][0]["reason"]
    assert got["q-invented"]["evidence"] == []


def test_match_keeps_review_fields_and_check_flag_reports_findings(newsroom):
    path = newsroom / "claims/drafts/pier.yaml"
    data = yamlio.load(path.read_text(), path="x")
    data["claims"][0]["status"] = "approved"
    path.write_text(yamlio.dump(data))
    (newsroom / "drafts/pier.md").write_text("---\nsources: sources/briefing.txt\n---\nBody.\n")
    assert run_cli("match", cwd=newsroom).returncode == 0
    assert run_cli("match", "--check", cwd=newsroom).returncode == 1
    assert verdicts(newsroom)["q-ok"]["status"] == "approved"


def test_match_then_export(newsroom):
    run_cli("match", cwd=newsroom)
    out = json.loads(run_cli("export", "--format", "json", cwd=newsroom).stdout)
    claims = out["drafts"][0]["claims"]
    assert out["drafts"][0]["path"] == "drafts/pier.md"
    assert claims[0]["verdict"] == "supported" and claims[0]["status"] == "pending"
    assert set(claims[0]["evidence"][0]) >= {"source", "start", "end", "text", "score"}


def test_bad_sources_are_named_and_the_rest_still_used(newsroom):
    from factcheck.config import load_config
    from factcheck.match import match
    from tests.sourcefiles import encrypted_pdf

    (newsroom / "sources/locked.pdf").write_bytes(encrypted_pdf(["Ticket sales rose by 12 percent last year."]))
    (newsroom / "sources/app.html").write_text("<html><script>" + "x();\n" * 400 + "</script><body></body></html>")
    (newsroom / "sources/huge.txt").write_text("The old pier has carried 141 ferries a day. " * 25000)
    (newsroom / "drafts/pier.md").write_text("---\nsources:\n  - sources/*\n---\nBody.\n")
    with open(newsroom / ".factcheck.yaml", "a", encoding="utf-8") as fh:
        fh.write("limits:\n  source_mb: 1\n")
    run = match(load_config(newsroom))
    messages = sorted(str(e) for e in run.source_errors)
    assert [m.split(":")[0] for m in messages] == ["sources/app.html", "sources/huge.txt", "sources/locked.pdf"]
    assert "encrypted" in messages[2] and "scripts" in messages[0] and "too large" in messages[1]
    assert run.failed
    got = verdicts(newsroom)
    assert got["f-wrong"]["verdict"] == "contradicted"  # briefing.txt still used
    assert got["f-wrong"]["evidence"][0]["source"] == "sources/briefing.txt"


def test_attribution_supported_when_the_named_source_is_beside_the_passage(newsroom):
    path = newsroom / "claims/drafts/pier.yaml"
    data = yamlio.load(path.read_text(), path="x")
    sentence = "The pier will cost $6.4 billion over ten years, the council's finance office said."
    data["claims"] = [
        claim(
            "a-ok",
            "attribution",
            "the council's finance office said",
            sentence,
            attributed_to="the council's finance office",
        ),
        claim(
            "a-no",
            "attribution",
            "the ferry company said",
            sentence.replace("the council's finance office", "the ferry company"),
            attributed_to="the ferry company",
        ),
    ]
    path.write_text(yamlio.dump(data))
    (newsroom / "drafts/pier.md").write_text("---\nsources: sources/briefing.txt\n---\nBody.\n")
    run_cli("match", cwd=newsroom)
    got = verdicts(newsroom)
    assert got["a-ok"]["verdict"] == "supported"
    assert got["a-no"]["verdict"] == "not_found"


def test_relative_dates_in_a_source_are_read_against_its_own_date(newsroom):
    (newsroom / "sources/2026-03-02-minutes.txt").write_text("The council met on Monday to approve the second pier.\n")
    path = newsroom / "claims/drafts/pier.yaml"
    data = yamlio.load(path.read_text(), path="x")
    data["claims"] = [
        claim("d-rel", "date", "March 2", "The council met on March 2 to approve the second pier.", value="2026-03-02"),
        claim("d-bad", "date", "March 9", "The council met on March 9 to approve the second pier.", value="2026-03-09"),
    ]
    path.write_text(yamlio.dump(data))
    (newsroom / "drafts/pier.md").write_text("---\nsources: sources/2026-03-02-minutes.txt\n---\nBody.\n")
    run_cli("match", cwd=newsroom)
    got = verdicts(newsroom)
    assert (got["d-rel"]["verdict"], got["d-bad"]["verdict"]) == ("supported", "contradicted")


def test_sources_index_command_reports_counts(newsroom):
    result = run_cli("sources", "index", cwd=newsroom)
    assert result.returncode == 2  # the draft lists two bad entries
    assert "3 sources indexed; 3 read anew" in result.stdout.decode()
    again = run_cli("sources", "index", cwd=newsroom)
    assert "0 read anew" in again.stdout.decode()


def test_evidence_offsets_cut_the_passage_out_of_the_source(newsroom):
    run_cli("match", cwd=newsroom)
    for cid in ("f-wrong", "d-ok", "q-ok"):
        ev = verdicts(newsroom)[cid]["evidence"][0]
        assert " ".join(BRIEFING[ev["start"] : ev["end"]].split()) == ev["text"]


def test_a_draft_reaching_itself_or_another_draft_as_a_source_is_an_error(newsroom):
    (newsroom / "drafts/pier.md").write_text("---\nsources:\n  - drafts/*.md\n  - sources/briefing.txt\n---\nBody.\n")
    result = run_cli("match", cwd=newsroom)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.strip().splitlines() == [
        "factcheck: error: drafts/pier.md: its sources reach drafts/pier.md, selected as a draft; a draft cannot be a source"
    ]
    assert "verdict" not in json.dumps(verdicts(newsroom))


def test_a_bug_judging_one_claim_names_the_draft_and_claim_and_the_rest_are_judged(newsroom, monkeypatch):
    (newsroom / "drafts/pier.md").write_text("---\nsources: sources/briefing.txt\n---\nBody.\n")
    import factcheck.match.judge as judge_mod

    real = judge_mod.judge_value

    def broken(claim, ctx):
        if claim["id"] == "f-wrong":
            raise ValueError("boom")
        return real(claim, ctx)

    from factcheck import match as match_mod
    from factcheck.config import load_config

    monkeypatch.chdir(newsroom)
    monkeypatch.setattr(judge_mod, "judge_value", broken)
    run = match_mod.match(load_config(), None)
    errors = [str(e) for o in run.outcomes for e in o.errors]
    assert errors == ["drafts/pier.md: internal error judging claim f-wrong: ValueError: boom"]
    assert run.outcomes[0].errors[0].exit_code == 3
    got = verdicts(newsroom)
    assert "verdict" not in got["f-wrong"]
    assert got["q-ok"]["verdict"] == "supported" and got["d-wrong"]["verdict"] == "contradicted"
