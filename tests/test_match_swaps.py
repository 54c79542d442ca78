"""A figure or date that agrees, in a sentence that says something else around it: another
name in the same place, a subject the source calls "it", a total beside its parts, a
rating with a bound, and a date a count starts from.

Each newsroom test is one draft sentence and one source, scanned and matched end to end.
"""

from __future__ import annotations

import pytest

from factcheck.match import context, entities, values
from factcheck.match.evidence import Verdict
from tests.test_match_quantities import judged, verdict_of

# --- another name in the same place -----------------------------------------------------------


def test_another_broadcaster_in_the_same_place_contradicts_the_year(tmp_path):
    draft = "Mira Okafor wrote the 2011 ABC drama Lantern Street."
    source = "She also wrote the 2011 NBC legal drama Lantern Street."
    c = verdict_of(judged(tmp_path, draft, source), "2011")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "the source names 'NBC' where the draft names 'ABC'" in c["evidence"][0]["reason"]


def test_the_same_names_say_nothing_against_the_year(tmp_path):
    draft = "Mira Okafor wrote the 2011 NBC drama Lantern Street."
    source = "She also wrote the 2011 NBC legal drama Lantern Street."
    assert verdict_of(judged(tmp_path, draft, source), "2011")["verdict"] == "supported"


@pytest.mark.parametrize(
    "draft, source",
    [
        # initials and the name written out
        ("Exports to the U.S. reached 400 tonnes in May.", "Exports to the United States reached 400 tonnes in May."),
        # accents and a slip of spelling
        ("Flights to Sao Tome resumed on 4 May.", "Flights to São Tomé resumed on 4 May."),
        # the subject, named in full or in part
        ("Dana Whitfield signed a two-year deal in 2019.", "In 2019, Whitfield signed a two-year deal."),
        # a lone "of" is no place: what follows it may be anything
        ("The agency reported 31 cases of measles.", "The agency reported 31 cases, most outside of Kent."),
        # a code with digits is weighed as a figure, not as a name
        ("Leaders met at the G-24 talks for three days.", "Leaders met at the G-20 talks for three days."),
    ],
)
def test_one_name_written_two_ways_is_no_swap(draft, source):
    assert entities.swap(draft, source) is None


def test_a_different_club_after_the_same_words_is_a_swap():
    why = entities.swap(
        "The striker joined the Harbour City club in 2015.", "The striker joined the Riverside Rovers club in 2015."
    )
    assert why == "the source names 'Riverside Rovers' where the draft names 'Harbour City'"


# --- a subject the source calls "it" ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, verdict", [("more than $12 million", "contradicted"), ("more than $11 million", "supported")]
)
def test_a_source_sentence_that_calls_the_film_it(tmp_path, text, verdict):
    draft = f"Harbour Lights earned {text} in total."
    source = "It opened in March to warm reviews and has grossed $11.4 million worldwide."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_it_stands_for_the_name_only_when_nothing_before_names_another(tmp_path):
    """ "It" after a sentence about another film is that film, not the draft's."""
    draft = "Harbour Lights earned more than $12 million in total."
    source = (
        "Northern Line, the studio's other release, opened the same week.\n"
        "It has grossed $11.4 million worldwide after a slow start."
    )
    c = verdict_of(judged(tmp_path, draft, source), "more than $12 million")
    assert c["verdict"] == "not_found", c.get("evidence")


@pytest.mark.parametrize(
    "sentence, back",
    [
        ("It was released on 3 May.", True),
        ("In 1988, he was loaned to a club in the north.", True),
        ("The film was released on 3 May.", True),
        ("His next album is due in 2026.", False),  # something of his, not him
        ("The University of Leicester ranked 26th.", False),  # a name, not "the university"
        ("Harbour Lights was released on 3 May.", False),
    ],
)
def test_what_counts_as_referring_back(sentence, back):
    assert context.refers_back(sentence) is back


def test_the_subject_a_sentence_opens_with():
    assert context.subject_name("The film Harbour Lights earned $3 million.") == {context.stem("Harbour"), "light"}
    assert context.subject_name("In 2019, sales rose.") == frozenset()


# --- a total beside its parts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, verdict", [("less than $80 million", "contradicted"), ("over $80 million", "supported")]
)
def test_a_claim_about_the_whole_is_weighed_against_the_total(tmp_path, text, verdict):
    draft = f"Harbour Lights earned {text} globally."
    source = (
        "Harbour Lights has grossed $60.1 million at home and $22.3 million in other markets, "
        "for a worldwide total of $82.4 million."
    )
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "$82.4 million" in c["evidence"][0]["reason"]


# --- ratings with a bound ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim_text, source_text, verdict",
    [
        ("less than 59 out of 100", "59 out of 100", Verdict.CONTRADICTED),
        ("less than 60 out of 100", "59 out of 100", Verdict.SUPPORTED),
        ("more than 7 out of 10", "3.8/5", Verdict.SUPPORTED),  # 7.6 on the draft's scale
        ("more than 8 out of 10", "3.8/5", Verdict.CONTRADICTED),
    ],
)
def test_a_bound_on_a_rating_is_read_on_the_drafts_scale(claim_text, source_text, verdict):
    number = claim_text.split()[2]
    claim = {"kind": "figure", "text": claim_text, "value": float(number) / 100, "qualifier": claim_text[:9]}
    assert values.written_against(claim, source_text)[0] is verdict


