"""`factcheck match`: give every claim of every draft a verdict, with evidence.

The flow: work out each draft's sources (drafts naming the same globs share one set),
bring the index up to date for all of them at once (one pass over the files, re-reading
only what changed), sort each draft's claims into those whose kept verdict stands and
those to judge (cache.py), judge those against the draft's own sources, and write
verdict and evidence into its claims file when anything differs. A bad source is
reported once and skipped; it never stops the other sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from factcheck.archive.search import ARCHIVE_SOURCE, ArchiveSearch
from factcheck.errors import ConfigError, DataError, FactcheckError
from factcheck.match.cache import Cached, DraftState, VerdictCache, binding_key, set_digest
from factcheck.model import LINK_FIELDS, ClaimRecord, Verdict
from factcheck.policy import sensitivity
from factcheck.policy.corroboration import Publishers, Tally, rules_digest
from factcheck.signoff import rules
from factcheck.sources import resolve
from factcheck.sources.index import SourceIndex
from factcheck.sources.search import Replay, Watch
from factcheck.store import claims_files, drafts
from factcheck.store import drafts as drafts_mod
from factcheck.store.claims_files import SCAN_FIELDS
from factcheck.textio import MAX_TEXT_BYTES, decode_text, read_bytes

if TYPE_CHECKING:
    from factcheck.sources.search import Searcher


@dataclass
class DraftOutcome:
    """What matching did for one draft."""

    draft: str
    claims_file: str = ""
    counts: Counter = field(default_factory=Counter)
    sources: int = 0
    errors: list[FactcheckError] = field(default_factory=list)
    changed: bool = False

    def tally(self) -> list[tuple[Verdict, int]]:
        """How many of the draft's claims got each verdict, every verdict named, in `Verdict` order."""
        return [(v, self.counts.get(v.value, 0)) for v in Verdict]

    @property
    def findings(self) -> bool:
        """Is any claim contradicted or not found?"""
        return bool(self.counts.get(Verdict.CONTRADICTED.value) or self.counts.get(Verdict.NOT_FOUND.value))


@dataclass
class MatchRun:
    outcomes: list[DraftOutcome] = field(default_factory=list)
    source_errors: list[FactcheckError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.source_errors) or any(o.errors for o in self.outcomes)

    @property
    def findings(self) -> bool:
        """Is any claim of any draft contradicted or not found?"""
        return any(o.findings for o in self.outcomes)


def match(config, given: list[str] | None = None, *, force: bool = False, progress: Progress | None = None) -> MatchRun:
    """Match the given drafts (default: every draft that has a claims file).

    Verdicts are kept between runs (see cache.py): a claim whose binding, sources and
    judging code are as they were is not judged again, unless `force`. `progress` is told
    how indexing and judging are getting on; it never prints anything itself here.
    """
    run = MatchRun()
    resolver = resolve.Resolver(config)
    plans = _plans(config, given, run, resolver)
    vaults: list = []

    def vault():
        """The local store of sealed passages, opened when the first one is met."""
        if not vaults:
            vaults.append(sensitivity.Vault(config.state_dir))
        return vaults[0]

    sealed_sets: dict = {}
    wanted = sorted({p for resolved in {id(r): r for _, r, *_ in plans}.values() for p in resolved.paths})
    index = SourceIndex(config.state_dir, config.root, config.limits)
    opened: dict = {}
    archive = None
    sets: dict[tuple, SourceSet] = {}
    work: list[DraftWork] = []
    cache = VerdictCache(config.state_dir)
    # claims picked by a rule or their own marker get a count of independent sources
    counting = _Counting(config)
    rules_counting = counting if config.corroboration else None

    def plan(refreshed) -> list:
        """Sort every draft's claims while the index is locked; open only the sources to search."""
        for rel, resolved, outcome, policy in plans:
            # Drafts naming the same sources share one set, unless their front matter seals other ones.
            memo = (id(resolved), policy.rules)
            if memo not in sealed_sets:
                sealed_sets[memo] = policy.sealed_among(resolved.paths)
            key = (id(resolved), sealed_sets[memo])
            if key not in sets:
                docs = [refreshed.docs[p] for p in resolved.paths if p in refreshed.docs]
                sealer = sensitivity.Sealer(policy, sealed_sets[memo], vault)
                sets[key] = SourceSet(index, docs, opened, archive, sealer, rules_counting)
            source_set = sets[key]
            outcome.sources = len(source_set.docs) + (archive.documents if archive else 0)
            w = _plan_draft(config, rel, source_set, outcome, cache, force)
            if w is not None:
                w.tally = counting.tally(rel)
                w.recount = rules_counting is not None and (w.last is None or w.last.sources != source_set.digest)
            if w is not None:
                work.append(w)
        searched = {id(w.source_set): w.source_set for w in work if w.todo or w.check}
        return [d for source_set in searched.values() for d in source_set.docs]

    try:
        archive = _open_archive(config, plans)
        refreshed = index.refresh(wanted, opened=opened, progress=progress, select=plan, listed=resolver.listed)
        run.source_errors = _unique_errors([e for p in plans for e in p[1].errors] + refreshed.errors)
        for w in work:
            _check_cached(w, cache)
        _judge_all(config, index, work, cache, progress)
        cache.forget_unused_sets()
    finally:
        for source_set in sets.values():
            source_set.close()
        for seg in opened.values():
            seg.close()
        cache.close()
        index.close()
        for v in vaults:
            v.close()
        if archive is not None:
            archive.close()
    return run


