"""schema.org ClaimReview JSON-LD for the claims an editor has approved or rejected.

Input is the per-draft claim records that `factcheck export` works on:
[{"path": ..., "claims": [claim, ...]}, ...], where a draft record may also carry
`title`, `url`, `date` or `reference_date`. The mapping is documented in docs/claimreview.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from factcheck.model import ClaimRecord, Kind, ReviewEntry, Verdict
from factcheck.signoff.rules import Status, by_id, followed, reviews_of, status_of

BEST, WORST = 5, 1

# (ratingValue, alternateName) for each decision; a rejected claim is rated by why.
ACCURATE = (5, "Accurate")
UNSUPPORTED = (2, "Unsupported")
INACCURATE = (1, "Inaccurate")
MISQUOTED = (1, "Misquoted")


def rating_for(claim: ClaimRecord) -> tuple[int, str] | None:
    """The rating a signed-off claim earns, or None while it is not signed off.

    The decision comes from the review history, never from the hand-editable `status:` line,
    so nothing is published as checked that no editor signed off.
    """
    status = status_of(claim)
    if status is Status.APPROVED:
        return ACCURATE
    if status is not Status.REJECTED:
        return None  # pending or stale: nobody stands behind the current text yet
    if claim.get("verdict") == Verdict.CONTRADICTED:
        return MISQUOTED if claim.get("kind") == Kind.QUOTE else INACCURATE
    return UNSUPPORTED


def decisive_review(claim: ClaimRecord) -> ReviewEntry | None:
    """The latest review whose decision is the claim's status: the one being published."""
    status = status_of(claim).value
    matching = [r for r in reviews_of(claim) if r.get("decision") == status]
    return matching[-1] if matching else None


def claim_reviewed(claim: ClaimRecord, *, shared: bool = False) -> str:
    """What the claim says, in the reader's words: Markdown marks taken out.

    A figure or date is its whole sentence, which says what it is about; when other
    rated claims share that sentence, the claim's own words lead, so no sentence is
    published with two different ratings.
    """
    text = plain_text(str(claim.get("text") or ""))
    if claim.get("kind") == Kind.QUOTE:
        said = f"\u201c{text}\u201d"
        return f"{claim['speaker']} said {said}" if claim.get("speaker") else said
    sentence = plain_text(str(claim.get("sentence") or ""))
    if not sentence:
        return text
    return f"{text} (in \u201c{sentence}\u201d)" if shared else sentence


_LINE_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)+")
_MARKDOWN = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [words](address), ![description](image)
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`]*)`"), r"\1"),  # `code`
)


def plain_text(text: str) -> str:
    """Markdown as a reader sees it: no `#` or list marks, emphasis or link syntax."""
    text = " ".join(_LINE_MARKS.sub("", line) for line in text.splitlines())
    for pattern, keep in _MARKDOWN:
        text = pattern.sub(keep, text)
    return " ".join(text.split())


def item_reviewed(claim: ClaimRecord, draft: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.get("kind") == Kind.QUOTE and claim.get("speaker"):
        item["author"] = {"@type": "Person", "name": str(claim["speaker"])}
    when = draft.get("date") or draft.get("reference_date")
    if when:
        item["datePublished"] = str(when)[:10]
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": plain_text(str(draft.get("title") or draft["path"]))}
    if draft.get("url"):
        appearance["url"] = str(draft["url"])
    item["appearance"] = appearance
    return item


def review_author(review: ReviewEntry | None, publisher: str | None, publisher_url: str | None) -> dict[str, Any]:
    """The newsroom when it is named; else the editor, by name only (an email is not for publishing)."""
    if publisher:
        org: dict[str, Any] = {"@type": "Organization", "name": publisher}
        if publisher_url:
            org["url"] = publisher_url
        return org
    name = (review or {}).get("name") or "Editor"
    return {"@type": "Person", "name": str(name)}


def claim_review(
    claim: ClaimRecord,
    draft: dict[str, Any],
    *,
    publisher: str | None = None,
    publisher_url: str | None = None,
    shared: bool = False,
) -> dict[str, Any] | None:
    """One ClaimReview, or None for a claim that is not signed off."""
    rating = rating_for(claim)
    if rating is None:
        return None
    review = decisive_review(claim)
    out: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    if draft.get("url"):
        out["url"] = f"{draft['url']}#{claim.get('id')}"
    out["claimReviewed"] = claim_reviewed(claim, shared=shared)
    out["itemReviewed"] = item_reviewed(claim, draft)
    out["author"] = review_author(review, publisher, publisher_url)
    if review and review.get("at"):
        out["datePublished"] = str(review["at"])
    out["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": rating[0],
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": rating[1],
    }
    out["identifier"] = f"{draft['path']}#{claim.get('id')}"
    out.update(correction_update(claim, draft))
    return out


def correction_update(claim: ClaimRecord, draft: dict[str, Any]) -> dict[str, Any]:
    """A claim corrected after publication: when the review changed (`dateModified`) and the
    newest correction's note, as schema.org's CorrectionComment."""
    fixes = [e for e in draft.get("corrections") or [] if isinstance(e, dict) and e.get("claim") == claim.get("id")]
    if not fixes:
        return {}
    last = max(fixes, key=lambda e: str(e.get("at", "")))
    comment = {
        "@type": "CorrectionComment",
        "text": str(last.get("note") or ""),
        "datePublished": str(last.get("at", "")),
    }
    return {"dateModified": str(last.get("at", "")), "correction": comment}


def claim_reviews(drafts: Iterable[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """Every approved or rejected claim of every draft, in draft order."""
    found = []
    for draft in drafts:
        # a headline claim that repeats a body claim is that fact again: it is rated once, as the body claim
        index = by_id(draft.get("claims") or [])
        claims = [c for c in draft.get("claims") or [] if followed(c, index) is None]
        rated = [c for c in claims if rating_for(c) is not None and c.get("kind") != Kind.QUOTE]
        per_sentence = Counter(str(c.get("sentence") or "") for c in rated)
        for claim in claims:
            shared = claim.get("kind") != Kind.QUOTE and per_sentence[str(claim.get("sentence") or "")] > 1
            item = claim_review(claim, draft, shared=shared, **options)
            if item is not None:
                found.append(item)
    return found


def render(drafts: Iterable[dict[str, Any]], **options: Any) -> str:
    """The JSON-LD text: a list of ClaimReview objects.

    `<`, `>` and `&` are written as \\u escapes, so the text can be pasted into an HTML
    <script type="application/ld+json"> element as it is, whatever the claims say.
    """
    text = json.dumps(claim_reviews(drafts, **options), ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"
