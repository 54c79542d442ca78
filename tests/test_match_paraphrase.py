"""Reworded drafts: figures, dates and attributions found by their context words, not by
the whole sentence lining up; the same number elsewhere never bears a claim out."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.match import match
from factcheck.match.context import clause, cues, stem
from factcheck.store import yamlio

RELEASE = """MILLBROOK LIBRARY TRUST - NEWS RELEASE, 2 February 2026

The trustees agreed to rebuild the east reading room after a winter storm tore off part of its roof.
The rebuilding work is expected to cost $2.4 million, and the reading room will reopen in September 2026.

Visitor numbers have dropped sharply since the storm. The library welcomed 61,000 visitors last year.

The trust will borrow $900,000 from the county to cover the gap. The county loan will be repaid over 12 years.

Separately, the parks department will spend $2.4 million on new riverside footpaths.
"""

NOTICE = """<html><head><title>Ferry timetable changes | Harbour Trust</title></head><body><article>
<h1>Ferry timetable changes</h1>
<p>Posted 9 March 2026</p>
<p>From April 6, crossings between Kestrel Quay and the island will run every 20 minutes instead of every half hour.</p>
<p>We are adding two boats to the fleet to keep up with the extra crossings, and fares will stay at $3.</p>
</article></body></html>
"""


def claim(cid: str, kind: str, text: str, sentence: str, **fields) -> dict:
    return {
        "id": cid,
        "kind": kind,
        "text": text,
        "start": 0,
        "end": len(text),
        "line": 1,
        "sentence": sentence,
        **fields,
    }


BUDGET = """Harbour board budget, 2026

The harbour board will spend $3 million on the north pier this year. It will spend $5 million on the south pier next year.
"""


def newsroom(root: Path, claims: list[dict], sources: str = "sources/release.txt", date: str = "2026-02-04") -> dict:
    """A newsroom with the sources above and one draft whose claims file holds `claims`;
    returns the claims after `match`, by id."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "drafts").mkdir(exist_ok=True)
    (root / ".factcheck.yaml").write_text("")
    (root / "sources/release.txt").write_text(RELEASE)
    (root / "sources/notice.html").write_text(NOTICE)
    (root / "sources/budget.txt").write_text(BUDGET)
    (root / "drafts/story.md").write_text(f"---\ndate: {date}\nsources:\n  - {sources}\n---\nBody.\n")
    record = {"draft": "drafts/story.md", "reference_date": date, "draft_sha256": None, "claims": claims}
    (root / "claims/drafts").mkdir(parents=True, exist_ok=True)
    (root / "claims/drafts/story.yaml").write_text(yamlio.dump(record))
    run = match(load_config(root))
    assert not run.failed, [str(e) for e in run.source_errors]
    data = yamlio.load((root / "claims/drafts/story.yaml").read_text(), path="x")
    return {c["id"]: c for c in data["claims"]}


def verdicts(got: dict) -> dict:
    return {k: v["verdict"] for k, v in got.items()}


# --- the context of a claim ------------------------------------------------------------


def test_stems_meet_across_plural_tense_and_possessive():
    assert stem("repairs") == stem("repair") == stem("repaired") == stem("repairing")
    assert stem("closed") == stem("close") == stem("closing")
    assert stem("authorities") == stem("authority") == stem("authority's")
    assert stem("stopped") == stem("stop")
    assert stem("11,500") == "11500"
    assert stem("bus") == stem("buses") and stem("press") == "press"


def test_the_claims_clause_counts_fully_the_rest_of_its_window_a_quarter():
    sentence = "The pool will cost $3 million, up from the $2 million the council set aside in 2023, the mayor said."
    at = sentence.index("$2 million")
    lo, hi = clause(sentence, at, at + len("$2 million"))
    assert sentence[lo:hi].strip(", ") == "up from the $2 million the council set aside in 2023"
    weights = {c.stem: c.weight for c in cues(sentence, at, at + len("$2 million"))}
    assert weights["council"] == weights["asid"] == 1.0
    assert weights["pool"] == 0.25
    assert "said" not in weights and "mayor" in weights


