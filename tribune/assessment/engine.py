"""The scoring engine: facts and a scheme in, ledger entries out. Pure Python, no Django.

`score(facts, scheme)` is a function: the same facts and scheme give the same entries in the
same order. Every entry names its subject (a person or an office), its points, the rule, the
fact it came from and one line of Chinese saying why. The order of work:

1. Manuscript items. Each manuscript's facts in the year become items, in date order:
   submission points, publication points (once at the highest score or at every level),
   reads/shares tiers, reprint bonuses, joint report and leadership instruction bonuses, the
   reversal of a withdrawn publication's points and the deduction for a factual error.
2. The per-manuscript cap: an explicit "cap" item wherever the manuscript's running total
   would pass the cap (or comes back under it after a reversal).
3. Credit: each item is split among the authors (by shares, equally, or by first-N ratios);
   the parts always sum to the item, to the cent, and are never negative for a gain. Items a
   later fact can re-itemise are split as one running account (`_pooled_rules`). The office
   receives each item whole, as a separate office entry.
4. Person caps: the monthly cap on submission points and the quarterly cap on a person's
   points, again as explicit "cap" entries on the date the cap was crossed.
5. Office deductions: the monthly minimum missed, commissioned pieces not delivered.

Deductions are always entries of their own: no rule ever nets a deduction into a gain, and
caps only ever count gains (see `_running_cap`).

Rounding: every item is computed exactly in Decimal and rounded once to 0.01 (half up);
author parts are whole cents handed out one at a time (`apportion`), so they sum to the item
and no author's part shrinks when the amount grows.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from tribune.assessment.periods import Month, next_month

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
ZERO = Decimal("0")
ONE = Decimal("1")

LEVELS = ("national", "provincial", "city", "county")
LEVEL_RANK = {"national": 4, "provincial": 3, "city": 2, "county": 1}
LEVEL_NAMES = {"national": "中央级", "provincial": "省级", "city": "市级", "county": "县级"}
KINDS = ("newspaper", "magazine", "website", "wechat", "tv", "app", "weibo", "platform")
KIND_NAMES = {
    "newspaper": "报纸", "magazine": "杂志", "website": "网站", "wechat": "微信公众号", "tv": "电视",
    "app": "新闻客户端", "weibo": "微博", "platform": "平台",
}
PLACEMENTS = ("front_page", "headline", "front_headline")
PLACEMENT_NAMES = {"front_page": "头版", "headline": "头条", "front_headline": "头版头条"}

MEMBER = "member"
OFFICE = "office"


# --- Facts ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Author:
    member_id: int
    name: str
    position: int
    share: Decimal = Decimal("100")


@dataclass(frozen=True)
class Manuscript:
    id: int
    office_id: int
    title: str
    length: int = 0
    authors: tuple[Author, ...] = ()


@dataclass(frozen=True)
class Office:
    id: int
    name: str
    minimum_monthly: int = 0


@dataclass(frozen=True)
class Submission:
    id: int
    manuscript_id: int
    outlet_name: str
    outlet_level: str
    outlet_kind: str
    submitted_on: date


@dataclass(frozen=True)
class Publication:
    id: int
    submission_id: int
    manuscript_id: int
    outlet_name: str
    outlet_level: str
    outlet_kind: str
    published_on: date
    title: str = ""
    placement: str = ""
    combined: bool = False
    withdrawn_on: date | None = None
    withdrawn_for_error: bool = False


@dataclass(frozen=True)
class Metric:
    id: int
    publication_id: int
    taken_on: date
    reads: int = 0
    shares: int = 0


@dataclass(frozen=True)
class Reprint:
    id: int
    publication_id: int
    outlet_name: str
    level: str
    reprinted_on: date


@dataclass(frozen=True)
class JointReport:
    id: int
    manuscript_id: int
    outlet_name: str
    recorded_on: date


@dataclass(frozen=True)
class Instruction:
    id: int
    manuscript_id: int
    leader_name: str
    level: str
    given_on: date


@dataclass(frozen=True)
class Commission:
    id: int
    office_id: int
    title: str
    due_date: date
    delivered_on: date | None = None


@dataclass(frozen=True)
class Facts:
    """Everything that happened in one congress that the scheme may score, for one year.
    `as_of` is the day of computation: a month counts for the monthly minimum only once it is
    over, a commissioned piece is missed only once its due date has passed."""

    year: int
    as_of: date
    offices: tuple[Office, ...] = ()
    manuscripts: tuple[Manuscript, ...] = ()
    submissions: tuple[Submission, ...] = ()
    publications: tuple[Publication, ...] = ()
    metrics: tuple[Metric, ...] = ()
    reprints: tuple[Reprint, ...] = ()
    joint_reports: tuple[JointReport, ...] = ()
    instructions: tuple[Instruction, ...] = ()
    commissions: tuple[Commission, ...] = ()


# --- Scheme --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Adjust:
    """A multiplier then a bonus: points × multiplier + bonus."""

    multiplier: Decimal = ONE
    bonus: Decimal = ZERO


@dataclass(frozen=True)
class LengthTier:
    min_chars: int
    multiplier: Decimal = ONE
    bonus: Decimal = ZERO


@dataclass(frozen=True)
class MetricRule:
    """Tiers (threshold, points): the highest tier reached counts. Past the highest tier,
    `every_points` for each further `every` (if set), and at most `max` in all (if set)."""

    tiers: tuple[tuple[int, Decimal], ...] = ()
    every: int | None = None
    every_points: Decimal = ZERO
    max: Decimal | None = None


@dataclass(frozen=True)
class Scheme:
    name: str = ""
    submission_points: Decimal = ZERO
    submission_monthly_cap: Decimal | None = None
    publication_points: dict = field(default_factory=dict)  # level -> {kind or "default": points}
    publication_levels: str = "highest"  # highest | every
    length_tiers: tuple[LengthTier, ...] = ()
    combined: Adjust = Adjust()
    placement: dict = field(default_factory=dict)  # placement -> Adjust
    reads: MetricRule | None = None
    shares: MetricRule | None = None
    reprint_points: dict = field(default_factory=dict)  # level -> points
    joint_report_points: Decimal = ZERO
    instruction_points: dict = field(default_factory=dict)  # level -> points
    minimum_per_missing: Decimal = ZERO
    minimum_override: int | None = None
    commission_missed: Decimal = ZERO
    withdrawn_error: Decimal = ZERO
    credit_split: str = "shares"  # shares | equal | ratios
    credit_ratios: tuple[Decimal, ...] = ()
    office_receives: bool = True
    cap_per_manuscript: Decimal | None = None
    cap_per_person_quarter: Decimal | None = None


# --- Entries -------------------------------------------------------------------------------

RULE_LABELS = {
    "submission": "报送计分",
    "publication": "刊发计分",
    "metrics": "阅读转发计分",
    "reprint": "转载加分",
    "joint_report": "联合报道加分",
    "instruction": "领导批示加分",
    "withdrawal_reversal": "撤稿冲回",
    "deduction_withdrawn": "失实撤稿扣分",
    "deduction_minimum": "未完成月度报送任务扣分",
    "deduction_commission": "约稿未交扣分",
    "cap_manuscript": "单篇稿件得分上限",
    "cap_submission_month": "个人月度报送得分上限",
    "cap_person_quarter": "个人季度得分上限",
}
DEDUCTION_RULES = frozenset({"deduction_withdrawn", "deduction_minimum", "deduction_commission"})
CAP_RULES = frozenset({"cap_manuscript", "cap_submission_month", "cap_person_quarter"})


@dataclass(slots=True)
class Entry:
    subject_kind: str  # member | office
    member_id: int | None
    office_id: int | None
    points: Decimal
    rule: str
    fact_kind: str
    period: date
    explanation: str
    manuscript_id: int | None = None
    submission_id: int | None = None
    publication_id: int | None = None
    commission_id: int | None = None
    fact_id: int | None = None
    seq: int = 0

    @property
    def rule_label(self) -> str:
        return RULE_LABELS[self.rule]

    @property
    def is_deduction(self) -> bool:
        return self.rule in DEDUCTION_RULES


@dataclass
class _Item:
    """A manuscript-level amount before it is split among the authors."""

    period: date
    points: Decimal
    rule: str
    fact_kind: str
    text: str  # the explanation without the trailing "+n 分"
    submission_id: int | None = None
    publication_id: int | None = None
    fact_id: int | None = None
    order: int = 0

    @property
    def is_deduction(self) -> bool:
        return self.rule in DEDUCTION_RULES


# --- Formatting ----------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def fmt(points: Decimal) -> str:
    """12 → "12", 7.50 → "7.5", with thousands separators never needed for points."""
    text = f"{points.quantize(CENT):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@lru_cache(maxsize=8192)
def signed(points: Decimal) -> str:
    return f"+{fmt(points)} 分" if points >= 0 else f"{fmt(points)} 分"


def q(points: Decimal) -> Decimal:
    return points.quantize(CENT, rounding=ROUND_HALF_UP)


def _level(level: str) -> str:
    return LEVEL_NAMES.get(level, level)


# --- Rule computations ---------------------------------------------------------------------

def publication_points(pub: Publication, manuscript: Manuscript, scheme: Scheme) -> tuple[Decimal, list[str]]:
    """The points of one publication by level × kind, length tier, combined use and placement,
    and the parts of the computation in words (for the explanation)."""
    table = scheme.publication_points.get(pub.outlet_level) or {}
    base = table.get(pub.outlet_kind, table.get("default"))
    if base is None:
        return ZERO, [f"{_level(pub.outlet_level)}{KIND_NAMES.get(pub.outlet_kind, pub.outlet_kind)}不计分"]
    points = Decimal(base)
    kind_word = KIND_NAMES.get(pub.outlet_kind, pub.outlet_kind) if pub.outlet_kind in table else "媒体"
    parts = [f"{_level(pub.outlet_level)}{kind_word} {fmt(points)} 分"]
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


class Credit:
    """How one manuscript's amounts are split among its authors; the parts sum exactly to the
    amount.

    Weights: the manuscript's shares, or equal, or the scheme's first-N ratios (3:2 gives the
    first author 3/5 and the second 2/5; later authors get nothing). The cents are handed out
    one at a time (see `apportion`), so a larger amount never gives any author a smaller part.
    The weights and the words are worked out once per manuscript, not once per item.
    """

    __slots__ = ("rows", "weights")

    def __init__(self, authors: tuple[Author, ...], scheme: Scheme):
        ordered = sorted(authors, key=lambda a: a.position)
        if scheme.credit_split == "equal":
            weights = [ONE for _ in ordered]
            word = "平均分配"
        elif scheme.credit_split == "ratios" and scheme.credit_ratios:
            ratios = scheme.credit_ratios[: len(ordered)]
            weights = list(ratios) + [ZERO] * (len(ordered) - len(ratios))
            word = "按" + ":".join(fmt(r) for r in ratios) + "分配"
        else:
            weights = [a.share for a in ordered]
            word = "按署名份额"
        total_weight = sum(weights, ZERO)
        self.weights = tuple(max(w, ZERO) for w in weights)
        self.rows: tuple[tuple[int, Author, str], ...] = ()
        if ordered and total_weight > 0:
            self.rows = tuple(
                (i, author, f"{word} {fmt((weight / total_weight * 100).quantize(TENTH, rounding=ROUND_HALF_UP))}%")
                for i, (author, weight) in enumerate(zip(ordered, weights, strict=True)) if weight > 0
            )

    def split(self, points: Decimal) -> list[tuple[Author, Decimal, str]]:
        """Each author's part of `points`, with how it was reached in words."""
        if not self.rows:
            return []
        sign = -1 if points < 0 else 1
        cents = apportion(int(abs(points) / CENT), self.weights)
        return [(author, cents[i] * CENT * sign, how) for i, author, how in self.rows]


