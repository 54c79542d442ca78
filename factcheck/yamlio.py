"""The only module that loads or dumps YAML, so every file gets the same safe, stable style."""

from __future__ import annotations

from typing import Any

from factcheck.errors import DataError


def _yaml():
    # PyYAML costs ~35 ms to import; commands that never touch YAML should not pay it.
    import yaml

    return yaml


def load(text: str, *, path: str, line_offset: int = 0) -> Any:
    """Parse YAML safely; a syntax error names the file and the line it was found on."""
    yaml = _yaml()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataError(f"invalid YAML: {problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", path=path) from None


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
