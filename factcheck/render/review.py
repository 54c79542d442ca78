"""Rendering one claim in full for editors (`show`, `review`)."""

from __future__ import annotations

from factcheck.model import DETAIL_FIELDS, ClaimRecord
from factcheck.policy.corroboration import COUNT_FIELD, MARKER_FIELD
from factcheck.render import terminal
from factcheck.render.claims import figure_text
from factcheck.render.safe import one_line
from factcheck.signoff import rules

EVIDENCE_PLACE = (("page", "p. {}"), ("timestamp", "at {}"), ("speaker", "speaker: {}"))


EVIDENCE_CHARS = 240  # a passage longer than this is cut, at a word, for the terminal
HANG = 12  # continuation lines start under the value, past "  sentence: "


def claim_block(rec: ClaimRecord, links: rules.Links | None = None) -> str:
    """Everything an editor needs to sign a claim off, in reading order, wrapped and coloured.

    `links`, made from its whole claims file as stored, shows a headline claim's link to
    the body claim it repeats (whose status it takes) and a body claim's repeats. The
    status is judged on the claim as stored there too: `rec` may be a copy with its sealed
    passages revealed, which names a source that a sign-off never does."""
    term = terminal.current()
    judged = _as_stored(rec, links)
    body = links.follows(judged) if links is not None else None
    status = rules.status_of(body if body is not None else judged)
    lines = [
        f"{term.paint(str(rec['id']), 'id')}  {rec.get('kind')}  line {rec.get('line')}  "
        + term.paint(f"[{status.value}]", status.value)
    ]
    lines.append(f"  claim:    {one_line(rec.get('text', ''))}")
    lines.append(f"  sentence: {one_line(rec.get('sentence', ''))}")
    # a lone year's figure reading is the year's own number: no thousands separator
    details = [
        f"{k}: {value if k == 'figure' else figure_text(value)}"
        for k in DETAIL_FIELDS
        if (value := rec.get(k)) is not None
    ]
    if details:
        lines.append(f"  details:  {', '.join(details)}")
    lines.extend(link_lines(rec, links, body))
    if status is rules.Status.STALE:
        lines.extend(_change_lines(rec))
    lines.extend(_evidence_lines(rec))
    lines.extend(_corroboration_lines(rec))
    lines.extend(_review_lines(rec))
    return "\n".join(w for line in lines for w in term.wrap(line, _hang(line))) + "\n"


def _as_stored(rec: ClaimRecord, links: rules.Links | None) -> ClaimRecord:
    """The claims file's own record of the claim `rec` shows, or `rec` when there is none."""
    if links is None:
        return rec
    return links.index.get(str(rec.get("id")), rec)


def link_lines(rec: ClaimRecord, links: rules.Links | None, body: ClaimRecord | None) -> list[str]:
    """Where a fact is repeated: a headline claim names the body claim it follows, and a body
    claim the headline claims that follow it."""
    if body is not None:
        return [f"  follows:  {body['id']} (line {body.get('line')}), which it repeats; its sign-off counts for both"]
    repeats = links.repeated_by(rec) if links is not None else []
    if not repeats:
        return []
    where = ", ".join(f"{c['id']} (line {c.get('line')})" for c in repeats)
    return [f"  repeated: in the headline as {where}; this claim's sign-off counts for it too"]


def _hang(line: str) -> int:
    """Continuation lines of a labelled field line up under its value; others indent a little."""
    if line.startswith("  ") and not line.startswith("   ") and ":" in line[:HANG]:
        return HANG
    return len(line) - len(line.lstrip(" ")) + 2


def _change_lines(rec: ClaimRecord) -> list[str]:
    """What changed in a claim after it was signed off, as a word diff."""
    old_text, old_sentence = rules.last_signed_text(rec)
    if old_text is not None and one_line(old_text) != one_line(rec.get("text", "")):
        return [f"  changed since sign-off: {terminal.word_diff(old_text, rec.get('text', ''))}"]
    if old_sentence is not None:
        return [
            "  sentence changed since sign-off:",
            f"    was: {one_line(old_sentence)}",
            f"    now: {one_line(rec.get('sentence', ''))}",
        ]
    return ["  changed since sign-off"]


