"""The few errors factcheck raises; the CLI turns each into one line on stderr."""

from __future__ import annotations


class FactcheckError(Exception):
    """A known failure with a message a journalist can act on."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(FactcheckError):
    """A draft or source that cannot be read as text (missing, binary, too large, not UTF-8)."""


class DataError(FactcheckError):
    """A claims or front-matter file that is not valid YAML, or has the wrong shape."""


class ConfigError(FactcheckError):
    """A missing or invalid .factcheck.yaml."""


class GitError(FactcheckError):
    """A git operation failed or the repository lacks the history that is needed."""


class ReviewError(FactcheckError):
    """A sign-off that the rules refuse (unknown reviewer, own claim, missing note)."""
