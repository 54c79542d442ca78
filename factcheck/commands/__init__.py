"""One module per command. Each exposes `register(app)` and imports the core it calls at the top.

The entry point imports a command's module only when that command runs (or for the
whole --help), so a command pays only for its own core; the heavy third-party libraries
are imported where they are used.

What several commands declare or do alike has its home here, so that `--format`, a
draft named on the command line and the errors shown beside a result read the same in
every command. The DRAFT argument lives with its Tab completion, in factcheck.completion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import typer

from factcheck import output
from factcheck.config import Config, load_config
from factcheck.errors import FactcheckError
from factcheck.store import drafts


def run(fn: Callable[..., int], /, *args, **kwargs) -> None:
    """Call a command body and exit with its code; a FactcheckError becomes one stderr line."""
    try:
        code = fn(*args, **kwargs)
    except FactcheckError as exc:
        output.error(str(exc))
        code = exc.exit_code
    raise typer.Exit(code)


def format_option() -> Any:
    """`--format/-f`, spelled alike by every command that has more than one output."""
    return typer.Option("--format", "-f", help="Output format.")


def config_and_draft(draft: str) -> tuple[Config, str]:
    """The newsroom's config, and DRAFT as given on the command line made relative to its root."""
    config = load_config()
    return config, drafts.relative_draft(config, draft)


def show_errors(errors: Iterable[object]) -> None:
    """Errors that spoiled part of a result but not all of it: one stderr line each,
    ahead of the part that could be shown."""
    for error in errors:
        output.error(str(error))
