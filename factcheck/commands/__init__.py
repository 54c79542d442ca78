"""One module per command. Each exposes `register(app)` and keeps its imports lazy.

What several commands declare or do alike has its home here, so that a DRAFT argument,
`--format` and the errors shown beside a result read the same in every command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import typer

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from factcheck.config import Config


def run(fn: Callable[..., int], /, *args, **kwargs) -> None:
    """Call a command body and exit with its code; a FactcheckError becomes one stderr line."""
    from factcheck import output

    try:
        code = fn(*args, **kwargs)
    except FactcheckError as exc:
        output.error(str(exc))
        code = exc.exit_code
    raise typer.Exit(code)


def draft_argument(help: str) -> Any:
    """The DRAFT argument of a command that works on one draft, completed on Tab."""
    from factcheck.completion import complete_drafts  # only the commands that take a DRAFT pay for it

    return typer.Argument(help=help, autocompletion=complete_drafts)


def format_option() -> Any:
    """`--format/-f`, spelled alike by every command that has more than one output."""
    return typer.Option("--format", "-f", help="Output format.")


def config_and_draft(draft: str) -> tuple[Config, str]:
    """The newsroom's config, and DRAFT as given on the command line made relative to its root."""
    from factcheck.config import load_config
    from factcheck.store import drafts

    config = load_config()
    return config, drafts.relative_draft(config, draft)


def show_errors(errors: Iterable[object]) -> None:
    """Errors that spoiled part of a result but not all of it: one stderr line each,
    ahead of the part that could be shown."""
    from factcheck import output

    for error in errors:
        output.error(str(error))
