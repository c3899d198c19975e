"""Guard: imports go down the layers of docs/architecture.md, and no two files import each other.

The allowed graph is read from the table in docs/architecture.md, so the rule is written once.
Every import statement of every module is checked — at the top of a module or inside a function,
tests included (they are held to the same rule) — by reading the source with `ast`; nothing is
imported. Migrations are left out: Django writes their dependencies.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import tribune

PACKAGE = Path(tribune.__file__).parent
DOC = PACKAGE.parent / "docs" / "architecture.md"
PROJECT = "tribune"  # the project's own modules: settings, URLs, the command

def allowed_imports() -> dict[str, set[str]]:
    """app -> the apps it may import, from the table of docs/architecture.md."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The table the guard test reads", 1)[1].split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        app = cells[0].strip("`")
        targets = set(re.findall(r"`([^`]+)`", cells[2]))
        table[app] = targets
    everything = set(table)
    return {app: everything if "*" in targets else targets for app, targets in table.items()}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    path: Path
    line: int
    target: str  # the module imported (a submodule when `from package import submodule`)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[Import]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    result = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        result += [Import(name, path, node.lineno, t) for t in targets if t == PROJECT or t.startswith(PROJECT + ".")]
    return result


def app_of(module: str) -> str:
    """The app a module belongs to: the package right under `tribune`, or the project itself."""
    parts = module.split(".")
    if len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return PROJECT


def owner(target: str, known: dict[str, Path]) -> str:
    """The module of the project a dotted import name lands in (a name inside a module: the module)."""
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target


ALL_MODULES = modules()
ALL_IMPORTS = [imp for name, path in ALL_MODULES.items() for imp in imports_of(name, path, ALL_MODULES)]


def test_the_table_has_a_row_for_every_app_and_only_for_apps():
    table = allowed_imports()
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} | {PROJECT}
    assert set(table) == apps, f"rows missing: {sorted(apps - set(table))}; rows of no app: {sorted(set(table) - apps)}"


def test_no_import_goes_against_the_layers():
    table = allowed_imports()
    wrong = []
    for imp in ALL_IMPORTS:
        source, target = app_of(imp.module), app_of(imp.target)
        if source != target and target not in table[source]:
            wrong.append(f"{imp.path.relative_to(PACKAGE.parent)}:{imp.line} imports {imp.target} "
                         f"({source} may not import {target})")
    assert not wrong, "imports against docs/architecture.md:\n" + "\n".join(wrong)


def cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_no_two_files_import_each_other():
    edges = {name: set() for name in ALL_MODULES}
    for imp in ALL_IMPORTS:
        target = owner(imp.target, ALL_MODULES)
        # A module importing its own package's __init__ (or a parent's) is how Python loads it.
        if target and target != imp.module and not imp.module.startswith(target + "."):
            edges[imp.module].add(target)
    found = [sorted(c) for c in cycles(edges)]
    assert not found, f"import cycles between files: {found}"


def test_the_guard_sees_imports_inside_functions_and_relative_ones(tmp_path):
    source = tmp_path / "views.py"
    source.write_text("def f():\n    from tribune.web import views\n\nfrom . import models\n", encoding="utf-8")
    known = {"tribune.org.views": source, "tribune.org.models": source, "tribune.web.views": source}
    found = {(imp.line, imp.target) for imp in imports_of("tribune.org.views", source, known)}
    assert found == {(2, "tribune.web.views"), (4, "tribune.org.models")}


def test_the_cycle_finder_finds_a_cycle_of_three_and_nothing_in_a_chain():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
