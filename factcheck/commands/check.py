"""`factcheck check`: the gate a pull request must pass before its drafts are published."""

from __future__ import annotations

import os
from enum import Enum
from typing import Annotated

import typer

from factcheck import gitrepo, output
from factcheck.check import check
from factcheck.commands import format_option, run, show_errors
from factcheck.completion import complete_drafts
from factcheck.config import load_config
from factcheck.errors import InputError
from factcheck.render import findings


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def check_drafts(drafts: list[str], base: str | None, fmt: CheckFormat) -> int:
    config = load_config()
    result = check(config, base=base, given=drafts or None)
    show_errors(result.errors)
    prefix = _repo_prefix(config) if fmt in (CheckFormat.github, CheckFormat.sarif) else ""
    output.out(findings.FORMATS[fmt.value](result, prefix), kind=output.kind_of(fmt.value))
    if fmt is CheckFormat.github and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append(os.environ["GITHUB_STEP_SUMMARY"], findings.as_step_summary(result, prefix))
    if result.errors:
        return 2  # the good drafts' findings are shown, but an unreadable draft is never a pass
    return 0 if result.clear else 1


def _repo_prefix(config) -> str:
    return gitrepo.repo_prefix(config.root)


def _append(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the step summary ({exc.strerror or exc})", path=path) from None


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        drafts: Annotated[
            list[str] | None,
            typer.Argument(
                help="Drafts to check. Default: every draft, or those changed since --base.",
                autocompletion=complete_drafts,
            ),
        ] = None,
        base: Annotated[
            str | None,
            typer.Option(
                "--base", metavar="REF", help="Check only the drafts changed since this ref (e.g. origin/main)."
            ),
        ] = None,
        format: Annotated[CheckFormat, format_option()] = CheckFormat.text,
    ) -> None:
        """Exit 1 unless every claim is signed off by a reviewer and every claims file is up to date.

        Exit codes: 0 all clear, 1 findings, 2 usage, config or data error.

        Examples:

        \b
          factcheck check
          factcheck check --base origin/main --format github
        """
        if drafts and base:
            raise typer.BadParameter("give drafts or --base, not both", param_hint="--base")
        run(check_drafts, drafts or [], base, format)
