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


def test_a_pronoun_points_back_to_a_subject_named_after_a_role():
    text = (
        "Dredging contractor Paul Ibe met the port board on Tuesday.\n\n"
        "\u201cWe need another six months,\u201d he said.\n"
    )
    assert pairs(text) == [("We need another six months,", "Paul Ibe")]
    # a verb between two names is no role: the first name stays the subject
    text = "Tessa Moor met Ian Hale on Friday.\n\n\u201cIt went well,\u201d she said.\n"
    assert pairs(text) == [("It went well,", "Tessa Moor")]


def test_a_pronoun_points_back_to_a_name_set_off_after_a_description():
    text = (
        "The port\u2019s operations chief, Olu Mensah, arrived late. "
        "\u201cWe are short of pilots,\u201d he told reporters.\n"
    )
    assert pairs(text) == [("We are short of pilots,", "Olu Mensah")]


def test_the_sentence_after_a_quote_may_say_whose_words_it_was():
    text = (
        "Ferry captain Dev Raman said the delays were \u201cthe worst I have seen.\u201d\n\n"
        "\u201cWe cannot run two boats on one berth.\u201d That was the verdict of Olu Mensah, "
        "the port\u2019s operations chief.\n"
    )
    assert pairs(text)[1] == ("We cannot run two boats on one berth.", "Olu Mensah")


def test_a_participle_after_someone_addressed_is_the_subjects():
    text = "Councillor Abe Lind wrote to Mayor Rosa Kent asking for an \u201curgent review\u201d of the plan."
    assert pairs(text) == [("urgent review", "Abe Lind")]
    # `with Doe asking` makes Doe the one who asks
    text = "Members were restless, with Ada Quist asking whether the vote was \u201cfixed from the start.\u201d"
    assert pairs(text) == [("fixed from the start.", "Ada Quist")]


def test_remembered_before_a_name_credits_the_quote():
    text = "\u201cThat plan was dead on arrival,\u201d remembered Tom Ward, a former harbour engineer."
    assert pairs(text) == [("That plan was dead on arrival,", "Tom Ward")]


def test_a_name_after_a_quote_speaks_it_however_long_the_description_before_the_verb():
    text = (
        "\u201cNobody planned for this,\u201d Ines Varga, the lawyer who drafted the berth contract "
        "in 2019 tweeted on Friday."
    )
    assert pairs(text) == [("Nobody planned for this,", "Ines Varga")]
    # with no speech verb after it, the name is only what the sentence goes on about
    text = "Rosa Kent spoke first. \u201cNobody planned for this,\u201d Ines Varga, the lawyer, nodded."
    assert pairs(text) == [("Nobody planned for this,", "Rosa Kent")]


def test_a_credit_line_under_a_quote_is_no_headline():
    text = (
        "Voices from the quay.\n\n"
        "\u201cThe ferry is the only way my children get to school.\u201d\n\n"
        "-Marta Lind, Dunmore.\n\n"
        "\u201cWe were promised a new berth years ago.\u201d\n\n"
        "\u2013Councillor Abe Lind, speaking after the vote.\n"
    )
    assert pairs(text) == [
        ("The ferry is the only way my children get to school.", "Marta Lind"),
        ("We were promised a new berth years ago.", "Abe Lind"),
    ]
    assert not in_headline("\u201cQuote.\u201d\n\n-Marta Lind, Dunmore.\n", 15)


def test_a_passive_speech_verb_credits_whoever_comes_after_by():
    text = "The delays have been called \u201ca scandal\u201d by Tom Ward, a former harbour engineer."
    assert pairs(text) == [("a scandal", "Tom Ward")]
    text = "The plan, described as \u201cunworkable\u201d by the Harbour Trust, was shelved."
    assert pairs(text) == [("unworkable", "Harbour Trust")]
    text = (
        "The berth is \u201cnot fit for purpose\u201d \u2013 as described by "
        "harbour engineer Tom Ward \u2013 and must be rebuilt."
    )
    assert pairs(text) == [("not fit for purpose", "Tom Ward")]


def test_a_description_set_off_by_dashes_leaves_the_name_before_it_the_speaker():
    text = "Mara Quist \u2014 a ferry pilot for 20 years \u2014 said the new timetable was \u201cunsafe at night.\u201d"
    assert pairs(text) == [("unsafe at night.", "Mara Quist")]
    text = "\u201cWe were never asked,\u201d Ines Falk \u2014 the harbour union\u2019s secretary \u2014 told reporters."
    assert pairs(text) == [("We were never asked,", "Ines Falk")]


def test_a_place_before_a_dash_is_no_speaker():
    text = "In Leith \u2014 a port of 9,000 people \u2014 officials said the levy was \u201ca slow robbery.\u201d"
    assert pairs(text) == [("a slow robbery.", None)]


def test_a_quote_opening_the_next_sentence_goes_on_with_the_named_speaker():
    text = (
        "\u201cThe tide tables are wrong,\u201d Mara Quist, the pilot who found the error wrote on Friday. "
        "\u201cEvery crossing since March used them.\u201d"
    )
    assert pairs(text) == [
        ("The tide tables are wrong,", "Mara Quist"),
        ("Every crossing since March used them.", "Mara Quist"),
    ]


def test_a_sentence_between_stops_a_quote_going_on_with_the_speaker_before():
    text = (
        "\u201cThe tide tables are wrong,\u201d Mara Quist, the pilot who found the error wrote on Friday. "
        "The harbour master disagreed. \u201cEvery crossing since March used them.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Mara Quist", None]
