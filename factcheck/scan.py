"""`factcheck scan`: extract each draft's claims into its claims file, keeping review fields."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.config import Config
from factcheck.errors import FactcheckError, InputError
from factcheck.extract import extract_draft
from factcheck.store import claims_files
from factcheck.store import drafts as drafts_mod


@dataclass(frozen=True)
class ScanOutcome:
    """What scanning one draft did: how many claims, whether the file changed, or the error."""

    draft: str
    claims_file: str
    count: int = 0
    written: bool = False
    error: FactcheckError | None = None


def scan_one(config: Config, rel: str) -> ScanOutcome:
    target = claims_files.claims_path(config.claims_dir, rel)
    shown = target.relative_to(config.root).as_posix()
    try:
        draft = drafts_mod.read_draft(config, rel)
        with claims_files.locked(config.state_dir, target):
            old = claims_files.read_claims_file(target, display=shown)
            result = extract_draft(
                draft, reference_date=claims_files.stored_reference_date(draft, old), locale=config.locale
            )
            text = claims_files.render_claims_file(claims_files.build_claims_file(result, draft.text, old))
            current = target.read_text(encoding="utf-8") if old is not None else None
            if text != current:
                claims_files.check_size(text, path=shown)
                claims_files.atomic_write(target, text)
        return ScanOutcome(rel, shown, len(result.claims), text != current)
    except FactcheckError as exc:
        return ScanOutcome(rel, shown, error=exc)


def scan(config: Config, given: list[str] | None = None) -> list[ScanOutcome]:
    """Scan the given drafts, or every draft the config selects. One bad draft stops no other."""
    outcomes: list[ScanOutcome] = []
    for rel in _selected(config, given, outcomes):
        outcomes.append(scan_one(config, rel))
    return outcomes


def _selected(config: Config, given: list[str] | None, outcomes: list[ScanOutcome]) -> list[str]:
    if not given:
        return drafts_mod.discover(config)
    rels = []
    known = set(drafts_mod.discover(config))
    for g in given:
        try:
            rel = drafts_mod.relative_draft(config, g)
            if rel not in known and (config.root / rel).is_file():
                # Its claims file would look orphaned to `check`, which only knows the globs.
                raise InputError("is not a draft: it matches none of the `drafts:` globs in .factcheck.yaml", path=rel)
            rels.append(rel)
        except FactcheckError as exc:
            outcomes.append(ScanOutcome(g, "", error=exc))
    return rels
