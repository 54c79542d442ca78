"""Scores and results ("won 3–1", "lead the series 3–1") and ages against years of birth.

Each newsroom test is one draft sentence against one source sentence, scanned and matched
end to end (the draft is dated 2026-06-01); the unit tests read the shapes directly.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.match import ages, values
from factcheck.match.evidence import Verdict
from tests.test_match_quantities import judged, verdict_of

# --- scores ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, verdict",
    [
        ("Okafor scored twice as the Gulls won 3–1 at home on Saturday.", "supported"),
        ("Okafor scored twice as the Gulls won 3–0 at home on Saturday.", "contradicted"),
        ("Okafor scored twice as the Gulls won 4–1 at home on Saturday.", "contradicted"),
    ],
)
def test_a_result_is_both_of_its_counts(tmp_path, source, verdict):
    """The same first count is not the same result: 3–0 is no 3–1."""
    c = verdict_of(judged(tmp_path, "Okafor scored twice as the Gulls won 3–1 at home.", source), "3–1")
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert "score" in c["evidence"][0]["reason"]


def test_a_series_score_against_another(tmp_path):
    source = "The Gulls lead the best-of-seven series 3–2 after Sunday's game at the Dome."
    c = verdict_of(judged(tmp_path, "The Gulls lead the best-of-seven series 3–1 after Sunday's game.", source), "3–1")
    assert c["verdict"] == "contradicted", c.get("evidence")


@pytest.mark.parametrize(
    "sentence, text, score",
    [
        ("The Gulls beat the Terns 3–1.", "3–1", (3, 1)),
        ("The series is level at 2–2.", "2–2", (2, 2)),
        ("Rents rose 3–4 percent.", "3–4", None),  # no game: a range
        ("The Gulls won 3–1.", "3", None),  # not written as a score
    ],
)
def test_what_reads_as_a_score(sentence, text, score):
    assert values.score_of({"kind": "figure", "text": text, "sentence": sentence}) == score


def test_scores_agree_in_either_order():
    assert values._against_score((3, 1), "3–1", "1–3")[0] is Verdict.SUPPORTED
    assert values._against_score((3, 1), "3–1", "2–2")[0] is Verdict.CONTRADICTED
    assert values._against_score((3, 1), "3–1", "$31")[0] is Verdict.NOT_FOUND


# --- ages -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, source, verdict",
    [
        # born 12 May 1978: 48 on the draft's date, 1 June 2026
        ("Lise Borg, aged 48, runs the ferry line.", "Lise Borg (born 12 May 1978) runs the ferry line.", "supported"),
        (
            "Lise Borg, aged 45, runs the ferry line.",
            "Lise Borg (born 12 May 1978) runs the ferry line.",
            "contradicted",
        ),
        # a year alone: 44 or 45 during 2026, so 45 is not settled, 40 is wrong
        ("Lise Borg, 45, runs the ferry line.", "Lise Borg, born in 1981, runs the ferry line.", "not_found"),
        ("Lise Borg, 40, runs the ferry line.", "Lise Borg, born in 1981, runs the ferry line.", "contradicted"),
    ],
)
def test_an_age_against_a_year_of_birth(tmp_path, draft, source, verdict):
    c = [c for c in judged(tmp_path, draft, source) if c["kind"] == "figure"][0]
    assert c["verdict"] == verdict, c.get("evidence")


def test_an_age_stated_for_a_year_the_sentence_names(tmp_path):
    """ "When she set up the line in 2010": the age is for 2010, not the draft's date."""
    source = "Lise Borg, born in 1951, set up the ferry line in 2010."
    draft = "Lise Borg was 45 years old when she set up the ferry line in 2010."
    c = verdict_of(judged(tmp_path, draft, source), "45 years old")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "58 or 59 in 2010" in c["evidence"][0]["reason"]
    draft = "Lise Borg was 59 years old when she set up the ferry line in 2010."
    assert verdict_of(judged(tmp_path / "b", draft, source), "59 years old")["verdict"] != "contradicted"


def test_an_age_is_never_read_against_the_years_digits(tmp_path):
    """Another person's birth says nothing of this one's age, and 1981 is no age."""
    source = "Her brother, Tomas Lund, born in 1981, runs the ferry line."
    c = [c for c in judged(tmp_path, "Lise Borg, 45, runs the ferry line.", source) if c["kind"] == "figure"][0]
    assert c["verdict"] == "not_found", c.get("evidence")


@pytest.mark.parametrize(
    "sentence, text, age",
    [
        ("Lise Borg, 45, runs the line.", "45", True),
        ("The captain, aged 45, runs the line.", "45", True),
        ("She was 45 years old then.", "45 years old", True),
        ("The line has 45 boats.", "45 boats", False),
        ("Lise Borg, 1978, a memoir.", "1978", False),
    ],
)
def test_what_reads_as_an_age(sentence, text, age):
    claim = {"kind": "figure", "text": text, "sentence": sentence, "value": float(text.split()[0])}
    assert ages.is_age(claim) is age


def test_an_age_with_both_days_known_is_exact():
    theirs = ages.age_interval(dt.date(1978, 6, 2), 1978, dt.date(2026, 6, 1), 2026)
    assert (theirs.lo, theirs.hi) == (47, 47)
