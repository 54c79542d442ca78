"""Reading drafts and text safely: every way a file can be unreadable becomes one InputError."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.errors import InputError

# Drafts are articles: even a long feature is well under 1 MB. A bigger file is almost
# certainly a mistake (a data dump, a video) and reading it would stall a CI job.
MAX_TEXT_BYTES = 10 * 1024 * 1024


def decode_text(data: bytes, path: str, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Bytes → text as Python's text mode would read it (UTF-8, universal newlines).

    Offsets of claims count characters in exactly this text, so that any tool reading
    the file with open(path, encoding="utf-8").read() finds the same spans.
    """
    if len(data) > limit:
        raise InputError(
            f"file is too large ({len(data) / 1048576:.1f} MB; the limit is {limit // 1048576} MB)",
            path=path,
        )
    if not data.strip():
        raise InputError("file is empty", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        # Anywhere in the file: a NUL reaches a terminal, a YAML file or git's diff as a
        # truncation, and no editor writes one into prose.
        if nul < 8192:
            raise InputError("file is binary, not text", path=path)
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"file is binary, not text (a NUL byte at offset {nul})", path=path, line=line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_bytes(path: str | os.PathLike[str], *, display: str, limit: int, noun: str = "file") -> bytes:
    """A file's bytes, every OS-level failure turned into one InputError naming the file.

    `noun` says what the file is to the reader ("file", "source file").
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"is a directory, not a {noun}", path=display)
        size = p.stat().st_size
        if size > limit:
            raise InputError(
                f"{noun} is too large ({size / 1048576:.1f} MB; the limit is {limit // 1048576} MB)", path=display
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such {noun}", path=display) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {noun}", path=display) from None
    except PermissionError:
        raise InputError("permission denied", path=display) from None
    except OSError as exc:
        raise InputError(f"cannot read {noun} ({exc.strerror or exc})", path=display) from None


def read_text(path: str | os.PathLike[str], *, display: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """Read a text file, turning every OS-level failure into an InputError naming the file."""
    name = display or str(path)
    return decode_text(read_bytes(path, display=name, limit=limit), name, limit=limit)
