"""The report page's model: each draft and claim as the page shows them.

`factcheck.report` builds it from the newsroom's drafts and claims files. Beside each
claim's view (its state, kind, place in the draft and evidence), the model holds every
text the page writes about the claim (`ClaimShown`), read off the view once, when the
report is built: the page writes a claim twice (in the list of claims and in its
detail), and a template reading values off records itself costs many times an
attribute. The HTML renderer (`render/html.py` and its template) only lays the model
out and escapes it. A passage's marked words and a word diff, dozens of short runs per
claim, are the only HTML made here, every run escaped (see `marked_words`).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from factcheck.model import KIND_FIELDS, ClaimRecord, EvidenceRecord, Kind, ReviewEntry
from factcheck.policy.sensitivity import CONFIDENTIAL_SOURCE
from factcheck.render.terminal import snippet
from factcheck.signoff.rules import Decision, Status

KIND_LABELS = {"quote": "Quote", "figure": "Figure", "date": "Date", "attribution": "Attribution", "other": "Other"}


class State(str, Enum):
    """Where a claim stands for the editor: its sign-off if it has one, else its verdict."""

    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"
    STALE = "stale"
    REJECTED = "rejected"
    UNCHECKED = "unchecked"
    SUPPORTED = "supported"
    APPROVED = "approved"


# Most serious first: the order of the summary and of the filters.
STATE_LABELS: dict[State, str] = {
    State.CONTRADICTED: "Contradicted",
    State.NOT_FOUND: "Not found",
    State.STALE: "Stale sign-off",
    State.REJECTED: "Rejected",
    State.UNCHECKED: "Not matched",
    State.SUPPORTED: "Supported",
    State.APPROVED: "Approved",
}

# A claim still waits for an editor unless someone approved or rejected its current text.
NEEDS_REVIEW = frozenset(STATE_LABELS) - {State.APPROVED, State.REJECTED}
PROBLEMS = frozenset({State.CONTRADICTED, State.NOT_FOUND, State.STALE, State.REJECTED})


@dataclass(frozen=True)
class Run:
    """A stretch of a source passage whose words share a mark: `hit` 2 = words of the
    claim, 1 = of its sentence, 0 = neither (and the text between marked runs)."""

    text: str
    hit: int


@dataclass(frozen=True)
class DiffPart:
    """A run of words in a word diff: `same`, `del` (only before) or `ins` (only after)."""

    op: str
    text: str


@dataclass(frozen=True)
class ValueSeen:
    """A figure or date read from a source passage, and whether it equals the draft's."""

    text: str
    value: Any
    unit: str | None
    same: bool


@dataclass(frozen=True)
class EvidenceView:
    record: EvidenceRecord
    runs: tuple[Run, ...]  # the whole passage, in order
    diff: tuple[DiffPart, ...] = ()
    values: tuple[ValueSeen, ...] = ()


@dataclass(frozen=True)
class ClaimView:
    n: int  # 1-based across the whole report, so print readers can cross-reference
    record: ClaimRecord
    state: State
    kind: str
    start: int | None  # placed span in the draft text, or None when it cannot be found
    end: int | None
    evidence: tuple[EvidenceView, ...]
    since_signoff: tuple[DiffPart, ...] = ()  # how the text changed since it was last signed off
    follows: tuple[int, str] | None = None  # (number, id) of the body claim this headline claim repeats
    repeated_by: tuple[tuple[int, str], ...] = ()  # (number, id) of the headline claims that repeat this one

    @property
    def placed(self) -> bool:
        return self.start is not None


# --- a claim as the page shows it -----------------------------------------------------


@dataclass(slots=True)
class SentenceParts:
    """The claim's sentence cut around the claim's words; `found` False when they are not in it."""

    found: bool
    text: str
    sentence: str
    before: str = ""
    after: str = ""


@dataclass(slots=True)
class PassageShown:
    """One source passage as the page shows it."""

    heading: str
    sealed: str  # "Confidential", "Embargoed until …", or "" for a passage in the clear
    source: str
    place: str  # page, time, speaker, characters: whatever the source says, each after a " · "
    marked: Any  # the passage's words as HTML (see marked_words); empty when its text is not recorded
    confidential: bool  # the passage stays on the reporter's machine
    verdict: str
    reason: str
    score: str | None
    diff: tuple[DiffPart, ...]
    values: tuple[tuple[str, str, bool], ...]  # (as written, value, same as the draft's)
    first: bool  # shown beside the draft; the others are folded away after the comparison
    last: bool

    @property
    def quote_changed(self) -> bool:
        """The draft's quote differs from the passage somewhere."""
        return any(p.op != "same" for p in self.diff)

    @property
    def diff_marked(self) -> Any:
        return diff_html(self.diff)


@dataclass(slots=True)
class DecisionShown:
    decision: str
    signed: bool  # approved or rejected: coloured like the state it gives
    who: str
    email: str  # shown beside the name when both are known
    at: str
    note: str


