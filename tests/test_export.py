"""`factcheck export --format json`: the public contract, checked against a golden file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from factcheck.signoff.rules import claim_fingerprint
from factcheck.store import yamlio
from tests.helpers import run_cli

FILES = {
    "claims/drafts/a.yaml": {
        "draft": "drafts/a.md",
        "reference_date": "2026-01-10",
        "draft_sha256": "0" * 64,
        "claims": [
            {
                "id": "q-1111111111",
                "kind": "quote",
                "text": "We are ready",
                "start": 40,
                "end": 52,
                "line": 5,
                "sentence": "\u201cWe are ready,\u201d said Ana Ruiz.",
                "speaker": "Ana Ruiz",
                "status": "approved",
                "verdict": "supported",
                "evidence": [
                    {
                        "source": "sources/call.vtt",
                        "start": 10,
                        "end": 22,
                        "timestamp": "00:00:03.000",
                        "speaker": "ANA RUIZ",
                        "text": "We are ready",
                        "score": 100.0,
                        "verdict": "supported",
                        "reason": "quote matches the source word for word",
                    }
                ],
                "reviews": [{"by": "ed@example.org", "decision": "approved"}],
            },
            {
                "id": "f-2222222222",
                "kind": "figure",
                "text": "141",
                "start": 80,
                "end": 83,
                "line": 7,
                "sentence": "The depot has 141 buses.",
                "value": 141,
            },
        ],
    },
    "claims/drafts/b.yaml": {
        "draft": "drafts/b.md",
        "reference_date": "2026-01-11",
        "draft_sha256": "1" * 64,
        "claims": [
            {
                "id": "d-3333333333",
                "kind": "date",
                "text": "March 3",
                "start": 12,
                "end": 19,
                "line": 2,
                "sentence": "It opens on March 3.",
                "value": "2026-03-03",
                "status": "rejected",
                "verdict": "contradicted",
                "evidence": [
                    {
                        "source": "sources/plan.pdf",
                        "start": 5,
                        "end": 30,
                        "page": 2,
                        "text": "It opens on May 3.",
                        "score": 93.3,
                        "verdict": "contradicted",
                        "reason": "the source gives 'May 3'",
                    }
                ],
                "reviews": [{"by": "ed@example.org", "decision": "rejected", "note": "the plan says May"}],
            }
        ],
    },
}


def sign_current_words(files: dict) -> None:
    """A sign-off counts only for the words it was given on, as `approve` and `reject` record it."""
    for data in files.values():
        for rec in data["claims"]:
            for r in rec.get("reviews", []):
                r["fingerprint"] = claim_fingerprint(rec)


sign_current_words(FILES)


def make_newsroom(root: Path, files: dict = FILES) -> None:
    (root / ".factcheck.yaml").write_text("")
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(yamlio.dump(data))


def test_export_json_matches_golden(tmp_path, golden):
    make_newsroom(tmp_path)
    result = run_cli("export", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    golden("export.json", result.stdout.decode())


def test_export_defaults_status_and_verdict(tmp_path):
    make_newsroom(tmp_path)
    claims = json.loads(run_cli("export", cwd=tmp_path).stdout)["drafts"][0]["claims"]
    figure = claims[1]
    assert (figure["status"], figure["verdict"], figure["evidence"]) == ("pending", None, [])
    assert "reviews" not in claims[0]


def test_export_reports_a_broken_claims_file_and_exports_the_rest(tmp_path):
    make_newsroom(tmp_path)
    (tmp_path / "claims/drafts/c.yaml").write_text("draft: [unclosed\n")
    result = run_cli("export", cwd=tmp_path)
    assert result.returncode == 2
    assert "claims/drafts/c.yaml" in result.stderr.decode()
    assert [d["path"] for d in json.loads(result.stdout)["drafts"]] == ["drafts/a.md", "drafts/b.md"]


def test_unknown_format_is_a_usage_error(tmp_path):
    make_newsroom(tmp_path)
    assert run_cli("export", "--format", "xml", cwd=tmp_path).returncode == 2


def edited(change) -> dict:
    """A copy of the newsroom's claims files with the first claim changed by hand."""
    files = copy.deepcopy(FILES)
    change(files["claims/drafts/a.yaml"]["claims"][0])
    return files


