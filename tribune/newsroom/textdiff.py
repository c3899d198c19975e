"""Character-level differences between two texts, for Chinese (which has no spaces to split
words on). Pure: no Django import."""

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept ("equal"), added ("insert") or removed ("delete")."""

    op: str
    text: str


def diff_chars(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, character by character. A replacement is shown
    as the removed text followed by the added text."""
    segments: list[Segment] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", old[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", old[i1:i2]))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", new[j1:j2]))
    return segments


def changed_chars(segments: list[Segment]) -> tuple[int, int]:
    """(characters added, characters removed)."""
    added = sum(len(s.text) for s in segments if s.op == "insert")
    removed = sum(len(s.text) for s in segments if s.op == "delete")
    return added, removed
