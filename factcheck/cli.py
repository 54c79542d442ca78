"""Command-line entry point: parse, call one core function, render, return an exit code.

Each command lives in its own module under factcheck/commands/ and registers itself
on the app; no command module imports anything heavy at import time, so start-up
stays close to bare Python.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import traceback

import typer

from factcheck import __version__

# Where commands appear in --help; command modules not listed here come after, by name.
ORDER = ("extract", "init", "scan", "sources", "match", "status", "show", "approve", "review", "check", "export", "report")

app = typer.Typer(
    name="factcheck",
    help="Pull checkable claims out of news drafts, match them to sources, and sign them off in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"factcheck {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Pull checkable claims out of news drafts, match them to sources, and sign them off in git."""


def _command_modules() -> list[str]:
    import pkgutil

    from factcheck import commands

    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(ORDER)), n))


def _register() -> None:
    for name in _command_modules():
        importlib.import_module(f"factcheck.commands.{name}").register(app)


def main() -> None:
    """The one error boundary: known errors are one line; anything else is logged in full."""
    _register()
    try:
        app(prog_name="factcheck")
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception:  # noqa: BLE001 - the boundary that keeps tracebacks off the terminal
        fd, log = tempfile.mkstemp(prefix="factcheck-crash-", suffix=".log")
        with os.fdopen(fd, "w") as fh:
            traceback.print_exc(file=fh)
        sys.stderr.write(f"factcheck: unexpected error; details were written to {log}\n")
        sys.exit(3)
