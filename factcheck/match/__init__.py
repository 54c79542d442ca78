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
    index = SourceIndex(config.state_dir, config.root, config.limits)
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
    """Judge a draft's claims without holding its claims file, then write the verdicts in.

    Judging can take a while; holding the file's lock all that time would make a
    reviewer's sign-off on the same draft wait, or give up.
    """
    from factcheck import store
    from factcheck.sources.search import Searcher

    searcher = Searcher(index.dir, docs, opened)
    try:
        judged = _judge_claims(config, rel, searcher, index)
        with store.editing(config, rel) as cf:
            _apply(cf, judged, outcome)
    except FactcheckError as exc:
        outcome.errors.append(exc)
    finally:
        searcher.close()


def _judge_claims(config, rel: str, searcher, index) -> dict[str, tuple[tuple, object]]:
    """Each claim's id → (what it was judged as, the judgement), from a snapshot of the file."""
    from factcheck import store
    from factcheck.errors import DataError
    from factcheck.match.judge import Context, judge

    cf = store.load_claims(config, rel)
    if cf is None:
        shown = store.claims_path(config.claims_dir, rel).relative_to(config.root).as_posix()
        raise DataError(f"no claims file for {rel}; run `factcheck scan {rel}` first", path=shown)
    ctx = Context(searcher, _reference_date(cf.reference_date), marks=index.marks)
    return {claim["id"]: (_judged_as(cf, claim), judge(claim, ctx)) for claim in cf.claims}


def _apply(cf, judged: dict, outcome: DraftOutcome) -> None:
    """Write each verdict into the claim it was made for, as the file stands now.

    A claim removed or rewritten by a scan meanwhile gets nothing: its verdict was for
    other words. Review fields written meanwhile are left as they are.
    """
    for claim in cf.claims:
        seen = judged.get(claim["id"])
        if seen is None or seen[0] != _judged_as(cf, claim):
            continue
        _record(claim, seen[1])
        outcome.counts[seen[1].verdict.value] += 1


# Where a claim sits in the draft does not change what the sources say about it.
_POSITION_FIELDS = ("start", "end", "line")


def _judged_as(cf, claim: dict) -> tuple:
    """What a verdict depends on: the claim's scanned fields and the draft's reference date."""
    from factcheck.store import SCAN_FIELDS

    fields = tuple((k, repr(claim.get(k))) for k in SCAN_FIELDS if k not in _POSITION_FIELDS)
    return (cf.reference_date, fields)


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
