"""One module per command. Each exposes `register(app)` and keeps its imports lazy."""

from __future__ import annotations

from collections.abc import Callable

import typer

from factcheck.errors import FactcheckError


def run(fn: Callable[..., int], /, *args, **kwargs) -> None:
    """Call a command body and exit with its code; a FactcheckError becomes one stderr line."""
    from factcheck import output

    try:
        code = fn(*args, **kwargs)
    except FactcheckError as exc:
        output.error(str(exc))
        code = exc.exit_code
    raise typer.Exit(code)
