"""Shared helpers for planning tests: a meeting, a manuscript taken to publication."""

import datetime as dt

from django.utils import timezone

from tribune.newsroom.services import publishing, reviewing, writing
from tribune.outlets.models import Outlet
from tribune.planning.models import MeetingKind
from tribune.planning.services import plans


def meeting(world, kind=MeetingKind.STANDING, start=None, days=1, title="区十七届人大常委会第二十次会议"):
    start = start or timezone.localdate() + dt.timedelta(days=10)
    return plans.meeting_create(member=world.coordinator, kind=kind, title=title, start_date=start,
                                end_date=start + dt.timedelta(days=days - 1), place="常委会会议室")


def manuscript(world, title="区人大常委会召开会议", **kwargs):
    return writing.manuscript_create(member=world.writer, title=title, body="会议听取和审议了有关报告。", **kwargs)


def publish(world, m, published_on=None):
    """Take a manuscript through review, submission and publication with the newsroom services."""
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    outlet = Outlet.objects.filter(congress=world.congress).order_by("name").first()
    [submission] = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                           outlets=[outlet])
    publishing.publication_record(member=world.coordinator, submission=submission,
                                  published_on=published_on or timezone.localdate(), title=m.title)
    m.refresh_from_db()
    return m