@dataclass(slots=True)
class ClaimShown:
    """One claim as the page shows it, in the list of claims and in its detail: every
    text the template writes, read off the claim's view once for both."""

    n: int
    path: str  # the draft's
    placed: bool  # its words were found in the draft text
    classes: str  # the state's and kind's classes, which the page's filters and colours go by
    state: str
    state_label: str
    kind: str
    kind_label: str
    line: str
    brief: str  # its words, cut to fit the list
    id: str
    verdict: str
    status: str
    sentence: SentenceParts
    fields: tuple[tuple[str, str], ...]
    passages: tuple[PassageShown, ...]
    more_passages: int  # the passages after the first
    draft_value: str
    since_signoff: tuple[DiffPart, ...]
    history: tuple[DecisionShown, ...]
    command: str
    follows: tuple[int, str] | None = None  # a headline claim: the body claim it repeats, signed off for both
    repeated_by: tuple[tuple[int, str], ...] = ()  # a body claim: the headline claims that repeat it

    @property
    def since_signoff_marked(self) -> Any:
        return diff_html(self.since_signoff)


@dataclass(frozen=True)
class DraftView:
    path: str
    title: str | None
    meta: dict[str, Any]
    text: str
    body_start: int
    claims: tuple[ClaimView, ...] = ()
    problems: tuple[str, ...] = ()
    failed: bool = False  # the draft or its claims file could not be read at all
    shown: tuple[ClaimShown, ...] = ()  # its claims as the page shows them, in the same order

    @property
    def counts(self) -> dict[State, int]:
        return count_states(self.claims)


@dataclass(frozen=True)
class Report:
    root_name: str
    generated_at: str
    drafts: tuple[DraftView, ...] = field(default_factory=tuple)
    base: str | None = None  # set when the report covers only the drafts changed since this ref
    name: str | None = None  # the newsroom's `name:` from its config

    @property
    def title(self) -> str:
        """The newsroom's name; else the drafts' titles; else the folder, as a last resort."""
        if self.name:
            return f"Fact-check report: {self.name}"
        titles = [d.title for d in self.drafts if d.title]
        if len(titles) == 1:
            return f"Fact-check report: {titles[0]}"
        if titles:
            more = len(self.drafts) - 1
            return f"Fact-check report: {titles[0]} and {more} other draft{'s' if more != 1 else ''}"
        return f"Fact-check report: {self.root_name}"

    @property
    def claims(self) -> list[ClaimView]:
        return [c for d in self.drafts for c in d.claims]

    @property
    def counts(self) -> dict[State, int]:
        return count_states(self.claims)

    @property
    def needs_review(self) -> int:
        return sum(1 for c in self.claims if c.state in NEEDS_REVIEW)


def count_states(claims) -> dict[State, int]:
    counts = {s: 0 for s in STATE_LABELS}
    for c in claims:
        counts[c.state] += 1
    return counts


def reviews(rec: ClaimRecord) -> list[ReviewEntry]:
    found = rec.get("reviews") or []
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


# --- reading each claim's texts off its view ------------------------------------------


def claims_shown(claims: Iterable[ClaimView], path: str) -> tuple[ClaimShown, ...]:
    return tuple(claim_shown(c, path) for c in claims)


def claim_shown(c: ClaimView, path: str) -> ClaimShown:
    rec = c.record
    line = rec.get("line")
    text = rec.get("text")
    last = len(c.evidence)
    return ClaimShown(
        n=c.n,
        path=path,
        placed=c.placed,
        classes=f"s-{c.state.value} k-{c.kind}",
        state=c.state.value,
        state_label=STATE_LABELS[c.state],
        kind=c.kind,
        kind_label=KIND_LABELS[c.kind],
        line="" if line is None else str(line),
        brief=short(text, 70),
        id=str(rec.get("id")),
        verdict=str(rec.get("verdict") or "not matched"),
        status=_status(c),
        sentence=sentence_parts(rec),
        fields=tuple((label, _plain(value)) for label, value in field_rows(rec, c.kind)),
        passages=tuple(passage_shown(ev, i, last) for i, ev in enumerate(c.evidence, 1)),
        more_passages=max(0, last - 1),
        draft_value=draft_value(rec),
        since_signoff=c.since_signoff,
        history=tuple(decision_shown(r) for r in reviews(rec)),
        command=f"factcheck approve {_arg(path)} {_arg(rec.get('id'))}",
        follows=c.follows,
        repeated_by=c.repeated_by,
    )


# A claim's state is its sign-off's when it has one; else it waits for one.
_SIGNED_STATES = frozenset(s.value for s in Status if s is not Status.PENDING)


def _status(c: ClaimView) -> str:
    """The claim's review status as `factcheck status` names it, read off its state (a
    headline claim that follows a body claim shows the state it takes from it)."""
    state = c.state.value
    if c.follows is not None or state in _SIGNED_STATES:
        return state
    return Status.PENDING.value