def test_a_clause_too_short_to_stand_alone_leans_on_the_one_before():
    sentence = "Tickets go on sale for the new programme, which starts in March, the council said."
    at = sentence.index("March")
    lo, hi = clause(sentence, at, at + len("March"))
    assert "programme" in sentence[lo:hi] and "council" not in sentence[lo:hi]


# --- figures and dates in reworded sentences ----------------------------------------------


def test_reworded_sentences_support_their_figures_and_dates(tmp_path):
    got = newsroom(
        tmp_path,
        [
            # clauses in another order, another verb for the cost
            claim(
                "f-reordered",
                "figure",
                "$2.4 million",
                "Rebuilding the reading room, which reopens in September 2026, will run to $2.4 million.",
                value=2_400_000,
                unit="USD",
            ),
            claim(
                "d-reordered",
                "date",
                "September 2026",
                "Rebuilding the reading room, which reopens in September 2026, will run to $2.4 million.",
                value="2026-09",
            ),
            # other words around the figure; what it counts is in the sentence before, in the source
            claim(
                "f-split",
                "figure",
                "61,000",
                "Storm damage has taken its toll: only 61,000 people visited the library last year.",
                value=61_000,
            ),
            # the same number written another way
            claim(
                "f-written",
                "figure",
                "$2,400,000",
                "The trustees expect the rebuilding of the east reading room to cost $2,400,000.",
                value=2_400_000,
                unit="USD",
            ),
        ],
    )
    assert verdicts(got) == {
        "f-reordered": "supported",
        "d-reordered": "supported",
        "f-split": "supported",
        "f-written": "supported",
    }
    evidence = got["f-reordered"]["evidence"][0]
    assert RELEASE[evidence["start"] : evidence["end"]].startswith(
        "The rebuilding work is expected to cost $2.4 million"
    )
    assert "reworded" in evidence["reason"]


def test_a_loose_alignment_that_puts_another_figure_in_place_gets_a_second_opinion(tmp_path):
    # Lined up word by word, this sentence puts "$5 million" where the draft has "$3 million";
    # the sentence that shares its context gives "$3 million".
    sentence = "Spending on the north pier this year will be $3 million and on the south pier next year."
    got = newsroom(
        tmp_path,
        [claim("f-north", "figure", "$3 million", sentence, value=3_000_000, unit="USD")],
        sources="sources/budget.txt",
    )
    assert got["f-north"]["verdict"] == "supported"
    first, second = got["f-north"]["evidence"][:2]
    assert BUDGET[first["start"] : first["end"]].startswith("The harbour board will spend $3 million")
    assert second["verdict"] == "contradicted" and "$5 million" in second["reason"]


def test_words_that_line_up_by_chance_give_no_verdict(tmp_path):
    # Lined up word by word, the figure's place falls on "south pier next year": no number
    # stands there, so that passage says nothing about the figure.
    sentence = "The harbour board will spend on the north pier this year the sum of $3 million."
    got = newsroom(
        tmp_path,
        [claim("f-sum", "figure", "$3 million", sentence, value=3_000_000, unit="USD")],
        sources="sources/budget.txt",
    )
    assert got["f-sum"]["verdict"] == "supported"
    assert not any("south pier" in e["reason"] for e in got["f-sum"]["evidence"])


def test_the_same_figure_in_an_unrelated_sentence_does_not_support(tmp_path):
    got = newsroom(
        tmp_path,
        [
            claim(
                "f-school",
                "figure",
                "$900,000",
                "The school board has set aside $900,000 for new laptops.",
                value=900_000,
                unit="USD",
            ),
            claim(
                "f-years",
                "figure",
                "12",
                "The ferry company has run the island crossing for 12 years.",
                value=12,
                unit="years",
            ),
        ],
    )
    assert verdicts(got) == {"f-school": "not_found", "f-years": "not_found"}


