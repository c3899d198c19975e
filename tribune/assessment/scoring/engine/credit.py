"""Credit: how a manuscript's items are split among its authors, to the cent (`apportion`), and
which items are split as one running account (`pooled_rules`)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from tribune.assessment.scoring.engine.facts import Author
from tribune.assessment.scoring.engine.scheme import Scheme
from tribune.assessment.scoring.engine.words import CENT, ONE, TENTH, ZERO, fmt


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


def pooled_rules(scheme: Scheme) -> frozenset:
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
