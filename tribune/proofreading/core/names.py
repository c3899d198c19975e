"""领导姓名: a leader's name misspelled by one character next to their title, and a former
leader's name given a current title.

The congress keeps a list of people: its committee members and the other leaders it names
(the district's party secretary, the district head, the court president …), each with a
title as officially written (区人大常委会副主任) and whether still in office.

Where a name is looked for: right after a title word (常委会主任王建国) or right before it
(王建国主任, 王建国同志). A title word is the core of a person's title (主任, 副主任,
委员长 …, longest first, so 副主任 never counts as 主任). The candidate is the text of the
name's length there; a candidate one character off a listed name of the same title word is
a misspelling, unless:
- the candidate is itself a listed name (another person), or starts with one;
- the differing character is one that follows or precedes a name in running text rather than
  belonging to it (主任王建出席 is 王建 + 出席, not a misspelled 王建国);
- the name has two characters and the text does not name the person's body before the title
  (副主任张杰 could be a deputy director of any bureau; 常委会副主任张杰 cannot).
A former leader's exact name with their former title, neither preceded by 原, 时任, 前任 …, is
reported as well: the piece presents as current someone who no longer holds the post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tribune.proofreading.core.findings import LEADER_NAME, SEVERE, Finding

SOURCE = "本单位领导名单"

TITLE_WORDS = (
    "副委员长", "委员长", "副主任委员", "主任委员", "副秘书长", "秘书长", "副主任", "主任", "副主席", "主席",
    "副书记", "书记", "副区长", "区长", "副县长", "县长", "副市长", "市长", "副省长", "省长", "副院长", "院长",
    "副检察长", "检察长", "副部长", "部长", "副局长", "局长", "副镇长", "镇长", "副乡长", "乡长", "委员", "代表",
)
GENERIC_TITLES = ("同志",)
FORMER_MARKERS = re.compile(r"(?:原|前|时任|前任|曾任|原任|历任|老|退休|卸任)\Z")
# characters that follow (or precede) a name in running text rather than belong to it
STOP_AFTER = set("在出席指表说带参率到对向与及和等一为是也就都还将被把从所以要讲会作进调视深主了的同先代")
STOP_BEFORE = set("的了和与及对向由在请为是把被从给让同跟经据")
EXACT, NEAR = "exact", "near"
LIST_LIMIT = 12  # names read in a list after one title
SHORT_ORG_CONTEXT = 2  # characters of the body's name a two-character name needs before the title


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str
    in_office: bool = True


def title_word(title: str) -> str:
    for word in TITLE_WORDS:
        if title.endswith(word):
            return word
    return title


class NameCheck:
    """Built once from the list of people. The engine's dictionary scan locates the title words
    (`probes`) and hands their occurrences to `findings`."""

    def __init__(self, people: Sequence[Person]):
        self._people = tuple(p for p in people if len(p.name) >= 2 and p.title)
        self._names = frozenset(p.name for p in self._people)
        self._exact: dict[tuple[str, str], Person] = {}
        self._chars: dict[str, set[str]] = {}  # title word -> the characters of its people's names
        self._near: dict[tuple[str, str], list[tuple[Person, int]]] = {}
        words = set()
        for person in self._people:
            word = title_word(person.title)
            words.add(word)
            for key_word in (word, *GENERIC_TITLES):
                if key_word in GENERIC_TITLES and len(person.name) < 3:
                    continue
                self._exact.setdefault((key_word, person.name), person)
                self._chars.setdefault(key_word, set()).update(person.name)
                for i in range(len(person.name)):
                    wildcard = person.name[:i] + "?" + person.name[i + 1:]
                    self._near.setdefault((key_word, wildcard), []).append((person, i))
        if any(len(p.name) >= 3 for p in self._people):
            words.update(GENERIC_TITLES)
        # the longer title words that contain one of ours, so that 主任 is not read inside 副主任
        longer = {w for w in TITLE_WORDS if any(word in w and word != w for word in words)}
        self.probes = tuple(sorted(words | longer))
        self._words = frozenset(words)
        self._lengths = tuple(sorted({len(p.name) for p in self._people}))

    def findings(self, text: str, occurrences: list[tuple[str, int, int]]) -> list[Finding]:
        found: dict[tuple[int, int], Finding] = {}
        reach = -1
        for word, s, e in sorted(occurrences, key=lambda o: (o[1], -o[2])):
            if e <= reach:
                continue  # inside a longer title word (主任 in 副主任)
            reach = e
            if word not in self._words:
                continue
            if word not in GENERIC_TITLES:
                self._names_after(text, word, s, e, found)
            for n in self._lengths:
                if s >= n:
                    self._consider(text, text[s - n:s], s - n, word, s, False, found)
        return sorted(found.values(), key=lambda f: f.start)

    def _names_after(self, text, word, title_start, at, found):
        """The name right after the title, then the names listed after it with 、
        (副主任李秀英、张伟、刘志强): each is a candidate for the same title."""
        listed = False  # a listed person already named in this list vouches for the body
        for _ in range(LIST_LIMIT):
            length = 0
            for n in self._lengths:
                if at + n > len(text):
                    continue
                kind = self._consider(text, text[at:at + n], at, word, title_start, True, found, listed)
                if kind:
                    length = n
                    listed = listed or kind == EXACT
            if not length or text[at + length:at + length + 1] != "、":
                return
            at += length + 1

    def _consider(self, text, candidate, at, word, title_start, name_after, found, listed=False) -> str:
        """Report the candidate if it is a misspelled or former leader; say whether it is a
        listed name (EXACT), one character off one (NEAR), or neither ("")."""
        person = self._exact.get((word, candidate))
        if person is not None:
            if not person.in_office and word not in GENERIC_TITLES:
                self._former(text, person, at, title_start, name_after, found)
            return EXACT
        chars = self._chars.get(word)
        if not chars or sum(c in chars for c in candidate) < len(candidate) - 1:
            return ""  # the common case: the text beside a title word is nobody's name
        near = self._near
        wildcards = [(word, candidate[:i] + "?" + candidate[i + 1:]) for i in range(len(candidate))]
        if not any(key in near for key in wildcards):
            return ""
        if not all("\u4e00" <= c <= "\u9fff" for c in candidate):
            return ""
        for i, key in enumerate(wildcards):
            for person, at_i in near.get(key, ()):
                if at_i != i or self._is_other_name(candidate):
                    continue
                if name_after and i == len(candidate) - 1 and candidate[i] in STOP_AFTER:
                    continue
                if not name_after and i == 0 and candidate[i] in STOP_BEFORE:
                    continue
                if len(person.name) == 2 and (i == 0 or not (
                        listed or self._org_context(text, title_start, person) >= SHORT_ORG_CONTEXT)):
                    continue
                found[(at, at + len(candidate))] = Finding(
                    at, at + len(candidate), candidate, person.name, LEADER_NAME, SEVERE,
                    f"{person.title}的姓名应为“{person.name}”", SOURCE)
                return NEAR
        return ""

    def _is_other_name(self, candidate: str) -> bool:
        return candidate in self._names or any(candidate.startswith(name) for name in self._names
                                               if len(name) < len(candidate))

    def _org_context(self, text: str, title_start: int, person: Person) -> int:
        """How many characters of the person's body (the title before its word) precede the word."""
        org = person.title[: len(person.title) - len(title_word(person.title))]
        k = 0
        while k < len(org) and title_start - k - 1 >= 0 and text[title_start - k - 1] == org[-k - 1]:
            k += 1
        return k

    def _former(self, text, person, at, title_start, name_after, found):
        phrase_start = (title_start - self._org_context(text, title_start, person)) if name_after else at
        if FORMER_MARKERS.search(text, max(0, phrase_start - 4), phrase_start):
            return
        current = [p.name for p in self._people if p.title == person.title and p.in_office]
        now = f"（现任：{'、'.join(current)}）" if current else ""
        found[(at, at + len(person.name))] = Finding(
            at, at + len(person.name), person.name, "", LEADER_NAME, SEVERE,
            f"{person.name}已不再担任{person.title}{now}；如指当时职务，请写“原”或“时任”", SOURCE)
