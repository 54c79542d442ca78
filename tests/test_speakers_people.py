"""Speakers are people or bodies: not places, days or headline words; a document's own author
speaks its unattributed quotes."""

import datetime as dt

from factcheck.extract import make_doc, quotes
from factcheck.extract.not_speakers import in_headline, not_a_speaker

REFERENCE = dt.date(2024, 3, 1)


def pairs(text):
    doc = make_doc(text, reference_date=REFERENCE)
    return [(text[f.start : f.end], f.speaker) for f in quotes.find(doc)]


def test_where_a_speaker_is_from_is_not_the_speaker():
    text = "\u201cThe ferry is always late,\u201d said Tomas Riel, 41, of Dunmore, Vt., who rides it daily."
    assert pairs(text) == [("The ferry is always late,", "Tomas Riel")]
    text = "\u201cWe need the ferry,\u201d said Ada Quist, 52, from Portland, who sails twice a week."
    assert pairs(text) == [("We need the ferry,", "Ada Quist")]


def test_a_state_that_speaks_is_a_speaker():
    text = "Norway said the talks were \u201cfrank and useful.\u201d"
    assert pairs(text) == [("frank and useful.", "Norway")]
    text = "Norway, which hosted the talks, said they were \u201cfrank and useful.\u201d"
    assert pairs(text) == [("frank and useful.", "Norway")]


def test_days_and_months_never_speak_but_a_person_named_for_a_month_may():
    frame = "On Tuesday the board met. Tuesday voters were told it was final."
    assert not_a_speaker(frame, 26, 33, "Tuesday")
    assert not not_a_speaker("April wrote that it was final.", 0, 5, "April")
    assert not_a_speaker("In April it was final.", 3, 8, "April")


def test_headline_words_are_not_a_speaker():
    frame = "Council Says Ferry Will Run All Winter\n\nThe council voted on Monday."
    assert in_headline(frame, 0)
    assert not in_headline(frame, frame.index("The council"))
    assert in_headline("FERRY TO RUN ALL WINTER, COUNCIL SAYS\n", 3)
    assert not in_headline("\x00\x00\x00\x00 \u2015 Ada Quist Marr\n", 8)  # a dash credit after a quote
    text = "Ferry Boss Says Winter Service Will Stay\n\n\u201cWe will keep every crossing,\u201d the operator said."
    assert pairs(text) == [("We will keep every crossing,", None)]


def test_an_email_gives_its_unattributed_quotes_to_its_sender():
    text = (
        "From: Rosa Ibarra <rosa@example.org>\nTo: desk@example.org\n\n"
        "Colleagues, the ferry figures are in. \u201cWe carried more people than ever,\u201d I told the board.\n\n"
        "\u201cNext winter will test us.\u201d\n"
    )
    assert [s for _, s in pairs(text)] == ["Rosa Ibarra", "Rosa Ibarra"]


def test_a_speech_gives_its_unattributed_quotes_to_the_speaker_its_head_names():
    text = (
        "Remarks by Gov. Lena Marsh at the harbour opening\n\n"
        "Friends, we said we would build it, and we did. As my father used to say, "
        "\u201cA promise kept is a bridge built.\u201d\n"
    )
    assert pairs(text) == [("A promise kept is a bridge built.", "Lena Marsh")]


def test_a_story_with_no_author_line_has_none():
    text = "The ferry figures are in.\n\n\u201cNext winter will test us.\u201d\n"
    assert pairs(text) == [("Next winter will test us.", None)]


def test_a_name_and_a_colon_before_a_quote_credit_it():
    text = "At the hearing:\n\nSen. Marta Kell (D-Ore.): \u201cWho told you the ferry was safe?\u201d\n"
    assert pairs(text) == [("Who told you the ferry was safe?", "Marta Kell")]
    text = "Update: \u201cThe ferry is running again.\u201d\n"
    assert pairs(text) == [("The ferry is running again.", None)]
