"""How the package is put together: no import cycles, and no heavy library loaded before it is needed."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"

# Third-party libraries that cost start-up (or need a service): each is imported where it is used.
HEAVY = (
    "numpy",
    "rapidfuzz",
    "trafilatura",
    "lxml",
    "pypdf",
    "docx",
    "webvtt",
    "srt",
    "git",
    "cryptography",
    "psycopg",
    "psycopg_pool",
    "babel",
    "markdown_it",
    "rich",
    "filelock",
    "sqlite3",
    "jinja2",
    "markupsafe",
)

COMMANDS = sorted(p.stem for p in (PACKAGE / "commands").glob("*.py") if not p.stem.startswith("_"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports() -> dict[str, set[str]]:
    """Each module's project imports made at import time (not inside functions)."""
    return _project_imports(lambda tree: tree.body)


def _all_imports() -> dict[str, set[str]]:
    """Each module's project imports wherever they are made, inside functions too."""
    return _project_imports(lambda tree: list(ast.walk(tree)))


def _project_imports(statements) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in statements(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("factcheck"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name in modules)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of more than one module that import one another, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_modules_import_one_another_at_import_time():
    assert _cycles(_top_level_imports()) == []


def test_no_modules_import_one_another_even_inside_functions():
    """An import inside a function hides a cycle from import time; the modules still depend
    on each other, and neither can be read or tested alone."""
    assert _cycles(_all_imports()) == []


def test_the_cycle_finder_finds_a_loop():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _loaded_after(statements: str) -> list[str]:
    probe = f"import json, sys\n{statements}\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_module_loads_no_heavy_library_until_it_runs(command):
    assert _loaded_after(f"import factcheck.cli\nimport factcheck.commands.{command}") == []


def test_the_probe_sees_a_heavy_library_once_it_is_used():
    assert "numpy" in _loaded_after("import factcheck.sources.index")


def test_a_package_never_hides_one_of_its_modules_behind_another_name():
    """`from pkg.judge import judge` in pkg/__init__ would make `import pkg.judge` the function."""
    hidden = []
    for init in PACKAGE.rglob("__init__.py"):
        package = _module_name(init)
        modules = {p.stem for p in init.parent.glob("*.py")} | {d.name for d in init.parent.iterdir() if d.is_dir()}
        for node in ast.parse(init.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(package + "."):
                hidden += [f"{package}: {a.name}" for a in node.names if (a.asname or a.name) in modules]
    assert hidden == []


def test_no_command_reaches_into_another_module_for_a_private_name():
    reached = []
    for path in sorted((PACKAGE / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck"):
                reached += [f"{path.name}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert reached == []


def _private_reach_ins(own: str, source: str, modules: set[str]) -> list[str]:
    """`from factcheck.x import _name` and `x._name` (x a project module imported under a
    name) in module `own`, where the private name belongs to another module."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    reached: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("factcheck"):
            for a in node.names:
                if f"{node.module}.{a.name}" in modules:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
                elif _private(a.name):
                    reached.append(f"{own}: {node.module}.{a.name}")
        elif isinstance(node, ast.Import):
            aliases.update({a.asname: a.name for a in node.names if a.asname and a.name in modules})
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            target = aliases.get(node.value.id)
            if target is not None and target != own:
                reached.append(f"{own}: {target}.{node.attr}")
    return reached


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_reaches_into_another_module_for_a_private_name():
    """A helper two modules share is public in the module that owns it."""
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    reached = [r for p in paths for r in _private_reach_ins(_module_name(p), p.read_text(encoding="utf-8"), modules)]
    assert reached == []


def test_the_reach_in_finder_sees_both_spellings():
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    source = (
        "from factcheck.store.draft_text import _HIDDEN, parse_draft\n"
        "from factcheck.match import values\n"
        "import factcheck.match.quotes as quotes\n"
        "def f():\n"
        "    return values._hidden(1), quotes._inner, values.public, _HIDDEN\n"
    )
    assert sorted(_private_reach_ins("factcheck.policy.probe", source, modules)) == [
        "factcheck.policy.probe: factcheck.match.quotes._inner",
        "factcheck.policy.probe: factcheck.match.values._hidden",
        "factcheck.policy.probe: factcheck.store.draft_text._HIDDEN",
    ]
    assert (
        _private_reach_ins("factcheck.match.values", "from factcheck.match import values\nvalues._own\n", modules) == []
    )


def test_the_report_loads_jinja2_only_when_it_renders_a_page():
    assert _loaded_after("import factcheck.render.html") == []
    assert "jinja2" in _loaded_after("from factcheck.render import html\nhtml._template()")
