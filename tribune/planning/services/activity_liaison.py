"""Activities (inspections, research, deputies' activities) and media liaison: journalists
invited and whether they came, and the materials kept for an activity."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit import files
from tribune.newsroom.services import writing
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version
from tribune.org.models import Member
from tribune.outlets.models import MediaContact
from tribune.planning.models import (
    Activity,
    ActivityKind,
    CoveragePlan,
    Invitation,
    Material,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)
from tribune.planning.services.common import check_dates, clean_title, delete_planned


def plan_for_activity(activity) -> CoveragePlan:
    plan, _created = CoveragePlan.objects.get_or_create(activity=activity, defaults={"congress": activity.congress})
    return plan


def _check_members_offices(congress, offices, leaders):
    for office in offices:
        if office.congress_id != congress.pk:
            raise ServiceError(_("Choose an office of this congress."), field="offices")
    for leader in leaders:
        if leader.congress_id != congress.pk:
            raise ServiceError(_("Choose an active member of this congress."), field="leaders")


@transaction.atomic
def activity_create(*, member: Member, kind: str, title: str, start_date: dt.date, end_date: dt.date | None = None,
                    places: str = "", description: str = "", offices=(), leaders=()) -> Activity:
    congress = member.congress
    access.require(access.can_manage_planning(member, congress), _("You may not create activities."))
    if kind not in ActivityKind.values:
        raise ServiceError(_("Unknown kind of activity."), field="kind")
    end_date = end_date or start_date
    check_dates(start_date, end_date, max_days=92)
    _check_members_offices(congress, offices, leaders)
    activity = Activity.objects.create(congress=congress, kind=kind, title=clean_title(title),
                                       start_date=start_date, end_date=end_date,
                                       places=(places or "").strip()[:300], description=(description or "").strip(),
                                       created_by=member)
    activity.offices.set(offices)
    activity.leaders.set(leaders)
    plan_for_activity(activity)
    audit_record(action="activity.create", member=member, obj=activity)
    return activity


@transaction.atomic
def activity_update(*, member: Member, activity: Activity, kind: str, title: str, start_date: dt.date,
                    end_date: dt.date | None = None, places: str = "", description: str = "", offices=(),
                    leaders=(), version: int | None = None) -> Activity:
    """Edit an activity, based on the version the form showed."""
    access.require(access.can_manage_planning(member, activity.congress), _("You may not edit activities."))
    if kind not in ActivityKind.values:
        raise ServiceError(_("Unknown kind of activity."), field="kind")
    end_date = end_date or start_date
    check_dates(start_date, end_date, max_days=92)
    _check_members_offices(activity.congress, offices, leaders)
    bump_version(activity, activity.version if version is None else version,
                 _("Someone changed this activity after you opened it. Nothing was saved."))
    activity.kind, activity.title = kind, clean_title(title)
    activity.start_date, activity.end_date = start_date, end_date
    activity.places, activity.description = (places or "").strip()[:300], (description or "").strip()
    activity.save()
    activity.offices.set(offices)
    activity.leaders.set(leaders)
    audit_record(action="activity.update", member=member, obj=activity)
    return activity


@transaction.atomic
def activity_delete(*, member: Member, activity: Activity) -> None:
    access.require(access.can_manage_planning(member, activity.congress), _("You may not edit activities."))
    blockers = [words for words, found in (
        (_("journalists were invited"), activity.invitations.exists()),
        (_("materials were uploaded"), activity.materials.exists()),
        (_("deputies' stories refer to it"), activity.deputy_stories.exists()),
    ) if found]
    delete_planned(member=member, obj=activity, what=_("This activity"), blockers=blockers)


@transaction.atomic
def invitation_add(*, member: Member, activity: Activity, contact: MediaContact) -> Invitation:
    access.require(access.can_manage_liaison(member, activity.congress), _("Only the coordinator invites journalists."))
    if contact.congress_id != activity.congress_id:
        raise ServiceError(_("The contact belongs to another congress."), field="contact")
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(activity=activity, contact=contact, invited_by=member)
    except IntegrityError:
        raise ServiceError(_("This journalist is already invited."), field="contact") from None
    audit_record(action="invitation.add", member=member, obj=activity, detail={"contact": contact.pk})
    return invitation


@transaction.atomic
def invitation_record_attendance(*, member: Member, invitation: Invitation, came: bool | None) -> Invitation:
    activity = invitation.activity
    access.require(access.can_manage_liaison(member, activity.congress),
                   _("Only the coordinator records who came."))
    if came is not None and activity.start_date > timezone.localdate():
        raise ServiceError(_("Whether a journalist came can be recorded once the activity has begun."))
    Invitation.objects.filter(pk=invitation.pk).update(came=came)
    invitation.came = came
    audit_record(action="invitation.attendance", member=member, obj=activity,
                 detail={"contact": invitation.contact_id, "came": came})
    return invitation


@transaction.atomic
def material_add(*, member: Member, activity: Activity, uploaded, caption: str = "") -> Material:
    """A file for the activity's material library, checked by content like a manuscript attachment."""
    access.require(access.can_add_material(member, activity), _("You may not add materials."))
    kind, content_type = writing.check_upload(uploaded)
    caption = (caption or "").strip()
    if kind == "image" and not caption:
        raise ServiceError(_("An image needs a caption."), field="caption")
    material = Material(activity=activity, kind=kind, content_type=content_type,
                        original_name=files.display_name(uploaded.name), size=uploaded.size, caption=caption[:200],
                        uploaded_by=member)
    material.file.save(files.stored_name(uploaded.name, content_type), uploaded, save=False)
    material.save()
    audit_record(action="material.add", member=member, obj=activity,
                 detail={"file": material.original_name, "kind": kind})
    return material
