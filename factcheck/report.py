"""The editor's report: drafts and their claims files → one view model, ready to render.

Everything an editor sees on the review page is decided here (each claim's state,
where it sits in the draft, which source words match, the quote diff, the values
compared, and the texts the page writes of each claim); the model's types are in
`render/report_model.py`, and the HTML renderer only escapes and lays it out.
Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from factcheck import gitrepo
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.extract import dates, figures, make_doc
from factcheck.model import KINDS, VERDICTS, ClaimRecord, EvidenceRecord, Kind, normalize
from factcheck.policy import sensitivity
from factcheck.render.report_model import (
    ClaimView,
    DiffPart,
    DraftView,
    EvidenceView,
    Report,
    Run,
    State,
    ValueSeen,
    claims_shown,
    reviews,
)
from factcheck.signoff.rules import Status, by_id, followed, reviews_of, status_of
from factcheck.store.claims_files import claims_path, load_claims, text_sha256
from factcheck.store.drafts import discover, read_draft, select


def claim_state(rec: ClaimRecord, signed: ClaimRecord | None = None) -> State:
    """The sign-off as the review history has it; the hand-editable `status:` line is ignored.

    `signed` is the record whose sign-off counts, when it is not `rec` itself: the body
    claim a headline claim repeats, or the claim as stored when `rec` is a copy made for
    showing."""
    status = status_of(signed if signed is not None else rec)
    if status is not Status.PENDING:
        return State(status.value)
    if rec.get("verdict") in VERDICTS:
        return State(rec["verdict"])
    return State.UNCHECKED


# --- building -----------------------------------------------------------------


def build_report(
    config: Config,
    drafts: list[str] | None = None,
    *,
    base: str | None = None,
    now: dt.datetime | None = None,
    for_ci: bool = False,
) -> Report:
    """The report of the given drafts, of those changed since `base`, or of every draft.

    `for_ci`: the page leaves this machine (a CI artifact), so evidence from confidential
    and embargoed sources shows as "a confidential source"; otherwise this machine's
    sealed passages are shown, marked.
    """
    if drafts and base:
        raise FactcheckError("name drafts or give --base, not both")
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    views: list[DraftView] = []
    first = 1
    with collector_paused():
        for rel in changed_drafts(config, base) if base else select(config, drafts):
            view = draft_view(config, rel, first, for_ci=for_ci)
            views.append(view)
            first += len(view.claims)
    return Report(
        root_name=config.root.resolve().name, generated_at=stamp, drafts=tuple(views), base=base, name=config.name
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a report is built or written.

    Both make hundreds of thousands of small objects that all live until the end: the
    claims files' records and the claims' views, then every value the page escapes (a
    Markup object each). Each of them counts towards the next collection, and each
    collection walks all of them again, so on a page of thousands of claims the collector
    cost more than the work. Nothing made here is freed only by the collector (reference
    counting frees it), so holding it off loses nothing; it runs again, as it was, after.
    """
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def changed_drafts(config: Config, base: str) -> list[str]:
    """Drafts whose text or claims file changed since the branch left `base`: a pull request's drafts."""
    changed = set(gitrepo.changed_files(config.root, base))

    def touched(rel: str) -> bool:
        return rel in changed or claims_path(config.claims_dir, rel).relative_to(config.root).as_posix() in changed

    return [rel for rel in discover(config) if touched(rel)]


def draft_view(config: Config, rel: str, first: int, *, for_ci: bool = False) -> DraftView:
    """One draft with its claims placed; a file that cannot be read becomes a problem, not a crash."""
    try:
        draft = read_draft(config, rel)
    except FactcheckError as exc:
        return DraftView(path=rel, title=None, meta={}, text="", body_start=0, problems=(str(exc),), failed=True)
    base = DraftView(path=rel, title=_title(draft.meta), meta=draft.meta, text=draft.text, body_start=draft.body_start)
    try:
        cf = load_claims(config, rel)
        if cf is not None:
            check_histories(cf.claims, path=claims_path(config.claims_dir, rel).relative_to(config.root).as_posix())
    except FactcheckError as exc:
        return _replace(base, problems=(str(exc),), failed=True)
    if cf is None:
        return _replace(base, problems=(f"not scanned yet: run `factcheck scan {rel}`",))
    try:
        seen = replace(cf, claims=_as_seen(config, draft, cf.claims, for_ci))
    except FactcheckError as exc:
        return _replace(base, problems=(str(exc),), failed=True)
    return _with_claims(base, seen, first, judged=cf.claims)


def _as_seen(config: Config, draft, claims: list[ClaimRecord], for_ci: bool) -> list[ClaimRecord]:
    """The claims as this report's readers may see their evidence (see `build_report`), one
    copy for each claim, in order. Only for showing: a revealed passage names its source,
    which a sign-off never does, so states are judged on the claims as stored."""
    if for_ci:
        return sensitivity.conceal(claims, sensitivity.SourcePolicy.for_draft(config, draft))
    return sensitivity.reveal(config.state_dir, claims)


