"""The rules a new scheme starts from when its congress has none for an earlier year: one for
a county (its own offices and people) and one for a city or province (ranking the congresses
below it). The demo data and the bench use them too."""

from __future__ import annotations

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
