"""Findings as the command prints them: jsonl (one JSON object a line) or plain text.

`tribune proofread FILE… --format jsonl` prints, for each file, `jsonl_lines(file, text, reader)`;
the text of a .docx is its paragraphs joined by "\\n" (read with the bounded reader of
tribune/kit/docx_reader.py), so offsets point into that string.
"""

from __future__ import annotations

import json

from tribune.proofreading.core.engine import Proofreader
from tribune.proofreading.core.findings import Finding

JSONL_FIELDS = ("file", "start", "end", "text", "suggestion", "category", "severity", "reason")


def jsonl_lines(file: str, text: str, reader: Proofreader) -> list[str]:
    return [finding_json(file, f) for f in reader.check(text)]


def finding_json(file: str, finding: Finding) -> str:
    return json.dumps({"file": file, **finding.as_dict()}, ensure_ascii=False)


def text_lines(file: str, text: str, reader: Proofreader) -> list[str]:
    """`FILE:LINE:COLUMN: [类别/严重程度] 原文 → 建议（理由）`, lines and columns counted from 1."""
    lines = []
    for f in reader.check(text):
        line = text.count("\n", 0, f.start) + 1
        column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        arrow = f" → {f.suggestion}" if f.suggestion else ""
        lines.append(f"{file}:{line}:{column}: [{f.category}/{f.severity}] {f.text}{arrow}（{f.reason}）")
    return lines
