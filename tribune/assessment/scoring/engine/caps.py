"""Caps: explicit cap items and entries wherever a running total of gains would pass a cap —
per manuscript (before the credit split), per person per month on submissions and per person
per quarter (after it). Deductions are never counted and never capped."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from tribune.assessment.scoring.engine.entries import Entry, Item, entry_order
from tribune.assessment.scoring.engine.facts import Manuscript
from tribune.assessment.scoring.engine.scheme import Scheme
from tribune.assessment.scoring.engine.words import MEMBER, ZERO, fmt, signed


def _running_cap(items, cap: Decimal, rule: str, cap_words: str, key=lambda it: None):
    """Cap the running total of gain items (deductions are not counted and never capped).

    For each item, in order, the counted total moves from min(before, cap) to min(after, cap)
    within its group (`key`); where that move differs from the item, an explicit cap item of
    the difference follows it. Totals therefore end at min(gains, cap), and a reversal that
    brings the total back under the cap restores what the cap had held back."""
    running: dict = defaultdict(lambda: ZERO)
    out = []
    for it in items:
        out.append(it)
        if it.is_deduction:
            continue
        group = key(it)
        before = running[group]
        after = before + it.points
        running[group] = after
        moved = min(after, cap) - min(before, cap)
        excess = moved - it.points
        if excess:
            out.append((it, excess, rule, cap_words, group))
    return out


def manuscript_cap(ms: Manuscript, items: list[Item], scheme: Scheme) -> list[Item]:
    if scheme.cap_per_manuscript is None:
        return items
    capped = []
    for x in _running_cap(items, scheme.cap_per_manuscript, "cap_manuscript", ""):
        if isinstance(x, Item):
            capped.append(x)
            continue
        it, excess, rule, _words, _group = x
        verb = f"超出 {fmt(-excess)} 分不计" if excess < 0 else f"回到上限以内，恢复 {fmt(excess)} 分"
        capped.append(Item(
            it.period, excess, rule, "cap",
            f"《{ms.title}》单篇得分上限 {fmt(scheme.cap_per_manuscript)} 分：{verb}",
            submission_id=it.submission_id, publication_id=it.publication_id, fact_id=it.fact_id, order=it.order,
        ))
    return capped


def _quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def person_caps(entries: list[Entry], scheme: Scheme) -> list[Entry]:
    if scheme.submission_monthly_cap is None and scheme.cap_per_person_quarter is None:
        return entries
    persons = defaultdict(list)
    out = []
    for e in entries:
        (persons[e.member_id] if e.subject_kind == MEMBER else out).append(e)
    for member_id in sorted(persons):
        own = sorted(persons[member_id], key=entry_order)
        if scheme.submission_monthly_cap is not None:
            own = _person_cap(own, scheme.submission_monthly_cap, "cap_submission_month",
                              lambda day: f"{day.month}月个人报送得分上限", only_rule="submission")
        if scheme.cap_per_person_quarter is not None:
            own = _person_cap(own, scheme.cap_per_person_quarter, "cap_person_quarter",
                              lambda day: f"第{_quarter(day)}季度个人得分上限")
        out.extend(own)
    return out


def _person_cap(own: list[Entry], cap: Decimal, rule: str, group_words, only_rule: str | None = None) -> list[Entry]:
    """Cap one person's running total of gains (deductions are not counted) per group of days
    (a month or a quarter, named by `group_words(day)`), counting only `only_rule`'s entries
    if given. The counted total moves from min(before, cap) to min(after, cap); where that
    move differs from the entry, an explicit cap entry of the difference follows it."""
    out = []
    running: dict[tuple, Decimal] = {}
    groups: dict = {}  # day → its group: (year, the words naming it)
    cap_text = fmt(cap)
    for e in own:
        out.append(e)
        if e.is_deduction or (only_rule is not None and e.rule != only_rule):
            continue
        group = groups.get(e.period)
        if group is None:
            group = groups[e.period] = (e.period.year, group_words(e.period))
        before = running.get(group, ZERO)
        after = running[group] = before + e.points
        if before <= cap and after <= cap:
            continue  # under the cap throughout: the entry counts whole
        excess = (min(after, cap) - min(before, cap)) - e.points
        if excess:
            what = e.explanation.split("，", 1)[0]
            verb = f"本项超出 {fmt(-excess)} 分不计" if excess < 0 else f"回到上限以内，恢复 {fmt(excess)} 分"
            out.append(Entry(
                MEMBER, e.member_id, e.office_id, excess, rule, "cap", e.period,
                f"{group[1]} {cap_text} 分：{what}，{verb}，{signed(excess)}",
                None, e.submission_id, e.publication_id, None, e.fact_id,
            ))
    return out
