"""Small builders of engine facts for the engine tests (no database)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from tribune.assessment.scoring import engine as e

OFFICE = e.Office(1, "法工委", 0)
ZHANG = e.Author(1, "张三", 1, Decimal("60"))
LI = e.Author(2, "李四", 2, Decimal("40"))


def D(value) -> Decimal:
    return Decimal(str(value))


def ms(id=1, title="稿件", length=500, authors=(ZHANG,), office_id=1):
    return e.Manuscript(id, office_id, title, length, tuple(authors))


def sub(id, ms_id=1, on=date(2026, 3, 2), level="provincial", kind="newspaper", name="河北日报"):
    return e.Submission(id, ms_id, name, level, kind, on)


def pub(id, ms_id=1, on=date(2026, 3, 5), level="provincial", kind="newspaper", name="河北日报", **kw):
    return e.Publication(id, id, ms_id, name, level, kind, on, **kw)


def facts(**kw):
    base = e.Facts(year=2026, as_of=date(2026, 12, 31), offices=(OFFICE,))
    return replace(base, **{k: tuple(v) for k, v in kw.items()})


def scheme(**kw):
    return e.Scheme(**kw)


def total(entries, kind, subject_id):
    return e.totals(entries, kind).get(subject_id, Decimal(0))


def points_of(entries, rule, kind=e.OFFICE):
    return [x.points for x in entries if x.rule == rule and x.subject_kind == kind]
