"""One CSV row per claim, with stable columns."""

from __future__ import annotations

import csv
import io

from factcheck.render import csv_export
from tests.report_newsroom import LIBRARY_DRAFT, library_claims


def rows(drafts):
    return list(csv.DictReader(io.StringIO(csv_export.render(drafts), newline="")))


def library():
    return [{"path": "drafts/library.md", "claims": library_claims(LIBRARY_DRAFT)}]


def test_header_is_the_documented_column_list():
    text = csv_export.render([])
    assert text == ",".join(csv_export.COLUMNS) + "\r\n"
    assert csv_export.COLUMNS[:4] == ("draft", "line", "claim_id", "kind")


def test_one_row_per_claim_in_draft_order():
    got = rows(library())
    assert [r["claim_id"] for r in got] == [c["id"] for c in library_claims(LIBRARY_DRAFT)]
    assert {r["draft"] for r in got} == {"drafts/library.md"}


def test_row_carries_verdict_evidence_and_latest_review():
    quote, figure = rows(library())[2], rows(library())[1]
    assert quote["state"] == "contradicted" and quote["status"] == "pending"
    assert quote["source"] == "sources/council-minutes.txt"
    assert quote["evidence_text"].startswith("People told us the library is the only warm, safe place")
    assert quote["score"] == "97.0" and quote["location"] == "chars 0-81"
    assert quote["reviewed_by"] == "" and quote["review_count"] == "0"
    assert figure["value"] == "240000" and figure["unit"] == "USD"
    assert figure["reviewed_by"] == "desk@example.org" and figure["decision"] == "approved"
    assert figure["note"] == "matches the minutes" and figure["review_count"] == "1"


def test_text_a_spreadsheet_would_run_is_defused():
    claims = [
        {
            "id": "x",
            "kind": "quote",
            "text": '=HYPERLINK("http://x")',
            "sentence": "+1",
            "speaker": "@me",
            "value": -5,
            "reviews": [{"note": "-2+3", "by": "\tz", "decision": "rejected"}],
        }
    ]
    row = rows([{"path": "d.md", "claims": claims}])[0]
    assert row["text"] == '\'=HYPERLINK("http://x")'
    assert row["sentence"] == "'+1" and row["speaker"] == "'@me"
    assert row["note"] == "'-2+3" and row["reviewed_by"] == "'\tz"
    assert row["value"] == "-5"  # a number stays a number


def test_commas_quotes_and_newlines_survive_a_round_trip():
    claims = [
        {"id": "q", "kind": "quote", "text": 'He said "no", twice', "sentence": "Line one\nline two, with a comma"}
    ]
    row = rows([{"path": "d.md", "claims": claims}])[0]
    assert row["text"] == 'He said "no", twice'
    assert row["sentence"] == "Line one\nline two, with a comma"


def test_page_and_timestamp_go_into_the_location():
    claims = [
        {"id": "q", "evidence": [{"source": "s.pdf", "page": 3, "timestamp": "00:04:12.500", "start": 5, "end": 9}]}
    ]
    assert rows([{"path": "d.md", "claims": claims}])[0]["location"] == "page 3, 00:04:12.500, chars 5-9"


def test_export_command_writes_the_csv(tmp_path):
    from tests.helpers import run_cli
    from tests.report_newsroom import make_newsroom

    root = make_newsroom(tmp_path / "newsroom")
    r = run_cli("export", "--format", "csv", cwd=root)
    assert r.returncode == 0, r.stderr
    got = list(csv.DictReader(io.StringIO(r.stdout.decode(), newline="")))
    assert len(got) == 7 and got[1]["state"] == "approved"


def test_status_comes_from_the_review_history_not_a_hand_typed_line():
    claims = library_claims(LIBRARY_DRAFT)
    figure = claims[1]
    assert rows([{"path": "d.md", "claims": claims}])[1]["status"] == "approved"
    del figure["reviews"]  # `status: approved` is left behind, signed off by nobody
    row = rows([{"path": "d.md", "claims": claims}])[1]
    assert (row["status"], row["state"], row["decision"]) == ("pending", "supported", "")


def test_a_claim_edited_since_its_sign_off_is_stale():
    claims = library_claims(LIBRARY_DRAFT)
    claims[1]["text"] = "$250,000"
    row = rows([{"path": "d.md", "claims": claims}])[1]
    assert (row["status"], row["state"]) == ("stale", "stale")
