"""What the planning services share: the pages of a meeting and a plan, and the checks of dates,
titles and people every form of planning makes."""


from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member
from tribune.planning.models import (
    CoverageTask,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)


MAX_MEETING_DAYS = 31


def meeting_url(meeting) -> str:
    return reverse("planning:meeting", args=[meeting.pk])


def plan_url(plan) -> str:
    if plan.meeting_id:
        return reverse("planning:meeting", args=[plan.meeting_id])
    return reverse("planning:activity", args=[plan.activity_id])


def check_dates(start, end, max_days=MAX_MEETING_DAYS):
    if start is None:
        raise ServiceError(_("Give the first day."), field="start_date")
    if end is None:
        raise ServiceError(_("Give the last day."), field="end_date")
    if end < start:
        raise ServiceError(_("The last day cannot be before the first day."), field="end_date")
    if (end - start).days >= max_days:
        raise ServiceError(_("At most %(days)s days.") % {"days": max_days}, field="end_date")


def clean_title(title, field="title", limit=200):
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field=field)
    if len(title) > limit:
        raise ServiceError(_("At most %(n)s characters.") % {"n": limit}, field=field)
    return title


def check_person(congress, assignee, office=None):
    if assignee is not None and (assignee.congress_id != congress.pk or not assignee.is_active):
        raise ServiceError(_("Choose an active member of this congress."), field="assignee")
    if office is not None and office.congress_id != congress.pk:
        raise ServiceError(_("Choose an office of this congress."), field="office")


def delete_planned(*, member: Member, obj, what: str, blockers: list[str]) -> None:
    """Delete a meeting or an activity entered by mistake, with its coverage plan, unless work
    hangs on it (`blockers`, in words) or a task of its plan has a manuscript or is done."""
    plan_lookup = {f"plan__{obj._meta.model_name}": obj}
    if CoverageTask.objects.filter(**plan_lookup).filter(
            Q(manuscript__isnull=False) | Q(done_at__isnull=False)).exists():
        blockers = [*blockers, _("a coverage task has a manuscript or is done")]
    if blockers:
        raise ServiceError(_("%(what)s cannot be deleted: %(blockers)s. Edit it instead.") % {
            "what": what, "blockers": "；".join(blockers)})
    audit_record(action=f"{obj._meta.model_name}.delete", member=member, obj=obj, congress=obj.congress,
                 detail={"title": obj.title, "start_date": obj.start_date.isoformat()})
    obj.delete()
