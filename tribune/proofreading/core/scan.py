"""The dictionary scan: every lexicon entry's wrong form found in one pass (Aho-Corasick).

The matcher is ahocorasick-rs, chosen by measurement (bench/proofread.py, docs/proofreading.md):
at 50,000 patterns it scans four to five times faster than pyahocorasick. It runs in overlapping
mode, which measured as fast as its leftmost-longest mode here, for two reasons:
- the leader-name check's title words (主任, 副主任 …) ride in the same automaton, so the text
  is walked once for both;
- a candidate the context rejects (习总书记 inside 学习总书记) must not hide another entry's
  match overlapping it, which a leftmost-longest automaton would have consumed.
Among the candidates the context accepts, the leftmost, then longest, wins (`leftmost_longest`):
人大常委会议 over 人大常委, 镇人大主任 over 人大主任, so a specific entry shadows a general one.

A match is a candidate; the entry's context decides (`unless`, `before`, `after`: see
lexicon.py). Those checks run only on candidates, which are rare in real text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick_rs

from tribune.proofreading.core.findings import Finding
from tribune.proofreading.core.lexicon import Entry

CONTEXT = 24  # characters of text a `before` pattern may look at


class DictionaryScan:
    """One automaton over the entries' wrong forms followed by `probes` (literals another check
    wants located, such as title words). `scan` returns the lexicon findings and, separately,
    the probes' occurrences as (probe, start, end)."""

    def __init__(self, entries: Sequence[Entry], probes: Sequence[str] = ()):
        self._entries = tuple(entries)
        self._probes = tuple(probes)
        patterns = [entry.wrong for entry in self._entries] + list(self._probes)
        self._automaton = ahocorasick_rs.AhoCorasick(patterns) if patterns else None
        self._before = {e.wrong: re.compile(f"(?:{e.before})\\Z") for e in self._entries if e.before}
        self._after = {e.wrong: re.compile(e.after) for e in self._entries if e.after}

    def __len__(self) -> int:
        return len(self._entries)

    def scan(self, text: str) -> tuple[list[Finding], list[tuple[str, int, int]]]:
        if self._automaton is None:
            return [], []
        n = len(self._entries)
        accepted: list[tuple[int, int, Entry]] = []
        probes: list[tuple[str, int, int]] = []
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            if index >= n:
                probes.append((self._probes[index - n], start, end))
                continue
            entry = self._entries[index]
            if entry.unless and _inside_exception(text, start, entry):
                continue
            if entry.after and not self._after[entry.wrong].match(text, end):
                continue
            if entry.before and not self._before[entry.wrong].search(text, max(0, start - CONTEXT), start):
                continue
            accepted.append((start, end, entry))
        return [Finding(start, end, entry.wrong, entry.suggestion, entry.category, entry.severity,
                        entry.reason, entry.source) for start, end, entry in leftmost_longest(accepted)], probes

    def findings(self, text: str) -> list[Finding]:
        return self.scan(text)[0]


def leftmost_longest(matches: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Non-overlapping matches: the leftmost first, the longest of those starting together."""
    if len(matches) < 2:
        return matches
    matches.sort(key=lambda m: (m[0], -m[1]))
    kept = []
    reach = -1
    for match in matches:
        if match[0] >= reach:
            kept.append(match)
            reach = match[1]
    return kept


def _inside_exception(text: str, start: int, entry: Entry) -> bool:
    """Whether the match at `start` lies inside an occurrence of one of the entry's exceptions."""
    for phrase in entry.unless:
        offset = phrase.find(entry.wrong)
        while offset >= 0:
            begin = start - offset
            if begin >= 0 and text.startswith(phrase, begin):
                return True
            offset = phrase.find(entry.wrong, offset + 1)
    return False