def _open_archive(config, plans: list):
    """The shared archive server, when one is configured (searched for every draft beside
    its own sources); a draft's source that is not on disk may be there instead."""
    if not config.archive:
        return None

    archive = ArchiveSearch(config.archive)
    held = archive.holds(sorted({p for plan in plans for p in plan[1].missing}))
    for _, resolved, *_ in plans:
        found = {id(resolved.missing[p]) for p in held & resolved.missing.keys()}
        resolved.errors = [e for e in resolved.errors if id(e) not in found]
    return archive


# Called as progress(stage, done, total, bytes_done, bytes_total); stage is "index" or "judge".
Progress = Callable[[str, int, int, int, int], None]


class SourceSet:
    """The indexed sources of one or more drafts: their digest, and a searcher made on first use."""

    def __init__(self, index, docs: list, opened: dict, archive=None, sealer=None, counting=None):
        self.index, self.docs, self._opened, self.archive = index, docs, opened, archive
        self.seal = sealer or (lambda records: records)
        self._sealer = sealer
        sealed = sealer.sealed if sealer is not None else frozenset()
        # Each source by its content and its place in the index: equally good passages are
        # taken in index order, so a source merged into another segment counts as changed.
        # A source sealed or unsealed since (marked, or its embargo over) counts as changed
        # too: the verdicts that drew on it are written again, sealed or in the clear.
        self.shas = {d.path: f"{d.sha256}:{d.doc_id}" + (":sealed" if d.path in sealed else "") for d in docs}
        if archive is not None:  # verdicts kept with the archive never pass for ones without it
            self.shas.update(archive.fingerprint())
        if counting is not None:  # a count kept with other rules or publishers never passes for these
            self.shas[_COUNTING_KEY] = counting.digest([d.path for d in docs])
        self.digest = set_digest(self.shas)
        self._searcher = None
        self._replay: Replay | None = None
        self._changed: dict[str, set[str] | None] = {}

    def as_counted(self, sources: list[str]) -> list[str]:
        """The sources as a count of independent ones sees them: a sealed source is only
        "a confidential source", as its sealed passages are, so sealed ones count once together."""
        sealer = self._sealer
        if sealer is None:
            return sorted(set(sources))
        return sorted(
            {sensitivity.CONFIDENTIAL_SOURCE if s in sealer.sealed or sealer.policy.sealed(s) else s for s in sources}
        )

    @property
    def searcher(self):
        if self._searcher is None:
            from factcheck.sources.search import Searcher

            self._searcher = Searcher(self.index.dir, self.docs, self._opened)
            if self.archive is not None:
                from factcheck.archive.search import CombinedSearcher

                self._searcher = CombinedSearcher(self._searcher, self.archive)
        return self._searcher

    def changes_since(self, cache, old_digest: str) -> set[str] | None:
        """The sources changed, added or gone since the set `old_digest`, or None when that
        set is no longer known or every claim must be judged again."""
        if old_digest not in self._changed:
            old = cache.source_set(old_digest)
            changed = None
            if old is not None:
                changed = {p for p, sha in self.shas.items() if old.get(p) != sha} | (old.keys() - self.shas.keys())
                if ARCHIVE_SOURCE in changed:
                    # Any reporter's push or prune changes what every search finds and how rare
                    # each term is: with the archive changed, every claim is judged again.
                    changed = None
            self._changed[old_digest] = changed
        return self._changed[old_digest]

    def same_answers(self, cached: Cached) -> bool:
        """Would the sources as they are now answer every question judging `cached` asked
        as they did then?"""
        if self._replay is None:
            self._replay = Replay(self.searcher)
        return self._replay.same_answers(cached.searches, cached.rarities)

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()


