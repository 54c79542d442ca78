"""A source that states the draft's figure or date and ranks the same thing otherwise.

Each test is a small newsroom (one draft sentence, one source) scanned and matched end to
end.
"""

from __future__ import annotations

import pytest

from factcheck.match import ranks
from tests.test_match_quantities import judged, verdict_of


@pytest.mark.parametrize("place, verdict", [("second", "supported"), ("first", "contradicted")])
def test_the_same_year_with_another_place_is_contradicted(tmp_path, place, verdict):
    source = "In 1871, Marrow Bay became the second harbour on the coast to be lit by gas lamps."
    draft = f"Marrow Bay became the {place} harbour on the coast to be lit by gas lamps in 1871."
    c = verdict_of(judged(tmp_path, draft, source), "1871")
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert "'first'" in c["evidence"][0]["reason"] and "'second'" in c["evidence"][0]["reason"]


def test_a_bare_superlative_against_a_ranked_one(tmp_path):
    source = "The record was, by the close of 2011, the country's fourth best-selling of the year."
    draft = "The record was the country's best-selling of 2011."
    assert verdict_of(judged(tmp_path, draft, source), "2011")["verdict"] == "contradicted"


def test_ranks_of_different_things_do_not_clash(tmp_path):
    """ "Third season" and "first title" rank different things: the year stands."""
    source = "In 2019, their third season in the league, the Otters won their first title."
    draft = "The Otters won the title in 2019, their third season in the league."
    assert verdict_of(judged(tmp_path, draft, source), "2019")["verdict"] == "supported"


@pytest.mark.parametrize(
    "draft, source, clash",
    [
        ("the thirty-sixth busiest port", "the sixth busiest port", True),
        ("the thirty-sixth busiest port", "the 36th busiest port", False),
        ("ranked below No. 3 on the list", "reached No. 3 on the list", True),
        ("the first town", "the first bridge", False),
    ],
)
def test_rank_clash_reads_compound_ordinals_and_bounds(draft, source, clash):
    assert (ranks.clash(draft, source) is not None) is clash
