"""The only place that writes to the terminal. Core code returns values; this prints them.

Drafts, sources and notes can hold control characters a terminal obeys (hiding words,
erasing lines, writing the clipboard). Everything printed for people passes through
`factcheck.render.safe` here, so no command can forget it; machine formats say so and
keep the exact text in their own escaping.
"""

from __future__ import annotations

import sys

# What `out` is given: text for people, JSON (SARIF too), or another machine format
# that escapes in its own syntax or is meant to be saved as it is (YAML, CSV, HTML).
TEXT, JSON, EXACT = "text", "json", "exact"


def out(text: str = "", *, kind: str = TEXT) -> None:
    if kind == TEXT:
        text = for_terminal(text)
    elif kind == JSON:
        from factcheck.render.safe import json_text

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
    from factcheck.render import safe

    if "\x1b" in text:
        from factcheck.render import terminal

        if terminal.current().color:
            return safe.terminal_text_keeping_colour(text)
    return safe.terminal_text(text)


def one_line(message) -> str:
    """A message as one safe line: runs of whitespace (line breaks too) become one space."""
    from factcheck.render.safe import terminal_text

    return terminal_text(" ".join(str(message).split()))


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