@dataclass
class DraftWork:
    """A draft whose claims need looking at: its claims file as read, and what to do with each claim."""

    rel: str
    shown: str
    source_set: SourceSet
    outcome: DraftOutcome
    data: bytes
    claims_sha: str
    claims: list[tuple[str, str]]  # (claim id, binding key), in the file's order
    last: DraftState | None = None  # how the last run left the draft
    cf: object = None  # the parsed claims file, once something needs it
    known: dict = field(default_factory=dict)  # binding key -> Cached that stands
    fresh: set = field(default_factory=set)  # keys whose verdict is not the one kept for this draft
    check: list = field(default_factory=list)  # (key, Cached) judged against the last source set
    todo: list = field(default_factory=list)  # keys to judge
    tally: object = None  # policy.corroboration.Tally: the independent-source counts to write
    recount: bool = False  # rules or publishers may have changed since the counts were written

    def claims_file(self):
        if self.cf is None:
            self.cf = claims_files.parse_claims_file(decode_text(self.data, self.shown), path=self.shown)
        return self.cf


def _plan_draft(config, rel: str, source_set: SourceSet, outcome: DraftOutcome, cache, force: bool) -> DraftWork | None:
    """Read a draft's claims file and sort its claims into those whose kept verdict stands,
    those to check against the sources changed since, and those to judge; None when the
    draft needs nothing at all."""
    import hashlib

    target = claims_files.claims_path(config.claims_dir, rel)
    shown = target.relative_to(config.root).as_posix()
    last = None if force else cache.draft(rel)
    try:
        if not target.exists():
            raise DataError(f"no claims file for {rel}; run `factcheck scan {rel}` first", path=shown)
        data = read_bytes(target, display=shown, limit=MAX_TEXT_BYTES)
        claims_sha = hashlib.sha256(data).hexdigest()
        # how the last run left this very claims file, if it did
        left = last if last is not None and last.claims_sha == claims_sha else None
        if left is not None and left.sources == source_set.digest:
            outcome.counts.update(left.counts)
            return None
        w = DraftWork(rel, shown, source_set, outcome, data, claims_sha, left.claims if left is not None else [], last)
        if left is None:
            cf = w.claims_file()
            w.claims = [(c["id"], binding_key(_judged_as(cf, c))) for c in cf.claims]
    except FactcheckError as exc:
        outcome.errors.append(exc)
        return None
    cached = {} if last is None else cache.verdicts(rel)
    same_sources = last is not None and last.sources == source_set.digest
    for key in dict.fromkeys(key for _, key in w.claims):
        hit = cached.get(key)
        if hit is not None and same_sources:
            w.known[key] = hit
        elif hit is not None:
            w.check.append((key, hit))
        else:
            other = None if force else cache.judged_elsewhere(key, source_set.digest)
            if other is not None:
                w.known[key] = other
                w.fresh.add(key)
            else:
                w.todo.append(key)
    return w


def _check_cached(w: DraftWork, cache) -> None:
    """Keep each verdict judged against the last source set that judging it afresh now
    would give again; the others are judged again."""
    changes = w.source_set.changes_since(cache, w.last.sources) if w.check and w.last is not None else None
    for key, cached in w.check:
        if changes is not None and not _could_change(cached, changes, w.source_set):
            w.known[key] = cached
        else:
            w.todo.append(key)
    w.check = []


def _could_change(cached: Cached, changed: set[str], source_set: SourceSet) -> bool:
    """Could judging `cached` afresh give another verdict or evidence? Yes if it read a
    source that changed since, or if a question it asked of the sources (a search for
    passages, how rare some words are) now gets another answer: a changed or new source
    may make a search's list, and any change shifts how rare words are, which may reorder
    equally good passages or move a reworded sentence's share past a threshold."""
    return bool(changed.intersection(cached.sources)) or not source_set.same_answers(cached)


def _judge_all(config, index, work: list[DraftWork], cache, progress: Progress | None) -> None:
    """Judge every claim that needs it, then write each draft's verdicts and cache them."""
    total = sum(len(w.todo) for w in work)
    done = 0
    for w in work:
        try:
            judged = _judge_claims(w, index, lambda n: progress and progress("judge", done + n, total, 0, 0))  # noqa: B023  (called before `done` moves on)
        except FactcheckError as exc:
            w.outcome.errors.append(exc)
            continue
        done += len(w.todo)
        w.known.update(judged)
        w.fresh.update(judged)
        _write_draft(config, w, cache)