def _evidence_lines(rec: ClaimRecord) -> list[str]:
    term = terminal.current()
    verdict = rec.get("verdict")
    if verdict:
        lines = [f"  verdict:  {term.paint(str(verdict), str(verdict))}"]
    else:
        hint = "; run `factcheck match`" if term.hint("match") else ""
        lines = [f"  verdict:  {term.paint('(not matched yet' + hint + ')', 'unmatched')}"]
    for n, ev in enumerate(rec.get("evidence") or [], 1):
        if not isinstance(ev, dict):
            continue
        place = ", ".join(fmt.format(value) for k, fmt in EVIDENCE_PLACE if (value := ev.get(k)) not in (None, ""))
        judged = ", ".join(str(x) for x in (ev.get("verdict"), ev.get("reason")) if x)
        if ev.get("verdict"):
            judged = judged.replace(str(ev["verdict"]), term.paint(str(ev["verdict"]), str(ev["verdict"])), 1)
        score = f"score {ev['score']}" if ev.get("score") is not None else ""
        head = "  ".join(x for x in (str(ev.get("source", "?")), place and f"({place})", score, judged) if x)
        if ev.get("sealed_as"):  # a confidential or embargoed passage, shown on this machine only
            head = term.paint(f"[{ev['sealed_as']}: do not publish]", "contradicted") + " " + head
        lines.append(f"  evidence {n}: {head}")
        if ev.get("text"):
            lines.append(f"    “{terminal.snippet(ev['text'], EVIDENCE_CHARS)}”")
        if ev.get("diff"):
            lines.append(f"    diff: {_paint_diff(one_line(ev['diff']))}")
    return lines


def _corroboration_lines(rec: ClaimRecord) -> list[str]:
    """How many independent sources `match` counted, for a claim the corroboration rules or its marker pick."""
    count, marker = rec.get(COUNT_FIELD), rec.get(MARKER_FIELD)
    if count is None and marker is None:
        return []
    counted = f"{count} independent" if count is not None else "not counted yet"
    return [f"  sources:  {counted}" + (f" (needs: {one_line(str(marker))})" if marker is not None else "")]


def _paint_diff(diff: str) -> str:
    """A stored word diff (`[-gone-]`, `{+new+}`) with its changes in colour."""
    import re

    term = terminal.current()
    diff = re.sub(r"\[-.*?-\]", lambda m: term.paint(m.group(0), "del"), diff)
    return re.sub(r"\{\+.*?\+\}", lambda m: term.paint(m.group(0), "ins"), diff)


def _review_lines(rec: ClaimRecord) -> list[str]:
    reviews = rec.get("reviews") or []
    if not reviews:
        return ["  reviews:  none yet"]
    lines = ["  reviews:"]
    for r in reviews:
        note = f" — {one_line(r['note'])}" if r.get("note") else ""
        if r.get("override"):
            note += f" — override: {one_line(str(r['override']))}"
        who = f"{r.get('name')} <{r.get('by')}>" if r.get("name") else str(r.get("by"))
        signed = f" (signed: {one_line(r.get('text', ''))})" if r.get("text") != rec.get("text") else ""
        decision = str(r.get("decision"))
        lines.append(f"    {r.get('at')}  {terminal.current().paint(decision, decision)}  {who}{note}{signed}")
    return lines


def decision_lines(result) -> list[str]:
    """What `approve`, `reject` and `review` say once decisions are recorded, a line each."""
    lines = []
    for cid, decision in result.recorded:
        lines.append(f"{decision.value}: {cid}")
    for cid in result.already:
        lines.append(f"already approved: {cid}")
    for cid, body in result.follows:
        lines.append(f"not signed off on its own: {cid} repeats {body}, whose sign-off it follows")
    for cid in result.skipped:
        lines.append(f"skipped, rejected earlier (name it to approve it): {cid}")
    for cid in result.short:
        lines.append(f"skipped, too few independent sources (name it with --override to approve it): {cid}")
    if result.carried:
        lines.append(f"committing {len(result.carried)} decision(s) written earlier but never committed")
    if not result.recorded:
        lines.append(f"nothing to record in {result.claims_file}")
    else:
        lines.append(written_line(result.commit, result.reviewer, result.claims_file))
    return lines


def committed_line(commit: str, reviewer: object) -> str:
    """The commit that holds a sign-off, and whose it is."""
    return f"committed {commit[:10]} as {reviewer}"


def written_line(commit: str | None, reviewer: object, claims_file: str) -> str:
    """Where decisions went: their commit, or the claims file left for the user to commit."""
    if commit:
        return committed_line(commit, reviewer)
    return f"wrote {claims_file}; not committed (--no-commit)"
