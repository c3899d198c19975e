"""What a check reports: one `Finding` per suspect span of the text.

Offsets are character offsets (Python string indices) into the text as given: for a .docx,
its paragraphs joined by "\\n". A finding's `text` is always `text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPO = "错别字"
EXPRESSION = "规范表述"
NPC_TERM = "人大用语"
LEADER_NAME = "领导姓名"
FORMAT = "格式"
CATEGORIES = (TYPO, EXPRESSION, NPC_TERM, LEADER_NAME, FORMAT)

SEVERE = "严重"
NORMAL = "一般"
HINT = "提示"
SEVERITIES = (SEVERE, NORMAL, HINT)


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    text: str
    suggestion: str
    category: str
    severity: str
    reason: str
    source: str = ""

    def as_dict(self) -> dict[str, object]:
        """The fields of the jsonl line and of the page's finding list (without `source`)."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "suggestion": self.suggestion,
            "category": self.category, "severity": self.severity, "reason": self.reason,
        }
