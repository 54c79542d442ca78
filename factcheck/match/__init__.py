"""`factcheck match`: give every claim of every draft a verdict, with evidence.

The flow: work out each draft's sources, bring the index up to date for all of them
at once (one pass over the files, re-reading only what changed), then judge each
draft's claims against its own sources and write verdict and evidence into its claims
file. A bad source is reported once and skipped; it never stops the other sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from factcheck.errors import FactcheckError


@dataclass
class DraftOutcome:
    """What matching did for one draft."""

    draft: str
    claims_file: str = ""
    counts: Counter = field(default_factory=Counter)
    sources: int = 0
    errors: list[FactcheckError] = field(default_factory=list)
    changed: bool = False


@dataclass
class MatchRun:
    outcomes: list[DraftOutcome] = field(default_factory=list)
    source_errors: list[FactcheckError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.source_errors) or any(o.errors for o in self.outcomes)


def match(config, given: list[str] | None = None) -> MatchRun:
    """Match the given drafts (default: every draft that has a claims file)."""
    from factcheck.sources.index import SourceIndex

    run = MatchRun()
    plans = _plans(config, given, run)
    wanted = sorted({p for plan in plans for p in plan[1].paths})
    index = SourceIndex(config.state_dir, config.root)
    opened: dict = {}
    try:
        refreshed = index.refresh(wanted, opened=opened)
        run.source_errors = _unique_errors([e for plan in plans for e in plan[1].errors] + refreshed.errors)
        for rel, resolved, outcome in plans:
            docs = [refreshed.docs[p] for p in resolved.paths if p in refreshed.docs]
            outcome.sources = len(docs)
            _match_draft(config, index, rel, docs, outcome, opened)
    finally:
        for seg in opened.values():
            seg.close()
        index.close()
    return run


def _plans(config, given, run: MatchRun) -> list:
    from factcheck import drafts as drafts_mod
    from factcheck import store
    from factcheck.sources import resolve

    plans = []
    resolver = resolve.Resolver(config)
    for rel in _selected(config, given, run):
        outcome = DraftOutcome(rel, store.claims_path(config.claims_dir, rel).relative_to(config.root).as_posix())
        run.outcomes.append(outcome)
        try:
            draft = drafts_mod.read_draft(config, rel)
            plans.append((rel, resolver.for_draft(draft.sources), outcome))
        except FactcheckError as exc:
            outcome.errors.append(exc)
    return plans


def _selected(config, given, run: MatchRun) -> list[str]:
    from factcheck import drafts as drafts_mod
    from factcheck import store

    if not given:
        return [rel for rel in drafts_mod.discover(config) if store.claims_path(config.claims_dir, rel).exists()]
    rels = []
    for g in given:
        try:
            rels.append(drafts_mod.relative_draft(config, g))
        except FactcheckError as exc:
            run.outcomes.append(DraftOutcome(g, errors=[exc]))
    return rels


def _match_draft(config, index, rel: str, docs: list, outcome: DraftOutcome, opened: dict) -> None:
    from factcheck import store
    from factcheck.match.judge import Context, judge
    from factcheck.sources.search import Searcher

    searcher = Searcher(index.dir, docs, opened)
    try:
        with store.editing(config, rel) as cf:
            ctx = Context(searcher, _reference_date(cf.reference_date), marks=index.marks)
            for claim in cf.claims:
                j = judge(claim, ctx)
                _record(claim, j)
                outcome.counts[j.verdict.value] += 1
    except FactcheckError as exc:
        outcome.errors.append(exc)
    finally:
        searcher.close()


def _record(claim: dict, j) -> None:
    claim["verdict"] = j.verdict.value
    claim["evidence"] = [e.to_record() for e in j.evidence]


def _reference_date(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else dt.date.today()
    except ValueError:
        return dt.date.today()


def _unique_errors(errors: list[FactcheckError]) -> list[FactcheckError]:
    seen, out = set(), []
    for e in errors:
        if str(e) not in seen:
            seen.add(str(e))
            out.append(e)
    return out
