"""Which figure of a source sentence measures what the draft's figure measures.

Each test is a small newsroom (one draft sentence, one source) scanned and matched end to
end, written the way reporters and their sources put things.
"""

from __future__ import annotations

import pytest

from tests.test_match_quantities import judged, verdict_of


# --- people counted by what happened to them ---------------------------------------------------


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("More than 1,900 people died in the floods across the province.", "More than 1,900 people", "contradicted"),
        ("Fewer than 1,900 people died in the floods across the province.", "Fewer than 1,900 people", "supported"),
    ],
)
def test_people_who_died_are_the_sources_deaths(tmp_path, draft, text, verdict):
    source = "By the end of May the province had counted 40,210 flooded homes, and 1,874 deaths."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert "1,874 deaths" in c["evidence"][0]["reason"]


def test_a_count_of_people_is_not_read_against_another_events_count(tmp_path):
    """The source's people "have died"; the draft's bound is about cases, and the sentence
    gives cases too: the deaths are no rival reading of it."""
    source = "So far there have been 48,302 confirmed cases in the region, and of those 912 people have died."
    claims = judged(tmp_path, "The region has recorded more than 45,000 confirmed infection cases.", source)
    assert verdict_of(claims, "more than 45,000 confirmed infection cases")["verdict"] == "supported"
    claims = judged(tmp_path, "The region has recorded under 45,000 confirmed infection cases.", source)
    assert verdict_of(claims, "under 45,000 confirmed infection cases")["verdict"] == "contradicted"


# --- a figure does not borrow the noun of its neighbour -------------------------------------------


def test_a_bare_figure_is_not_counted_in_its_neighbours_noun(tmp_path):
    """"55" in the draft counts whatever "in the northern district" has, not the "cases" of
    the figure before it; the source's district figure is the one to weigh."""
    source = (
        "As of 2 May the county had 412 confirmed measles cases, of which 230 were in the river "
        "district, 61 in the northern district and 121 elsewhere."
    )
    draft = "The county had more than 400 measles cases by 2 May, with less than 55 in the northern district."
    c = verdict_of(judged(tmp_path, draft, source), "less than 55")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "'61'" in c["evidence"][0]["reason"]


# --- snapshots --------------------------------------------------------------------------------------


@pytest.mark.parametrize("day, verdict", [("12 March", "supported"), ("13 March", "contradicted")])
def test_a_reworded_count_dated_as_of_another_day_is_contradicted(tmp_path, day, verdict):
    """Two "as of" dates each date a count: the same count on another day is another snapshot."""
    source = "As of 12 March 2026, health officials had logged 2,315 positive tests, 41 recoveries and 3 deaths."
    draft = f"In the valley towns, 2,315 residents had tested positive, as of {day}, 2026."
    c = verdict_of(judged(tmp_path, draft, source), f"{day}, 2026")
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_time_of_day_is_not_the_date_of_a_snapshot(tmp_path):
    source = "The state has the most storm deaths in the region, with 9 as of 4:10 p.m. on 18 March 2026."
    claims = judged(tmp_path, "The state had fewer than 20 storm deaths, as of March 18, 2026.", source)
    assert verdict_of(claims, "March 18, 2026")["verdict"] != "contradicted"


# --- years and shares are not counts ----------------------------------------------------------------


def test_a_year_in_the_source_does_not_bear_out_a_count(tmp_path):
    """"since 1985" says when; the draft's bound counts lighthouses, which the source gives
    as 610, and 610 is not more than 640."""
    source = "The coast has lost a third of its keepers since 1985, yet 610 lighthouses still shine along it each night."
    claims = judged(tmp_path, "More than 640 lighthouses still shine each night along the coast.", source)
    assert verdict_of(claims, "More than 640 lighthouses")["verdict"] != "supported"


def test_a_count_lined_up_with_a_percentage_is_not_compared(tmp_path):
    """Word by word, the draft's "640 lighthouses" falls on the source's "35%": a count and a
    share are never one figure, whatever the alignment says."""
    source = "Funding for keepers fell 35% after 1985, yet every night 610 lighthouses shine along the coast."
    claims = judged(tmp_path, "Funding for keepers fell after 1985, yet every night 640 lighthouses shine along the coast.", source)
    c = verdict_of(claims, "640 lighthouses")
    assert all("35%" not in e["reason"] for e in c.get("evidence") or []), c.get("evidence")
