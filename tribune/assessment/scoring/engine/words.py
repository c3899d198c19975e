"""The engine's words: outlet levels, kinds and placements with their Chinese names, the two
kinds of subject, and how points are written ("7.5", "+3 分") and rounded (to the cent, half up)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

# The outlet vocabulary is the outlets app's (pure, like the engine): levels, ranks, kinds, names.
from tribune.outlets.vocabulary import KIND_NAMES, KINDS, LEVEL_NAMES, LEVEL_RANK, LEVELS  # noqa: F401

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
ZERO = Decimal("0")
ONE = Decimal("1")

PLACEMENTS = ("front_page", "headline", "front_headline")
PLACEMENT_NAMES = {"front_page": "头版", "headline": "头条", "front_headline": "头版头条"}

MEMBER = "member"
OFFICE = "office"


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


def level_name(level: str) -> str:
    return LEVEL_NAMES.get(level, level)
