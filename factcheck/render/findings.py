"""Rendering a check result: text for people, JSON for scripts, GitHub workflow commands
(with a step summary) and SARIF 2.1.0 for code-scanning tools.

Every format renders the same Findings in the same order, most serious first. Paths are
relative to the newsroom root; `prefix` turns them into repository paths for GitHub,
whose annotations and SARIF uploads are anchored at the top of the repository.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable

from factcheck import __version__
from factcheck.findings import TITLES, WARNINGS, CheckResult, Finding, FindingKind
from factcheck.render import terminal
from factcheck.render.safe import html_text

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

RULE_HELP = {
    FindingKind.CONFIG_CHANGED: "The branch changes who may sign off; the base's rules apply until a person with rights over the base merges it.",
    FindingKind.HISTORY_REWRITTEN: "A review decision recorded on the base was removed or edited on this branch; decisions are only ever added.",
    FindingKind.SYMLINK: "A draft (or a folder the drafts globs reach) is a symbolic link; drafts must be regular files in the repository.",
    FindingKind.DROPPED: "A draft signed off on the base is no longer read by the gate (it became a link or left the drafts globs).",
    FindingKind.HIDDEN_CHARACTERS: "An invisible zero-width or bidi control character in the draft can hide a claim from the checks.",
    FindingKind.EXPOSED: "A claims file shows evidence from a confidential or embargoed source in the clear; run `factcheck match` and commit the result.",
    FindingKind.VANISHED: "A claim signed off on the base is no longer found although its sentence reads the same.",
    FindingKind.FORGED: "An approval that was not committed by the reviewer it names, or names someone who is not a reviewer.",
    FindingKind.REJECTED: "A reviewer rejected this claim; fix the copy (it will then need a new sign-off).",
    FindingKind.UNCORRECTED: "A claim signed off when the draft was published changed or went without a correction; run `factcheck correct`.",
    FindingKind.UNDER_CORROBORATED: "An approved claim has fewer independent sources than the corroboration rules ask, and no override.",
    FindingKind.MISSING: "The draft has no claims file; run `factcheck scan` and commit the result.",
    FindingKind.OUT_OF_DATE: "The claims file does not match the draft; run `factcheck scan` and commit the result.",
    FindingKind.STALE: "The claim changed after it was signed off; it needs a new sign-off.",
    FindingKind.PENDING: "Nobody has signed this claim off yet.",
    FindingKind.OVERRIDDEN: "An editor approved a claim with fewer independent sources than the rules ask, with an override note.",
}


def _where(f: Finding, prefix: str = "") -> str:
    return f"{prefix}{f.path}:{f.line}" if f.line else f"{prefix}{f.path}"


def _claim_label(f: Finding) -> str:
    return f"{f.claim}: " if f.claim else ""


def summary_line(result: CheckResult) -> str:
    n = len(result.drafts)
    parts = [f"{count} {name}" for name, count in result.counts.items() if count]
    claims = f"{result.claims} claim{'s' if result.claims != 1 else ''}"
    detail = f" ({', '.join(parts)})" if parts else ""
    n_problems = result.problems
    verdict = (
        "all clear" if result.clear else f"not clear to publish: {n_problems} finding{'s' if n_problems != 1 else ''}"
    )
    warned = len(result.findings) - n_problems
    if warned:
        verdict += f" ({warned} warning{'s' if warned != 1 else ''})"
    return f"{n} draft{'s' if n != 1 else ''} checked, {claims}{detail}; {verdict}"


# "…; run `factcheck review` or `factcheck approve`": the advice at the end of a message,
# which the text format gives once at the end instead of on every finding.
_HINT = re.compile(r";\s+(run `[^`]+`.*)$")


def as_text(result: CheckResult, prefix: str = "") -> str:
    """One line per finding (wrapped and coloured on a terminal), each piece of advice once."""
    term = terminal.current()
    lines: list[str] = []
    seen = Counter(_split_hint(f.message)[1] for f in result.findings)
    # Advice shared by several findings is given once, after them; advice for one alone stays on its line.
    hints = [h for h, n in seen.items() if h and n > 1]
    for f in result.findings:
        message, hint = _split_hint(f.message)
        if hint and hint not in hints:
            message = f.message
        if f.kind is FindingKind.PENDING:
            verdict = f.verdict or "not matched"
            message += f" (verdict: {term.paint(verdict.replace('_', ' '), f.verdict or 'unmatched')})"
        line = f"{_where(f, prefix)}: {term.paint(f.kind.value, f.kind.value)}: {_claim_label(f)}{message}"
        lines.extend(term.wrap(line, 4))
        if f.kind is FindingKind.STALE and f.was is not None and f.text is not None:
            lines.extend(term.wrap(f"    was → now: {terminal.word_diff(f.was, f.text, term)}", 6))
    for hint in hints:
        lines.extend(term.wrap(term.paint(f"hint: {hint}", "hint"), 6))
    lines.append(term.paint(summary_line(result), "done" if result.clear else "bold"))
    return "\n".join(lines) + "\n"


def _split_hint(message: str) -> tuple[str, str | None]:
    m = _HINT.search(message)
    return (message[: m.start()], m.group(1)) if m else (message, None)


def as_json(result: CheckResult, prefix: str = "") -> str:
    data = {
        "clear": result.clear,
        "base": result.base,
        "drafts": list(result.drafts),
        "counts": result.counts,
        "findings": [f.to_dict() | {"path": prefix + f.path} for f in result.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(result: CheckResult, prefix: str = "") -> str:
    """Workflow commands: one ::error per finding, most serious first, then the summary line."""
    lines = []
    for f in result.findings:
        props = [f"file={_escape_property(prefix + f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property(f.title)}")
        lines.append(f"::{f.level} {','.join(props)}::{_escape_data(_claim_label(f) + f.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """A table cell of the step summary, which GitHub renders as Markdown with HTML:
    a draft's or a note's `<img onerror=…>` must show as text, and a `|` not end the cell."""
    return html_text(" ".join(text.split())).replace("|", "\\|")


def as_step_summary(result: CheckResult, prefix: str = "") -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every finding, since annotations stop at about ten."""
    head = "## factcheck: all clear" if result.clear else "## factcheck: not clear to publish"
    out = [head, "", summary_line(result) + ".", ""]
    if result.findings:
        out += ["| Problem | Where | Claim | Details |", "| --- | --- | --- | --- |"]
        for f in result.findings:
            claim = f"<code>{_cell(f.claim)}</code>" if f.claim else ""
            out.append(f"| {f.title} | <code>{_cell(_where(f, prefix))}</code> | {claim} | {_cell(f.message)} |")
        out.append("")
    return "\n".join(out) + "\n"


def as_sarif(result: CheckResult, prefix: str = "") -> str:
    kinds = list(FindingKind)
    rules = [
        {
            "id": k.value,
            "name": TITLES[k].title().replace(" ", "").replace("-", ""),
            "shortDescription": {"text": TITLES[k]},
            "fullDescription": {"text": RULE_HELP[k]},
            "defaultConfiguration": {"level": "warning" if k in WARNINGS else "error"},
        }
        for k in kinds
    ]
    results = [_sarif_result(f, kinds.index(f.kind), prefix) for f in result.findings]
    run = {"tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}}, "results": results}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(f: Finding, rule_index: int, prefix: str) -> dict:
    location: dict = {"artifactLocation": {"uri": prefix + f.path}}
    if f.line:
        location["region"] = {"startLine": f.line}
    res: dict = {
        "ruleId": f.kind.value,
        "ruleIndex": rule_index,
        "level": f.level,
        "message": {"text": _claim_label(f) + f.message},
        "locations": [{"physicalLocation": location}],
    }
    if f.claim:
        res["partialFingerprints"] = {"claimId": f"{f.draft}#{f.claim}"}
    return res


FORMATS: dict[str, Callable[..., str]] = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}
