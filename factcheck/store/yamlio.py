"""The only module that loads or dumps YAML, so every file gets the same safe, stable style."""

from __future__ import annotations

import re
from typing import Any

from factcheck.errors import DataError

# Where an anchor (&name) or alias (*name) could begin: after a line start, a space or a
# flow indicator. Text like "AT&T" or "R & D" never matches, so ordinary files skip the
# exact check below; a match may still be inside a quoted string, which the check settles.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s\]},]", re.M)


def _yaml():
    # PyYAML costs ~35 ms to import; commands that never touch YAML should not pay it.
    import yaml

    return yaml


def load(text: str, *, path: str, line_offset: int = 0) -> Any:
    """Parse YAML safely; a syntax error names the file and the line it was found on.

    Anchors and aliases are refused: no front matter, claims file or config needs them,
    and an alias repeated inside aliases (a "billion laughs") makes a few hundred bytes
    expand into more memory than the machine has when anything walks the result.
    """
    yaml = _yaml()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if _MAYBE_ANCHOR.search(text):
            _refuse_anchors(yaml, text, loader, path=path, line_offset=line_offset)
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataError(f"invalid YAML: {problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", path=path) from None


def _refuse_anchors(yaml, text: str, loader, *, path: str, line_offset: int) -> None:
    """Raise a DataError at the first anchor or alias; parsing events never expand aliases."""
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            sign = "*" if kind == "alias" else "&"
            raise DataError(
                f"YAML {kind} {sign}{anchor[:40]} is not allowed (anchors and aliases are refused; write the value out)",
                path=path,
                line=event.start_mark.line + 1 + line_offset,
            )


def dump(data: Any) -> str:
    """Block-style YAML with keys in the order given and no line folding, for clean diffs."""
    yaml = _yaml()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 30,
    )
