"""The topic pool: ideas to cover, with an office, a writer and a due date; proposed, then
scheduled (given its date, office and writer) or closed. (Planning ties a topic to the meeting or
activity it covers: planning.services.topic_propose.)"""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.newsroom.models import Topic
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member, Office
from tribune.org.notify import notify


def topic_url(topic: Topic) -> str:
    return reverse("newsroom:topics") + f"#topic-{topic.pk}"


def _check_people(congress, office, assignee) -> None:
    if assignee is not None and (assignee.congress_id != congress.pk or not assignee.is_active):
        raise ServiceError(_("Choose an active member of this congress."), field="assignee")
    if office is not None and office.congress_id != congress.pk:
        raise ServiceError(_("Choose an office of this congress."), field="office")


@transaction.atomic
def topic_create(*, member: Member, title: str, description: str = "", office: Office | None = None,
                 assignee: Member | None = None, due_date: dt.date | None = None) -> Topic:
    access.require(access.can_manage_topics(member, member.congress), _("You may not propose topics."))
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    _check_people(member.congress, office, assignee)
    topic = Topic.objects.create(congress=member.congress, title=title[:200], description=description.strip(),
                                 office=office, assignee=assignee, due_date=due_date, proposed_by=member)
    audit_record(action="topic.create", member=member, obj=topic)
    if assignee:
        notify([assignee], kind="assigned", url=topic_url(topic),
               text=_("Topic assigned to you: %(title)s") % {"title": topic.title})
    return topic


@transaction.atomic
def topic_schedule(*, member: Member, topic: Topic, due_date: dt.date | None, office: Office | None = None,
                   assignee: Member | None = None, close: bool = False) -> Topic:
    """Give a topic from the tray its date, office and writer, or close it."""
    access.require(access.can_manage_topics(member, topic.congress), _("You may not schedule topics."))
    _check_people(topic.congress, office, assignee)
    newly_assigned = assignee is not None and assignee.pk != topic.assignee_id
    topic.due_date, topic.office, topic.assignee = due_date, office, assignee
    topic.closed_at = topic.closed_at or timezone.now() if close else None
    topic.save(update_fields=["due_date", "office", "assignee", "closed_at"])
    audit_record(action="topic.schedule", member=member, obj=topic,
                 detail={"due_date": due_date.isoformat() if due_date else None, "closed": close})
    if newly_assigned:
        notify([assignee], kind="assigned", url=topic_url(topic),
               text=_("Topic assigned to you: %(title)s") % {"title": topic.title})
    return topic
