"""`factcheck archive push|status|migrate|prune`: the newsroom's shared archive server."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.commands import run, show_errors

archive_app = typer.Typer(
    help="The newsroom's shared source archive on PostgreSQL (docs/archive.md).\n\nExamples:\n\n\b\n  factcheck archive status",
    no_args_is_help=True,
)


def _config_and_url():
    from factcheck.config import ARCHIVE_ENV, load_config
    from factcheck.errors import ConfigError

    config = load_config(required=False)
    if not config.archive:
        raise ConfigError(f"no archive server configured: set `archive:` in .factcheck.yaml or {ARCHIVE_ENV}")
    return config, config.archive


def push_sources(paths: list[str], quiet: bool) -> int:
    import time

    from factcheck import output
    from factcheck.archive.push import push
    from factcheck.policy.sensitivity import SourcePolicy

    config, url = _config_and_url()
    began = time.perf_counter()
    report = push(url, config.root, paths, withhold=SourcePolicy.for_draft(config).sealed)
    took = time.perf_counter() - began
    show_errors(report.errors)
    if not quiet:
        mb = report.bytes_added / 1048576
        output.out(
            f"{report.files} files: {report.added} added, {report.already} already in the archive, "
            f"{report.replaced} older versions replaced; {mb:.1f} MB in {report.passages} passages, "
            f"{took:.1f} s ({mb / took if took else 0:.1f} MB/s)"
            + (f"; {report.withheld} confidential or embargoed sources withheld" if report.withheld else "")
        )
    return 2 if report.errors else 0


def show_status() -> int:
    from factcheck import output
    from factcheck.archive.admin import status

    _, url = _config_and_url()
    st = status(url)
    output.out(f"archive:   {st.url}")
    if st.schema is None:
        output.out(f"schema:    none (this factcheck needs version {st.latest}; run `factcheck archive migrate`)")
        return 2
    note = "" if st.schema == st.latest else f" (this factcheck needs {st.latest})"
    output.out(f"schema:    version {st.schema}{note}")
    if st.schema > st.latest:
        return 2
    output.out(f"documents: {st.documents:,}")
    output.out(f"bytes:     {st.bytes:,} ({st.bytes / 1048576:.1f} MB)")
    output.out(f"passages:  about {st.passages:,}")
    last = f"{st.last_push:%Y-%m-%d %H:%M:%S %Z} by {st.last_pusher}" if st.last_push else "never"
    output.out(f"last push: {last}")
    return 0 if st.schema == st.latest else 2


def run_migrate() -> int:
    from factcheck import output
    from factcheck.archive.admin import migrate

    _, url = _config_and_url()
    res = migrate(url)
    if res.applied:
        before = "no schema" if res.before is None else f"version {res.before}"
        output.out(
            f"{res.url}: migrated from {before} to version {res.applied[-1]} (applied {', '.join(map(str, res.applied))})"
        )
    else:
        output.out(f"{res.url}: schema is up to date (version {res.before})")
    return 0


def run_prune(older_than: str | None, path: str | None, dry_run: bool) -> int:
    from factcheck import output
    from factcheck.archive.admin import parse_age, prune

    _, url = _config_and_url()
    age = parse_age(older_than) if older_than is not None else None
    res = prune(url, older_than=age, path_glob=path, dry_run=dry_run)
    verb = "would delete" if res.dry_run else "deleted"
    output.out(f"{res.url}: {verb} {res.documents} documents ({res.bytes / 1048576:.1f} MB)")
    return 0


@archive_app.command("push")
def push_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Source files or folders (walked in full) to index into the archive.")
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
) -> None:
    """Index sources into the archive server; a file it holds already (same path and sha256) is skipped.

    Examples:

    \b
      FACTCHECK_ARCHIVE_URL=postgresql://factcheck_writer@db.example.org/archive factcheck archive push wire/
    """
    run(push_sources, paths, quiet)


@archive_app.command("status")
def status_cmd() -> None:
    """Show the archive's documents, bytes, last push and schema version.

    Examples:

    \b
      factcheck archive status
    """
    run(show_status)


@archive_app.command("migrate")
def migrate_cmd() -> None:
    """Create or upgrade the archive's tables (under an advisory lock; safe to run twice).

    Examples:

    \b
      factcheck archive migrate
    """
    run(run_migrate)


@archive_app.command("prune")
def prune_cmd(
    older_than: Annotated[
        str | None, typer.Option("--older-than", help="Delete documents pushed longer ago than this: 90d, 12w, 6m, 2y.")
    ] = None,
    path: Annotated[
        str | None, typer.Option("--path", help="Delete documents whose archive path matches this glob (* and ?).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Count what would be deleted; delete nothing.")] = False,
) -> None:
    """Delete documents by age and/or path; one of the two filters is required.

    Examples:

    \b
      factcheck archive prune --older-than 2y --dry-run
      factcheck archive prune --path 'wire/2019/*'
    """
    run(run_prune, older_than, path, dry_run)


def register(app: typer.Typer) -> None:
    app.add_typer(archive_app, name="archive")
