"""A bound cleared by one figure or date of a source sentence stays open when another
figure or date of the same sentence, the likelier reading, contradicts it; and a date
bound is judged on its bound even when the source repeats the date word for word.

Each test is a small newsroom: one draft sentence and one source, scanned and matched.
"""

from __future__ import annotations

import pytest

from tests.test_match_quantities import judged, verdict_of


@pytest.mark.parametrize(
    "draft, source, text, verdict",
    [
        # The festival total is the figure the bound stands for, not the first night.
        (
            "The festival took in less than $410 million in ticket sales across the season.",
            "The festival took in $120.5 million on its opening weekend and $412.3 million in ticket sales across the season.",
            "less than $410 million",
            "not cleared",
        ),
        # A bound with no unit is weighed against money figures too.
        (
            "The striker signed a deal worth under 30 million with the club.",
            "The striker signed a four-year deal worth $31.5 million with the club.",
            "under 30 million",
            "not cleared",
        ),
        # The only figure near the bound bears it out: supported as before.
        (
            "The clinic treated more than 2,000 patients last winter.",
            "The clinic treated 2,140 patients last winter, 35 of them twice.",
            "more than 2,000 patients",
            "supported",
        ),
        # A contradicting figure far from the bound is another quantity: still supported.
        (
            "The ferry carried more than 3,000 passengers in August.",
            "The ferry carried 3,412 passengers in August on 12 crossings.",
            "more than 3,000 passengers",
            "supported",
        ),
    ],
)
def test_a_nearer_contradicting_figure_leaves_a_bound_open(tmp_path, draft, source, text, verdict):
    c = verdict_of(judged(tmp_path, draft, source), text)
    if verdict == "not cleared":  # contradicted by the right figure, or left open: never supported
        assert c["verdict"] in ("not_found", "contradicted"), c.get("evidence")
    else:
        assert c["verdict"] == verdict, c.get("evidence")


def test_the_reason_names_the_rival_figure(tmp_path):
    # Worded so that the season's figure is not clearly the one meant: either reading is open.
    c = verdict_of(
        judged(
            tmp_path,
            "The festival took in less than $410 million.",
            "The festival took in $120.5 million on its first weekend and $412.3 million by the end.",
        ),
        "less than $410 million",
    )
    assert c["verdict"] == "not_found"
    assert "$412.3 million" in c["evidence"][0]["reason"]


def test_a_figure_inside_a_date_is_no_rival(tmp_path):
    # The "11" of "11 March" is a day of the month, not a count of visitors.
    c = verdict_of(
        judged(
            tmp_path,
            "More than 1,500 visitors came to the museum by 11 March.",
            "Some 1,820 visitors had come to the museum by 11 March.",
        ),
        "More than 1,500 visitors",
    )
    assert c["verdict"] == "supported", c.get("evidence")


def test_a_date_bound_with_a_nearer_contradicting_date_stays_open(tmp_path):
    # The council voted in October 2013; the scheme it approved runs to 2016.
    c = verdict_of(
        judged(
            tmp_path,
            "The council approved the harbour scheme after May 2014.",
            "On 14 October 2013, the council approved the harbour scheme, with building to run through the 2016 season.",
        ),
        "May 2014",
    )
    assert c["verdict"] != "supported", c.get("evidence")


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("The library reopened after April 12, 2021.", "April 12, 2021", "contradicted"),
        ("The library reopened before April 12, 2021.", "April 12, 2021", "contradicted"),
        ("The library reopened on April 12, 2021.", "April 12, 2021", "supported"),
    ],
)
def test_the_same_date_words_are_judged_with_their_bound(tmp_path, draft, text, verdict):
    c = verdict_of(judged(tmp_path, draft, "The library reopened on April 12, 2021, after a year of repairs."), text)
    assert c["verdict"] == verdict, c.get("evidence")


@pytest.mark.parametrize(
    "draft, verdict",
    [
        ("As of March 2022, the cooperative had 4,100 members.", "contradicted"),
        ("As of January 2022, the cooperative had 4,100 members.", "supported"),
    ],
)
def test_two_as_of_dates_must_name_the_same_time(tmp_path, draft, verdict):
    c = verdict_of(
        judged(tmp_path, draft, "As of January 2022, the cooperative had 4,100 members."),
        draft.split(",")[0].replace("As of ", ""),
    )
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_strict_bound_is_not_borne_out_by_its_own_number_as_an_ordinal(tmp_path):
    # "over 12 seasons" is at least thirteen; the source's twelfth season is not that.
    c = verdict_of(
        judged(
            tmp_path,
            "The choir has toured for over 12 seasons in a row.",
            "This was the choir's 12th season in a row on tour.",
        ),
        "over 12 seasons",
    )
    assert c["verdict"] != "supported", c.get("evidence")


def test_an_as_of_date_is_a_snapshot_not_a_bound(tmp_path):
    # The count a source gives as of the 30th is not the count as of the 31st.
    c = verdict_of(
        judged(
            tmp_path,
            "As of May 31, 2021, the shelter housed 212 dogs.",
            "As of 30 May 2021, the shelter housed 212 dogs.",
        ),
        "May 31, 2021",
    )
    assert c["verdict"] != "supported", c.get("evidence")


@pytest.mark.parametrize(
    "draft, source, text",
    [
        # The season total bears the bound out; the home figure is another quantity.
        (
            "The tour took more than $3 million over the season.",
            "The tour took $412,050 at home venues and $2,630,100 abroad, for a season total of $3,042,150.",
            "more than $3 million",
        ),
        # The running total bears it out; the day's new cases are another count.
        (
            "The district has recorded more than 90 cases of measles.",
            "On Monday the district recorded twelve new cases of measles, bringing its total to 96.",
            "more than 90 cases",
        ),
    ],
)
def test_a_bound_is_not_flagged_when_a_nearer_figure_bears_it_out(tmp_path, draft, source, text):
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] != "contradicted", c.get("evidence")


def test_a_bound_is_still_flagged_when_the_nearest_figure_contradicts_it(tmp_path):
    c = verdict_of(
        judged(
            tmp_path,
            "The district has recorded more than 120 cases of measles.",
            "On Monday the district recorded twelve new cases of measles, bringing its total to 96.",
        ),
        "more than 120 cases",
    )
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_other_digits_as_written_do_not_contradict_a_bound(tmp_path):
    # "under 13" holds for the twelfth season; the digits differ but nothing contradicts.
    c = verdict_of(
        judged(
            tmp_path,
            "The choir has toured for under 13 seasons in a row.",
            "This was the choir's 12th season in a row on tour.",
        ),
        "under 13 seasons",
    )
    assert c["verdict"] != "contradicted", c.get("evidence")


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("Critics gave the play an average score of 72% on the aggregator.", "72%", "supported"),
        ("Critics gave the play an average score of 90% on the aggregator.", "90%", "contradicted"),
    ],
)
def test_a_percentage_reads_a_rating_on_a_scale_as_its_share(tmp_path, draft, text, verdict):
    source = "On the aggregator, critics gave the play an average score of 7.2/10."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_rating_on_a_scale_that_bears_out_a_bound_keeps_a_share_from_flagging_it(tmp_path):
    # The approval share (20%) is another quantity than the average rating (3.8/10 = 38%).
    c = verdict_of(
        judged(
            tmp_path,
            "The play has an average rating above 36% on the aggregator.",
            "On the aggregator the play has an approval rating of 20%, from 30 reviews, with an average rating of 3.8/10.",
        ),
        "above 36%",
    )
    assert c["verdict"] != "contradicted", c.get("evidence")
