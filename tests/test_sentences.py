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


def test_full_stop_after_a_plain_word_reads_as_the_general_rule():
    # the quick reading of a word after a space must agree with the pattern read everywhere else
    from factcheck.extract import sentences

    def by_pattern(text: str, dot: int) -> bool:
        m = sentences._WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
        word = m.group(1).lower().rstrip(".") if m else ""
        return bool(m) and (len(word) == 1 or word in sentences.ABBREVIATIONS)

    words = ["said", "Mr", "mr", "Gen", "approx", "x", "J", "U.S", "e.g", "café", "caféMr", "2024", "a1",
             "Extraordinarily", "Sept", "thurs", "Calif", "inc", "ABC", ""]  # fmt: skip
    for lead in ("", "He met ", "(", "a long run of words without a stop "):
        for word in words:
            text = f"{lead}{word}. Next"
            dot = text.index(". Next")
            assert sentences._is_abbreviation(text, dot) == by_pattern(text, dot), text
