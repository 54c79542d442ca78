"""`.factcheck.yaml` → a typed Config. Validated once, then only the typed object is used."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.policy.settings import Rule, parse_config_keys, parse_rules
from factcheck.store import yamlio
from factcheck.textio import read_text

CONFIG_NAME = ".factcheck.yaml"
ARCHIVE_ENV = "FACTCHECK_ARCHIVE_URL"


@dataclass(frozen=True)
class Limits:
    """Budgets for reading one source, so that a hostile or broken file costs one error
    line instead of the run. The defaults are far above any real newsroom document."""

    source_mb: int = 50  # a source file as stored
    unpacked_mb: int = 100  # what a source unpacks to: a .docx's parts, a compressed download, a PDF's text
    html_mb: int = 10  # an HTML page: a parsed page takes tens of times its size in memory
    source_seconds: int = 30  # reading one source
    fetch_seconds: int = 60  # `sources add`: the whole download, however slowly it arrives


@dataclass(frozen=True)
class Config:
    """Every key of .factcheck.yaml, with its default. See docs/config.md."""

    name: str | None = None  # the newsroom's name, for the report's title
    drafts: tuple[str, ...] = ("drafts/**/*.md",)
    claims: str = "claims"
    sources: str = "sources"
    archives: tuple[str, ...] = ()
    archive: str | None = None  # postgresql:// URL of a shared archive server; None: the embedded index only
    reviewers: tuple[str, ...] = ()
    allow_self_approval: bool = False
    locale: str = "en-US"
    limits: Limits = Limits()
    signing: str = "off"
    allowed_signers: str | None = None
    confidential: tuple[str, ...] = ()  # globs of sources sealed for good (docs/policy.md)
    embargoed: tuple[tuple[str, Any], ...] = ()  # (glob, the aware datetime its embargo ends)
    corroboration: tuple[Rule, ...] = ()  # claims that need several independent sources
    root: Path = field(default=Path("."), compare=False)

    @property
    def claims_dir(self) -> Path:
        return self.root / self.claims

    @property
    def sources_dir(self) -> Path:
        return self.root / self.sources

    @property
    def state_dir(self) -> Path:
        """Git-ignored working state: the source index, locks."""
        return self.root / ".factcheck"


DEFAULT_CONFIG_TEXT = """\
# factcheck configuration. Every key is optional; these are the defaults.
# Reference: docs/config.md

# The newsroom's name, shown as the title of the report (default: the drafts' titles).
# name: City Desk

# Globs (relative to this file) that select the drafts `factcheck scan` reads.
drafts:
  - drafts/**/*.md

# Folder where one claims file per draft is written, mirroring the draft's path.
claims: claims

# Folder where `factcheck sources add` keeps snapshots of sources.
sources: sources

# Folders of archived copy (wire, transcripts) searched for every draft,
# in addition to the sources each draft lists in its front matter.
archives: []

# A shared PostgreSQL source archive (docs/archive.md), searched for every draft
# beside its own sources. Keep passwords out of this file: use PGPASSFILE or
# FACTCHECK_ARCHIVE_URL, which wins over this key.
# archive: postgresql://factcheck_ci@db.example.org/archive

# Emails of the editors allowed to approve claims.
reviewers: []

# May the person whose commit introduced a claim also approve it?
allow_self_approval: false

# How the newsroom writes numbers: decimal and grouping marks ("3,5" is 3.5 in de-DE).
locale: en-US

# Budgets for reading one source; a source over one is skipped with an error line.
limits:
  source_mb: 50        # a source file as stored
  unpacked_mb: 100     # what it unpacks to: a .docx's parts, a compressed download, a PDF's text
  html_mb: 10          # an HTML page
  source_seconds: 30   # reading one source
  fetch_seconds: 60    # `sources add`: the whole download
# `required`: every sign-off carries the reviewer's SSH signature, checked against the
# public keys in the `allowed_signers` file (docs/review.md, "Signed sign-offs").
signing: off
# allowed_signers: allowed_signers

# Sources whose evidence never leaves this machine: CI output, exports and committed
# claims files say only "a confidential source" (docs/policy.md).
# confidential:
#   - sources/protected/**
# embargoed:
#   sources/releases/budget-*.pdf: 2026-12-05T09:00:00Z
# Claims that need several independent sources before they may be approved
# (docs/policy.md, "Corroboration"). For example:
# corroboration:
#   - name: allegations
#     words: [alleged, allegedly, accused]
#     sources: 2
corroboration: []
"""


def find_root(start: Path | None = None) -> Path:
    """The newsroom root: the nearest folder holding .factcheck.yaml, else the git top level."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / CONFIG_NAME).is_file():
            return d
    for d in (here, *here.parents):
        if (d / ".git").exists():
            return d
    return here


def key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _str_list(value: Any, key: str, text: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"`{key}` must be a list of strings", path=path, line=key_line(text, key))
    return tuple(value)


def _inside_newsroom(value: str, key: str, text: str, path: str) -> None:
    """Paths are relative to the newsroom and stay in it: the tool reads and writes nowhere else."""
    from pathlib import PurePosixPath

    p = PurePosixPath(value.replace("\\", "/"))
    if p.is_absolute() or ".." in p.parts:
        raise ConfigError(
            f"`{key}` entry {value!r} must be a path inside the newsroom, relative to this file",
            path=path,
            line=key_line(text, key),
        )


def _archive_url(value: Any, key: str, text: str, path: str) -> str:
    if not isinstance(value, str) or not value.strip().startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"`{key}` must be a postgresql:// URL", path=path, line=key_line(text, key))
    return value.strip()