def test_a_different_figure_in_the_same_statement_contradicts(tmp_path):
    got = newsroom(
        tmp_path,
        [
            claim(
                "f-loan",
                "figure",
                "$950,000",
                "To cover the gap, the county will lend the trust $950,000.",
                value=950_000,
                unit="USD",
            ),
            claim(
                "f-ok",
                "figure",
                "$900,000",
                "To cover the gap, the county will lend the trust $900,000.",
                value=900_000,
                unit="USD",
            ),
        ],
    )
    assert verdicts(got) == {"f-loan": "contradicted", "f-ok": "supported"}
    assert "$900,000" in got["f-loan"]["evidence"][0]["reason"]


def test_a_loosely_related_sentence_with_another_figure_does_not_contradict(tmp_path):
    # Shares "county" and "years" with the loan sentence, but says something else.
    got = newsroom(
        tmp_path,
        [
            claim(
                "f-other",
                "figure",
                "30 years",
                "The county has owned the library building for 30 years.",
                value=30,
                unit="years",
            ),
        ],
    )
    assert verdicts(got) == {"f-other": "not_found"}


def test_the_same_number_of_another_thing_does_not_support(tmp_path):
    got = newsroom(
        tmp_path,
        [
            claim(
                "f-unit",
                "figure",
                "61,000 books",
                "The library lent 61,000 books last year, despite the storm.",
                value=61_000,
                unit="books",
            ),
        ],
    )
    assert verdicts(got)["f-unit"] == "not_found"


def test_a_less_precise_source_date_does_not_bear_out_a_day(tmp_path):
    got = newsroom(
        tmp_path,
        [
            claim(
                "d-day",
                "date",
                "September 14, 2026",
                "Readers get their reading room back on September 14, 2026, once rebuilding ends.",
                value="2026-09-14",
            ),
            claim(
                "d-month",
                "date",
                "September 2026",
                "Readers get their reading room back in September 2026, once rebuilding ends.",
                value="2026-09",
            ),
        ],
    )
    assert verdicts(got) == {"d-day": "not_found", "d-month": "supported"}


def test_a_page_title_does_not_run_into_its_first_paragraph(tmp_path):
    sentence = "Ferries to the island will sail every 20 minutes from April 6, the Harbour Trust said."
    got = newsroom(
        tmp_path,
        [
            claim("d-from", "date", "April 6", sentence, value="2026-04-06"),
            claim("f-every", "figure", "20 minutes", sentence, value=20, unit="minute"),
        ],
        sources="sources/notice.html",
        date="2026-03-10",
    )
    assert verdicts(got) == {"d-from": "supported", "f-every": "supported"}
    assert got["d-from"]["evidence"][0]["text"].startswith("From April 6")


# --- attributions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, verdict",
    [("the Harbour Trust", "supported"), ("the island council", "not_found")],
)
def test_an_attribution_to_the_publisher_of_a_page_is_borne_out_by_its_title(tmp_path, name, verdict):
    sentence = f"Extra crossings mean two boats will be added to the fleet, {name} said."
    got = newsroom(
        tmp_path,
        [
            claim("a-1", "attribution", f"{name} said", sentence, attributed_to=name.removeprefix("the ")),
        ],
        sources="sources/notice.html",
        date="2026-03-10",
    )
    assert got["a-1"]["verdict"] == verdict
    if verdict == "supported":
        assert "the source is Harbour Trust's own" in got["a-1"]["evidence"][0]["reason"]


def test_an_attribution_to_whoever_published_a_snapshot_is_borne_out_by_its_sidecar(tmp_path):
    (tmp_path / "sources").mkdir(parents=True)
    (tmp_path / "sources/memo.txt").write_text(
        "Two boats are being added to the fleet to keep up with the extra crossings.\n"
    )
    (tmp_path / "sources/memo.txt.source.yaml").write_text(
        "source: memo.txt\nurl: https://www.harbourtrust.example.org/memo\n"
    )
    sentence = "Extra crossings mean two boats will be added to the fleet, the Harbour Trust said."
    got = newsroom(
        tmp_path,
        [
            claim("a-trust", "attribution", "the Harbour Trust said", sentence, attributed_to="Harbour Trust"),
        ],
        sources="sources/memo.txt",
        date="2026-03-10",
    )
    assert got["a-trust"]["verdict"] == "supported"


