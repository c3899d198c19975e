"""Coverage of deputies: who has been told about, who has not, whom to feature next.

Pure (no Django): fed `DeputyFacts` built by `selectors.coverage_facts`. A deputy is *featured*
on a day when a story of theirs is linked to a manuscript published (live) that day.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

YEAR = "year"
TERM = "term"
PERIODS = (YEAR, TERM)
DIMENSIONS = ("group", "sector", "level")

# Suggestions: a deputy featured within QUIET_DAYS is not suggested; activity counts if a story
# of theirs happened within RECENT_DAYS. Weeks unfeatured are capped so that "never featured"
# does not drown recent activity.
QUIET_DAYS = 180
RECENT_DAYS = 90
MAX_WEEKS = 104
POINTS_PER_RECENT_STORY = 20
MAX_RECENT_STORIES = 3


@dataclass(frozen=True)
class DeputyFacts:
    id: int
    name: str
    group: str
    sector: str
    levels: tuple[str, ...]
    term_start: dt.date | None
    featured_on: tuple[dt.date, ...] = ()
    story_dates: tuple[dt.date, ...] = ()

    @property
    def last_featured(self) -> dt.date | None:
        return max(self.featured_on) if self.featured_on else None


@dataclass(frozen=True)
class BreakdownRow:
    key: str
    total: int
    featured: int

    @property
    def unfeatured(self) -> int:
        return self.total - self.featured

    @property
    def rate(self) -> int:
        """Percentage featured, rounded down (0 for an empty row)."""
        return self.featured * 100 // self.total if self.total else 0


@dataclass(frozen=True)
class Suggestion:
    deputy: DeputyFacts
    days_unfeatured: int | None  # None: never featured
    recent_stories: int
    score: int


def period_start(period: str, today: dt.date, deputy: DeputyFacts) -> dt.date:
    """The first day that counts: 1 January of this year, or the start of the deputy's term
    (the year's start when the term is unknown)."""
    year_start = dt.date(today.year, 1, 1)
    if period == TERM:
        return deputy.term_start or year_start
    return year_start


def is_featured(deputy: DeputyFacts, period: str, today: dt.date) -> bool:
    since = period_start(period, today, deputy)
    return any(since <= day <= today for day in deputy.featured_on)


def gaps(deputies: Iterable[DeputyFacts], period: str, today: dt.date) -> list[DeputyFacts]:
    """Deputies not featured in the period, longest unfeatured first (never featured first),
    then by group and name."""
    missing = [d for d in deputies if not is_featured(d, period, today)]
    return sorted(missing, key=lambda d: (d.last_featured or dt.date.min, d.group, d.name))


def _keys(deputy: DeputyFacts, dimension: str) -> Sequence[str]:
    if dimension == "level":
        return deputy.levels or ("",)
    return (getattr(deputy, dimension),)


def breakdown(deputies: Iterable[DeputyFacts], period: str, today: dt.date, dimension: str) -> list[BreakdownRow]:
    """Totals and featured counts by deputy group, sector or level (a deputy sitting at two
    levels counts once in each). Rows with the most unfeatured deputies first."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    totals: dict[str, list[int]] = {}
    for deputy in deputies:
        featured = is_featured(deputy, period, today)
        for key in _keys(deputy, dimension):
            row = totals.setdefault(key, [0, 0])
            row[0] += 1
            row[1] += int(featured)
    rows = [BreakdownRow(key=key, total=t, featured=f) for key, (t, f) in totals.items()]
    return sorted(rows, key=lambda r: (-r.unfeatured, r.key))


def suggest(deputies: Iterable[DeputyFacts], today: dt.date, limit: int = 10) -> list[Suggestion]:
    """Deputies to feature next: not featured for QUIET_DAYS or more (or never), ranked by how
    long they have waited and how much they did lately (stories within RECENT_DAYS)."""
    result = []
    for deputy in deputies:
        last = deputy.last_featured
        days = (today - last).days if last else None
        if days is not None and days < QUIET_DAYS:
            continue
        recent = sum(1 for day in deputy.story_dates if 0 <= (today - day).days <= RECENT_DAYS)
        weeks = MAX_WEEKS if days is None else min(days // 7, MAX_WEEKS)
        score = weeks + POINTS_PER_RECENT_STORY * min(recent, MAX_RECENT_STORIES)
        result.append(Suggestion(deputy=deputy, days_unfeatured=days, recent_stories=recent, score=score))
    result.sort(key=lambda s: (-s.score, -s.recent_stories, s.deputy.group, s.deputy.name))
    return result[:limit]
