"""A topic proposed for a meeting or an activity of the calendar: the topic joins the newsroom's
pool (newsroom.services.topics), tied to what it covers."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.newsroom.models import Topic
from tribune.newsroom.services.topics import topic_create
from tribune.org.errors import ServiceError
from tribune.org.models import Member, Office
from tribune.planning.models import (
    Activity,
    Meeting,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)


@transaction.atomic
def topic_propose(*, member: Member, title: str, description: str = "", office: Office | None = None,
                  assignee: Member | None = None, due_date: dt.date | None = None, meeting: Meeting | None = None,
                  activity: Activity | None = None) -> Topic:
    """A topic for the pool (the newsroom's), tied to the meeting or activity it covers."""
    for subject in (meeting, activity):
        if subject is not None and subject.congress_id != member.congress_id:
            raise ServiceError(_("This belongs to another congress."))
    topic = topic_create(member=member, title=title, description=description or "", office=office,
                         assignee=assignee, due_date=due_date)
    if meeting is not None:
        meeting.topics.add(topic)
    if activity is not None:
        activity.topics.add(topic)
    return topic