def passage_shown(ev: EvidenceView, i: int, last: int) -> PassageShown:
    """The claim's `i`th passage of `last`."""
    rec = ev.record
    source, sealed, score = rec.get("source"), rec.get("sealed_as"), rec.get("score")
    return PassageShown(
        heading="The source says" if i == 1 else f"Other passage {i}",
        sealed=str(sealed).capitalize() if sealed else "",
        source=str(source or "unknown source"),
        place=_place(rec),
        marked=marked_words(ev.runs),
        confidential=source == CONFIDENTIAL_SOURCE,
        verdict=str(rec.get("verdict") or ""),
        reason=str(rec.get("reason") or ""),
        score=None if score is None else _score(score),
        diff=ev.diff,
        values=tuple([(v.text, _plain(v.value) + (f" {v.unit}" if v.unit else ""), v.same) for v in ev.values]),
        first=i == 1,
        last=i == last,
    )


def _place(rec: EvidenceRecord) -> str:
    """Where in its source the passage is, as far as the source says, each part after a " · "."""
    place = ""
    if (page := rec.get("page")) is not None:
        place += f" · page {page}"
    if timestamp := rec.get("timestamp"):
        place += f" · at {timestamp}"
    if speaker := rec.get("speaker"):
        place += f" · speaker {speaker}"
    start, end = rec.get("start"), rec.get("end")
    if isinstance(start, int) and isinstance(end, int):
        place += f" · chars {start}–{end}"
    return place


def decision_shown(r: ReviewEntry) -> DecisionShown:
    decision = str(r.get("decision") or "")
    name, by = r.get("name"), r.get("by")
    return DecisionShown(
        decision=decision,
        signed=decision in (Decision.APPROVED, Decision.REJECTED),
        who=str(name or by or "someone"),
        email=str(by) if by and name else "",
        at=str(r.get("at") or ""),
        note=str(r.get("note") or ""),
    )


def sentence_parts(rec: ClaimRecord) -> SentenceParts:
    text = str(rec.get("text") or "")
    sentence = rec.get("sentence")
    if not isinstance(sentence, str):
        sentence = ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return SentenceParts(False, text, sentence)
    return SentenceParts(True, text, sentence, sentence[:at], sentence[at + len(text) :])


# How a claim's own fields are labelled; a date's value is its date.
FIELD_LABELS = {
    "speaker": "Speaker",
    "value": "Value",
    "unit": "Unit",
    "qualifier": "Qualifier",
    "attributed_to": "Attributed to",
    "figure": "Also a figure",  # a lone year's number (a date that is also a figure)
}
_FIELDS = {
    kind.value: tuple((f, "Date" if kind is Kind.DATE and f == "value" else FIELD_LABELS[f]) for f in fields)
    for kind, fields in KIND_FIELDS.items()
}


def field_rows(rec: ClaimRecord, kind: str) -> list[tuple[str, Any]]:
    """(label, value) for each of the kind's fields the claim has; a quote says when nobody is named."""
    rows = [(label, value) for key, label in _FIELDS.get(kind, ()) if (value := rec.get(key)) not in (None, "")]
    if kind == Kind.QUOTE and not rec.get("speaker"):
        rows.append(("Speaker", "not named"))
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.10g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def draft_value(rec: ClaimRecord) -> str:
    """The draft's figure or date as read: qualifier, value and unit."""
    mine = _plain(rec.get("value")) + (f" {rec.get('unit')}" if rec.get("unit") else "")
    return f"{rec.get('qualifier')} {mine}" if rec.get("qualifier") else mine


def _score(score: Any) -> str:
    return f"{score:.0f}" if isinstance(score, (int, float)) else str(score)


def short(text: Any, width: int = 90) -> str:
    return snippet(str(text or ""), width)  # cut at a word, never inside one


def _arg(value: Any) -> str:
    """A value as one shell word, so the command shown can be pasted as it is."""
    return shlex.quote(str(value or ""))


# --- fragments built here: many small runs of text, each escaped ------------------------
#
# A passage's marked words and a word diff are dozens of short runs per claim; laid out
# by the template, each run would cost a loop step and an escape call, which on a page
# of thousands of claims is most of its render time. They are built here instead, every
# run escaped by the template's own escape function, and handed to it as HTML.


@cache
def _markupsafe() -> Any:
    """markupsafe, imported when a page is first written; an import statement in the
    functions below would cost more than their work, which runs for every passage."""
    import markupsafe

    return markupsafe


def marked_words(runs: Iterable[Run]) -> Any:
    """A passage's runs (see report.mark_words) as HTML: the claim's words in `w2`, its sentence's in `w1`."""
    ms = _markupsafe()
    escape = ms.escape
    out = []
    for r in runs:
        text = escape(r.text)
        out.append(f'<span class="w{r.hit}">{text}</span>' if r.hit else text)
    return ms.Markup("".join(out))


_DIFF_TAGS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}


def diff_html(parts: Iterable[DiffPart]) -> Any:
    """A word diff as HTML: words only before in <del>, only after in <ins>, runs joined by a space."""
    ms = _markupsafe()
    out = []
    for p in parts:
        tags = _DIFF_TAGS.get(p.op)
        escaped = ms.escape(p.text)
        out.append(f"{tags[0]}{escaped}{tags[1]}" if tags else escaped)
    return ms.Markup(" ".join(out))
