"""Guard: the scoring engine stays pure Python. Its modules (and the periods it reads) import the
standard library and each other, nothing else — no Django, no model, no other part of Tribune —
so it can be fed plain data and tested on its own. Imports inside functions count too."""

import ast
import sys
from pathlib import Path

import pytest

SCORING = Path(__file__).resolve().parents[2] / "scoring"
PURE = [*sorted((SCORING / "engine").glob("*.py")), SCORING / "periods.py"]
# (and the outlet vocabulary, pure too: tribune/outlets/tests/test_vocabulary.py)
ALLOWED = ("tribune.assessment.scoring.engine", "tribune.assessment.scoring.periods", "tribune.outlets.vocabulary")


def imported(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: inside the package by construction
                continue
            names.append(node.module or "")
    return names


def test_the_engine_has_modules_to_check():
    assert len(PURE) >= 8


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name if p.parent.name == "engine" else p.stem)
def test_an_engine_module_imports_only_the_standard_library_and_the_engine(path):
    foreign = []
    for name in imported(path):
        top = name.split(".")[0]
        if name.startswith(ALLOWED) or (top in sys.stdlib_module_names and top != "tribune"):
            continue
        foreign.append(name)
    assert not foreign, f"{path.name} imports {foreign}: the engine must stay pure Python"
