"""Story-relative date phrases: listed by `extract`, signed off only when their sentence states a year."""

import datetime as dt
import json

from gitnewsroom import EDITOR, WRITER, newsroom, scanned  # noqa: F401

from factcheck.extract import editorial, extract_claims, find_all

REF = dt.date(2025, 3, 14)


def _dates(text, for_editors):
    claims = extract_claims(text, reference_date=REF)
    if for_editors:
        claims = editorial.for_editors(claims)
    return [c.text for c in claims if c.kind.value == "date"]


def test_a_phrase_counting_from_another_moment_is_no_claim_without_a_year():
    text = "Ticket sales climbed 8 percent on a year earlier. The season before, the club had sold out twice."
    assert "a year earlier" in _dates(text, for_editors=False)
    assert _dates(text, for_editors=True) == []


def test_the_same_phrase_stays_a_claim_when_its_sentence_states_a_year():
    text = "The ferry line opened in 2016, and the previous year its owners had bought two boats."
    assert "the previous year" in _dates(text, for_editors=True)


def test_phrases_that_count_from_the_day_the_story_runs_stay_claims():
    for phrase in ("last year", "two years ago", "earlier this year", "next month"):
        text = f"The library reopened {phrase}, the mayor's office said."
        assert _dates(text, for_editors=True), phrase


def test_a_phrase_that_names_a_date_stays_a_claim():
    assert not editorial.needs_no_sign_off("date", "the following Monday", "No year here.")
    assert not editorial.needs_no_sign_off("date", "later in June", "No year here.")
    assert editorial.needs_no_sign_off("date", "three weeks later", "No year here.")
    assert not editorial.needs_no_sign_off("figure", "a year earlier", "No year here.")


def test_a_figure_that_looks_like_a_year_is_no_stated_year():
    assert editorial.needs_no_sign_off("date", "the year before", "Costs were 2,015 pounds the year before.")


def _real_extraction(monkeypatch):
    from factcheck import extract

    monkeypatch.setattr(extract, "find_all", find_all)


DRAFT = """\
---
date: 2026-01-04
---
# Depot homes

Rents in the town rose 6 percent on a year earlier, the council said.
"""


def test_scan_writes_no_claim_for_the_phrase_and_extract_still_lists_it(newsroom, monkeypatch):
    _real_extraction(monkeypatch)
    room = scanned(newsroom, DRAFT)
    texts = [c["text"] for c in room.claims()]
    assert "6 percent" in texts and "a year earlier" not in texts
    listed = room.run("extract", "drafts/vote.md", "--format", "json")
    texts = [c["text"] for c in json.loads(listed.stdout)["files"][0]["claims"]]
    assert "a year earlier" in texts


def test_gate_a_base_that_approved_the_phrase_does_not_see_it_vanish(newsroom, monkeypatch):
    _real_extraction(monkeypatch)
    # the base was scanned and approved when such phrases were still claims
    with monkeypatch.context() as old_rules:
        old_rules.setattr(editorial, "needs_no_sign_off", lambda kind, text, sentence: False)
        room = scanned(newsroom, DRAFT)
        ids = [c["id"] for c in room.claims()]
        assert any(c["text"] == "a year earlier" for c in room.claims())
        assert room.run("approve", "drafts/vote.md", *ids, who=EDITOR).exit_code == 0
    room.git("checkout", "-q", "-b", "story")
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Rescan")
    assert "a year earlier" not in [c["text"] for c in room.claims()]
    result = room.run("check", "--base", "main", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert result.exit_code == 0, findings
    assert not [f for f in findings if f["kind"] == "vanished"]
