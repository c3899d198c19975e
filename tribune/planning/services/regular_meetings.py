"""The regular staff meeting (例会): recorded, with its decisions as action items that are done
or not."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member
from tribune.org.notify import notify
from tribune.planning.models import (
    ActionItem,
    RegularMeeting,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)
from tribune.planning.services.common import check_person, clean_title


@transaction.atomic
def regular_meeting_record(*, member: Member, date: dt.date, notes: str = "") -> RegularMeeting:
    congress = member.congress
    access.require(access.can_manage_regular_meeting(member, congress), _("You may not record regular meetings."))
    if date is None:
        raise ServiceError(_("Give the date."), field="date")
    if RegularMeeting.objects.filter(congress=congress, date=date).exists():
        raise ServiceError(_("A regular meeting is already recorded on this day."), field="date")
    try:
        with transaction.atomic():
            meeting = RegularMeeting.objects.create(congress=congress, date=date, notes=(notes or "").strip(),
                                                    created_by=member)
    except IntegrityError:
        raise ServiceError(_("A regular meeting is already recorded on this day."), field="date") from None
    audit_record(action="regular_meeting.record", member=member, obj=meeting)
    return meeting


@transaction.atomic
def action_item_add(*, member: Member, meeting: RegularMeeting, text: str, owner: Member | None,
                    due_date: dt.date) -> ActionItem:
    access.require(access.can_manage_regular_meeting(member, meeting.congress),
                   _("You may not record decisions."))
    text = clean_title(text, field="text", limit=300)
    if owner is None:
        raise ServiceError(_("Name the owner."), field="owner")
    check_person(meeting.congress, owner)
    if due_date is None:
        raise ServiceError(_("Give the due date."), field="due_date")
    if due_date < meeting.date:
        raise ServiceError(_("The due date cannot be before the meeting."), field="due_date")
    item = ActionItem.objects.create(meeting=meeting, text=text, owner=owner, due_date=due_date)
    audit_record(action="action_item.add", member=member, obj=meeting, detail={"item": item.pk})
    notify([owner], kind="assigned", url=reverse("planning:regular_meeting", args=[meeting.pk]),
           text=_("Action from the regular meeting: %(text)s") % {"text": text})
    return item


@transaction.atomic
def action_item_set_done(*, member: Member, item: ActionItem, done: bool = True) -> ActionItem:
    access.require(access.can_complete_action_item(member, item), _("You may not update this action."))
    done_at = timezone.now() if done else None
    ActionItem.objects.filter(pk=item.pk).update(done_at=done_at)
    item.done_at = done_at
    audit_record(action="action_item.done" if done else "action_item.reopen", member=member, obj=item.meeting,
                 detail={"item": item.pk})
    return item
