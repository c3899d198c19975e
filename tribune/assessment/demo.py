"""Demo data of the scoring half: a realistic scheme for Gaocheng and one for the city of
Shijiazhuang (which ranks its districts by it), a few commissioned pieces, then the ledger."""

from __future__ import annotations

import datetime as dt

from tribune.assessment.models import Commission

COUNTY_DOCUMENT = {
    "submission": {"points": 1, "monthly_cap_per_person": 10},
    "publication": {
        "levels": "highest",
        "points": {
            "national": {"default": 30, "newspaper": 40, "tv": 40},
            "provincial": {"default": 12, "newspaper": 15, "tv": 15},
            "city": {"default": 5, "newspaper": 8, "tv": 8},
            "county": {"default": 2, "wechat": 1},
        },
        "length_tiers": [{"min_chars": 1000, "bonus": 2}],
        "combined": {"multiplier": 0.5},
        "placement": {"front_page": {"multiplier": 1.5}, "headline": {"bonus": 3},
                      "front_headline": {"multiplier": 2}},
    },
    "metrics": {
        "reads": {"tiers": [{"min": 5000, "points": 2}, {"min": 10000, "points": 5}], "every": 1000,
                  "every_points": 1, "max": 20},
        "shares": {"tiers": [{"min": 500, "points": 2}, {"min": 2000, "points": 5}]},
    },
    "reprint": {"national": 10, "provincial": 5, "city": 2},
    "joint_report": 5,
    "instruction": {"national": 20, "provincial": 10, "city": 5, "county": 3},
    "deductions": {"monthly_minimum": {"per_missing": 2, "minimum": 1}, "commission_missed": 5,
                   "withdrawn_for_error": 10},
    "credit": {"split": "shares", "office_receives": True},
    "caps": {"per_manuscript": 80, "per_person_per_quarter": 200},
}

# The city scores its districts' work for outlets above the county only: a county's own
# channels are its daily work, not what the city assesses.
CITY_DOCUMENT = {
    "submission": {"points": 0.5},
    "publication": {
        "levels": "highest",
        "points": {
            "national": {"default": 40, "newspaper": 50},
            "provincial": {"default": 15, "newspaper": 20},
            "city": {"default": 6, "newspaper": 8},
        },
        "placement": {"front_page": {"bonus": 5}, "front_headline": {"bonus": 10}},
    },
    "metrics": {"reads": {"tiers": [{"min": 10000, "points": 3}], "every": 5000, "every_points": 1, "max": 10}},
    "reprint": {"national": 10, "provincial": 5},
    "instruction": {"national": 20, "provincial": 10, "city": 5},
    "deductions": {"withdrawn_for_error": 10},
    "credit": {"split": "equal", "office_receives": True},
}


def default_document(congress, year: int) -> dict:
    """The template a new scheme starts from when the congress has none for an earlier year."""
    base = CITY_DOCUMENT if congress.level in ("city", "province") else COUNTY_DOCUMENT
    name = f"{congress.short_name or congress.name}人大常委会{year}年度宣传工作考核细则"
    return {"name": name, **base}


def build(ctx) -> None:
    from tribune.assessment.services import scheme_create, scheme_update

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
