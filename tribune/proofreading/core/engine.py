"""The proofreader: a lexicon, a list of people and the format rules in; findings out.

    reader = Proofreader(starter_lexicon().merged(entries=own, allow=allowed), people)
    findings = reader.check(text)

Build one Proofreader per congress and keep it (building compiles the automaton: tens of
milliseconds for the starter lexicon, about a second for 50,000 entries); `check` is then a
pure function of the text, safe to call from several threads. Findings come sorted by
position; where two checks report the same span only the first is kept (a lexicon entry
before a format rule, so 规范表述 wins over a generic rule on the same characters).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tribune.proofreading.core import formatting
from tribune.proofreading.core.findings import CATEGORIES, FORMAT, LEADER_NAME, Finding
from tribune.proofreading.core.lexicon import Lexicon, starter_lexicon
from tribune.proofreading.core.names import NameCheck, Person
from tribune.proofreading.core.scan import DictionaryScan

FORMAT_CHECKS = (formatting.half_width, formatting.paired, formatting.doubled, formatting.dates)


class Proofreader:
    def __init__(self, lexicon: Lexicon | None = None, people: Sequence[Person] = (), *,
                 categories: Iterable[str] = CATEGORIES):
        self.lexicon = starter_lexicon() if lexicon is None else lexicon
        self.categories = frozenset(categories)
        entries = [e for e in self.lexicon.entries if e.category in self.categories]
        self._names = NameCheck(people if LEADER_NAME in self.categories else ())
        self._scan = DictionaryScan(entries, self._names.probes)
        self._allow = self.lexicon.allow

    def check(self, text: str) -> list[Finding]:
        found, titles = self._scan.scan(text)
        if titles:
            found += self._names.findings(text, titles)
        if FORMAT in self.categories:
            for check in FORMAT_CHECKS:
                found += check(text)
        if self._allow:
            found = [f for f in found if not self._allowed(text, f)]
        return _unique_sorted(found)

    def _allowed(self, text: str, finding: Finding) -> bool:
        for phrase in self._allow:
            offset = phrase.find(finding.text)
            while offset >= 0:
                begin = finding.start - offset
                if begin >= 0 and text.startswith(phrase, begin):
                    return True
                offset = phrase.find(finding.text, offset + 1)
        return False


def _unique_sorted(found: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for finding in found:
        key = (finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    unique.sort(key=lambda f: (f.start, f.end))
    return unique
