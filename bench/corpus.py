"""A synthetic archive of wire copy for benchmarks: reproducible, any size, never committed.

Words are drawn from a made-up vocabulary with a Zipf distribution (a few very common
words, a long tail of rare ones), sentences carry figures, and each file is a few
kilobytes like a wire story. The same seed gives the same corpus byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu an en in on un ar er ir or ur".split()
FUNCTION = (
    "the of and to in a that for on said was with as by at from it is his her their has have will would but not".split()
)


def vocabulary(rng: np.random.Generator, size: int = 40000) -> np.ndarray:
    words = set()
    while len(words) < size:
        n = int(rng.integers(1, 5))
        words.add("".join(rng.choice(SYLLABLES, n)))
    tail = sorted(words)
    rng.shuffle(tail)
    return np.array(FUNCTION + tail, dtype=object)


def _figure(rng: np.random.Generator) -> str:
    kind = rng.integers(0, 4)
    if kind == 0:
        return str(int(rng.integers(2, 999)))
    if kind == 1:
        return f"{int(rng.integers(1, 99))},{int(rng.integers(0, 999)):03d}"
    if kind == 2:
        return f"${rng.integers(1, 99)}.{rng.integers(1, 9)} billion"
    return f"{rng.integers(1, 99)} percent"


def document(rng: np.random.Generator, vocab: np.ndarray, chars: int) -> str:
    zipf = rng.zipf(1.15, size=chars // 5)
    tail = zipf > len(vocab)
    zipf[tail] = rng.integers(1, len(vocab) + 1, size=int(tail.sum()))
    zipf -= 1
    words = vocab[zipf].tolist()
    for i in np.flatnonzero(rng.random(len(words)) < 0.02).tolist():
        words[i] = _figure(rng)
    out, i, paragraph = [], 0, []
    while i < len(words):
        n = int(rng.integers(8, 30))
        sentence = words[i : i + n]
        i += n
        sentence[0] = sentence[0].capitalize()
        paragraph.append(" ".join(sentence) + ".")
        if len(paragraph) >= rng.integers(2, 6):
            out.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        out.append(" ".join(paragraph))
    return "\n\n".join(out) + "\n"


def generate(folder: Path, size_mb: float, seed: int = 7) -> list[Path]:
    """Write about `size_mb` MB of stories into `folder` (reusing them if already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{size_mb}-{seed}"
    if marker.exists():
        return sorted(folder.glob("*.txt"))
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    target, total, paths = int(size_mb * 1024 * 1024), 0, []
    while total < target:
        text = document(rng, vocab, int(rng.integers(2000, 9000)))
        path = folder / f"story-{len(paths):06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
    marker.write_text("")
    return paths
