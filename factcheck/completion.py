"""Shell completion of draft paths and claim ids (bash, zsh, fish).

These run only when the shell asks for completions, never on an ordinary command, so
they cost start-up nothing. They must never fail or print: a newsroom that cannot be
read simply offers nothing to complete.
"""

import os
import shlex
from collections.abc import Mapping, MutableMapping
from typing import Any

import typer  # not `from __future__ import annotations`: typer reads these annotations to call the functions

from factcheck.config import load_config
from factcheck.store import claims_files
from factcheck.store import drafts as drafts_mod

# Click's names for the completion modes (`bash_source`), as its documentation spells
# them, mapped to typer's (`source_bash`), which is what actually runs.
_CLICK_MODES = {
    f"{shell}_{mode}": f"{'source' if mode == 'source' else 'complete'}_{shell}"
    for shell in ("bash", "zsh", "fish")
    for mode in ("source", "complete")
}


def accept_click_mode_names(env: MutableMapping[str, str] = os.environ) -> None:
    """Let `_FACTCHECK_COMPLETE=bash_source` (click's spelling) work as typer's `source_bash` does."""
    mode = env.get("_FACTCHECK_COMPLETE")
    if mode in _CLICK_MODES:
        env["_FACTCHECK_COMPLETE"] = _CLICK_MODES[mode]


def words_typed(env: Mapping[str, str] = os.environ) -> list[str]:
    """The words typed after `factcheck` and before the one being completed, as the
    shell hands them over: bash in COMP_WORDS up to COMP_CWORD, zsh, fish and PowerShell
    in _TYPER_COMPLETE_ARGS, whose last word is still being typed unless a space follows."""
    if "COMP_WORDS" in env:
        words = _split(env["COMP_WORDS"])
        try:
            return words[1 : int(env.get("COMP_CWORD", len(words)))]
        except ValueError:
            return []
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)[1:]
    return words if line.endswith(" ") else words[:-1]


def _split(line: str) -> list[str]:
    """Shell words, the last one kept even while its quote is still open."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # an unclosed quote: the word being typed
        words.append(lexer.token)
    return words


def draft_argument(help: str) -> Any:
    """The DRAFT argument of a command that works on one draft, completed on Tab."""
    return typer.Argument(help=help, autocompletion=complete_drafts)


def complete_drafts(incomplete: str) -> list[str]:
    """Drafts the config selects, as paths from the current folder, that start with what is typed."""
    try:
        config = load_config()
        here = os.getcwd()
        paths = [os.path.relpath(config.root / rel, here) for rel in drafts_mod.discover(config)]
    except Exception:
        return []
    return [p for p in paths if p.startswith(incomplete)]


def complete_claims(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Ids of the claims of the draft already on the command line, each with its words as help."""
    draft = (ctx.params or {}).get("draft") if ctx is not None else None
    if not draft:
        return []
    try:
        config = load_config()
        cf = claims_files.load_claims(config, drafts_mod.relative_draft(config, draft))
    except Exception:
        return []
    if cf is None:
        return []
    return [
        (str(c["id"]), " ".join(str(c.get("text", "")).split())[:60])
        for c in cf.claims
        if str(c.get("id", "")).startswith(incomplete)
    ]
