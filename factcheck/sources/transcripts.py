"""Transcripts (.vtt, .srt): each cue on its own line, with its timestamp and speaker.

Broadcast transcripts name a speaker as "NAME:" when the voice changes and not again
until it changes back, so a cue without a label is spoken by the last one named.
"""

from __future__ import annotations

import io
import re

from factcheck.errors import InputError
from factcheck.sources import Cue, SourceText
from factcheck.textio import decode_text

_LABEL = re.compile(r"^\s*(?:>>\s*)?([A-Z][A-Za-z.'\- ]{1,60}?)\s*:\s+(?=\S)")


def speaker_label(line: str) -> str | None:
    """The "NAME:" a transcript line starts with, if any ("MICHELE FLOURNOY: We…")."""
    m = _LABEL.match(line)
    if not m:
        return None
    name = m.group(1).strip()
    # "Q:" and "A:" are speakers too; "Note that: …" is not, so a label is short and capitalised.
    words = name.split()
    if len(words) > 4 or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return None
    return name


def _cues_vtt(data: str, display: str) -> list[tuple[str, str, str | None]]:
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(data))
    except (MalformedFileError, ValueError) as exc:
        raise InputError(f"malformed WebVTT transcript ({exc})", path=display) from None
    return [(c.start, c.text, getattr(c, "voice", None)) for c in captions.captions]


def _cues_srt(data: str, display: str) -> list[tuple[str, str, str | None]]:
    import srt

    try:
        subs = list(srt.parse(data))
    except srt.SRTParseError as exc:
        raise InputError(f"malformed SRT transcript ({exc})", path=display) from None
    return [(_srt_time(s.start), s.content, None) for s in subs]


def _srt_time(delta) -> str:
    total = delta.total_seconds()
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{seconds:06.3f}"


def _assemble(cues, display: str) -> SourceText:
    lines: list[str] = []
    marks: list[Cue] = []
    offset, speaker = 0, None
    for timestamp, body, voice in cues:
        text = " ".join(body.split())
        if not text:
            continue
        speaker = voice or speaker_label(text) or speaker
        marks.append(Cue(offset=offset, timestamp=timestamp, speaker=speaker))
        lines.append(text)
        offset += len(text) + 1
    if not lines:
        raise InputError("transcript has no cues with text", path=display)
    return SourceText(path=display, text="\n".join(lines), cues=tuple(marks), kind="transcript")


def load(data: bytes, display: str, limits=None) -> SourceText:
    """A transcript; its size is the file's, within `limits.source_mb`, and time the caller's deadline."""
    text = decode_text(data, display, limit=len(data) + 1)
    reader = _cues_srt if display.lower().endswith(".srt") else _cues_vtt
    return _assemble(reader(text, display), display)
