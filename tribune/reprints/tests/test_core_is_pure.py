import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"


def test_no_core_module_imports_django():
    for path in CORE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n == "django" or n.startswith("django.") for n in names), f"{path.name} imports {names}"


def test_the_core_and_the_analyst_command_load_without_django():
    code = (
        "import sys\n"
        "import tribune.reprints.cli\n"
        "from tribune.reprints.core import extract, fetch, match, normalise, pages, risk, scan\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django was imported'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        cwd=CORE.parents[2],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(CORE.parents[2])},
    )
