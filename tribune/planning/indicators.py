"""The three problem indicators of the regular-meeting pack, per office, from plain facts.

The source report names three problems of publicity work: topics are hard to find (选题难),
manuscripts come slowly (投稿慢) and quality is low (质量不高). Each becomes numbers here:

- topics: how many topics an office proposed in the period, and how many of them were taken up
  (a manuscript was written on them);
- lag: the median number of days from the event covered to the first submission for review, and
  from the event to the first publication, over the manuscripts whose submission (publication)
  fell in the period;
- quality: the share of review requests of the period that were returned, and the share of
  outlet submissions of the period that were published.

A period is half-open: (start, end], so consecutive packs never count a day twice. Pure: no
Django import; fed dataclasses, tested on a hand-built set with known answers.
"""

import datetime as dt
from dataclasses import dataclass, field
from statistics import median


@dataclass(frozen=True)
class TopicFact:
    office_id: int | None
    proposed_on: dt.date
    taken_up: bool


@dataclass(frozen=True)
class ManuscriptFact:
    office_id: int
    event_date: dt.date | None
    first_review_on: dt.date | None
    first_published_on: dt.date | None


@dataclass(frozen=True)
class ReviewFact:
    office_id: int
    requested_on: dt.date
    returned: bool


@dataclass(frozen=True)
class SubmissionFact:
    office_id: int
    submitted_on: dt.date
    published: bool


@dataclass(frozen=True)
class Period:
    start: dt.date  # exclusive
    end: dt.date  # inclusive

    def __contains__(self, day) -> bool:
        return day is not None and self.start < day <= self.end


@dataclass
class Facts:
    topics: list[TopicFact] = field(default_factory=list)
    manuscripts: list[ManuscriptFact] = field(default_factory=list)
    reviews: list[ReviewFact] = field(default_factory=list)
    submissions: list[SubmissionFact] = field(default_factory=list)


@dataclass(frozen=True)
class Indicators:
    topics_proposed: int = 0
    topics_taken_up: int = 0
    days_to_review: float | None = None
    days_to_publication: float | None = None
    reviews: int = 0
    returned: int = 0
    submissions: int = 0
    published: int = 0

    @property
    def return_rate(self) -> float | None:
        return self.returned / self.reviews if self.reviews else None

    @property
    def adoption_rate(self) -> float | None:
        return self.published / self.submissions if self.submissions else None


def _median(values):
    return float(median(values)) if values else None


def compute(facts: Facts, period: Period, office_ids) -> dict:
    """Indicators per office id (every office given, even with nothing), plus None for the total."""
    keys = [*office_ids, None]

    def mine(items, office, day_of):
        return [x for x in items if day_of(x) in period and (office is None or x.office_id == office)]

    result = {}
    for office in keys:
        topics = mine(facts.topics, office, lambda t: t.proposed_on)
        to_review = mine(facts.manuscripts, office, lambda m: m.first_review_on)
        to_publication = mine(facts.manuscripts, office, lambda m: m.first_published_on)
        reviews = mine(facts.reviews, office, lambda r: r.requested_on)
        submissions = mine(facts.submissions, office, lambda s: s.submitted_on)
        result[office] = Indicators(
            topics_proposed=len(topics),
            topics_taken_up=sum(1 for t in topics if t.taken_up),
            days_to_review=_median([(m.first_review_on - m.event_date).days for m in to_review
                                    if m.event_date is not None]),
            days_to_publication=_median([(m.first_published_on - m.event_date).days for m in to_publication
                                         if m.event_date is not None]),
            reviews=len(reviews),
            returned=sum(1 for r in reviews if r.returned),
            submissions=len(submissions),
            published=sum(1 for s in submissions if s.published),
        )
    return result


# Which direction is good for each indicator: more topics taken up is better, fewer days is
# better, fewer returns is better, more published is better.
HIGHER_IS_BETTER = {
    "topics_proposed": True,
    "topics_taken_up": True,
    "days_to_review": False,
    "days_to_publication": False,
    "return_rate": False,
    "adoption_rate": True,
}


@dataclass(frozen=True)
class Trend:
    direction: str  # "up", "down", "same", or "" when either side has no value
    better: bool | None  # None when unchanged or unknown


def trend(name: str, now, before) -> Trend:
    if now is None or before is None:
        return Trend("", None)
    if abs(now - before) < 1e-9:
        return Trend("same", None)
    up = now > before
    return Trend("up" if up else "down", up == HIGHER_IS_BETTER[name])
