"""Rendering claims for editors: one claim in full (`show`, `review`), and per-draft tallies (`status`)."""

from __future__ import annotations

import json
from typing import Any

from factcheck import review

KIND_DETAILS = ("speaker", "value", "unit", "qualifier", "attributed_to")
EVIDENCE_PLACE = (("page", "p. {}"), ("timestamp", "at {}"), ("speaker", "speaker: {}"))


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())


def claim_block(rec: dict[str, Any]) -> str:
    """Everything an editor needs to sign a claim off, in reading order."""
    status = review.status_of(rec)
    lines = [f"{rec['id']}  {rec.get('kind')}  line {rec.get('line')}  [{status.value}]"]
    lines.append(f"  claim:    {_one_line(rec.get('text', ''))}")
    lines.append(f"  sentence: {_one_line(rec.get('sentence', ''))}")
    details = [f"{k}: {rec[k]}" for k in KIND_DETAILS if rec.get(k) is not None]
    if details:
        lines.append(f"  details:  {', '.join(details)}")
    if status is review.Status.STALE:
        lines.extend(_change_lines(rec))
    lines.extend(_evidence_lines(rec))
    lines.extend(_review_lines(rec))
    return "\n".join(lines) + "\n"


def _change_lines(rec: dict[str, Any]) -> list[str]:
    """Old → new for a claim that changed after it was signed off."""
    old_text, old_sentence = review.last_signed_text(rec)
    if old_text is not None and _one_line(old_text) != _one_line(rec.get("text", "")):
        return [f"  changed since sign-off: {_one_line(old_text)} → {_one_line(rec.get('text', ''))}"]
    if old_sentence is not None:
        return [
            "  sentence changed since sign-off:",
            f"    was: {_one_line(old_sentence)}",
            f"    now: {_one_line(rec.get('sentence', ''))}",
        ]
    return ["  changed since sign-off"]


def _evidence_lines(rec: dict[str, Any]) -> list[str]:
    lines = [f"  verdict:  {rec['verdict']}"] if rec.get("verdict") else ["  verdict:  (not matched yet; run `factcheck match`)"]
    for n, ev in enumerate(rec.get("evidence") or [], 1):
        if not isinstance(ev, dict):
            continue
        place = ", ".join(fmt.format(ev[k]) for k, fmt in EVIDENCE_PLACE if ev.get(k) not in (None, ""))
        judged = ", ".join(str(x) for x in (ev.get("verdict"), ev.get("reason")) if x)
        score = f"score {ev['score']}" if ev.get("score") is not None else ""
        head = "  ".join(x for x in (str(ev.get("source", "?")), place and f"({place})", score, judged) if x)
        lines.append(f"  evidence {n}: {head}")
        if ev.get("text"):
            lines.append(f"    “{_one_line(ev['text'])}”")
        if ev.get("diff"):
            lines.append(f"    diff: {_one_line(ev['diff'])}")
    return lines


def _review_lines(rec: dict[str, Any]) -> list[str]:
    reviews = rec.get("reviews") or []
    if not reviews:
        return ["  reviews:  none yet"]
    lines = ["  reviews:"]
    for r in reviews:
        note = f" — {_one_line(r['note'])}" if r.get("note") else ""
        who = f"{r.get('name')} <{r.get('by')}>" if r.get("name") else str(r.get("by"))
        signed = f" (signed: {_one_line(r.get('text', ''))})" if r.get("text") != rec.get("text") else ""
        lines.append(f"    {r.get('at')}  {r.get('decision')}  {who}{note}{signed}")
    return lines


STATUS_COLUMNS = tuple(s.value for s in review.Status)
VERDICT_COLUMNS = ("supported", "contradicted", "not_found", "unmatched")


def status_table(rows: list[dict[str, Any]]) -> str:
    """One row per draft: claims by review status, then by verdict."""
    cols = ("claims", *STATUS_COLUMNS, *VERDICT_COLUMNS)
    width = max([len("draft"), *(len(r["draft"]) for r in rows)])
    head = f"{'draft':<{width}}  " + "  ".join(f"{c:>{max(len(c), 5)}}" for c in cols) + "  note"
    lines = [head]
    for r in rows:
        cells = "  ".join(f"{r['counts'].get(c, 0) if r['scanned'] else '-':>{max(len(c), 5)}}" for c in cols)
        lines.append(f"{r['draft']:<{width}}  {cells}  {r['note']}".rstrip())
    return "\n".join(lines) + "\n"


def status_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps({"drafts": rows}, ensure_ascii=False, indent=2) + "\n"