def test_a_hand_typed_status_without_a_sign_off_exports_as_pending(tmp_path):
    make_newsroom(tmp_path, edited(lambda rec: rec.pop("reviews")))
    result = run_cli("export", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    quote = json.loads(result.stdout)["drafts"][0]["claims"][0]
    assert quote["status"] == "pending"


def test_a_claim_edited_after_its_sign_off_exports_as_stale(tmp_path):
    make_newsroom(tmp_path, edited(lambda rec: rec.update(text="We are set")))
    quote = json.loads(run_cli("export", cwd=tmp_path).stdout)["drafts"][0]["claims"][0]
    assert quote["status"] == "stale"


def test_a_malformed_review_history_is_that_files_error_and_the_rest_is_exported(tmp_path):
    make_newsroom(tmp_path, edited(lambda rec: rec.update(reviews=[{"by": "ed@example.org", "decision": "maybe"}])))
    for fmt in ("json", "csv", "claimreview"):
        result = run_cli("export", "--format", fmt, cwd=tmp_path)
        assert result.returncode == 2, fmt
        assert "claims/drafts/a.yaml" in result.stderr.decode() and "reviews" in result.stderr.decode()
        assert "drafts/a.md" not in result.stdout.decode() and "drafts/b.md" in result.stdout.decode()


def test_every_format_writes_to_a_file_with_o(tmp_path):
    make_newsroom(tmp_path)
    for fmt, check in (("json", json.loads), ("csv", str), ("claimreview", json.loads)):
        out = tmp_path / "out" / f"export.{fmt}"
        out.parent.mkdir(exist_ok=True)
        r = run_cli("export", "--format", fmt, "-o", str(out), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert r.stdout == b""
        check(out.read_text(encoding="utf-8"))
        assert out.read_bytes() == run_cli("export", "--format", fmt, cwd=tmp_path).stdout
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp file left behind


def test_o_where_no_file_can_be_written_is_one_error_line(tmp_path):
    make_newsroom(tmp_path)
    (tmp_path / "nowhere").write_text("a file, not a folder")
    r = run_cli("export", "-o", str(tmp_path / "nowhere" / "x.json"), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and "nowhere/x.json" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_claimreview_with_nothing_signed_off_says_why_on_stderr(tmp_path):
    files = copy.deepcopy(FILES)
    for data in files.values():
        for rec in data["claims"]:
            rec.pop("reviews", None)
    make_newsroom(tmp_path, files)
    r = run_cli("export", "--format", "claimreview", cwd=tmp_path)
    assert r.returncode == 0
    assert json.loads(r.stdout) == []
    assert "none of the 3 claims is approved or rejected yet" in r.stderr.decode()


def test_an_export_of_no_claims_files_says_to_scan(tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("")
    r = run_cli("export", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == {"drafts": []}
    assert "run `factcheck scan`" in r.stderr.decode()


def test_claimreview_names_the_story_by_its_title_without_markdown(tmp_path):
    make_newsroom(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(
        "---\ntitle: Depot *finally* ready\nurl: https://news.example.org/depot\n---\nText.\n"
    )
    r = run_cli("export", "--format", "claimreview", cwd=tmp_path)
    items = json.loads(r.stdout)
    by_draft = {i["identifier"].split("#")[0]: i for i in items}
    assert by_draft["drafts/a.md"]["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "name": "Depot finally ready",
        "url": "https://news.example.org/depot",
    }
    assert by_draft["drafts/b.md"]["itemReviewed"]["appearance"]["name"] == "drafts/b.md"  # no draft: its path
