"""What the engine gives out: ledger entries (a subject's points under one rule for one fact,
with a line of Chinese), and the manuscript-level items they are split from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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

# The order of the rules within a day (an item's, then an entry's sort key after the date).
RULE_ORDER = {rule: i for i, rule in enumerate(RULE_LABELS)}


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
class Item:
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


def entry_order(e: Entry) -> tuple:
    return e.period, RULE_ORDER[e.rule]
