"""Builders of real facts for the reports tests: a manuscript carried through the chain to a
publication, with the dates set where the test wants them."""

import datetime as dt

from django.utils import timezone

from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet


def aware(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def approved(world, title, writer=None):
    writer = writer or world.writer
    m = writing.manuscript_create(member=writer, title=title, body="近日，区人大常委会组织开展执法检查。" * 5)
    reviewing.manuscript_submit_for_review(member=writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=m.office.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    return m


def publish(world, title, *, on: dt.date, outlet="河北日报", writer=None, address="", placement="",
            submitted_on: dt.date | None = None):
    """A publication of a new manuscript in `outlet` on `on` (submitted the day before)."""
    m = approved(world, title, writer)
    target = Outlet.objects.get(congress=world.congress, name=outlet)
    when = aware(submitted_on or on - dt.timedelta(days=1))
    [sub] = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                    outlets=[target], submitted_at=when)
    return publishing.publication_record(member=world.coordinator, submission=sub, published_on=on, title=title,
                                         address=address, placement=placement)
