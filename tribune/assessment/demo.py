"""Demo data of the scoring half: a realistic scheme for Gaocheng and one for the city of
Shijiazhuang (which ranks its districts by it), a few commissioned pieces, then the ledger."""

from __future__ import annotations

import datetime as dt

from tribune.assessment.models import Commission
from tribune.assessment.scoring.defaults import default_document
from tribune.assessment.scoring.schemes import scheme_create, scheme_update
from tribune.kit.plugins import demo_builders


@demo_builders.register
def build(ctx) -> None:
    gaocheng = ctx.congresses["gaocheng"]
    city = ctx.congresses["shijiazhuang"]
    coordinator = ctx.members["coordinator"]
    _commissions(ctx, gaocheng, coordinator)
    for year in (ctx.today.year - 1, ctx.today.year):
        document = default_document(gaocheng, year)
        if year < ctx.today.year:
            # The platform went live late last year: no monthly minimum for the months before it.
            document = default_document(gaocheng, year)
            document["deductions"] = {k: v for k, v in document["deductions"].items() if k != "monthly_minimum"}
        scheme = scheme_create(member=coordinator, congress=gaocheng, year=year, document=document, source="demo",
                               system=True)
        if year == ctx.today.year:
            # One recorded change, so the history page has something to show.
            doc = dict(scheme.document, joint_report=6)
            scheme_update(member=coordinator, scheme=scheme, expected_version=scheme.version, document=doc,
                          summary="联合报道加分由 5 分调整为 6 分", source="edit", system=True)
        scheme_create(member=None, congress=city, year=year, source="demo", system=True)
    ctx.extra["assessment_years"] = (ctx.today.year - 1, ctx.today.year)


def _commissions(ctx, congress, coordinator) -> None:
    offices = sorted((o for (code, _name), o in ctx.offices.items() if code == congress.code), key=lambda o: o.pk)
    if not offices:
        return
    titles = ["人大代表履职风采系列", "优化营商环境执法检查综述", "基层立法联系点工作纪实", "民生实事项目票决制回眸",
              "乡村振兴专题调研报道", "代表建议办理“回头看”"]
    for i, title in enumerate(titles):
        due = ctx.today - dt.timedelta(days=20 + 37 * i)
        office = offices[i % len(offices)]
        delivered = due - dt.timedelta(days=2) if i % 3 else None  # every third one was never delivered
        Commission.objects.create(congress=congress, office=office, title=title, requested_by="河北日报社",
                                  due_date=due, delivered_on=delivered, created_by=coordinator)