def test_an_attribution_is_borne_out_when_the_source_names_it_anywhere(tmp_path):
    sentence = "The county will lend the trust $900,000 to cover the gap, the Millbrook Library Trust said."
    got = newsroom(
        tmp_path,
        [
            claim(
                "a-trust",
                "attribution",
                "the Millbrook Library Trust said",
                sentence,
                attributed_to="Millbrook Library Trust",
            ),
            claim(
                "a-mayor",
                "attribution",
                "the mayor said",
                sentence.replace("the Millbrook Library Trust", "the mayor"),
                attributed_to="mayor",
            ),
            claim(
                "a-nothing",
                "attribution",
                "the trust said",
                "A new bandstand will open in the park next spring, the trust said.",
                attributed_to="trust",
            ),
        ],
    )
    assert verdicts(got) == {"a-trust": "supported", "a-mayor": "not_found", "a-nothing": "not_found"}
    assert got["a-trust"]["evidence"][0]["reason"] == "the source names Millbrook Library Trust"


def test_a_statement_names_no_one_so_only_its_words_are_checked(tmp_path):
    got = newsroom(
        tmp_path,
        [
            claim(
                "a-release",
                "attribution",
                "according to the trust's statement",
                "The county loan will be paid back over 12 years, according to the trust's statement.",
                attributed_to="trust's statement",
            ),
        ],
    )
    assert got["a-release"]["verdict"] == "supported"


def test_reported_speech_is_checked_for_its_speaker_and_its_content(tmp_path):
    (tmp_path / "sources").mkdir(parents=True)
    (tmp_path / "sources/hearing.txt").write_text(
        "Hearing notes, 3 March 2026\n\nProsecutor James Okonkwo told the court that Ruth Marsh hid the "
        "payments from the auditors for three years.\n"
    )
    said = "Okonkwo said Marsh hid the payments from the auditors for three years"
    wrong_person = "Imogen Tate said Marsh hid the payments from the auditors for three years"
    unsaid = "Okonkwo said Marsh paid the auditors to keep quiet about the harbour loan"
    got = newsroom(
        tmp_path,
        [
            claim("a-said", "attribution", said, said + ".", attributed_to="Okonkwo"),
            claim("a-who", "attribution", wrong_person, wrong_person + ".", attributed_to="Imogen Tate"),
            claim("a-unsaid", "attribution", unsaid, unsaid + ".", attributed_to="Okonkwo"),
        ],
        sources="sources/hearing.txt",
        date="2026-03-04",
    )
    assert verdicts(got) == {"a-said": "supported", "a-who": "not_found", "a-unsaid": "not_found"}


def test_the_statement_of_reported_speech_is_what_follows_the_verb():
    from factcheck.match.attribution import statement

    text = "Police said three vans were stolen overnight"
    assert statement(text + ".", text) == "three vans were stolen overnight"
    assert (
        statement("The ferry will stop, the city said in a statement.", "the city said in a statement")
        == "The ferry will stop"
    )


def test_names_are_read_without_titles_possessives_or_kinds_of_document():
    from factcheck.match.attribution import name_keys

    assert name_keys("the authority's statement") == ["authority"]
    assert name_keys("Dr. Maren Oduya") == ["maren", "oduya"]
    assert name_keys("figures") == []


def test_an_address_with_the_name_run_together_counts_as_provenance():
    from factcheck.match.attribution import named_in_provenance

    assert named_in_provenance("https://www.harbourtrust.example.org/news", "sources/notice.html", ["harbour", "trust"])
    assert named_in_provenance("", "sources/harbour-trust-notice.html", ["harbour", "trust"])
    assert not named_in_provenance("https://news.example.org/harbour", "sources/notice.html", ["harbour", "trust"])


def test_the_statement_is_the_sentence_without_the_attributions_clause():
    from factcheck.match.attribution import statement

    sentence = "Ferries will run every 20 minutes, according to figures released by the trust."
    assert statement(sentence, "according to figures") == "Ferries will run every 20 minutes"
    assert (
        statement("The trust said ferries will run every 20 minutes.", "The trust said")
        == "ferries will run every 20 minutes"
    )
