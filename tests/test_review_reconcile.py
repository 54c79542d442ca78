"""Pairing a changed claim with its old self (pure, no git)."""

from factcheck.model import Claim, Kind, claim_id
from factcheck.signoff import rules
from factcheck.store import claims_files, reconcile


def claim(text, sentence, kind=Kind.FIGURE, start=0):
    return Claim(
        id=claim_id(kind, text, sentence),
        kind=kind,
        text=text,
        start=start,
        end=start + len(text),
        line=1,
        sentence=sentence,
    )


def signed(c: Claim) -> dict:
    rec = claims_files.claim_record(c)
    rules.record(rec, rules.Decision.APPROVED, rules.Reviewer("Ed", "ed@example.org"), "2026-01-01T00:00:00Z")
    rec["verdict"] = "supported"
    return rec


S1 = "The council approved 114 new homes."
S2 = "It will cost 12 million pounds."


def test_unchanged_claim_keeps_everything():
    old = [signed(claim("114", S1))]
    (rec,) = claims_files.carry_review(old, [claim("114", S1, start=500)])
    assert rec["status"] == "approved" and rec["verdict"] == "supported" and rec["start"] == 500


def test_edited_figure_becomes_stale_keeping_history_but_not_evidence():
    old = [signed(claim("114", S1)), signed(claim("12", S2))]
    new = [claim("141", S1.replace("114", "141")), claim("12", S2)]
    first, second = claims_files.carry_review(old, new)
    assert first["status"] == "stale" and first["reviews"][0]["text"] == "114"
    assert "verdict" not in first  # evidence was for the old words
    assert second["status"] == "approved"


def test_two_figures_in_one_edited_sentence_pair_with_their_own_selves():
    s = "Of 114 homes, 20 are for rent."
    old = [signed(claim("114", s)), signed(claim("20", s))]
    s2 = s.replace("114", "141")
    new = [claim("141", s2), claim("20", s2)]
    merged = claims_files.carry_review(old, new)
    assert [m["reviews"][0]["text"] for m in merged] == ["114", "20"]
    assert [m["status"] for m in merged] == ["stale", "stale"]  # the sentence changed for both


def test_a_different_claim_elsewhere_is_not_paired():
    old = [signed(claim("114", S1)), signed(claim("12", S2))]
    new = [claim("114", S1), claim("7", "Seven councillors voted against the plan today.")]
    merged = claims_files.carry_review(old, new)
    assert merged[1].get("reviews") is None and "status" not in merged[1]


def test_only_claims_in_the_same_place_are_compared():
    a, b, c = "Alpha met 3 times.", "Beta met 4 times.", "Gamma met 5 times."
    old = [signed(claim("3", a)), signed(claim("4", b)), signed(claim("5", c))]
    new = [claim("3", a), claim("6", "Beta met 6 times."), claim("5", c)]
    pairs = reconcile.pair_changed(old, [claims_files.claim_record(x) for x in new])
    assert pairs == {1: 1}


def test_kind_must_match():
    old = [signed(claim("114", S1))]
    new = [claim("114", S1.replace(".", "!"), kind=Kind.DATE)]
    assert claims_files.carry_review(old, new)[0].get("reviews") is None


def test_similarity_scores_an_edited_figure_above_the_threshold():
    old = claims_files.claim_record(claim("114", S1))
    new = claims_files.claim_record(claim("141", S1.replace("114", "141")))
    assert reconcile.similarity(old, new) >= reconcile.MIN_SIMILARITY
