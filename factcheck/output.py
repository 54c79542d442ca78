"""The only place that writes to the terminal. Core code returns values; this prints them.

Drafts, sources and notes can hold control characters a terminal obeys (hiding words,
erasing lines, writing the clipboard). Everything printed for people passes through
`factcheck.render.safe` here, so no command can forget it; machine formats say so and
keep the exact text in their own escaping.
"""

from __future__ import annotations

import sys
from typing import Any

from factcheck.render import safe, terminal
from factcheck.render.safe import json_text, one_line

# What `out` is given: text for people, JSON (SARIF too), or another machine format
# that escapes in its own syntax or is meant to be saved as it is (YAML, CSV, HTML).
TEXT, JSON, EXACT = "text", "json", "exact"

# Each `--format` value that is not text for people, by how it is printed.
_FORMAT_KINDS = {"json": JSON, "sarif": JSON, "yaml": EXACT, "csv": EXACT, "html": EXACT}


def kind_of(fmt: str) -> str:
    """How a `--format` value's text is printed: JSON, EXACT, or TEXT for the formats read by people."""
    return _FORMAT_KINDS.get(fmt, TEXT)


def out(text: str = "", *, kind: str = TEXT) -> None:
    if kind == TEXT:
        text = for_terminal(text)
    elif kind == JSON:
        text = json_text(text)
    sys.stdout.write(printable(text if text.endswith("\n") or not text else text + "\n"))


def printable(text: str) -> str:
    """A file name that is not UTF-8 (kept by Python as surrogates) shown as its bytes, e.g. caf\\xe9."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def for_terminal(text: str) -> str:
    """Text for people, control characters shown as escapes; the renderer's colours kept when on."""
    if "\x1b" in text:
        if terminal.current().color:
            return safe.terminal_text_keeping_colour(text)
    return safe.terminal_text(text)


def error(message: str) -> None:
    """One line on stderr, never a traceback: newsroom users act on the message alone."""
    sys.stderr.write(printable(f"factcheck: error: {one_line(message)}\n"))


def warn(message: str) -> None:
    sys.stderr.write(printable(f"factcheck: warning: {one_line(message)}\n"))


def ask(prompt: str) -> str | None:
    """Prompt and read one line from standard input; None when input has ended.

    A terminal echoes the answer and the Enter key; piped input is not echoed, so the
    answer is written after the prompt here, keeping prompt and what follows on separate lines.
    """
    sys.stdout.write(for_terminal(prompt))
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not _isatty(sys.stdin):
        sys.stdout.write(for_terminal(line.strip()) + "\n")
    return None if line == "" else line.strip()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Progress of long steps on the terminal: files and MB indexed, claims judged, time left.

    Called as progress(stage, done, total, bytes_done, bytes_total). It shows nothing for a
    step that ends within `delay` seconds, and nothing at all unless `show` (the command
    was not asked to be quiet) and both stdout and stderr are terminals. It draws on
    stderr and is gone when the step ends.
    """

    LABELS = {"index": "indexing sources", "judge": "judging claims"}

    def __init__(self, show: bool, delay: float = 1.0):
        import time

        self.enabled = show and _isatty(sys.stdout) and _isatty(sys.stderr)
        self.delay = delay
        self._clock = time.monotonic
        self._started: dict[str, float] = {}
        self._tasks: dict[str, object] = {}
        self._bar: Any = None  # a rich Progress, imported when the first bar is drawn

    def __call__(self, stage: str, done: int, total: int, bytes_done: int = 0, bytes_total: int = 0) -> None:
        if not self.enabled:
            return
        now = self._clock()
        first = self._started.setdefault(stage, now)
        if stage not in self._tasks and (now - first < self.delay or done >= total):
            return
        if self._bar is None:
            self._bar = self._make_bar()
            self._bar.start()
        unit = "files" if stage == "index" else "claims"
        detail = f"{done:,}/{total:,} {unit}"
        if bytes_total:
            detail += f", {bytes_done / 1048576:,.1f}/{bytes_total / 1048576:,.1f} MB"
        size, at = (bytes_total, bytes_done) if bytes_total else (total, done)
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(self.LABELS.get(stage, stage), total=size, detail=detail)
        self._bar.update(self._tasks[stage], completed=at, detail=detail)

    def _make_bar(self):
        # rich comes with typer; imported only once a step has run long enough to show.
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeRemainingColumn(),
        )
        return Bar(*columns, console=Console(stderr=True), transient=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
