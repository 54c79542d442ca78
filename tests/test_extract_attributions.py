"""Attributions: phrases that credit a fact to a source, on hand-written news copy."""

import datetime as dt

from factcheck.extract import attributions, make_doc

REFERENCE = dt.date(2024, 3, 1)


def pairs(text):
    doc = make_doc(text, reference_date=REFERENCE)
    return [(text[f.start : f.end], f.attributed_to) for f in attributions.find(doc)]


def test_news_agency_reported():
    text = "The textile plant in Dunmore will close in June, Reuters reported."
    assert pairs(text) == [("Reuters reported", "Reuters")]


def test_according_to_at_the_start_of_a_sentence():
    text = "According to county officials, the ring road reopens on Monday."
    assert pairs(text) == [("According to county officials", "county officials")]


def test_according_to_a_named_body_after_the_fact():
    text = "Ridership fell by a third last year, according to the Regional Transit Authority."
    assert pairs(text) == [("according to the Regional Transit Authority", "Regional Transit Authority")]


def test_a_newspaper_has_learned_and_its_full_name_is_used():
    text = (
        "The Valley Ledger first covered the audit in May.\n\n"
        "The council kept a second report from the auditors, the Ledger has learned."
    )
    assert pairs(text) == [("the Ledger has learned", "Valley Ledger")]


def test_said_in_a_statement():
    text = "The ministry said in a statement that exports rose for a fourth month."
    assert pairs(text) == [("The ministry said in a statement", "ministry")]


def test_unnamed_officials_said():
    text = "Two bridges will need new bearings, officials said."
    assert pairs(text) == [("officials said", "officials")]


def test_reported_speech_by_a_named_person_is_an_attribution_with_its_content():
    text = "Mayor Dana Whitfield said the bridge would open in April."
    assert pairs(text) == [("Mayor Dana Whitfield said the bridge would open in April", "Dana Whitfield")]
    text = "Councillor Ines Barre told reporters that the depot would be sold."
    assert pairs(text) == [("Councillor Ines Barre told reporters that the depot would be sold", "Ines Barre")]


def test_told_needs_that_before_what_was_said():
    text = "Councillor Ines Barre told her staff to keep the depot open."
    assert pairs(text) == []  # who was told, and an order: nothing reported


def test_a_named_person_saying_nothing_reported_is_not_an_attribution():
    assert pairs("Asked about the depot, Dana Whitfield said.") == []
    assert pairs("Dana Whitfield said on Friday.") == []


def test_a_body_speaking_carries_what_it_said():
    text = "Police said three vans were stolen from the depot overnight."
    assert pairs(text) == [("Police said three vans were stolen from the depot overnight", "Police")]
    text = "The ferry will stop at midnight, the city said in a statement."
    assert pairs(text) == [("the city said in a statement", "city")]


def test_a_finding_of_a_review_or_an_audit_is_an_attribution():
    text = "The audit found that the trust had overpaid two contractors."
    assert pairs(text) == [("The audit found that the trust had overpaid two contractors", "audit")]
    assert pairs("Police found the stolen vans in a field.") == []  # an act, not a claim on its word


def test_according_to_a_bodys_own_papers():
    text = "The depot lost money for six years, according to its accounts."
    assert pairs(text) == [("according to its accounts", "its accounts")]


def test_attribution_of_a_direct_quote_is_left_to_the_quote():
    text = '"Two bridges need new bearings," officials said on Friday.'
    assert pairs(text) == []


def test_according_to_beside_a_direct_quote_is_left_to_the_quote():
    text = "\u201cFares will rise,\u201d according to the transit authority."
    assert pairs(text) == []


def test_offsets_index_the_text_exactly():
    text = "Intro.\n\nThe plant will close, Reuters reported on Tuesday."
    doc = make_doc(text, reference_date=REFERENCE)
    (found,) = attributions.find(doc)
    assert text[found.start : found.end] == "Reuters reported"


def test_according_to_takes_the_whole_noun_phrase():
    text = "The city paid $4.2 million in subsidies last year, according to council records."
    assert pairs(text) == [("according to council records", "council records")]


def test_front_matter_is_not_read():
    front = "---\nsummary: Reuters reported a strike\n---\n"
    text = front + "Ridership fell by a third, officials said."
    doc = make_doc(text, reference_date=REFERENCE, body_start=len(front))
    assert [(text[f.start : f.end], f.attributed_to) for f in attributions.find(doc)] == [
        ("officials said", "officials")
    ]


def test_capitals_that_describe_a_noun_are_no_name():
    text = "The tonic cures nothing, according to the leading Danish medical journal."
    assert pairs(text) == [("according to the leading Danish medical journal", "leading Danish medical journal")]


def test_a_statement_named_before_the_source():
    text = "In a statement on Friday, the ministry said exports rose for a fourth month."
    assert pairs(text) == [("In a statement on Friday, the ministry said", "ministry")]


def test_said_in_an_email_after_the_verb():
    text = "The ministry said in an email that the cranes were safe."
    assert pairs(text) == [("The ministry said in an email", "ministry")]