def check_histories(claims: list[ClaimRecord], *, path: str) -> None:
    """A malformed review history makes the whole claims file unreadable: no sign-off can be trusted."""
    for rec in claims:
        reviews_of(rec, path=path)


def _replace(view: DraftView, **changes) -> DraftView:
    return replace(view, **changes)


def _title(meta: dict[str, Any]) -> str | None:
    title = meta.get("title")
    return str(title) if title not in (None, "") else None


def _with_claims(base: DraftView, cf, first: int, *, judged: list[ClaimRecord]) -> DraftView:
    """The draft's claims placed and stated: `cf` holds them as shown, `judged` as the
    claims file stores them, which their states come from, as `check` reads them."""
    problems = []
    changed = cf.draft_sha256 is not None and cf.draft_sha256 != text_sha256(base.text)
    if changed:
        problems.append(f"the draft changed since it was scanned: run `factcheck scan {base.path}`")
    ref = _reference_date(cf.reference_date)
    claims = tuple(
        claim_view(rec, first + i, base.text, base.body_start, ref, trust_offsets=not changed, judged=stored)
        for i, (rec, stored) in enumerate(zip(cf.claims, judged, strict=True))
    )
    claims = _linked(claims, judged)
    lost = sum(1 for c in claims if not c.placed)
    if lost:
        problems.append(f"{lost} claim{'s' if lost != 1 else ''} could not be placed in the draft text")
    return _replace(base, claims=claims, problems=tuple(problems), shown=claims_shown(claims, base.path))


def _linked(claims: tuple[ClaimView, ...], judged: list[ClaimRecord]) -> tuple[ClaimView, ...]:
    """Each headline claim that repeats a body claim takes its state (judged on the body
    claim as stored) and names it; the body claim names the headline claims that follow it."""
    index = by_id(judged)
    number = {c.record.get("id"): c.n for c in claims}
    follows = {c.n: followed(c.record, index) for c in claims}
    repeated: dict[str, list[tuple[int, str]]] = {}
    for c in claims:
        body = follows[c.n]
        if body is not None:
            repeated.setdefault(body["id"], []).append((c.n, str(c.record["id"])))
    out = []
    for c in claims:
        body = follows[c.n]
        if body is not None:
            c = replace(c, state=claim_state(c.record, body), follows=(number[body["id"]], str(body["id"])))
        elif c.record.get("id") in repeated:
            c = replace(c, repeated_by=tuple(repeated[c.record["id"]]))
        out.append(c)
    return tuple(out)


def _reference_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def claim_view(
    rec: ClaimRecord,
    n: int,
    text: str,
    body_start: int,
    ref: dt.date | None,
    *,
    trust_offsets: bool = True,
    judged: ClaimRecord | None = None,
) -> ClaimView:
    """The claim `rec` as the page shows it. `judged` is the claim as its claims file
    stores it, when `rec` is a copy made for showing (sealed passages revealed or
    concealed): its sign-off is bound to what is stored, so its state is read there."""
    raw_kind = rec.get("kind")
    kind = raw_kind if isinstance(raw_kind, str) and raw_kind in KINDS else "other"
    span = place(rec, text, body_start, trust_offsets=trust_offsets)
    evidence = tuple(evidence_view(rec, kind, ev, ref) for ev in _evidence_list(rec))
    return ClaimView(
        n=n,
        record=rec,
        state=claim_state(rec, judged),
        kind=kind,
        start=span[0] if span else None,
        end=span[1] if span else None,
        evidence=evidence,
        since_signoff=since_signoff(rec),
    )


def since_signoff(rec: ClaimRecord) -> tuple[DiffPart, ...]:
    """For a claim edited after its sign-off, the words that changed; else nothing."""
    signed = [was for r in reviews(rec) if isinstance(was := r.get("text"), str)]
    text = rec.get("text")
    if not signed or not isinstance(text, str) or signed[-1] == text:
        return ()
    return word_diff(signed[-1], text)


def _evidence_list(rec: ClaimRecord) -> list[EvidenceRecord]:
    evidence = rec.get("evidence") or []
    return [ev for ev in evidence if isinstance(ev, dict)] if isinstance(evidence, list) else []


# --- placing a claim in its draft -------------------------------------------------


def place(rec: ClaimRecord, text: str, body_start: int, *, trust_offsets: bool = True) -> tuple[int, int] | None:
    """Where the claim's words are in the draft body, or None.

    The stored offsets are right while the draft is unchanged. Once it has been edited
    they may point elsewhere, so the claim's words are looked for nearest the old place.
    """
    words = rec.get("text")
    start, end = rec.get("start"), rec.get("end")
    if not isinstance(words, str) or not words:
        return None
    stored = (
        (start, end)
        if isinstance(start, int) and isinstance(end, int) and body_start <= start < end <= len(text)
        else None
    )
    if stored is not None and normalize(text[stored[0] : stored[1]]) == normalize(words):
        return stored
    found = _nearest(text, words, start if isinstance(start, int) else body_start, body_start)
    if found is not None:
        return found, found + len(words)
    return stored if trust_offsets else None


