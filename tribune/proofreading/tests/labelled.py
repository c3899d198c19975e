"""The labelled set: 人大 publicity articles written for these tests, with seeded errors.

The articles are the files of labelled/tuned and labelled/held_out (seeded-*.txt carry marks,
clean-*.txt none). Print the figures with `.venv/bin/python -m tribune.proofreading.tests.labelled`.

A seeded error is marked in the text as ⟦wrong|类别⟧; `parse` strips the marks and returns the
plain text with the spans and categories to find. An article without marks is clean: every
finding on it is a false alarm. TUNED is what the rules were adjusted on; HELD_OUT was written
at the same time, before any tuning, and is only measured (docs/proofreading.md gives both).

The source article (shared/reference/source-article.md) is in the tuned part with its half-width commas
and colons marked as 格式 errors: they are real errors of a reprint (GB/T 15834 wants ，and ：
in Chinese text), so reporting them is right, and everything else in it must stay silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tribune.proofreading.core import Person

PEOPLE = (
    Person("王建国", "区人大常委会主任"),
    Person("李秀英", "区人大常委会副主任"),
    Person("张伟", "区人大常委会副主任"),
    Person("刘志强", "区人大常委会副主任"),
    Person("陈晓东", "区人大常委会副主任"),
    Person("赵文博", "区人大常委会秘书长"),
    Person("孙立平", "区委书记"),
    Person("周海涛", "区长"),
    Person("郑光明", "市人大常委会主任"),
    Person("马德胜", "区人大常委会主任", in_office=False),
    Person("吴国庆", "区长", in_office=False),
)

LABELLED = Path(__file__).resolve().parent / "labelled"
MARK = re.compile(r"⟦([^|⟧]+)\|([^⟧]+)⟧")


@dataclass(frozen=True)
class Seed:
    start: int
    end: int
    text: str
    category: str


def parse(marked: str) -> tuple[str, list[Seed]]:
    seeds = []
    out = []
    pos = 0
    length = 0
    for match in MARK.finditer(marked):
        out.append(marked[pos:match.start()])
        length += match.start() - pos
        wrong, category = match.group(1), match.group(2)
        seeds.append(Seed(length, length + len(wrong), wrong, category))
        out.append(wrong)
        length += len(wrong)
        pos = match.end()
    out.append(marked[pos:])
    return "".join(out), seeds


@dataclass
class Score:
    seeds: dict[str, int]
    found: dict[str, int]
    characters: int = 0
    clean_characters: int = 0
    false_alarms: list[tuple[str, object]] = None
    misses: list[tuple[str, Seed]] = None

    def recall(self, category: str) -> float:
        return self.found.get(category, 0) / self.seeds[category] if self.seeds.get(category) else 1.0

    def false_alarms_per_10k(self) -> float:
        return 10_000 * len(self.false_alarms) / self.characters if self.characters else 0.0


def score(reader, articles: dict[str, str]) -> Score:
    """Recall per category (a seed counts as found when a finding of its category overlaps it) and
    false alarms (findings overlapping no seed) over all the articles' characters."""
    result = Score(seeds={}, found={}, false_alarms=[], misses=[])
    for name, marked in articles.items():
        text, seeds = parse(marked)
        findings = reader.check(text)
        result.characters += len(text)
        if not seeds:
            result.clean_characters += len(text)
        for seed in seeds:
            result.seeds[seed.category] = result.seeds.get(seed.category, 0) + 1
            if any(f.category == seed.category and f.start < seed.end and seed.start < f.end for f in findings):
                result.found[seed.category] = result.found.get(seed.category, 0) + 1
            else:
                result.misses.append((name, seed))
        for f in findings:
            if not any(f.start < s.end and s.start < f.end for s in seeds):
                result.false_alarms.append((name, f))
    return result


def articles(part: str) -> dict[str, str]:
    """The marked articles of one part ("tuned" or "held_out"), by file name."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((LABELLED / part).glob("*.txt"))}


def tuned() -> dict[str, str]:
    return articles("tuned")


def held_out() -> dict[str, str]:
    return articles("held_out")


def main() -> None:
    from tribune.proofreading.core import CATEGORIES, Proofreader

    reader = Proofreader(people=PEOPLE)
    for label, articles in (("tuned", tuned()), ("held-out", held_out())):
        result = score(reader, articles)
        print(f"{label}: {result.characters} characters ({result.clean_characters} in clean articles)")
        for category in CATEGORIES:
            print(f"  {category}: recall {result.recall(category):.2f} "
                  f"({result.found.get(category, 0)}/{result.seeds.get(category, 0)})")
        print(f"  false alarms: {len(result.false_alarms)}, {result.false_alarms_per_10k():.2f} per 10,000 characters")
        for name, finding in result.false_alarms:
            print(f"    FA {name}: {finding.text} → {finding.suggestion} [{finding.category}] {finding.reason}")
        for name, seed in result.misses:
            print(f"    MISS {name}: {seed.text} [{seed.category}]")


if __name__ == "__main__":
    main()
