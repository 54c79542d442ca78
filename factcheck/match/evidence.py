"""What matching says about a claim: a verdict, and the passages that back it up."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import EvidenceRecord, Verdict


@dataclass(frozen=True)
class Evidence:
    """One passage of one source and what it says about the claim.

    `start`/`end` are character offsets into the source's extracted text (what
    `factcheck sources` loaders produce), so `show` can cut the same passage out again.
    """

    source: str
    start: int
    end: int
    text: str
    score: float
    verdict: Verdict
    reason: str
    page: int | None = None
    timestamp: str | None = None
    speaker: str | None = None
    diff: str | None = None

    def to_record(self) -> EvidenceRecord:
        """The evidence as stored in a claims file (keys in the documented order, nulls left out)."""
        rec: EvidenceRecord = {"source": self.source, "start": self.start, "end": self.end}
        if self.page is not None:
            rec["page"] = self.page
        if self.timestamp is not None:
            rec["timestamp"] = self.timestamp
        if self.speaker is not None:
            rec["speaker"] = self.speaker
        rec["text"], rec["score"] = self.text, round(float(self.score), 1)
        rec["verdict"], rec["reason"] = self.verdict.value, self.reason
        if self.diff:
            rec["diff"] = self.diff
        return rec


@dataclass(frozen=True)
class Judgement:
    """The verdict on one claim and its evidence, best passage first."""

    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    # Every passage that bears the claim out, not only the few shown as evidence: a claim
    # found in four independent sources is corroborated four times over.
    supporting: tuple[Evidence, ...] = ()

    def supporting_sources(self) -> list[str]:
        """The sources of the passages that bear the claim out, each once."""
        return sorted({e.source for e in self.supporting})
