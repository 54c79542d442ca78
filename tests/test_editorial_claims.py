"""Story-relative date phrases: listed by `extract`, signed off only when their sentence states a year."""

import datetime as dt
import json

from factcheck.extract import editorial, extract_claims, find_all
from tests.gitnewsroom import EDITOR, WRITER, scanned

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


def test_the_length_of_a_period_is_signed_off_once_on_its_date():
    text = "The pier reopened two years ago after repairs that took 14 months, the council said."
    listed = [(c.kind.value, c.text) for c in extract_claims(text, reference_date=REF)]
    signed = [(c.kind.value, c.text) for c in editorial.for_editors(extract_claims(text, reference_date=REF))]
    assert ("figure", "two years") in listed and ("figure", "two years") not in signed
    assert ("date", "two years ago") in signed and ("figure", "14 months") in signed


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


# --- a lone year: one claim with both readings --------------------------------------------


def test_a_lone_year_is_one_date_claim_carrying_its_figure_reading():
    text = "The tram line opened in 2011 and carried 40,000 riders a day by March 2013."
    listed = extract_claims(text, reference_date=REF)
    year_readings = [(c.kind.value, c.figure) for c in listed if c.text == "2011"]
    assert year_readings == [("date", 2011), ("figure", None)]  # extract lists both readings
    signed = editorial.for_editors(listed)
    assert [(c.kind.value, c.value, c.figure) for c in signed if c.text == "2011"] == [("date", "2011", 2011)]
    # every other claim is the same claim, with the same id, either way
    others = [c.id for c in listed if c.text != "2011"]
    assert [c.id for c in signed if c.text != "2011"] == others
    assert "March 2013" in [c.text for c in signed] and "40,000 riders" in [c.text for c in signed]


def test_a_year_with_a_unit_or_inside_a_longer_date_is_not_folded():
    text = "The fund paid out $2011 in March 2013, or 2011 dollars at today's prices."
    signed = editorial.for_editors(extract_claims(text, reference_date=REF))
    assert all(c.figure is None for c in signed)
    assert "$2011" in [c.text for c in signed if c.kind.value == "figure"]


YEAR_DRAFT = """\
---
date: 2026-01-04
---
# Depot homes

The depot closed in 1998, the council said.
"""


def test_scan_signs_a_lone_year_off_once_and_extract_lists_both_readings(newsroom, monkeypatch):
    _real_extraction(monkeypatch)
    room = scanned(newsroom, YEAR_DRAFT)
    years = [c for c in room.claims() if c["text"] == "1998"]
    assert [(c["kind"], c["figure"]) for c in years] == [("date", 1998)]
    listed = room.run("extract", "drafts/vote.md", "--format", "json")
    kinds = [c["kind"] for c in json.loads(listed.stdout)["files"][0]["claims"] if c["text"] == "1998"]
    assert kinds == ["date", "figure"]


def test_gate_a_base_that_approved_the_year_as_a_figure_does_not_see_it_vanish(newsroom, monkeypatch):
    _real_extraction(monkeypatch)
    with monkeypatch.context() as old_rules:  # the base signed the year off as a date and as a figure
        old_rules.setattr(editorial, "pair_year_readings", lambda claims: claims)
        room = scanned(newsroom, YEAR_DRAFT)
        assert [c["kind"] for c in room.claims() if c["text"] == "1998"] == ["date", "figure"]
        ids = [c["id"] for c in room.claims()]
        assert room.run("approve", "drafts/vote.md", *ids, who=EDITOR).exit_code == 0
    room.git("checkout", "-q", "-b", "story")
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Rescan")
    assert [c["kind"] for c in room.claims() if c["text"] == "1998"] == ["date"]
    result = room.run("check", "--base", "main", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if f["kind"] == "vanished"], findings


def test_show_lists_both_readings_of_a_lone_year():
    from factcheck.render.review import claim_block

    rec = {"id": "d-1", "kind": "date", "text": "1998", "line": 6, "sentence": "The depot closed in 1998."}
    block = claim_block({**rec, "value": "1998", "figure": 1998})
    assert "details:  value: 1998, figure: 1998" in block
    assert "figure" not in claim_block({**rec, "value": "1998"})
