"""Sources: the documents a reporter checks a draft against.

Every format is turned into one `SourceText`: plain text that claims are matched in,
plus the page or timestamp (and transcript speaker) at each offset, so evidence can
say "page 3" or "00:04:12" instead of a bare character count. Parsers are imported
only when a file of their format is read; nothing in a source is ever executed.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import textio
from factcheck.config import Limits
from factcheck.errors import InputError

# Wire archives hold long files, but a single source past this size is almost always
# a data dump or a video, and reading it would stall every match run.
MAX_SOURCE_BYTES = 50 * 1024 * 1024

# Which loader reads which suffix; the loaders live in modules named here.
LOADERS = {
    ".txt": "plain",
    ".md": "plain",
    ".markdown": "plain",
    ".html": "web",
    ".htm": "web",
    ".pdf": "pdf",
    ".vtt": "transcripts",
    ".srt": "transcripts",
    ".docx": "word",
}

SIDECAR_SUFFIX = ".source.yaml"


class SidecarFolders:
    """Which sources have a `NAME.source.yaml` sidecar. Each folder is listed once, so a
    source without a sidecar costs no stat; `listed(path)`, when given, answers first
    for the folders a caller listed already (True, False, or None for one it did not)."""

    def __init__(self, root: Path | str, listed: Callable[[str], bool | None] | None = None):
        self.root = str(root)
        self.listed = listed
        self._names: dict[str, frozenset[str]] = {}

    def has_sidecar(self, path: str) -> bool:
        shown = self.listed(path) if self.listed is not None else None
        if shown is not None:
            return shown
        folder, _, name = path.rpartition("/")
        names = self._names.get(folder)
        if names is None:
            try:
                names = frozenset(os.listdir(os.path.join(self.root, folder)))
            except OSError:
                names = frozenset()
            self._names[folder] = names
        return name + SIDECAR_SUFFIX in names


@dataclass(frozen=True)
class Cue:
    """Where a stretch of a transcript starts: its offset, timestamp and speaker label."""

    offset: int
    timestamp: str
    speaker: str | None = None


@dataclass(frozen=True)
class SourceText:
    """A source as matched: extracted text, with page starts and transcript cues by offset."""

    path: str
    text: str
    pages: tuple[tuple[int, int], ...] = ()  # (offset where the page starts, page number)
    cues: tuple[Cue, ...] = ()
    date: dt.date | None = None
    body_start: int = 0
    kind: str = "text"
    meta: dict = field(default_factory=dict, compare=False)  # whose it is: an HTML page's title, site, author, url

    def page_at(self, offset: int) -> int | None:
        if not self.pages:
            return None
        i = bisect.bisect_right([p[0] for p in self.pages], offset) - 1
        return self.pages[max(i, 0)][1]

    def cue_at(self, offset: int) -> Cue | None:
        if not self.cues:
            return None
        i = bisect.bisect_right([c.offset for c in self.cues], offset) - 1
        return self.cues[i] if i >= 0 else None


def is_supported(path: str | Path) -> bool:
    name = str(path)
    return Path(name).suffix.lower() in LOADERS and not name.endswith(SIDECAR_SUFFIX)


def read_bytes(path: Path, display: str, limit: int | None = None) -> bytes:
    """A source file's bytes, or one InputError naming the file."""
    limit = MAX_SOURCE_BYTES if limit is None else limit
    data = textio.read_bytes(path, display=display, limit=limit, noun="source file")
    if not data.strip():
        raise InputError("source file is empty", path=display)
    return data


def parse_source(data: bytes, *, suffix: str, display: str, limits=None) -> SourceText:
    """Bytes of a source in the format its suffix names → SourceText, within the budgets of `limits`.

    `limits` is the config's Limits (its defaults when None). A source over a budget is
    one InputError naming it; the caller goes on with the other sources.
    """
    import importlib

    limits = limits or Limits()
    module = LOADERS.get(suffix.lower())
    if module is None:
        known = ", ".join(sorted(LOADERS))
        raise InputError(f"unsupported source format {suffix or '(no suffix)'!r}; supported: {known}", path=display)
    loader = importlib.import_module(f"factcheck.sources.{module}")
    with deadline(limits.source_seconds, display):
        src = loader.load(data, display, limits)
    check_unpacked(len(src.text), limits, display)
    return src


def load_source(path: Path, display: str, limits=None) -> SourceText:
    """Read and parse one source file."""
    limits = limits or Limits()
    data = read_bytes(path, display, limits.source_mb * MB)
    return parse_source(data, suffix=path.suffix, display=display, limits=limits)


# --- budgets ------------------------------------------------------------------------

MB = 1024 * 1024


def check_unpacked(size: int, limits, display: str, what: str = "unpacks to") -> None:
    """Refuse a source that unpacks to more than the `limits.unpacked_mb` budget."""
    if size > limits.unpacked_mb * MB:
        raise OverBudget(
            f"source {what} {size / MB:.0f} MB, over the {limits.unpacked_mb} MB budget "
            "(`limits: unpacked_mb` in .factcheck.yaml); skipped",
            path=display,
        )


class OverBudget(InputError):
    """A source over one of the `limits` budgets: not remembered as broken, since a raised
    budget (or a less busy machine) may read it next time."""


class _Expired(BaseException):
    """Raised by the alarm inside a parser; a BaseException, so no parser's `except Exception` hides it."""


@contextlib.contextmanager
def deadline(seconds: float, display: str) -> Iterator[None]:
    """Stop reading a source that takes longer than `seconds`: one InputError naming it.

    A parser stuck in a pathological file (a page of 600,000 paragraphs, a PDF that
    unpacks forever) is interrupted by an alarm between its Python steps. Alarms can only
    be set from the main thread; elsewhere the size budgets alone apply.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise OverBudget(
            f"reading the source took longer than {seconds:g} s (`limits: source_seconds` in .factcheck.yaml); skipped",
            path=display,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
