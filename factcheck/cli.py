"""Command-line entry point: parse, call one core function, render, return an exit code.

Each command lives in its own module under factcheck/commands/ and registers itself
on the app. Only the module of the command being run is imported, and no module
imports a heavy third-party library at import time, so start-up stays close to bare
Python.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from enum import Enum
from typing import Any

import typer

from factcheck import __version__

# Where commands appear in --help; command modules not listed here come after, by name.
ORDER = (
    "extract",
    "init",
    "scan",
    "sources",
    "archive",
    "match",
    "status",
    "show",
    "approve",
    "review",
    "check",
    "publish",
    "correct",
    "corrections",
    "export",
    "report",
)

app = typer.Typer(
    name="factcheck",
    help="Pull checkable claims out of news drafts, match them to sources, and sign them off in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"factcheck {__version__}\n")
        raise typer.Exit(0)


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    color: ColorMode = typer.Option(
        ColorMode.auto,
        "--color",
        help="Colour verdicts and states: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never.",
    ),
) -> None:
    """Pull checkable claims out of news drafts, match them to sources, and sign them off in git."""
    from factcheck.render import terminal  # the entry imports what a command needs only when it runs

    terminal.choose_color(color.value)


def _command_modules() -> list[str]:
    import pkgutil

    from factcheck import commands

    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(names, key=lambda n: (rank.get(n, len(ORDER)), n))


def _register() -> None:
    """Register every command, in the order --help lists them."""
    app.registered_commands.clear()
    app.registered_groups.clear()
    for name in _command_modules():
        importlib.import_module(f"factcheck.commands.{name}").register(app)
    _whole_summaries()


def _whole_summaries(group: typer.Typer | None = None) -> None:
    """List each command in --help by its whole first paragraph, wrapped, never cut to "…"."""
    import inspect

    group = group or app
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            _whole_summaries(sub.typer_instance)
    infos: list[Any] = [*group.registered_commands, *group.registered_groups]  # typer's two info types
    for info in infos:
        if info.short_help:
            continue
        doc = info.help or (info.callback.__doc__ if info.callback else None)
        if doc is None and getattr(info, "typer_instance", None) is not None:
            doc = info.typer_instance.info.help
        if isinstance(doc, str) and doc.strip():
            info.short_help = " ".join(inspect.cleandoc(doc).split("\n\n", 1)[0].split())


def _register_for(args: list[str]) -> None:
    """Register only what this command line needs.

    Typer turns every registered command into a parser on each run, which costs more
    than most commands take to do their work; so when the first argument names a command
    module that registers that command, it is the only one. Anything else (--help, a
    mistyped name, a command registered by a module of another name) gets them all.
    """
    first = args[0] if args else ""
    if first == "--version":
        return  # eager: it prints and exits before any command is looked at
    module = first.replace("-", "_")
    if module.isidentifier() and not module.startswith("_"):
        try:
            importlib.import_module(f"factcheck.commands.{module}").register(app)
        except ModuleNotFoundError as exc:
            if exc.name != f"factcheck.commands.{module}":
                raise
        else:
            names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
            if first in names:
                _whole_summaries()
                return
    _register()


def main() -> None:
    """The one error boundary: known errors are one line; anything else is logged in full."""
    args = sys.argv[1:]
    if "_FACTCHECK_COMPLETE" in os.environ:
        from factcheck.completion import accept_click_mode_names, words_typed

        accept_click_mode_names()
        args = words_typed()  # a Tab after the command's name loads that command alone
    _register_for(args)
    try:
        code = app(prog_name="factcheck", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Abort:
        sys.stderr.write("factcheck: aborted\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if _is_usage_error(exc):
            _usage_error(exc)
        _crash()
    finally:
        # The process ends here. Left to the cycle collector, every object the command made
        # would be freed one by one at exit, which takes longer than reading a draft; the
        # operating system takes the memory back at once.
        gc.freeze()


def _is_usage_error(exc: Exception) -> bool:
    """Click's usage errors (bad option, unknown command), whichever click typer bundles."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _usage_error(exc) -> None:
    """One line, like every other error, pointing at the help that explains the command."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()  # `factcheck` alone: the help is the answer
        sys.exit(exc.exit_code)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "factcheck"
    from factcheck.render.safe import one_line

    sys.stderr.write(f"factcheck: error: {one_line(exc.format_message())} (see `{one_line(command)} --help`)\n")
    sys.exit(exc.exit_code)


def _crash() -> None:
    """An unexpected error is a bug: the traceback goes to a log file, the terminal gets one line."""
    import tempfile  # only on a crash: every command's start-up would pay for them
    import traceback

    fd, log = tempfile.mkstemp(prefix="factcheck-crash-", suffix=".log")
    with os.fdopen(fd, "w") as fh:
        traceback.print_exc(file=fh)
    sys.stderr.write(f"factcheck: unexpected error; details were written to {log}\n")
    sys.exit(3)
