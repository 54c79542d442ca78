import unicodedata

from factcheck.textfold import fold


def test_fold_reads_look_alike_digits_and_keeps_every_offset():
    text = "Rents rose ３５% to £１,２００ a month ² in the “old town” ﬁle ½."
    folded = fold(text)
    assert len(folded) == len(text)
    assert "35%" in folded and "£1,200" in folded
    # curly quotes and the pound sign are themselves; a ligature or a vulgar fraction whose
    # plain form is two or more characters stays as written, so no offset moves
    assert "“old town”" in folded and "ﬁle" in folded and "½" in folded
    assert folded[text.index("²")] == "2"


def test_fold_agrees_with_folding_each_character_on_its_own():
    text = "".join(chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000) + "１０²𝟗"
    expected = []
    for ch in text:
        plain = unicodedata.normalize("NFKC", ch)
        expected.append(plain if len(plain) == 1 else ch)
    assert fold(text) == "".join(expected)


def test_text_with_nothing_to_fold_comes_back_as_it_was():
    plain = "The mayor said “we will build 1,200 homes” – and £48m more."
    assert fold(plain) is plain
    assert fold("ASCII only, 12 figures") == "ASCII only, 12 figures"
