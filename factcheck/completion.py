"""Shell completion of draft paths and claim ids (bash, zsh, fish).

These run only when the shell asks for completions, never on an ordinary command, so
they cost start-up nothing. They must never fail or print: a newsroom that cannot be
read simply offers nothing to complete.
"""

import os
from collections.abc import MutableMapping

import typer  # not `from __future__ import annotations`: typer reads these annotations to call the functions

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


def complete_drafts(incomplete: str) -> list[str]:
    """Drafts the config selects, as paths from the current folder, that start with what is typed."""
    try:
        from factcheck.config import load_config
        from factcheck.store import drafts as drafts_mod

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
        from factcheck.config import load_config
        from factcheck.store import claims_files
        from factcheck.store import drafts as drafts_mod

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