def _with_archive_env(config: Config) -> Config:
    """FACTCHECK_ARCHIVE_URL wins over the file: CI points at its read-only role without
    editing the newsroom's config, and keeps the password out of the repository."""
    import dataclasses
    import os

    url = os.environ.get(ARCHIVE_ENV, "").strip()
    if not url:
        return config
    return dataclasses.replace(config, archive=_archive_url(url, ARCHIVE_ENV, "", ARCHIVE_ENV))


def _locale(value: Any, text: str, path: str) -> str:
    # Imported here: reaching it loads the extract package, which only a `locale:` key needs.
    from factcheck.extract.numbers import number_locale

    line = key_line(text, "locale")
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("`locale` must be a locale name such as en-US, en-IN, de-DE or fr-FR", path=path, line=line)
    try:
        return number_locale.marks(value).locale
    except ConfigError as exc:
        raise ConfigError(f"`locale`: {exc.message}", path=path, line=line) from None


def _limits(value: Any, text: str, path: str) -> Limits:
    names = [f.name for f in fields(Limits)]
    line = key_line(text, "limits")
    if not isinstance(value, dict):
        raise ConfigError(f"`limits` must be a mapping with keys {', '.join(names)}", path=path, line=line)
    for key, number in value.items():
        if key not in names:
            raise ConfigError(f"unknown key `limits.{key}` (known: {', '.join(names)})", path=path, line=line)
        if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
            raise ConfigError(f"`limits.{key}` must be a whole number above 0", path=path, line=line)
    return Limits(**value)


def parse_config(text: str, *, path: str, root: Path) -> Config:
    data = yamlio.load(text, path=path) or {}
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping of keys to values", path=path, line=1)
    known = {f.name for f in fields(Config)} - {"root"}
    for key in data:
        if key not in known:
            raise ConfigError(
                f"unknown key `{key}` (known keys: {', '.join(sorted(known))})",
                path=path,
                line=key_line(text, str(key)),
            )
    values: dict[str, Any] = {"root": root}
    for key in ("drafts", "archives", "reviewers"):
        if key in data and data[key] is not None:
            values[key] = _str_list(data[key], key, text, path)
    for key in ("claims", "sources"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                raise ConfigError(f"`{key}` must be a folder path", path=path, line=key_line(text, key))
            values[key] = data[key].strip().rstrip("/")
    if data.get("name") is not None:
        if not isinstance(data["name"], str) or not data["name"].strip():
            raise ConfigError("`name` must be text", path=path, line=key_line(text, "name"))
        values["name"] = " ".join(data["name"].split())
    for key in ("drafts", "archives", "claims", "sources"):
        for value in values.get(key, ()) if key in ("drafts", "archives") else [values.get(key, "")]:
            _inside_newsroom(value, key, text, path)
    if data.get("archive") is not None:
        values["archive"] = _archive_url(data["archive"], "archive", text, path)
    if "allow_self_approval" in data:
        if not isinstance(data["allow_self_approval"], bool):
            raise ConfigError(
                "`allow_self_approval` must be true or false", path=path, line=key_line(text, "allow_self_approval")
            )
        values["allow_self_approval"] = data["allow_self_approval"]
    if "locale" in data:
        values["locale"] = _locale(data["locale"], text, path)
    if data.get("limits") is not None:
        values["limits"] = _limits(data["limits"], text, path)
    values.update(_signing(data, text, path))
    if data.get("confidential") is not None or data.get("embargoed") is not None:
        values.update(parse_config_keys(data, text, path, key_line))
    if data.get("corroboration") is not None:
        values["corroboration"] = parse_rules(data["corroboration"], path=path, line=key_line(text, "corroboration"))
    values["reviewers"] = tuple(r.strip().lower() for r in values.get("reviewers", ()))
    return Config(**values)


def _signing(data: dict, text: str, path: str) -> dict[str, Any]:
    """`signing: required|off` and the `allowed_signers` file that holds the reviewers' keys."""
    out: dict[str, Any] = {}
    if "signing" in data:
        value = data["signing"]
        value = "off" if value in (False, None, "off", "none") else value
        if value not in ("off", "required"):
            raise ConfigError("`signing` must be `required` or `off`", path=path, line=key_line(text, "signing"))
        out["signing"] = value
    if data.get("allowed_signers") is not None:
        value = data["allowed_signers"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                "`allowed_signers` must be a file path", path=path, line=key_line(text, "allowed_signers")
            )
        _inside_newsroom(value.strip(), "allowed_signers", text, path)
        out["allowed_signers"] = value.strip()
    if out.get("signing") == "required" and "allowed_signers" not in out:
        raise ConfigError(
            "`signing: required` needs `allowed_signers:`, the file listing each reviewer's public SSH key",
            path=path,
            line=key_line(text, "signing"),
        )
    return out


def load_config(root: Path | None = None, *, required: bool = True) -> Config:
    """Read the config at the newsroom root; without one, defaults (or an error if required)."""
    root = root or find_root()
    path = root / CONFIG_NAME
    if not path.is_file():
        if required:
            raise ConfigError(
                "no .factcheck.yaml here or in any parent folder; run `factcheck init` first", path=str(root)
            )
        return _with_archive_env(Config(root=root))
    if path.stat().st_size == 0:
        return _with_archive_env(Config(root=root))  # an empty file means "all defaults"
    text = read_text(path, display=CONFIG_NAME)
    return _with_archive_env(parse_config(text, path=CONFIG_NAME, root=root))
