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
   later fact can re-itemise are split as one running account (`credit.pooled_rules`). The office
   receives each item whole, as a separate office entry.
4. Person caps: the monthly cap on submission points and the quarterly cap on a person's
   points, again as explicit "cap" entries on the date the cap was crossed.
5. Office deductions: the monthly minimum missed, commissioned pieces not delivered.

Deductions are always entries of their own: no rule ever nets a deduction into a gain, and
caps only ever count gains (see `caps._running_cap`).

Rounding: every item is computed exactly in Decimal and rounded once to 0.01 (half up);
author parts are whole cents handed out one at a time (`apportion`), so they sum to the item
and no author's part shrinks when the amount grows.

The package, by area: `facts` (the data classes fed in), `scheme` (the rules as the engine reads
them), `rules` (each rule's computation, the manuscript items and the office deductions),
`credit` (the split among authors), `caps`, `entries` (what comes out), `words` (names and
number formatting) and `compute` (`score`, the order of work above). No module here imports
Django (a test guards it): the engine is fed plain data and tested on its own.
"""

from __future__ import annotations

from tribune.assessment.scoring.engine.compute import score, totals
from tribune.assessment.scoring.engine.credit import Credit, apportion
from tribune.assessment.scoring.engine.entries import DEDUCTION_RULES, RULE_LABELS, Entry
from tribune.assessment.scoring.engine.facts import (
    Author,
    Commission,
    Facts,
    Instruction,
    JointReport,
    Manuscript,
    Metric,
    Office,
    Publication,
    Reprint,
    Submission,
)
from tribune.assessment.scoring.engine.rules import metric_points, publication_points, valid_until
from tribune.assessment.scoring.engine.scheme import Adjust, LengthTier, MetricRule, Scheme
from tribune.assessment.scoring.engine.words import (
    KIND_NAMES,
    KINDS,
    LEVEL_NAMES,
    LEVEL_RANK,
    LEVELS,
    MEMBER,
    OFFICE,
    PLACEMENT_NAMES,
    PLACEMENTS,
    fmt,
    level_name,
    q,
    signed,
)

__all__ = [
    "DEDUCTION_RULES", "KINDS", "KIND_NAMES", "LEVELS", "LEVEL_NAMES", "LEVEL_RANK", "MEMBER", "OFFICE",
    "PLACEMENTS", "PLACEMENT_NAMES", "RULE_LABELS", "Adjust", "Author", "Commission", "Credit", "Entry", "Facts",
    "Instruction", "JointReport", "LengthTier", "Manuscript", "Metric", "MetricRule", "Office", "Publication",
    "Reprint", "Scheme", "Submission", "apportion", "fmt", "level_name", "metric_points", "publication_points", "q",
    "score", "signed", "totals", "valid_until",
]