def _judge_claims(w: DraftWork, index, tick) -> dict:
    """binding key -> Cached for each claim to judge, with what judging it looked at."""
    if not w.todo:
        return {}
    # The judge (and the extractors, rapidfuzz and the rules it reads) is loaded only once a
    # claim is to be judged: a run whose verdicts all stand never imports it. The module,
    # not its function, so a test can stand in for the judge.
    from factcheck.match import judge

    cf = w.claims_file()
    keys = dict(w.claims)
    by_key: dict[str, ClaimRecord] = {}
    in_file = rules.by_id(cf.claims)
    for claim in cf.claims:
        # a headline claim that repeats a body claim shares its key: the body claim is judged
        by_key.setdefault(keys[claim["id"]], rules.signed_as(claim, in_file))
    searcher = w.source_set.searcher
    marks = searcher.marks_for(index.marks) if w.source_set.archive is not None else index.marks
    ctx = judge.Context(searcher, _reference_date(cf.reference_date), marks=marks)
    out = {}
    for n, key in enumerate(w.todo):
        # The judge sees the sources through a watch (it answers all the judge asks of a
        # searcher): what judging asked of them is kept with the verdict.
        watch = Watch(searcher)
        ctx.searcher = cast("Searcher", watch)
        try:
            j = judge.judge(by_key[key], ctx)
        except Exception as exc:
            w.outcome.errors.append(JudgingError(w.rel, by_key[key].get("id"), exc))
            continue
        evidence = w.source_set.seal([e.to_record() for e in j.evidence])
        supporters = w.source_set.as_counted(j.supporting_sources())
        out[key] = Cached(j.verdict.value, evidence, sorted(watch.sources), watch.searches, supporters, watch.rarities)
        tick(n + 1)
    return out


def _write_draft(config, w: DraftWork, cache) -> None:
    """Write the verdicts into the claims file as it stands now, if any differ, and keep them.

    Judging can take a while; holding the file's lock all that time would make a
    reviewer's sign-off on the same draft wait, or give up. A claim removed or rewritten
    by a scan meanwhile gets nothing: its verdict was for other words.
    """
    import hashlib
    from collections import Counter

    keys = dict(w.claims)
    claims_sha = w.claims_sha
    if w.cf is None and not w.fresh and not w.recount:
        # The file is as the last run left it, and every verdict in it still stands.
        w.outcome.counts.update(Counter(w.known[key].verdict for _, key in w.claims))
    else:

        def verdict_of(cf: claims_files.ClaimsFile, claim: ClaimRecord) -> Cached | None:
            key = keys.get(claim["id"])
            return w.known.get(key) if key is not None and key == _binding(cf, claim) else None

        snapshot = w.claims_file()
        if all(_recorded(c, verdict_of(snapshot, c), w.tally) for c in snapshot.claims):
            _apply(snapshot, verdict_of, w.outcome)  # the file holds them all already: nothing to write
        else:
            written: list[str] = []
            keep = lambda path: written.append(hashlib.sha256(path.read_bytes()).hexdigest())  # noqa: E731
            try:
                with claims_files.editing(config, w.rel, after_write=keep) as cf:
                    complete = _apply(cf, verdict_of, w.outcome, w.tally)
            except FactcheckError as exc:
                w.outcome.errors.append(exc)
                return
            # The file is the state to skip next time only if it is as this run left it, every claim judged.
            claims_sha = written[0] if complete and written else ""
    state = DraftState(claims_sha, w.source_set.digest, dict(w.outcome.counts), w.claims)
    cache.save_draft(w.rel, state, w.source_set.shas, {k: w.known[k] for k in w.fresh if k in w.known})


def _binding(cf, claim: ClaimRecord) -> str:
    return binding_key(_judged_as(cf, claim))


def _recorded(claim: ClaimRecord, cached, tally=None) -> bool:
    """Does the claims file already hold this verdict, evidence and source count?"""
    if cached is None or claim.get("verdict") != cached.verdict or (claim.get("evidence") or []) != cached.evidence:
        return False
    return tally is None or tally.recorded(claim, cached.evidence, cached.supporters)


