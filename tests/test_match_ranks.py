"""Ranks and ordinals beside a claim: a figure or date found in a source sentence that ranks
the thing otherwise does not bear the draft's sentence out; ranking the same thing in
another place, it contradicts it.

Each newsroom test is one draft sentence against one source sentence, scanned and matched
end to end; the unit tests read ranks as the places they allow.
"""

from __future__ import annotations

import math

import pytest

from factcheck.match.ranks import differ, ranks
from tests.test_match_quantities import judged, verdict_of


@pytest.mark.parametrize(
    "sentence, low, high",
    [
        ("The ferry was the port's 14th to sink.", 14, 14),
        ("It finished third in the regional table.", 3, 3),
        ("The single peaked at No. 7 on the chart.", 7, 7),
        ("The album never climbed above 12th place.", 1, 11),
        ("The team slipped below fifth in the league.", 6, math.inf),
        ("The firm stayed in the top 20 exporters.", 1, 20),
        ("The school fell outside the top ten schools.", 11, math.inf),
    ],
)
def test_a_rank_is_the_places_it_allows(sentence, low, high):
    (rank,) = ranks(sentence)
    assert (rank.low, rank.high) == (low, high)


def test_a_day_of_the_month_is_no_rank():
    assert ranks("The vote is on March 5th and the count on the 7th of April.") == []


@pytest.mark.parametrize(
    "draft, source, differs",
    [
        # the same thing ranked two ways
        ("Lindale is the third-largest town in the valley.", "Lindale is the fifth-largest town in the valley.", True),
        ("Lindale is the third-largest town in the valley.", "Lindale is the third largest town in the valley.", False),
        # a superlative with no rank in front is first
        ("Lindale is the largest town in the valley.", "Lindale is the fourth largest town in the valley.", True),
        ("Lindale is the largest town in the valley.", "Lindale, the largest town in the valley, grew again.", False),
        # bounds on a rank
        ("The record peaked above 30th in the chart.", "The record peaked at number 12 in the chart.", False),
        ("The record peaked above 30th in the chart.", "The record peaked at number 41 in the chart.", True),
        ("The mill was among the top ten employers.", "The mill was the county's seventh-largest employer.", False),
        ("It was among the top ten best-selling cars of 2019.", "It was the 10th best-selling car of 2019.", False),
        # a source telling how first place was lost does not make the draft's second place wrong
        (
            "By May the county had the second highest number of cases.",
            "The county had the highest number of cases until it fell into second place in May.",
            False,
        ),
        # unrelated ordinals on either side alone say nothing
        ("The club won its 12th title in 2019.", "The club won the title in 2019.", False),
        ("The club won the title in 2019.", "The club won its 12th title in 2019.", False),
    ],
)
def test_sentences_that_rank_things_differently(draft, source, differs):
    assert bool(differ(draft, source)) is differs


def test_a_year_found_beside_another_rank_of_the_same_thing_is_contradicted(tmp_path):
    draft = "In 2021 the Harriers finished the season in 4th place in the county league."
    source = "In 2021 the Harriers finished the season in 9th place in the county league."
    c = verdict_of(judged(tmp_path, draft, source), "2021")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "ranks it '4th', the source's '9th'" in c["evidence"][0]["reason"]


def test_a_year_beside_the_same_rank_is_supported(tmp_path):
    draft = "In 2021 the Harriers finished the season in fourth place in the county league."
    source = "In 2021 the Harriers finished the season in 4th place in the county league."
    assert verdict_of(judged(tmp_path, draft, source), "2021")["verdict"] == "supported"


def test_a_superlative_against_a_lower_rank_is_contradicted(tmp_path):
    draft = "The harbour handled the most cargo of any port on the coast in 2018."
    source = "In 2018 the harbour handled the third most cargo of any port on the coast."
    c = verdict_of(judged(tmp_path, draft, source), "2018")
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_a_year_beside_ranks_of_different_things_is_left_open(tmp_path):
    """ "Fourth place" and "12th title" rank different things: nothing clashes, yet the
    sentences do not agree on any rank, so the year bears nothing out."""
    draft = "In 2021 the Harriers finished in fourth place in the county league."
    source = "In 2021 the Harriers won their 12th title in the county league."
    assert verdict_of(judged(tmp_path, draft, source), "2021")["verdict"] != "contradicted"


# --- numbers that name things ---------------------------------------------------------------------


def test_a_number_in_a_name_found_in_a_reworded_sentence_bears_nothing_out(tmp_path):
    draft = "Critics were lukewarm about Harbour Lights 3 when it reached cinemas."
    source = "Harbour Lights 3 drew mostly warm notices from critics on its release."
    c = verdict_of(judged(tmp_path, draft, source), "3")
    assert c["verdict"] == "not_found", c.get("evidence")
    assert "part of a name" in c["evidence"][0]["reason"]


def test_a_number_in_a_name_in_the_sources_own_sentence_is_supported(tmp_path):
    sentence = "Harbour Lights 3 opened in 212 cinemas across the region on Friday."
    assert verdict_of(judged(tmp_path, sentence, sentence), "3")["verdict"] == "supported"


def test_a_title_in_quotation_marks_is_no_date(tmp_path):
    draft = 'The band\'s single "1987" was released on vinyl.'
    source = 'Within a day, fans had bought every vinyl copy of "1987", the single the band put out in spring.'
    c = verdict_of(judged(tmp_path, draft, source), "1987")
    assert c["verdict"] == "not_found", c.get("evidence")


# --- a month and its year written apart -------------------------------------------------------------


@pytest.mark.parametrize("bound, verdict", [("after", "contradicted"), ("in", "supported")])
def test_a_month_takes_the_year_written_after_it(tmp_path, bound, verdict):
    source = "The bridge reopened to traffic in March 2019."
    c = verdict_of(judged(tmp_path, f"The bridge reopened {bound} March in 2019.", source), "March")
    assert c["verdict"] == verdict, c.get("evidence")
