"""Every source the newsroom's drafts and archives point at, indexed in one pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.errors import FactcheckError
from factcheck.sources import resolve
from factcheck.sources.index import SourceIndex
from factcheck.store import drafts as drafts_mod


@dataclass
class IndexSummary:
    """How the index stands after `factcheck sources index`."""

    sources: int = 0
    reindexed: int = 0
    bytes_read: int = 0
    index_bytes: int = 0
    errors: list[FactcheckError] = field(default_factory=list)


def all_source_paths(config, resolver=None) -> tuple[list[str], list[FactcheckError]]:
    """The sources of every draft, plus the archives and the sources folder."""
    paths: set[str] = set()
    errors: list[FactcheckError] = []
    resolver = resolver or resolve.Resolver(config)
    for rel in drafts_mod.discover(config):
        try:
            declared = drafts_mod.read_draft(config, rel).sources
        except FactcheckError as exc:
            errors.append(exc)
            continue
        found = resolver.for_draft(declared)
        paths.update(found.paths)
        errors.extend(found.errors)
    everything = resolver.for_draft([])
    paths.update(everything.paths)
    errors.extend(everything.errors)
    return sorted(paths), errors


def index_all(config, progress=None) -> IndexSummary:
    """Bring the index up to date for every source; `progress` as for `SourceIndex.refresh`."""
    resolver = resolve.Resolver(config)
    paths, errors = all_source_paths(config, resolver)
    index = SourceIndex(config.state_dir, config.root, config.limits)
    try:
        report = index.refresh(paths, progress=progress, listed=resolver.listed)
        seen = {str(e) for e in errors}
        errors += [e for e in report.errors if str(e) not in seen]
        return IndexSummary(len(report.docs), len(report.reindexed), report.bytes_read, index.size_bytes(), errors)
    finally:
        index.close()
