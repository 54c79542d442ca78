"""Claim ids are a contract: the same words and sentence give the same id in every version."""

import re
import unicodedata

import pytest

from factcheck.model import Kind, claim_id, normalize

_QUOTE_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def _normalize_by_the_rule(text: str) -> str:
    """The definition normalize() must keep: NFKC, straight quotes, whitespace runs as one space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "  tabs\tand\nnewlines\r\n ",
        "separators\x1c\x1d\x1e\x1fin ASCII",
        "\u201ccurly\u201d and \u2018single\u2019 marks",
        "no\u00a0break and em\u2003space",
        "full-width １４ and ligature \ufb01le",
        "",
        " ",
    ],
)
def test_normalize_keeps_its_definition(text):
    assert normalize(text) == _normalize_by_the_rule(text)


def test_claim_ids_stay_what_they_were():
    # ids written into claims files by earlier versions must still be found
    assert claim_id(Kind.QUOTE, "\u201cIt is fair,\u201d", "\u201cIt is fair,\u201d  he said.\u00a0") == "q-6177f0d888"
    assert claim_id(Kind.FIGURE, "14 schools", "The council will rebuild\t14 schools by 2027.\x1f") == "f-fc9c373232"
    assert (
        claim_id(Kind.FIGURE, "１４ schools", "The council will rebuild\u2003１４ schools by 2027.", 2)
        == "f-f8fa77741e"
    )
