"""Draft, source and note text made safe to show: control characters become visible escapes.

A draft, a source or a reviewer's note can hold any character, and a terminal obeys
some of them: ESC[8m hides the words after it, ESC[2K erases the line, an OSC 52
sequence writes the clipboard, a carriage return lets later text overwrite earlier.
Text for people therefore shows every C0 control (except tab and line feed), DEL and
every C1 control as an escape an editor can read (`\\x1b`, `\\x9b`); an escape
sequence loses its ESC and is left as harmless visible text. Machine formats keep the
exact text: JSON escapes the same characters as \\u00XX, which decodes to the original.
"""

from __future__ import annotations

import re

# C0 without tab and line feed, DEL, and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The colour codes the terminal renderer writes itself, and nothing else: SGR with the
# few attributes it uses (reset, bold, dim, and the six foreground colours).
_OWN_COLOUR = re.compile(r"\x1b\[(?:(?:0|1|2|3[1-6])(?:;(?:0|1|2|3[1-6]))*)?m")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f]")


def _visible(m: re.Match) -> str:
    return f"\\x{ord(m.group()):02x}"


def terminal_text(text: str) -> str:
    """`text` with every control character but tab and newline shown as a `\\xNN` escape."""
    if text.isprintable():  # the common case: nothing to look for
        return text
    return _CONTROL.sub(_visible, text)


def one_line(text: object) -> str:
    """Text on one line (runs of whitespace, line breaks too, become one space), its
    control characters shown as escapes."""
    return terminal_text(" ".join(str(text).split()))


def terminal_text_keeping_colour(text: str) -> str:
    """As `terminal_text`, but the renderer's own colour codes (bold, dim, six colours) stay."""
    if text.isprintable():
        return text
    parts, at = [], 0
    for m in _OWN_COLOUR.finditer(text):
        parts.append(terminal_text(text[at : m.start()]))
        parts.append(m.group())
        at = m.end()
    parts.append(terminal_text(text[at:]))
    return "".join(parts)


def json_text(dumped: str) -> str:
    """JSON from json.dumps(ensure_ascii=False) with DEL and C1 escaped as \\u00XX too.

    json.dumps escapes C0 already; these are the rest a terminal may obey. Outside
    strings JSON is plain ASCII, so every match is inside a string, and the parsed
    value is exactly the original text.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def html_text(text: str) -> str:
    """Text for HTML or Markdown that renders HTML (the GitHub step summary): tags shown, not obeyed."""
    import html

    return html.escape(terminal_text(text), quote=True)
