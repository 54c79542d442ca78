"""The only place that writes to the terminal. Core code returns values; this prints them."""

from __future__ import annotations

import sys


def out(text: str = "") -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def error(message: str) -> None:
    """One line on stderr, never a traceback: newsroom users act on the message alone."""
    first = " ".join(str(message).split())
    sys.stderr.write(f"factcheck: error: {first}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"factcheck: warning: {' '.join(str(message).split())}\n")


def ask(prompt: str) -> str | None:
    """Prompt and read one line from standard input; None when input has ended.

    A terminal echoes the answer and the Enter key; piped input is not echoed, so the
    answer is written after the prompt here, keeping prompt and what follows on separate lines.
    """
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not _isatty(sys.stdin):
        sys.stdout.write(line.strip() + "\n")
    return None if line == "" else line.strip()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
