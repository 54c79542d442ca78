"""`factcheck export`: every claims file as one document that leaves the machine.

The claims files are read as they are on disk, their review histories checked, and
the evidence of confidential and embargoed sources concealed before anything is
rendered (an export is shared; the claims files stay in the newsroom).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.policy.sensitivity import conceal_claims_file
from factcheck.render.export import FORMATS, empty_reason
from factcheck.report import check_histories
from factcheck.store import claims_files, drafts
from factcheck.store.claims_files import ClaimsFile


@dataclass
class Export:
    """The rendered document, the claims files it could not read, and why it is empty (if it is)."""

    text: str
    errors: list[FactcheckError] = field(default_factory=list)
    empty: str | None = None


def export(config: Config, fmt: str) -> Export:
    """Render every claims file in `fmt` ("json", "claimreview" or "csv")."""
    files, errors = shared_claims_files(config)
    if fmt == "claimreview":
        text = FORMATS[fmt](files, {cf.draft: front_matter(config, cf.draft) for cf in files})
    else:
        text = FORMATS[fmt](files)
    return Export(text, errors, empty_reason(fmt, files))


def shared_claims_files(config: Config) -> tuple[list[ClaimsFile], list[FactcheckError]]:
    """Every readable claims file with a sound review history, concealed for sharing."""
    files: list[ClaimsFile] = []
    errors: list[FactcheckError] = []
    for path in claims_files.claims_files(config):
        shown = path.relative_to(config.root).as_posix()
        try:
            cf = claims_files.read_claims_file(path, display=shown)
            if cf is not None:
                check_histories(cf.claims, path=shown)
                files.append(conceal_claims_file(config, cf))
        except FactcheckError as exc:
            errors.append(exc)
    return files, errors


def front_matter(config: Config, rel: str) -> dict[str, Any]:
    """The draft's front matter (title, date, url) for the published record; {} if it cannot be read."""
    try:
        return drafts.read_draft(config, rel).meta
    except FactcheckError:
        return {}  # a claims file whose draft is gone still exports, under its path