# --- a date a count starts from ----------------------------------------------------------------


def test_a_date_counted_from_is_not_the_claims_day(tmp_path):
    draft = "The council moved the vote to three days before March 10, 2026."
    source = "The council had planned the vote for March 10, 2026, but brought it forward."
    c = verdict_of(judged(tmp_path, draft, source), "March 10, 2026")
    assert c["verdict"] == "not_found", c.get("evidence")


def test_a_source_counting_the_same_way_still_bears_it_out(tmp_path):
    draft = "The council moved the vote to three days before March 10, 2026."
    source = "The council moved the vote to three days before March 10, 2026, citing the holiday."
    c = verdict_of(judged(tmp_path, draft, source), "March 10, 2026")
    assert c["verdict"] == "supported", c.get("evidence")


# --- what a counted unit counts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, verdict", [("more than 600 positive tests", "contradicted"), ("more than 500 positive tests", "supported")]
)
def test_positive_tests_count_the_sources_confirmed_cases(tmp_path, text, verdict):
    """ "Positive" has other words for it ("cases", "infections"): the unit counts that, though
    its last word is "tests"."""
    draft = f"The island had {text} by Friday."
    source = "By Friday the island had 584 confirmed cases and two deaths."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "584 confirmed cases" in c["evidence"][0]["reason"]


# --- a part of a whole: at home, abroad, in all -------------------------------------------------


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("Harbour Lights earned less than $20 million outside North America.", "less than $20 million", "contradicted"),
        ("Harbour Lights earned less than $20 million domestically.", "less than $20 million", "supported"),
        ("Harbour Lights earned over $50 million in total.", "over $50 million", "contradicted"),
        ("Harbour Lights earned over $40 million in total.", "over $40 million", "supported"),
    ],
)
def test_a_claim_about_one_part_is_weighed_against_that_part(tmp_path, draft, text, verdict):
    source = (
        "Harbour Lights grossed $18.2 million in North America and $22.9 million in other territories, "
        "for a worldwide total of $41.1 million."
    )
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


# --- what befell the counted things -------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, text",
    [
        ("The coach has lost fewer than 40 matches in charge of the side.", "fewer than 40 matches"),
        ("Fewer than 9 patients had recovered in the district by Monday.", "Fewer than 9 patients"),
    ],
)
def test_things_counted_by_what_befell_them(tmp_path, draft, text):
    source = "In charge of the side the coach has a record of 61 wins and 43 losses; by Monday the district had 12 recoveries."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_british_and_american_spellings_are_one_noun():
    assert context.stem("travellers") == context.stem("travelers")
    assert context.stem("modeller") == context.stem("modeler")


# --- the noun past "new", "more", "active" ------------------------------------------------------


@pytest.mark.parametrize(
    "draft, text",
    [
        ("The county had fewer than 12 new H5N1 cases on Monday.", "fewer than 12"),
        ("The county recorded fewer than 12 active H5N1 cases on Monday.", "fewer than 12"),
    ],
)
def test_a_bare_figure_counts_the_noun_past_its_modifiers(tmp_path, draft, text):
    """ "12 new measles cases": the extractor may read "12" alone; the noun it counts stands
    past "new", as the source's "fifteen more cases" does past "more"."""
    source = "On Monday the county confirmed fifteen more cases, all of them H5N1."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "fifteen" in c["evidence"][0]["reason"]


# --- numbers that are names, and differences ---------------------------------------------------------


def test_a_number_with_a_capitalised_noun_is_a_title(tmp_path):
    draft = "The film 127 Hours was reviewed by more than 200 critics."
    source = "Review site Harbourview reports that 93% of 218 critics gave the film a positive review."
    claims = judged(tmp_path, draft, source)
    assert verdict_of(claims, "127 Hours")["verdict"] == "not_found"
    assert verdict_of(claims, "more than 200 critics")["verdict"] == "supported"


@pytest.mark.parametrize(
    "text, verdict",
    [("more than 7 million more listeners", "contradicted"), ("more than 5 million more listeners", "supported")],
)
def test_a_lead_is_weighed_against_the_sources_lead_not_its_total(tmp_path, text, verdict):
    draft = f"The station has {text} than its rival."
    source = "The station now has 41 million listeners, 6 million more listeners than its rival."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "41 million" not in c["evidence"][0]["reason"]


# --- of several dates, the one right after the draft's event word ---------------------------------


@pytest.mark.parametrize("day, verdict", [("after 9 May 2024", "contradicted"), ("on 9 May 2024", "supported")])
def test_the_date_right_after_the_drafts_event_word_dates_it(tmp_path, day, verdict):
    draft = f"The sale of the harbour ferries concluded {day}."
    source = "The ferries went with the rest of the 2024 sale of Harbour Lines, which concluded on May 9, 2024."
    c = verdict_of(judged(tmp_path, draft, source), day.split(" ", 1)[1])
    assert c["verdict"] == verdict, c.get("evidence")
