"""The topic pool: ideas to cover, with an office, a writer and a due date."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.newsroom.models import Topic
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member, Office
from tribune.org.notify import notify


@transaction.atomic
def topic_create(*, member: Member, title: str, description: str = "", office: Office | None = None,
                 assignee: Member | None = None, due_date: dt.date | None = None) -> Topic:
    access.require(access.can_manage_topics(member, member.congress), _("You may not propose topics."))
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    for obj in (office, assignee):
        if obj is not None and obj.congress_id != member.congress_id:
            raise ServiceError(_("Choose an office and writer of this congress."), field="office")
    topic = Topic.objects.create(congress=member.congress, title=title[:200], description=description.strip(),
                                 office=office, assignee=assignee, due_date=due_date, proposed_by=member)
    audit_record(action="topic.create", member=member, obj=topic)
    if assignee:
        notify([assignee], kind="assigned", text=_("Topic assigned to you: %(title)s") % {"title": topic.title})
    return topic