# The source set's entry for what a corroboration count depends on beyond the sources'
# contents: the rules, and each source's publisher (its sidecar can change on its own).
_COUNTING_KEY = "\0corroboration"


class _Counting:
    """Counting independent sources for the newsroom's corroboration rules."""

    def __init__(self, config):
        self.config = config
        self.rules = config.corroboration
        self.publishers = Publishers(config.root)
        self._rules_digest = rules_digest(self.rules)

    def digest(self, paths: list[str]) -> str:
        return f"{self._rules_digest}:{self.publishers.digest(paths)}"

    def tally(self, rel: str):
        meta: dict = {}
        if any(r.flag for r in self.rules):
            try:
                meta = drafts.read_draft(self.config, rel).meta
            except FactcheckError:
                meta = {}
        return Tally(self.rules, self.publishers, meta)


def _plans(config, given, run: MatchRun, resolver) -> list:
    plans = []
    sidecars, now = sensitivity.Sidecars(config.root), sensitivity.utc_now()
    selected = _selected(config, given, run)
    all_drafts = set(drafts_mod.discover(config)) if selected else set()
    for rel in selected:
        outcome = DraftOutcome(
            rel, claims_files.claims_path(config.claims_dir, rel).relative_to(config.root).as_posix()
        )
        run.outcomes.append(outcome)
        try:
            draft = drafts_mod.read_draft(config, rel)
            resolved = resolver.for_draft(draft.sources)
            _refuse_drafts_as_sources(rel, resolved.paths, all_drafts | {rel})
            policy = sensitivity.SourcePolicy.for_draft(config, draft, sidecars=sidecars, now=now)
            plans.append((rel, resolved, outcome, policy))
        except FactcheckError as exc:
            outcome.errors.append(exc)
    return plans


def _refuse_drafts_as_sources(rel: str, sources: list[str], drafts: set[str]) -> None:
    """A draft checked against itself (or another draft) comes out all "supported": its
    claims are found word for word. Such a source is a mistake in the globs, never evidence."""
    reached = sorted(p for p in sources if p in drafts)
    if reached:
        shown = ", ".join(reached[:3]) + (f" and {len(reached) - 3} more" if len(reached) > 3 else "")
        raise ConfigError(f"its sources reach {shown}, selected as a draft; a draft cannot be a source", path=rel)


def _selected(config, given, run: MatchRun) -> list[str]:
    if not given:
        return [rel for rel in drafts_mod.discover(config) if claims_files.claims_path(config.claims_dir, rel).exists()]
    rels = []
    for g in given:
        try:
            rels.append(drafts_mod.relative_draft(config, g))
        except FactcheckError as exc:
            run.outcomes.append(DraftOutcome(g, errors=[exc]))
    return rels


class JudgingError(FactcheckError):
    """A bug met while judging one claim: the claim keeps its old verdict, the run goes on."""

    exit_code = 3

    def __init__(self, draft: str, claim_id, exc: BaseException):
        import traceback

        super().__init__(f"internal error judging claim {claim_id}: {type(exc).__name__}: {exc}", path=draft)
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def _apply(cf, verdict_of, outcome: DraftOutcome, tally=None) -> bool:
    """Write each verdict into the claim it was made for, as the file stands now; True
    when every claim got one. Review fields written meanwhile are left as they are."""
    complete = True
    outcome.counts.clear()
    for claim in cf.claims:
        got = verdict_of(cf, claim)
        if got is None:
            complete = False
            continue
        claim["verdict"] = got.verdict
        claim["evidence"] = [dict(e) for e in got.evidence]  # a copy: one list in two claims would dump as a YAML alias
        if tally is not None:
            tally.apply(claim, claim["evidence"], got.supporters)
        outcome.counts[got.verdict] += 1
    return complete


# Where a claim sits in the draft does not change what the sources say about it.
_POSITION_FIELDS = ("start", "end", "line")
_IGNORED_FIELDS = (*_POSITION_FIELDS, *LINK_FIELDS)


def _judged_as(cf, claim: ClaimRecord) -> tuple:
    """What a verdict depends on: the claim's scanned fields and the draft's reference date.

    A headline claim that repeats a body claim takes that claim's verdict and evidence, so
    it is judged as that claim."""
    if claim.get("repeats"):
        claim = rules.signed_as(claim, rules.by_id(cf.claims))
    fields = tuple((k, repr(claim.get(k))) for k in SCAN_FIELDS if k not in _IGNORED_FIELDS)
    return (cf.reference_date, fields)


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
