"""`factcheck sources add|index`: snapshot sources into the newsroom, and index them."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import run, show_errors
from factcheck.completion import complete_drafts
from factcheck.config import load_config
from factcheck.policy.sensitivity import Mark
from factcheck.policy.settings import parse_moment
from factcheck.sources.snapshot import add

sources_app = typer.Typer(
    help="Snapshot sources into the newsroom (with provenance) and keep their index up to date.",
    no_args_is_help=True,
)


def add_source(target: str, draft: str | None, confidential: bool = False, embargoed: str | None = None) -> int:
    until = parse_moment(embargoed, path="--embargoed") if embargoed is not None else None
    mark = Mark(confidential, until) if confidential or until else None
    added = add(load_config(), target, draft=draft, mark=mark)
    state = "already there" if added.existed else "saved"
    output.out(f"{added.path}: {state} (sha256 {added.sha256[:12]}…, provenance in {added.sidecar})")
    if mark is not None:
        what = "confidential" if confidential else f"embargoed until {until:%Y-%m-%d %H:%M} UTC"
        output.out(
            f"{added.path}: marked {what}; its evidence stays on this machine. Keep it out of git (docs/policy.md)"
        )
    if draft:
        output.out(f"{draft}: {'listed' if added.draft_updated else 'already lists'} {added.path} under `sources:`")
    return 0


def index_sources(quiet: bool) -> int:
    progress = output.Progress(show=not quiet)
    try:
        from factcheck.sources.reindex import index_all  # the index's arrays load numpy

        summary = index_all(load_config(), progress=progress)
    finally:
        progress.close()
    show_errors(summary.errors)
    if not quiet:
        output.out(
            f"{summary.sources} sources indexed; {summary.reindexed} read anew "
            f"({summary.bytes_read / 1048576:.1f} MB); index is {summary.index_bytes / 1048576:.1f} MB"
        )
    return 2 if summary.errors else 0


@sources_app.command("add")
def add_cmd(
    target: Annotated[str, typer.Argument(help="A file path, or an http(s) URL to fetch.")],
    draft: Annotated[
        str | None,
        typer.Option(
            "--draft",
            help="Also list the snapshot in this draft's front matter `sources:`.",
            autocompletion=complete_drafts,
        ),
    ] = None,
    confidential: Annotated[
        bool,
        typer.Option(
            "--confidential", help="Mark it confidential in its sidecar: its evidence never leaves this machine."
        ),
    ] = False,
    embargoed: Annotated[
        str | None,
        typer.Option(
            "--embargoed",
            metavar="WHEN",
            help="Mark it embargoed until WHEN (e.g. 2026-12-05T09:00:00Z): confidential until then.",
        ),
    ] = None,
) -> None:
    """Copy a file or fetch a URL into the sources folder, recording URL, time and sha256.

    Examples:

    \b
      factcheck sources add https://example.org/release.html --draft examples/drafts/city/harbour-bridge-repairs.md
      factcheck sources add ~/tips/memo.pdf --confidential
    """
    if draft and (confidential or embargoed):
        raise typer.BadParameter(
            "a confidential or embargoed source is not listed by name in a draft, which is committed; "
            "list its folder by a glob instead (docs/policy.md)",
            param_hint="--draft",
        )
    run(add_source, target, draft, confidential, embargoed)


@sources_app.command("index")
def index_cmd(quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False) -> None:
    """Bring the source index under .factcheck/ up to date (match does this too).

    Examples:

    \b
      factcheck sources index
    """
    run(index_sources, quiet)


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")
