"""Word import benchmark: the hostile files of the hardening issue, read the old way (python-docx)
and through the bounded reader (tribune.kit.docx_reader).

    .venv/bin/python bench/docx_import.py [--paragraphs 600000] [--bomb-mb 1024] [--old-bomb-mb 200]

Each reading runs in its own process, so its peak memory (ru_maxrss) is its own. Prints the time
and peak memory of each, and whether the file was read or refused. The old reader is given a
smaller bomb by default (it holds the whole expanded XML: 1 GB took 2 GB of memory).
Standard library and the project's own packages only; never run by the suite.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import io, resource, sys, time
sys.path.insert(0, {root!r})
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tribune.settings")
django.setup()
data = open({path!r}, "rb").read()
started = time.monotonic()
outcome = "read"
if {old!r}:
    import docx
    try:
        texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
        outcome = f"read {{len(texts)}} paragraphs"
    except Exception as exc:
        outcome = f"refused ({{type(exc).__name__}})"
else:
    from tribune.kit import docx_reader
    try:
        outcome = f"read {{len(docx_reader.read_paragraphs(data))}} paragraphs"
    except docx_reader.DocxReadError as exc:
        outcome = f"refused: {{exc}}"
elapsed = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{elapsed:8.2f}} s  {{peak:8.0f}} MB peak  {{outcome}}")
"""


def run(label: str, path: str, old: bool) -> None:
    code = CHILD.format(root=str(ROOT), path=path, old=old)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    line = result.stdout.strip() or f"failed: {result.stderr.strip().splitlines()[-1:]}"
    print(f"{label:<44} {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600_000)
    parser.add_argument("--bomb-mb", type=int, default=1024)
    parser.add_argument("--old-bomb-mb", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tribune.kit.testing import many_paragraphs_docx, zip_bomb_docx

    with tempfile.TemporaryDirectory() as folder:
        files = {
            "paragraphs": (many_paragraphs_docx(args.paragraphs), f"{args.paragraphs:,} one-character paragraphs"),
            "bomb": (zip_bomb_docx(args.bomb_mb), f"zip bomb expanding to {args.bomb_mb} MB"),
            "old-bomb": (zip_bomb_docx(args.old_bomb_mb), f"zip bomb expanding to {args.old_bomb_mb} MB"),
        }
        paths = {}
        for key, (data, label) in files.items():
            paths[key] = os.path.join(folder, f"{key}.docx")
            Path(paths[key]).write_bytes(data)
            print(f"{label}: a {len(data) / 1024:.0f} KB file")
        print()
        run(f"old (python-docx): {files['paragraphs'][1]}", paths["paragraphs"], old=True)
        run(f"new (kit reader):  {files['paragraphs'][1]}", paths["paragraphs"], old=False)
        run(f"old (python-docx): {files['old-bomb'][1]}", paths["old-bomb"], old=True)
        run(f"new (kit reader):  {files['bomb'][1]}", paths["bomb"], old=False)


if __name__ == "__main__":
    main()
