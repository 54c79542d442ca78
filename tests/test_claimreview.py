"""schema.org ClaimReview JSON-LD from reviewed claims."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import DataError
from factcheck.render import claimreview
from factcheck.signoff.rules import claim_fingerprint
from tests.report_newsroom import LIBRARY_DRAFT, library_claims


def signed(claim, *decisions, **review):
    """The claim with the given decisions recorded on its current words, as `approve`/`reject` record them."""
    claim = {"id": "c-1", "kind": "figure", "text": "12", "sentence": "It cost 12.", **claim}
    claim["reviews"] = [
        {"by": "desk@example.org", "decision": d, "fingerprint": claim_fingerprint(claim), **review} for d in decisions
    ]
    return claim


def drafts(**extra):
    return [{"path": "drafts/library.md", "claims": library_claims(LIBRARY_DRAFT), **extra}]


def test_only_approved_and_rejected_claims_are_published():
    items = claimreview.claim_reviews(drafts())
    assert [i["identifier"] for i in items] == ["drafts/library.md#f-0000000002", "drafts/library.md#q-0000000007"]


def test_an_approved_claim_is_rated_accurate_and_dated_by_its_sign_off():
    item = claimreview.claim_reviews(drafts(title="Library stays open", date="2025-05-02"))[0]
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert item["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Accurate",
    }
    assert item["datePublished"] == "2025-05-01T10:00:00Z"
    assert item["claimReviewed"].startswith("The city council voted on Tuesday")
    assert item["itemReviewed"] == {
        "@type": "Claim",
        "datePublished": "2025-05-02",
        "appearance": {"@type": "CreativeWork", "name": "Library stays open"},
    }
    assert item["author"] == {"@type": "Person", "name": "Desk Editor"}
    assert "url" not in item


def test_a_rejected_quote_names_its_speaker_as_the_claim_author():
    item = claimreview.claim_reviews(drafts(url="https://news.example.org/library"))[1]
    assert item["itemReviewed"]["author"] == {"@type": "Person", "name": "Helen Mård"}
    assert (
        item["claimReviewed"] == "Helen Mård said \u201cWe are borrowing from the potholes to pay for the pages\u201d"
    )
    assert item["reviewRating"]["ratingValue"] == 2 and item["reviewRating"]["alternateName"] == "Unsupported"
    assert item["url"] == "https://news.example.org/library#q-0000000007"
    assert item["itemReviewed"]["appearance"]["url"] == "https://news.example.org/library"


@pytest.mark.parametrize(
    ("claim", "rating"),
    [
        (signed({"verdict": "contradicted"}, "approved"), (5, "Accurate")),
        (signed({"verdict": "contradicted", "kind": "quote"}, "rejected"), (1, "Misquoted")),
        (signed({"verdict": "contradicted", "kind": "figure"}, "rejected"), (1, "Inaccurate")),
        (signed({"verdict": "not_found"}, "rejected"), (2, "Unsupported")),
        (signed({"verdict": "supported"}, "rejected"), (2, "Unsupported")),
        (signed({}, "rejected"), (2, "Unsupported")),
        (signed({}, "rejected", "approved"), (5, "Accurate")),
        ({**signed({"verdict": "supported"}, "approved"), "text": "13"}, None),  # edited since: stale
        (signed({"verdict": "supported"}), None),
        ({"verdict": "supported"}, None),
    ],
)
def test_rating_follows_decision_then_verdict(claim, rating):
    assert claimreview.rating_for(claim) == rating


@pytest.mark.parametrize("status", ["approved", "rejected"])
def test_a_hand_typed_status_without_a_sign_off_is_not_published(status):
    claim = {**signed({"verdict": "supported"}), "status": status}
    assert claimreview.rating_for(claim) is None
    assert claimreview.claim_reviews([{"path": "d.md", "claims": [claim]}]) == []


def test_a_malformed_review_history_is_refused_not_published():
    claim = {**signed({}), "status": "approved", "reviews": [{"decision": "approved"}]}
    with pytest.raises(DataError):
        claimreview.claim_reviews([{"path": "d.md", "claims": [claim]}])


def test_the_newsroom_is_the_author_when_named():
    item = claimreview.claim_reviews(
        drafts(), publisher="Riverside Gazette", publisher_url="https://gazette.example.org"
    )[0]
    assert item["author"] == {
        "@type": "Organization",
        "name": "Riverside Gazette",
        "url": "https://gazette.example.org",
    }


def test_the_latest_matching_review_is_the_one_published():
    claim = signed({"id": "f-1"}, "approved", "rejected", "approved")
    for review, (at, name) in zip(
        claim["reviews"], [("2025-01-01", "First"), ("2025-01-02", "Second"), ("2025-01-03", "Third")]
    ):
        review.update(at=f"{at}T00:00:00Z", name=name)
    item = claimreview.claim_review(claim, {"path": "d.md"})
    assert item["datePublished"] == "2025-01-03T00:00:00Z"
    assert item["author"]["name"] == "Third"


def test_reviewer_email_is_never_published():
    text = claimreview.render(drafts())
    assert "desk@example.org" not in text


def test_rendered_json_ld_can_be_pasted_into_a_script_element():
    claims = [
        signed(
            {"id": "q-1", "kind": "quote", "text": "</script><script>alert(1)</script> & more", "speaker": "A <b>"},
            "approved",
            at="2025-01-01T00:00:00Z",
        )
    ]
    text = claimreview.render([{"path": "d.md", "claims": claims}])
    assert "<" not in text and ">" not in text and "&" not in text
    items = json.loads(text)
    assert items[0]["claimReviewed"] == "A <b> said \u201c</script><script>alert(1)</script> & more\u201d"


def test_nothing_reviewed_gives_an_empty_list():
    assert json.loads(claimreview.render([{"path": "d.md", "claims": [{"id": "x", "verdict": "supported"}]}])) == []


def test_export_command_writes_claimreview(tmp_path):
    from tests.helpers import run_cli
    from tests.report_newsroom import make_newsroom

    root = make_newsroom(tmp_path / "newsroom")
    r = run_cli("export", "--format", "claimreview", cwd=root)
    assert r.returncode == 0, r.stderr
    items = json.loads(r.stdout)
    assert [i["reviewRating"]["alternateName"] for i in items] == ["Accurate", "Unsupported"]
    assert items[0]["itemReviewed"]["datePublished"] == "2025-05-02"


def test_markdown_marks_are_not_published():
    claim = signed({"sentence": "# Bridge **repairs** to cost [12 million](https://x.example) *more*"}, "approved")
    item = claimreview.claim_reviews([{"path": "d.md", "claims": [claim]}])[0]
    assert item["claimReviewed"] == "Bridge repairs to cost 12 million more"
    assert claimreview.plain_text("- 3 of the *5_000* members, `said` _she_") == "3 of the 5_000 members, said she"


def test_one_sentence_is_never_published_with_two_ratings():
    sentence = "Repairs cost 12 million, up from 9 million in 2024."
    figure = signed({"id": "f-1", "text": "12 million", "sentence": sentence}, "approved")
    wrong = signed({"id": "f-2", "text": "9 million", "sentence": sentence, "verdict": "contradicted"}, "rejected")
    items = claimreview.claim_reviews([{"path": "d.md", "claims": [figure, wrong]}])
    assert [i["reviewRating"]["alternateName"] for i in items] == ["Accurate", "Inaccurate"]
    reviewed = [i["claimReviewed"] for i in items]
    assert len(set(reviewed)) == 2
    assert reviewed[0] == "12 million (in \u201cRepairs cost 12 million, up from 9 million in 2024.\u201d)"
    assert reviewed[1].startswith("9 million (in ")
