"""Folding text for alignment: marks straightened, lower case, every offset kept."""

from factcheck.match.words import fold


def _by_character(text: str) -> str:
    marks = {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\n": " ",
        "\t": " ",
        "\r": " ",
    }
    folded = "".join(marks.get(ch, ch) for ch in text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def test_fold_straightens_every_mark_and_keeps_offsets():
    text = "\u201cWe\u2019ll see,\u201d she said \u2014 in\u00a0June\r\n\tAT 6\u20328\u2033 \u2212 \u201aok\u201b \u201elow\u201d"
    folded = fold(text)
    assert folded == _by_character(text)
    assert folded == '"we\'ll see," she said - in june   at 6\'8" - \'ok\' "low"'
    assert len(folded) == len(text)


def test_fold_agrees_with_folding_each_character_on_its_own():
    text = "".join(chr(c) for c in range(0x20, 0x2400) if not 0xD800 <= c < 0xE000) + "\n\t\r"
    assert fold(text) == _by_character(text)
    # a character whose lower case is longer keeps the whole text as it was, marks straightened
    assert fold("\u0130stanbul \u201cx\u201d") == '\u0130stanbul "x"'
