"""The scheme's rules, one computation each: a publication's points (level × kind, length tier,
combined use, placement), reads and shares tiers, a manuscript's items in the year (submission,
publication, metrics, reprint, joint report, instruction, withdrawal), and the office deductions
(monthly minimum, commissioned piece missed), with the day until which they hold."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from tribune.assessment.scoring.engine.entries import RULE_ORDER, Entry, Item
from tribune.assessment.scoring.engine.facts import Facts, Manuscript, Publication
from tribune.assessment.scoring.engine.scheme import MetricRule, Scheme
from tribune.assessment.scoring.engine.words import (
    KIND_NAMES,
    OFFICE,
    ONE,
    PLACEMENT_NAMES,
    ZERO,
    fmt,
    level_name,
    q,
    signed,
)
from tribune.assessment.scoring.periods import Month, next_month


def publication_points(pub: Publication, manuscript: Manuscript, scheme: Scheme) -> tuple[Decimal, list[str]]:
    """The points of one publication by level × kind, length tier, combined use and placement,
    and the parts of the computation in words (for the explanation)."""
    table = scheme.publication_points.get(pub.outlet_level) or {}
    base = table.get(pub.outlet_kind, table.get("default"))
    if base is None:
        return ZERO, [f"{level_name(pub.outlet_level)}{KIND_NAMES.get(pub.outlet_kind, pub.outlet_kind)}不计分"]
    points = Decimal(base)
    kind_word = KIND_NAMES.get(pub.outlet_kind, pub.outlet_kind) if pub.outlet_kind in table else "媒体"
    parts = [f"{level_name(pub.outlet_level)}{kind_word} {fmt(points)} 分"]
    tier = None
    for candidate in scheme.length_tiers:
        if manuscript.length >= candidate.min_chars and (tier is None or candidate.min_chars > tier.min_chars):
            tier = candidate
    if tier is not None:
        points, words = _apply(points, tier.multiplier, tier.bonus)
        parts.append(f"{tier.min_chars} 字以上{words}")
    if pub.combined:
        points, words = _apply(points, scheme.combined.multiplier, scheme.combined.bonus)
        parts.append(f"综合用稿{words}")
    adjust = scheme.placement.get(pub.placement) if pub.placement else None
    if adjust is not None:
        points, words = _apply(points, adjust.multiplier, adjust.bonus)
        parts.append(f"{PLACEMENT_NAMES[pub.placement]}{words}")
    return q(points), parts


def _apply(points: Decimal, multiplier: Decimal, bonus: Decimal) -> tuple[Decimal, str]:
    words = ""
    if multiplier != ONE:
        words += f" ×{fmt(multiplier)}"
    if bonus:
        words += f" {signed(bonus).replace(' 分', '')}"
    return points * multiplier + bonus, words or " 不加分"


def metric_points(value: int, rule: MetricRule) -> tuple[Decimal, str]:
    """Points for a count of reads or shares under one rule, and how they were reached."""
    reached = [(threshold, pts) for threshold, pts in rule.tiers if value >= threshold]
    if not reached:
        return ZERO, ""
    threshold, points = max(reached)
    words = f"≥{threshold:,} {signed(points).replace(' 分', '')}"
    if rule.every and rule.every_points:
        steps = (value - threshold) // rule.every
        if steps:
            extra = rule.every_points * steps
            points += extra
            words += f"，另每 {rule.every:,} {signed(rule.every_points).replace(' 分', '')}（{steps} 档）"
    if rule.max is not None and points > rule.max:
        points = rule.max
        words += f"，封顶 {fmt(rule.max)} 分"
    return q(points), words


# --- Manuscript items ----------------------------------------------------------------------

def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def manuscript_items(ms: Manuscript, facts: Facts, scheme: Scheme, by_ms: dict) -> list[Item]:
    year = facts.year
    items: list[Item] = []
    title = f"《{ms.title}》"

    for sub in by_ms["submissions"].get(ms.id, ()):
        if _in_year(sub.submitted_on, year) and scheme.submission_points:
            items.append(Item(
                sub.submitted_on, q(scheme.submission_points), "submission", "submission",
                f"{title}报送{sub.outlet_name}（{level_name(sub.outlet_level)}）",
                submission_id=sub.id, order=sub.id,
            ))

    pubs = [p for p in by_ms["publications"].get(ms.id, ()) if _in_year(p.published_on, year)]
    if scheme.publication_points:
        items.extend(_publication_items(ms, pubs, scheme, year))
    withdrawn = {p.id for p in pubs if p.withdrawn_on is not None and p.withdrawn_on.year <= year}

    for pub in pubs:
        if pub.id in withdrawn:
            continue  # a withdrawn publication earns no reads or reprint points
        items.extend(_metric_items(ms, pub, by_ms["metrics"].get(pub.id, ()), scheme, year))
        for rp in by_ms["reprints"].get(pub.id, ()):
            points = scheme.reprint_points.get(rp.level)
            if points and _in_year(rp.reprinted_on, year):
                items.append(Item(
                    rp.reprinted_on, q(Decimal(points)), "reprint", "reprint",
                    f"{title}被{rp.outlet_name}（{level_name(rp.level)}）转载",
                    submission_id=pub.submission_id, publication_id=pub.id, fact_id=rp.id, order=rp.id,
                ))

    for jr in by_ms["joint_reports"].get(ms.id, ()):
        if scheme.joint_report_points and _in_year(jr.recorded_on, year):
            items.append(Item(
                jr.recorded_on, q(scheme.joint_report_points), "joint_report", "joint_report",
                f"{title}与{jr.outlet_name}联合报道", fact_id=jr.id, order=jr.id,
            ))
    for ins in by_ms["instructions"].get(ms.id, ()):
        points = scheme.instruction_points.get(ins.level)
        if points and _in_year(ins.given_on, year):
            items.append(Item(
                ins.given_on, q(Decimal(points)), "instruction", "instruction",
                f"{title}获{ins.leader_name}（{level_name(ins.level)}）批示", fact_id=ins.id, order=ins.id,
            ))

    for pub in pubs:
        if pub.id in withdrawn and pub.withdrawn_for_error and scheme.withdrawn_error:
            items.append(Item(
                pub.withdrawn_on, -q(scheme.withdrawn_error), "deduction_withdrawn", "withdrawal",
                f"{title}在{pub.outlet_name}因内容失实被撤稿",
                submission_id=pub.submission_id, publication_id=pub.id, order=pub.id,
            ))
    items.sort(key=lambda it: (it.period, RULE_ORDER[it.rule], it.order))
    return items


def _publication_items(ms: Manuscript, pubs: list[Publication], scheme: Scheme, year: int) -> list[Item]:
    """Publication points, and their reversal when a publication is withdrawn.

    The manuscript's publication points stand at max(points of its live publications) in
    "highest" mode, at their sum in "every" mode; each publication or withdrawal adds the
    change of that figure, dated on its own day. So a county piece published in March and
    taken up by a provincial paper in May scores the county points in March and the
    difference in May, and the total is the provincial points alone."""
    events = []
    for pub in pubs:
        events.append((pub.published_on, 0, pub.id, pub))
        if pub.withdrawn_on is not None and pub.withdrawn_on.year <= year:
            events.append((max(pub.withdrawn_on, pub.published_on), 1, pub.id, pub))
    events.sort(key=lambda e: e[:3])
    highest = scheme.publication_levels == "highest"
    live: dict[int, Decimal] = {}
    standing = ZERO
    items = []
    title = f"《{ms.title}》"
    for day, kind, _pid, pub in events:
        points, parts = publication_points(pub, ms, scheme)
        where = f"{title}在{pub.outlet_name}（{level_name(pub.outlet_level)}）"
        if kind == 0:
            live[pub.id] = points
            after = max(live.values()) if highest else standing + points
            change = after - standing
            placement = f"，{PLACEMENT_NAMES[pub.placement]}" if pub.placement in PLACEMENT_NAMES else ""
            text = f"{where}刊发{placement}：{'，'.join(parts)}"
            if highest and change != points:
                text += (f"，计 {fmt(points)} 分；同稿按最高得分计一次，较已计的 {fmt(standing)} 分"
                         + ("加计" if change else "不再加分"))
            items.append(Item(day, change, "publication", "publication", text,
                               submission_id=pub.submission_id, publication_id=pub.id, order=pub.id))
        else:
            live.pop(pub.id, None)
            after = (max(live.values()) if live else ZERO) if highest else standing - points
            change = after - standing
            reason = "因内容失实" if pub.withdrawn_for_error else ""
            text = f"{where}的刊发{reason}被撤稿，冲回此前所计刊发得分"
            items.append(Item(day, change, "withdrawal_reversal", "withdrawal", text,
                               submission_id=pub.submission_id, publication_id=pub.id, order=pub.id))
        standing = after
    return items


def _metric_items(ms: Manuscript, pub: Publication, snapshots, scheme: Scheme, year: int) -> list[Item]:
    if scheme.reads is None and scheme.shares is None:
        return []
    in_year = [m for m in snapshots if _in_year(m.taken_on, year)]
    if not in_year:
        return []
    latest = max(in_year, key=lambda m: (m.taken_on, m.id))
    points = ZERO
    words = []
    for label, value, rule in (("阅读", latest.reads, scheme.reads), ("转发", latest.shares, scheme.shares)):
        if rule is None:
            continue
        pts, how = metric_points(value, rule)
        if pts:
            points += pts
            words.append(f"{label} {value:,}（{how}）")
    if not points:
        return []
    day = latest.taken_on
    text = f"《{ms.title}》在{pub.outlet_name}截至{day.month}月{day.day}日{'，'.join(words)}"
    return [Item(day, q(points), "metrics", "metrics", text, submission_id=pub.submission_id,
                  publication_id=pub.id, fact_id=latest.id, order=pub.id)]


# --- Office deductions ---------------------------------------------------------------------

def office_deductions(facts: Facts, scheme: Scheme, offices: dict) -> list[Entry]:
    out = []
    year = facts.year
    if scheme.minimum_per_missing:
        first_sub: dict[int, date] = {}
        for sub in facts.submissions:
            if sub.manuscript_id not in first_sub or sub.submitted_on < first_sub[sub.manuscript_id]:
                first_sub[sub.manuscript_id] = sub.submitted_on
        counts = defaultdict(int)
        for ms in facts.manuscripts:
            day = first_sub.get(ms.id)
            if day is not None and day.year == year:
                counts[(ms.office_id, day.month)] += 1
        for office in sorted(offices.values(), key=lambda o: o.id):
            minimum = scheme.minimum_override if scheme.minimum_override is not None else office.minimum_monthly
            if not minimum:
                continue
            for month in range(1, 13):
                last = date(year, month, calendar.monthrange(year, month)[1])
                if last >= facts.as_of:
                    break
                missing = minimum - counts[(office.id, month)]
                if missing > 0:
                    points = -q(scheme.minimum_per_missing * missing)
                    out.append(Entry(
                        OFFICE, None, office.id, points, "deduction_minimum", "minimum", last,
                        f"{office.name}{month}月报送 {counts[(office.id, month)]} 篇，少于月度任务 {minimum} 篇，"
                        f"缺 {missing} 篇，每篇 -{fmt(scheme.minimum_per_missing)}，{signed(points)}",
                    ))
    if scheme.commission_missed:
        for c in sorted(facts.commissions, key=lambda c: (c.due_date, c.id)):
            if c.office_id not in offices or c.due_date.year != year or c.due_date >= facts.as_of:
                continue
            if c.delivered_on is not None and c.delivered_on <= c.due_date:
                continue
            late = "逾期交稿" if c.delivered_on is not None else "未交稿"
            points = -q(scheme.commission_missed)
            out.append(Entry(
                OFFICE, None, c.office_id, points, "deduction_commission", "commission", c.due_date,
                f"约稿《{c.title}》{c.due_date.month}月{c.due_date.day}日到期{late}，{signed(points)}",
                commission_id=c.id,
            ))
    return out


def valid_until(facts: Facts) -> date:
    """The first day on which the same facts score differently, because the day of
    computation moved past a month's end (its monthly minimum now counts) or past a
    commissioned piece's due date (it is now missed). `_office_deductions` is the only rule
    that reads `as_of`; a ledger computed on `as_of` holds until the day before this."""
    as_of = facts.as_of
    days = [next_month(Month(as_of.year, as_of.month)).first]
    days += [c.due_date + timedelta(days=1) for c in facts.commissions
             if c.due_date.year == facts.year and c.due_date >= as_of]
    return min(days)
