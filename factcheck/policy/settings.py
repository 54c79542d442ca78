"""The newsroom policy keys of .factcheck.yaml, read and checked: `corroboration:` rules,
`confidential:` globs and `embargoed:` times.

They live apart from the policies that apply them (policy.corroboration,
policy.sensitivity), which read sources and drafts, so that `config` can read them
without importing the sources or the store, both of which import `config`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from factcheck.errors import ConfigError, DataError
from factcheck.model import KINDS, ClaimRecord

_WORD = re.compile(r"\w+", re.U)
_RULE_KEYS = ("name", "kind", "words", "flag", "sources")


@dataclass(frozen=True)
class Rule:
    """Claims that match every selector given here need `sources` independent sources."""

    sources: int
    name: str | None = None
    kinds: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # lower case; a trailing * matches any ending
    flag: str | None = None  # a front-matter key that, when true, picks every claim of the draft

    def __str__(self) -> str:
        return self.name or self.describe()

    def describe(self) -> str:
        parts = []
        if self.kinds:
            parts.append("/".join(self.kinds))
        if self.words:
            parts.append("words " + ", ".join(self.words))
        if self.flag:
            parts.append(f"flag {self.flag}")
        return f"{' + '.join(parts)}: {self.sources} sources"

    def picks(self, rec: ClaimRecord, meta: dict[str, Any]) -> bool:
        if self.kinds and rec.get("kind") not in self.kinds:
            return False
        if self.flag and meta.get(self.flag) is not True:
            return False
        return not self.words or _has_word(str(rec.get("sentence") or rec.get("text") or ""), self.words)


def _has_word(sentence: str, words: tuple[str, ...]) -> bool:
    found = {w.lower() for w in _WORD.findall(sentence)}
    exact = {w for w in words if not w.endswith("*")}
    if found & exact:
        return True
    stems = [w[:-1] for w in words if w.endswith("*")]
    return any(f.startswith(s) for f in found for s in stems)


# --- configuration -------------------------------------------------------------------


def parse_rules(value: Any, *, path: str, line: int | None) -> tuple[Rule, ...]:
    """The `corroboration:` key: a list of rules, each a mapping with `sources:` and a selector."""

    def bad(message: str) -> ConfigError:
        return ConfigError(f"`corroboration`: {message}", path=path, line=line)

    if value is None:
        return ()
    if not isinstance(value, list):
        raise bad("must be a list of rules, each with `sources:` and `kind:`, `words:` or `flag:`")
    return tuple(_rule(item, n, bad) for n, item in enumerate(value, 1))


def _rule(item: Any, n: int, bad) -> Rule:
    if not isinstance(item, dict):
        raise bad(f"rule {n} must be a mapping")
    unknown = [k for k in item if k not in _RULE_KEYS]
    if unknown:
        raise bad(f"rule {n} has unknown key `{unknown[0]}` (known: {', '.join(_RULE_KEYS)})")
    sources = item.get("sources")
    if isinstance(sources, bool) or not isinstance(sources, int) or sources < 2:
        raise bad(f"rule {n} needs `sources:`, a whole number of independent sources, 2 or more")
    kinds = _strings(item.get("kind"), f"rule {n} `kind`", bad)
    if any(k not in KINDS for k in kinds):
        raise bad(f"rule {n} `kind` must be one of {', '.join(KINDS)}")
    words = tuple(w.lower() for w in _strings(item.get("words"), f"rule {n} `words`", bad))
    if any(not _WORD.fullmatch(w.rstrip("*")) for w in words):
        raise bad(f"rule {n} `words` must be single words (a trailing * matches any ending)")
    flag = item.get("flag")
    if flag is not None and (not isinstance(flag, str) or not flag.strip()):
        raise bad(f"rule {n} `flag` must be a front-matter key")
    if not (kinds or words or flag):
        raise bad(f"rule {n} selects nothing: give `kind:`, `words:` or `flag:`")
    name = item.get("name")
    if name is not None and not isinstance(name, str):
        raise bad(f"rule {n} `name` must be text")
    return Rule(sources, name, kinds, words, flag.strip() if flag else None)


def _strings(value: Any, what: str, bad) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise bad(f"{what} must be a word or a list of words")
    return tuple(v.strip() for v in value)


# --- confidential and embargoed sources -------------------------------------------


def parse_moment(value: Any, *, path: str, line: int | None = None, what: str = "embargoed") -> dt.datetime:
    """An embargo's end as an aware UTC datetime: a YAML timestamp, an ISO 8601 text or a
    bare date (its midnight, UTC). A time without a zone is read as UTC."""
    moment: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        text = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            moment = None
    if moment is None:
        raise DataError(
            f"`{what}` must be a date and time such as 2026-12-05T09:00:00Z, not {value!r}", path=path, line=line
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def parse_config_keys(data: dict, text: str, path: str, line_of) -> dict[str, Any]:
    """`confidential:` (globs) and `embargoed:` (glob → datetime) of .factcheck.yaml."""
    out: dict[str, Any] = {}
    if data.get("confidential") is not None:
        value = data["confidential"]
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(
                "`confidential` must be a list of globs naming sources", path=path, line=line_of(text, "confidential")
            )
        out["confidential"] = tuple(v.strip() for v in value)
    if data.get("embargoed") is not None:
        value = data["embargoed"]
        line = line_of(text, "embargoed")
        if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
            raise ConfigError(
                "`embargoed` must map globs naming sources to the date and time each embargo ends", path=path, line=line
            )
        try:
            out["embargoed"] = tuple(
                (k.strip(), parse_moment(v, path=path, line=line, what=f"embargoed: {k}")) for k, v in value.items()
            )
        except DataError as exc:
            raise ConfigError(exc.message, path=path, line=line) from None
    return out
