"""Lexicons as data: entries of (wrong form → suggestion) with a category, a severity, a reason
and the source of the correct wording, loaded from TSV files into an immutable `Lexicon`.

One TSV per category ships in `tribune/proofreading/data/` (see docs/proofreading.md). Columns,
tab-separated, with a header row; lines starting with "#" are comments:

    wrong  suggestion  severity  reason  source  unless  before  after  [category]

- `wrong` is literal text, found by the dictionary scan (Aho-Corasick), never a regex: that is
  what keeps the scan one pass over the text however many entries there are.
- `unless`: longer correct phrases, separated by "|", each containing `wrong`; a match lying
  inside an occurrence of one of them is not a finding (学习总书记 silences 习总书记).
- `before` / `after`: optional regular expressions the text just before / just after the match
  must satisfy (lookarounds work: `(?!楼)` after 1号 means "not followed by 楼"). This is the
  "pattern" part of an entry: the literal finds a candidate, the context decides.

A congress's own entries are merged over the starter ones (same `wrong` form: the congress's
entry wins), and its allow list silences any finding whose span lies inside an allowed phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tribune.proofreading.core.findings import CATEGORIES, EXPRESSION, NPC_TERM, SEVERITIES, TYPO

DATA = Path(__file__).resolve().parent.parent / "data"
STARTER_FILES = {TYPO: "typos.tsv", EXPRESSION: "expressions.tsv", NPC_TERM: "npc_terms.tsv"}
COLUMNS = ("wrong", "suggestion", "severity", "reason", "source", "unless", "before", "after", "category")


class LexiconError(ValueError):
    """A lexicon row that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    wrong: str
    suggestion: str
    category: str
    severity: str
    reason: str
    source: str = ""
    unless: tuple[str, ...] = ()
    before: str = ""
    after: str = ""

    def __post_init__(self):
        if not self.wrong:
            raise LexiconError("an entry needs its wrong form")
        if self.wrong == self.suggestion:
            raise LexiconError(f"{self.wrong}: the suggestion is the wrong form itself")
        if self.category not in CATEGORIES:
            raise LexiconError(f"{self.wrong}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise LexiconError(f"{self.wrong}: unknown severity {self.severity!r}")
        for phrase in self.unless:
            if self.wrong not in phrase:
                raise LexiconError(f"{self.wrong}: the exception {phrase!r} does not contain it")
        for pattern in (self.before, self.after):
            if pattern:
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise LexiconError(f"{self.wrong}: bad context pattern {pattern!r}: {error}") from None

    def as_row(self) -> tuple[str, ...]:
        return (self.wrong, self.suggestion, self.severity, self.reason, self.source,
                "|".join(self.unless), self.before, self.after, self.category)


@dataclass(frozen=True)
class Lexicon:
    """Entries (at most one per wrong form) and an allow list. Immutable: merging makes a new one."""

    entries: tuple[Entry, ...] = ()
    allow: tuple[str, ...] = ()
    _by_wrong: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        by_wrong: dict[str, Entry] = {}
        for entry in self.entries:
            by_wrong[entry.wrong] = entry  # a later entry replaces an earlier one
        if len(by_wrong) != len(self.entries):
            object.__setattr__(self, "entries", tuple(by_wrong.values()))
        object.__setattr__(self, "_by_wrong", by_wrong)
        object.__setattr__(self, "allow", tuple(dict.fromkeys(p for p in self.allow if p)))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, wrong: str) -> Entry | None:
        return self._by_wrong.get(wrong)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CATEGORIES, 0)
        for entry in self.entries:
            counts[entry.category] += 1
        return counts

    def merged(self, *, entries: Iterable[Entry] = (), allow: Iterable[str] = ()) -> Lexicon:
        """This lexicon with a congress's entries over it (same wrong form: theirs wins) and
        their allowed phrases added."""
        return Lexicon((*self.entries, *entries), (*self.allow, *allow))


def parse_tsv(text: str, *, category: str | None = None, origin: str = "<tsv>") -> list[Entry]:
    """Entries of one TSV text. `category` applies to rows without a category column."""
    entries = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = {"wrong", "suggestion", "severity", "reason"} - set(header)
            if missing:
                raise LexiconError(f"{origin}:{number}: the header lacks {', '.join(sorted(missing))}")
            continue
        row = dict(zip(header, cells, strict=False))
        try:
            entries.append(Entry(
                wrong=row["wrong"], suggestion=row.get("suggestion", ""),
                category=(row.get("category") or category or "").strip(),
                severity=row["severity"].strip(), reason=row.get("reason", ""),
                source=row.get("source", ""),
                unless=tuple(p for p in row.get("unless", "").split("|") if p),
                before=row.get("before", ""), after=row.get("after", ""),
            ))
        except LexiconError as error:
            raise LexiconError(f"{origin}:{number}: {error}") from None
    return entries


def dump_tsv(entries: Iterable[Entry]) -> str:
    """The TSV text of entries, with a category column (what a congress exports)."""
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(entry.as_row()) for entry in entries]
    return "\n".join(lines) + "\n"


def load_tsv(path: Path, *, category: str | None = None) -> list[Entry]:
    return parse_tsv(path.read_text(encoding="utf-8"), category=category, origin=str(path))


@lru_cache(maxsize=1)
def starter_lexicon() -> Lexicon:
    """The lexicon that ships with Tribune (read once per process: it is immutable)."""
    entries: list[Entry] = []
    for category, name in STARTER_FILES.items():
        entries += load_tsv(DATA / name, category=category)
    return Lexicon(tuple(entries))
