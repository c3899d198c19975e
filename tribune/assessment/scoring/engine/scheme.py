"""A scheme as the engine reads it (`scheme_format.to_scheme` builds it from a validated
document): points by level and kind, adjustments, metric tiers, bonuses, deductions, credit and caps."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tribune.assessment.scoring.engine.words import ONE, ZERO


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
