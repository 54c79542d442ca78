"""What a match run reports per draft: its verdict counts and whether anything needs a look."""

from __future__ import annotations

from collections import Counter

from factcheck.match import DraftOutcome, MatchRun
from factcheck.model import Verdict


def test_tally_names_every_verdict_in_order_with_zero_for_those_not_given():
    outcome = DraftOutcome("drafts/a.md", counts=Counter({"contradicted": 2, "supported": 5}))
    assert outcome.tally() == [(Verdict.SUPPORTED, 5), (Verdict.CONTRADICTED, 2), (Verdict.NOT_FOUND, 0)]


def test_a_draft_has_findings_when_a_claim_is_contradicted_or_not_found():
    assert not DraftOutcome("a.md", counts=Counter({"supported": 3})).findings
    assert DraftOutcome("a.md", counts=Counter({"supported": 3, "not_found": 1})).findings
    assert DraftOutcome("a.md", counts=Counter({"contradicted": 1})).findings


def test_a_run_has_findings_when_any_of_its_drafts_has():
    clean = DraftOutcome("a.md", counts=Counter({"supported": 1}))
    found = DraftOutcome("b.md", counts=Counter({"not_found": 1}))
    assert not MatchRun(outcomes=[clean]).findings
    assert MatchRun(outcomes=[clean, found]).findings
    assert not MatchRun().findings
