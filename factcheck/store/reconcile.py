"""Carrying sign-offs across a rescan.

Claim ids come from a claim's words and sentence, so a claim that did not change keeps
its id (and its approval) wherever its paragraph moves. A claim that changed gets a new
id; here it is paired with its old self, when one stood in the same place and reads
much the same, so that its history follows it and its approval turns `stale`. Claims
that are gone simply leave the file: git history keeps them.
"""

from __future__ import annotations

from factcheck.model import ClaimRecord, normalize

# How alike (0-100) the sentence of a changed claim and its old self's must be. The
# sentence decides, because a short figure edited from 3 to 4 shares no characters with
# itself; the claim's own words only break ties between claims of one sentence.
MIN_SIMILARITY = 60.0
WORDS_WEIGHT = 0.1

Record = ClaimRecord


def similarity(old: Record, new: Record) -> float:
    """Sentence likeness plus a tenth of the words' likeness; 0 for claims of different kinds."""
    if old.get("kind") != new.get("kind"):
        return 0.0
    from rapidfuzz import fuzz

    sentence = fuzz.ratio(normalize(str(old.get("sentence") or "")), normalize(str(new.get("sentence") or "")))
    if sentence < MIN_SIMILARITY:
        return 0.0
    words = fuzz.ratio(normalize(str(old.get("text") or "")), normalize(str(new.get("text") or "")))
    return sentence + WORDS_WEIGHT * words


def pair_changed(old: list[Record], new: list[Record]) -> dict[int, int]:
    """Index in `new` → index in `old` for each changed claim matched to its old self.

    Claims whose id is in both lists are unchanged and anchor the alignment; an old
    claim is only compared with the new claims between the same two anchors.
    """
    from difflib import SequenceMatcher  # only a rescan aligns claims; status and show load this module too

    kept = {c["id"] for c in old} & {c["id"] for c in new}
    old_ids = [c["id"] for c in old]
    new_ids = [c["id"] for c in new]
    pairs: dict[int, int] = {}
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds = [i for i in range(i1, i2) if old_ids[i] not in kept and (old[i].get("reviews") or old[i].get("needs"))]
        news = [j for j in range(j1, j2) if new_ids[j] not in kept]
        pairs.update(_best_pairs(old, new, olds, news))
    return pairs


def _best_pairs(old: list[Record], new: list[Record], olds: list[int], news: list[int]) -> dict[int, int]:
    """Most alike first, each claim used once: a sentence with two edited figures pairs them right."""
    scored = sorted(
        ((similarity(old[i], new[j]), i, j) for i in olds for j in news),
        key=lambda t: (-t[0], abs(t[1] - t[2]), t[1], t[2]),
    )
    pairs: dict[int, int] = {}
    used_old: set[int] = set()
    for score, i, j in scored:
        if score < MIN_SIMILARITY:
            break
        if i in used_old or j in pairs:
            continue
        pairs[j] = i
        used_old.add(i)
    return pairs