def _nearest(text: str, words: str, near: int, body_start: int) -> int | None:
    after = text.find(words, max(near, body_start))
    before = text.rfind(words, body_start, max(near, body_start) + len(words) - 1)
    hits = [h for h in (before, after) if h >= body_start]
    return min(hits, key=lambda h: abs(h - near)) if hits else None


# --- evidence ---------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")
_STOP = frozenset(
    "a an and are as at be but by for from had has have he her his in is it its of on or our she that the "
    "their they this to was we were which who will with".split()
)


def _text_of(record: Mapping[str, Any], key: str) -> str:
    """A text field as stored, or "" when it is missing or not text (a hand-edited file)."""
    value = record.get(key)
    return value if isinstance(value, str) else ""


def evidence_view(rec: ClaimRecord, kind: str, ev: EvidenceRecord, ref: dt.date | None) -> EvidenceView:
    passage, claim_text, sentence = _text_of(ev, "text"), _text_of(rec, "text"), _text_of(rec, "sentence")
    return EvidenceView(
        record=ev,
        runs=mark_words(passage, claim_text, sentence),
        diff=word_diff(passage, claim_text) if kind == Kind.QUOTE and passage else (),
        values=values_seen(rec, kind, ev, passage, ref) if kind in (Kind.FIGURE, Kind.DATE) else (),
    )


def _key(word: str) -> str:
    return word.casefold().replace(",", "").replace("’", "'")


def mark_words(passage: str, claim_text: str, sentence: str) -> tuple[Run, ...]:
    """The passage cut into runs by what its words match.

    Neighbouring words with the same mark and only space between them share one run;
    anything else between marked words (punctuation, another mark) ends the run. So a
    passage of a few dozen words is a handful of runs, each of which the page writes
    as one element."""
    strong = {_key(w) for w in _WORD.findall(claim_text)}
    light = {_key(w) for w in _WORD.findall(sentence) if len(w) > 3 or w[0].isdigit()} - _STOP
    runs: list[Run] = []
    start = end = hit = 0  # the open run is passage[start:end], all of one mark
    for m in _WORD.finditer(passage):
        key = _key(m.group())
        mark = 2 if key in strong else 1 if key in light else 0
        at, after = m.span()
        if mark == hit and (not hit or passage[end:at].isspace() or end == at):
            end = after
            continue
        if hit:
            runs.append(Run(passage[start:end], hit))
            start = end
        if mark:
            if at > start:
                runs.append(Run(passage[start:at], 0))
            start = at
        end, hit = after, mark
    if hit:
        runs.append(Run(passage[start:end], hit))
        start = end
    if start < len(passage):
        runs.append(Run(passage[start:], 0))
    return tuple(runs)


def word_diff(before: str, after: str) -> tuple[DiffPart, ...]:
    """Word-level diff, e.g. from what the source says to what the draft prints.

    Words are compared without case or punctuation, so only real word changes show.
    """
    a, b = before.split(), after.split()
    sm = difflib.SequenceMatcher(None, [_bare(w) for w in a], [_bare(w) for w in b], autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("del", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("ins", " ".join(b[j1:j2])))
    return tuple(parts)


def _bare(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def values_seen(
    rec: ClaimRecord, kind: str, ev: EvidenceRecord, passage: str, ref: dt.date | None
) -> tuple[ValueSeen, ...]:
    """The figures or dates a source passage states, each compared with the draft's value."""
    recorded: Mapping[str, Any] = ev  # keys a newer matcher may add
    if "value" in recorded:  # the matcher may record the value it compared against
        return (
            ValueSeen(
                str(recorded.get("value_text") or recorded["value"]),
                recorded["value"],
                recorded.get("unit"),
                _same(rec, recorded["value"], recorded.get("unit")),
            ),
        )
    found = _read_values(kind, passage, ref)
    return tuple(ValueSeen(passage[f.start : f.end], f.value, f.unit, _same(rec, f.value, f.unit)) for f in found)


def _read_values(kind: str, passage: str, ref: dt.date | None) -> list:
    """Read values with the draft extractors, so the report compares what matching compares."""
    if not passage.strip():
        return []
    finder = figures if kind == Kind.FIGURE else dates
    doc = make_doc(passage, reference_date=ref or dt.date.today())
    try:
        return [f for f in finder.find(doc) if 0 <= f.start < f.end <= len(passage)]
    except Exception:
        return []


def _same(rec: ClaimRecord, value: Any, unit: str | None) -> bool:
    mine = rec.get("value")
    if mine is None or value is None:
        return False
    if rec.get("unit") and unit and rec.get("unit") != unit:
        return False
    if isinstance(mine, (int, float)) and isinstance(value, (int, float)):
        return abs(float(mine) - float(value)) <= 1e-9 * max(1.0, abs(float(mine)))
    return str(mine) == str(value)