@lru_cache(maxsize=65536)
def apportion(cents: int, weights: tuple[Decimal, ...]) -> tuple[int, ...]:
    """Hand `cents` out among weights one cent at a time (Sainte-Laguë): the next cent goes to
    the author with the highest weight ÷ (cents already given + ½), the earlier author on a tie.

    The result for n cents is the first n of one fixed sequence of claims, so it is the result
    for n − 1 cents plus one cent: an author's part never shrinks when the amount grows (which
    rounding each part and giving out the leftover cents cannot promise). Computed from the
    proportional parts and corrected claim by claim, not cent by cent."""
    scale = 10 ** max([0] + [-w.as_tuple().exponent for w in weights if w > 0])
    w = [int(x * scale) if x > 0 else 0 for x in weights]
    total = sum(w)
    given = [cents * x // total for x in w]
    live = [i for i, x in enumerate(w) if x > 0]

    def before(i: int, k: int, j: int, m: int) -> bool:
        """Does author i's k-th cent come before author j's m-th? (w / (k − ½), compared exactly)"""
        left, right = w[i] * (2 * m - 1), w[j] * (2 * k - 1)
        return left > right or (left == right and i < j)

    def best_next() -> int:
        best = live[0]
        for i in live[1:]:
            if before(i, given[i] + 1, best, given[best] + 1):
                best = i
        return best

    while sum(given) < cents:
        given[best_next()] += 1
    while True:
        best = best_next()
        held = [i for i in live if given[i] > 0]
        if not held:
            return tuple(given)
        worst = held[0]
        for i in held[1:]:
            if before(worst, given[worst], i, given[i]):
                worst = i
        if not before(best, given[best] + 1, worst, given[worst]):
            return tuple(given)
        given[best] += 1
        given[worst] -= 1


# --- Manuscript items ----------------------------------------------------------------------

def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def _manuscript_items(ms: Manuscript, facts: Facts, scheme: Scheme, by_ms: dict) -> list[_Item]:
    year = facts.year
    items: list[_Item] = []
    title = f"《{ms.title}》"

    for sub in by_ms["submissions"].get(ms.id, ()):
        if _in_year(sub.submitted_on, year) and scheme.submission_points:
            items.append(_Item(
                sub.submitted_on, q(scheme.submission_points), "submission", "submission",
                f"{title}报送{sub.outlet_name}（{_level(sub.outlet_level)}）",
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
                items.append(_Item(
                    rp.reprinted_on, q(Decimal(points)), "reprint", "reprint",
                    f"{title}被{rp.outlet_name}（{_level(rp.level)}）转载",
                    submission_id=pub.submission_id, publication_id=pub.id, fact_id=rp.id, order=rp.id,
                ))

    for jr in by_ms["joint_reports"].get(ms.id, ()):
        if scheme.joint_report_points and _in_year(jr.recorded_on, year):
            items.append(_Item(
                jr.recorded_on, q(scheme.joint_report_points), "joint_report", "joint_report",
                f"{title}与{jr.outlet_name}联合报道", fact_id=jr.id, order=jr.id,
            ))
    for ins in by_ms["instructions"].get(ms.id, ()):
        points = scheme.instruction_points.get(ins.level)
        if points and _in_year(ins.given_on, year):
            items.append(_Item(
                ins.given_on, q(Decimal(points)), "instruction", "instruction",
                f"{title}获{ins.leader_name}（{_level(ins.level)}）批示", fact_id=ins.id, order=ins.id,
            ))

    for pub in pubs:
        if pub.id in withdrawn and pub.withdrawn_for_error and scheme.withdrawn_error:
            items.append(_Item(
                pub.withdrawn_on, -q(scheme.withdrawn_error), "deduction_withdrawn", "withdrawal",
                f"{title}在{pub.outlet_name}因内容失实被撤稿",
                submission_id=pub.submission_id, publication_id=pub.id, order=pub.id,
            ))
    items.sort(key=lambda it: (it.period, _RULE_ORDER[it.rule], it.order))
    return items


_RULE_ORDER = {rule: i for i, rule in enumerate(RULE_LABELS)}


def _publication_items(ms: Manuscript, pubs: list[Publication], scheme: Scheme, year: int) -> list[_Item]:
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
        where = f"{title}在{pub.outlet_name}（{_level(pub.outlet_level)}）"
        if kind == 0:
            live[pub.id] = points
            after = max(live.values()) if highest else standing + points
            change = after - standing
            placement = f"，{PLACEMENT_NAMES[pub.placement]}" if pub.placement in PLACEMENT_NAMES else ""
            text = f"{where}刊发{placement}：{'，'.join(parts)}"
            if highest and change != points:
                text += (f"，计 {fmt(points)} 分；同稿按最高得分计一次，较已计的 {fmt(standing)} 分"
                         + ("加计" if change else "不再加分"))
            items.append(_Item(day, change, "publication", "publication", text,
                               submission_id=pub.submission_id, publication_id=pub.id, order=pub.id))
        else:
            live.pop(pub.id, None)
            after = (max(live.values()) if live else ZERO) if highest else standing - points
            change = after - standing
            reason = "因内容失实" if pub.withdrawn_for_error else ""
            text = f"{where}的刊发{reason}被撤稿，冲回此前所计刊发得分"
            items.append(_Item(day, change, "withdrawal_reversal", "withdrawal", text,
                               submission_id=pub.submission_id, publication_id=pub.id, order=pub.id))
        standing = after
    return items


def _metric_items(ms: Manuscript, pub: Publication, snapshots, scheme: Scheme, year: int) -> list[_Item]:
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
    return [_Item(day, q(points), "metrics", "metrics", text, submission_id=pub.submission_id,
                  publication_id=pub.id, fact_id=latest.id, order=pub.id)]


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


def _apply_manuscript_cap(ms: Manuscript, items: list[_Item], scheme: Scheme) -> list[_Item]:
    if scheme.cap_per_manuscript is None:
        return items
    capped = []
    for x in _running_cap(items, scheme.cap_per_manuscript, "cap_manuscript", ""):
        if isinstance(x, _Item):
            capped.append(x)
            continue
        it, excess, rule, _words, _group = x
        verb = f"超出 {fmt(-excess)} 分不计" if excess < 0 else f"回到上限以内，恢复 {fmt(excess)} 分"
        capped.append(_Item(
            it.period, excess, rule, "cap",
            f"《{ms.title}》单篇得分上限 {fmt(scheme.cap_per_manuscript)} 分：{verb}",
            submission_id=it.submission_id, publication_id=it.publication_id, fact_id=it.fact_id, order=it.order,
        ))
    return capped


# --- The engine ----------------------------------------------------------------------------

def score(facts: Facts, scheme: Scheme) -> list[Entry]:
    """The ledger of one congress's year under a scheme, ordered by date."""
    by_ms = {
        "submissions": _group(facts.submissions, "manuscript_id"),
        "publications": _group(facts.publications, "manuscript_id"),
        "metrics": _group(facts.metrics, "publication_id"),
        "reprints": _group(facts.reprints, "publication_id"),
        "joint_reports": _group(facts.joint_reports, "manuscript_id"),
        "instructions": _group(facts.instructions, "manuscript_id"),
    }
    offices = {o.id: o for o in facts.offices}
    pooled = _pooled_rules(scheme)
    entries: list[Entry] = []
    for ms in sorted(facts.manuscripts, key=lambda m: m.id):
        items = _apply_manuscript_cap(ms, _manuscript_items(ms, facts, scheme, by_ms), scheme)
        if not items:
            continue
        office_name = offices[ms.office_id].name if ms.office_id in offices else ""
        office_suffix = f"，计入{office_name}" if office_name else ""
        credit = Credit(ms.authors, scheme)
        pool = ZERO
        for it in items:
            # Each item is split on its own, except the amounts that later facts may re-itemise
            # (see `_pooled_rules`): those are split as one running account, each author getting
            # the change of their part of it. The split is monotone, so no gain ever takes a
            # cent from anyone, and recording a fact never re-rounds another fact's entries.
            if it.rule in pooled:
                before, after = pool, pool + it.points
                pool = after
            else:
                before, after = ZERO, it.points
            then = {a.member_id: part for a, part, _how in credit.split(before)} if before else {}
            deduction = it.is_deduction
            item_words = f"{it.text}，{signed(it.points)}；"
            for author, cumulative, how in credit.split(after):
                part = cumulative - then.get(author.member_id, ZERO)
                if not part and deduction:
                    continue  # a deduction's cents all went to co-authors: nothing taken from this one
                entries.append(Entry(
                    MEMBER, author.member_id, ms.office_id, part, it.rule, it.fact_kind, it.period,
                    f"{item_words}{author.name}{how}，{signed(part)}",
                    ms.id, it.submission_id, it.publication_id, None, it.fact_id,
                ))
            if scheme.office_receives or not ms.authors:
                entries.append(Entry(
                    OFFICE, None, ms.office_id, it.points, it.rule, it.fact_kind, it.period,
                    f"{it.text}{office_suffix}，{signed(it.points)}",
                    ms.id, it.submission_id, it.publication_id, None, it.fact_id,
                ))
    entries = _apply_person_caps(entries, scheme)
    entries.extend(_office_deductions(facts, scheme, offices))
    entries.sort(key=_entry_order)  # stable: keeps the order above in a day
    for i, e in enumerate(entries, start=1):
        e.seq = i
    return entries


def _pooled_rules(scheme: Scheme) -> frozenset:
    """The rules whose items a newly recorded fact can re-itemise: in "highest" mode an earlier
    publication changes the difference a later one adds; under a per-manuscript cap an earlier
    item moves the day the cap is crossed. Split item by item, 5 + 7 need not round like 12;
    split as one running account, an author's part of them is their part of the account's
    total, which never falls when a publication is added."""
    if scheme.cap_per_manuscript is not None:
        return frozenset({"publication", "withdrawal_reversal", "cap_manuscript"})
    if scheme.publication_levels == "highest":
        return frozenset({"publication", "withdrawal_reversal"})
    return frozenset()


def _group(rows, attr: str) -> dict:
    out = defaultdict(list)
    for row in rows:
        out[getattr(row, attr)].append(row)
    return out


def _quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _entry_order(e: Entry) -> tuple:
    return e.period, _RULE_ORDER[e.rule]


def _apply_person_caps(entries: list[Entry], scheme: Scheme) -> list[Entry]:
    if scheme.submission_monthly_cap is None and scheme.cap_per_person_quarter is None:
        return entries
    persons = defaultdict(list)
    out = []
    for e in entries:
        (persons[e.member_id] if e.subject_kind == MEMBER else out).append(e)
    for member_id in sorted(persons):
        own = sorted(persons[member_id], key=_entry_order)
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


def _office_deductions(facts: Facts, scheme: Scheme, offices: dict) -> list[Entry]:
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


# --- Totals (for tests and reports) -------------------------------------------------------------

def totals(entries, subject_kind: str) -> dict[int, Decimal]:
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for e in entries:
        if e.subject_kind == subject_kind:
            out[e.member_id if subject_kind == MEMBER else e.office_id] += e.points
    return dict(out)
