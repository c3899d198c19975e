"""Facts written straight into the database for the recompute and page tests (the newsroom's
own tests cover how they get there through its services)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tribune.newsroom.models import Manuscript, ManuscriptAuthor, MetricSnapshot, Publication, Submission
from tribune.outlets.models import Outlet

SCHEME_TEXT = """
name: 测试考核细则
submission: {points: 1}
publication:
  levels: highest
  points:
    provincial: {default: 12, newspaper: 15}
    city: {default: 6}
    county: {default: 2}
  placement:
    front_page: {multiplier: 1.5}
metrics:
  reads: {tiers: [{min: 10000, points: 5}]}
credit: {split: shares}
"""


def aware(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def outlet(congress, name="河北日报", level="provincial", kind="newspaper") -> Outlet:
    return Outlet.objects.get_or_create(congress=congress, name=name, defaults={"level": level, "kind": kind})[0]


def manuscript(world, *, title="稿件", authors=None, office=None, body="正文") -> Manuscript:
    authors = authors or [(world.writer, Decimal(100))]
    ms = Manuscript.objects.create(congress=world.congress, office=office or world.office, title=title, body=body,
                                   created_by=authors[0][0])
    for position, (member, share) in enumerate(authors, start=1):
        ManuscriptAuthor.objects.create(manuscript=ms, member=member, position=position, share=share)
    return ms


def submit(ms, out, day: dt.date, by) -> Submission:
    return Submission.objects.create(manuscript=ms, outlet=out, submitted_by=by, submitted_at=aware(day))


def publish(sub, day: dt.date, by, **kw) -> Publication:
    return Publication.objects.create(submission=sub, published_on=day, title=sub.manuscript.title, recorded_by=by,
                                      **kw)


def snapshot(pub, day: dt.date, reads: int, shares: int = 0) -> MetricSnapshot:
    return MetricSnapshot.objects.create(publication=pub, taken_at=aware(day), reads=reads, shares=shares)
