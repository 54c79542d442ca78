from factcheck.extract.sentences import Sentences


def spans(text):
    s = Sentences(text)
    return [text[a:b] for a, b in s.spans]


def test_titles_and_initials_do_not_end_sentences():
    assert spans("Mr. Smith met Sen. J. F. Jones. They talked.") == ["Mr. Smith met Sen. J. F. Jones.", "They talked."]


def test_abbreviation_at_sentence_end_before_common_opener():
    assert spans("She moved to the U.S. The move was hard.") == ["She moved to the U.S.", "The move was hard."]


def test_blank_line_ends_a_sentence_without_punctuation():
    assert spans("A heading\n\nBody text here.") == ["A heading", "Body text here."]


def test_closing_quote_stays_with_its_sentence():
    assert spans('He said "It is done." Then he left.') == ['He said "It is done."', "Then he left."]


def test_at_finds_the_sentence_holding_an_offset():
    text = "One two. Three four."
    s = Sentences(text)
    assert text[slice(*s.at(text.index("Three")))] == "Three four."
