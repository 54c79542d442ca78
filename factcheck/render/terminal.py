"""Text for people at a terminal: colour, width, snippets, word diffs and hints.

Every command that prints claims for a person goes through this module, so the rules
live in one place:

* colour by verdict and review state, only when it helps: `--color always|never`
  decides; otherwise `NO_COLOR` turns it off, `FORCE_COLOR` turns it on, and it is on
  when standard output is a terminal (and TERM is not `dumb`);
* lines wrapped to the width of the terminal (`COLUMNS` when set); output piped to
  another program or a file is not wrapped, so each record stays on its line for grep;
* snippets cut at a word boundary, with an ellipsis;
* a change shown as a word diff, `[-old-] {+new+}`;
* each hint said once per run, at the end.

Hand-written escape codes rather than rich: a handful of colours do not need a layout
engine whose import would cost more than `show` takes to run.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

from factcheck.render.safe import one_line

COLOR_MODES = ("auto", "always", "never")

_SGR = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}

# What each word means to an editor decides its colour: red stops publication, yellow
# needs a look, green is done. Verdicts and review states share the scale.
ROLES = {
    "supported": "green",
    "contradicted": "bold red",
    "not_found": "yellow",
    "unmatched": "dim",
    "approved": "bold green",
    "rejected": "bold red",
    "stale": "magenta",
    "pending": "cyan",
    "forged": "bold red",
    "config-changed": "bold red",
    "missing": "yellow",
    "out-of-date": "yellow",
    "id": "bold",
    "label": "dim",
    "del": "red",
    "ins": "green",
    "hint": "dim",
    "done": "green",
    "heading": "bold",
}

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Terminal:
    """How this run writes for people: with colour or not, wrapped to a width or not."""

    color: bool = False
    width: int | None = None
    said: set[str] = field(default_factory=set)

    def paint(self, text: str, role: str) -> str:
        """`text` in the colour of `role` (a verdict, state or one of ROLES), if colour is on."""
        style = ROLES.get(role, role)
        codes = ";".join(_SGR[s] for s in style.split() if s in _SGR)
        if not self.color or not codes or not text:
            return text
        return f"\x1b[{codes}m{text}\x1b[0m"

    def wrap(self, text: str, hang: int | None = None) -> list[str]:
        """`text` as lines of at most `width` visible characters.

        The text's own leading spaces indent its first line; continuation lines are
        indented by `hang` (default: the same). Words are never broken: a word longer
        than the line (a URL, a path) overflows it.
        """
        body = text.lstrip(" ")
        lead = len(text) - len(body)
        hang = lead if hang is None else hang
        if not self.width or visible_len(text) <= self.width:
            return [text]
        lines: list[str] = []
        line, used, fresh = " " * lead, lead, True
        for word in body.split(" "):
            n = visible_len(word)
            if not fresh and used + 1 + n > self.width:
                lines.append(line)
                line, used, fresh = " " * hang, hang, True
            line, used = (line + word, used + n) if fresh else (f"{line} {word}", used + 1 + n)
            fresh = False
        lines.append(line)
        return lines

    def hint(self, text: str) -> bool:
        """True the first time a hint is given in this run; later calls are False."""
        if text in self.said:
            return False
        self.said.add(text)
        return True


_current: Terminal | None = None
_mode = "auto"


def choose_color(mode: str) -> None:
    """`--color auto|always|never`, from the command line; decides for the whole run."""
    global _mode, _current
    _mode = mode
    _current = None


def current() -> Terminal:
    """This run's terminal settings, worked out once from the flag, environment and stdout."""
    global _current
    if _current is None:
        _current = Terminal(color=wants_color(_mode, os.environ, _isatty()), width=line_width(os.environ, _isatty()))
    return _current


def reset() -> None:
    """Forget this run's settings and hints (each CLI run in a test process starts afresh)."""
    choose_color("auto")


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def wants_color(mode: str, env, tty: bool) -> bool:
    """The flag wins; then NO_COLOR (any value) and FORCE_COLOR; then whether it is a terminal."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    return tty and env.get("TERM") != "dumb"


def line_width(env, tty: bool) -> int | None:
    """On a terminal its width (COLUMNS when set); None when piped, so output is not wrapped."""
    if not tty:
        return None
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns, 20)


def visible_len(text: str) -> int:
    return len(_ANSI.sub("", text))


def plain(text: str) -> str:
    """Text with its colour codes taken out."""
    return _ANSI.sub("", text)


def snippet(text, limit: int = 160) -> str:
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis.

    A passage whose first or last word was cut by the matcher's window keeps the cut
    visible as an ellipsis instead of a word fragment.
    """
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space > limit // 2:  # the cut fell inside a word: drop its start
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def word_diff(old: str, new: str, term: Terminal | None = None) -> str:
    """Words of `old` and `new` with what changed marked `[-removed-]` and `{+added+}`."""
    import difflib

    term = term or current()
    a, b = one_line(old).split(), one_line(new).split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(" ".join(a[i1:i2]))
            continue
        if i2 > i1:
            parts.append(term.paint(f"[-{' '.join(a[i1:i2])}-]", "del"))
        if j2 > j1:
            parts.append(term.paint(f"{{+{' '.join(b[j1:j2])}+}}", "ins"))
    return " ".join(parts)
