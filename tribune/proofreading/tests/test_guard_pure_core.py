"""The proofreading core stays pure: no module under core/ imports Django, so the command, the
pages and a worker can all call it, and its tests need no database."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"


def test_no_core_module_imports_django():
    offenders = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "django"]
    assert offenders == []
    assert len(list(CORE.glob("*.py"))) >= 6
