"""A draft: its text as read, where the body starts, and what its front matter says."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from factcheck.errors import DataError
from factcheck.store import yamlio

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


class Draft:
    """A draft as read; not to be changed. A plain class, as every command reads drafts and
    generating a dataclass's methods would cost each of them start-up."""

    __slots__ = ("path", "text", "body_start", "meta")

    def __init__(self, path: str, text: str, body_start: int = 0, meta: dict[str, Any] | None = None):
        self.path, self.text, self.body_start = path, text, body_start
        self.meta: dict[str, Any] = {} if meta is None else meta

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def date(self) -> dt.date | None:
        """The front matter's `date:`, the day relative dates in the draft are read against."""
        return parse_date(self.meta.get("date"), path=self.path)

    @property
    def sources(self) -> list[str]:
        value = self.meta.get("sources") or []
        if isinstance(value, str):
            value = [value]
        # an entry may be a mapping, to mark its source confidential or embargoed (docs/policy.md)
        value = (
            [v["path"] if isinstance(v, dict) and isinstance(v.get("path"), str) else v for v in value]
            if isinstance(value, list)
            else value
        )
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError("front matter `sources:` must be a list of paths (or of `path:` mappings)", path=self.path)
        return value


def parse_draft(text: str, path: str) -> Draft:
    """Split YAML front matter (between leading `---` lines) from the body."""
    m = FRONT_MATTER.match(text)
    if not m:
        return Draft(path=path, text=text)
    meta: Any = {}
    if m.group(1) and m.group(1).strip():
        meta = yamlio.load(m.group(1), path=path, line_offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DataError("front matter must be a mapping of keys to values", path=path, line=2)
    return Draft(path=path, text=text, body_start=m.end(), meta=meta)


def parse_date(value: Any, *, path: str | None = None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise DataError(f"front matter `date:` is not a date in YYYY-MM-DD form: {value!r}", path=path)
