"""Activities (with invited journalists and a material library) and media liaison."""


from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.views import member_required
from tribune.newsroom.models import JointReport
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError
from tribune.outlets.models import MediaContact
from tribune.planning import selectors
from tribune.planning.forms import ActivityEditForm, ActivityForm, InvitationForm, MaterialForm, TaskForm
from tribune.planning.models import Activity, ActivityKind, Invitation, Material
from tribune.planning.services import activity_liaison, plans
from tribune.planning.views.common import (
    delete_confirmed,
    form_error,
    get_planning_object,
    require_view,
    stale,
)


def _activity(request, pk) -> Activity:
    activity = get_planning_object(request, Activity.objects.select_related("congress"), pk)
    return activity


@member_required
@params.query(kind=params.Choice(*ActivityKind.values, default=""))
def activity_list(request):
    member = request.member
    require_view(member)
    activities = (Activity.objects.filter(congress=member.congress)
                  .annotate(invited=Count("invitations", distinct=True),
                            came=Count("invitations", filter=Q(invitations__came=True), distinct=True),
                            material_count=Count("materials", distinct=True))
                  .order_by("-start_date", "-id"))
    kind = request.query.kind
    if kind:
        activities = activities.filter(kind=kind)
    page = Paginator(activities, 20).get_page(request.GET.get("page"))
    return render(request, "planning/activity_list.html", {
        "page": page, "kind": kind, "kinds": ActivityKind.choices,
        "can_manage": access.can_manage_planning(member, member.congress)})


@member_required
def activity_create(request):
    member = request.member
    access.require(access.can_manage_planning(member, member.congress), "may not create activities")
    form = ActivityForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_liaison.activity_create(member=member, **form.cleaned_data)
        except ServiceError as exc:
            form_error(request, exc, form)
        else:
            return HttpResponseRedirect(reverse("planning:activity", args=[activity.pk]))
    return render(request, "planning/activity_form.html", {"form": form})


@member_required
def activity_edit(request, pk):
    activity = _activity(request, pk)
    member = request.member
    access.require(access.can_manage_planning(member, activity.congress), "may not edit activities")
    initial = {"kind": activity.kind, "title": activity.title, "start_date": activity.start_date,
               "end_date": activity.end_date, "places": activity.places, "description": activity.description,
               "offices": list(activity.offices.all()), "leaders": list(activity.leaders.all()),
               "version": activity.version}
    if request.method == "POST" and request.POST.get("action") == "delete":
        return delete_confirmed(request, lambda: activity_liaison.activity_delete(member=member, activity=activity),
                                refused_url=reverse("planning:activity_edit", args=[activity.pk]),
                                done_url=reverse("planning:activities"), success=_("The activity was deleted."))
    form = ActivityEditForm(request.POST or None, member=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity_liaison.activity_update(member=member, activity=activity, **form.cleaned_data)
        except StaleError as exc:
            return stale(request, exc, reverse("planning:activity_edit", args=[activity.pk]))
        except ServiceError as exc:
            form_error(request, exc, form)
        else:
            return HttpResponseRedirect(reverse("planning:activity", args=[activity.pk]))
    return render(request, "planning/activity_form.html", {"form": form, "activity": activity})


@member_required
def activity_detail(request, pk):
    activity = _activity(request, pk)
    member = request.member
    today = timezone.localdate()
    plan = getattr(activity, "plan", None)
    tasks = list(selectors.tasks(activity.congress).filter(plan__activity=activity).order_by("due_date", "id"))
    for t in tasks:
        t.late = t.is_late(today)
    can_liaison = access.can_manage_liaison(member, activity.congress)
    can_manage = access.can_manage_planning(member, activity.congress)
    return render(request, "planning/activity_detail.html", {
        "activity": activity, "plan": plan, "tasks": tasks,
        "offices": list(activity.offices.all()), "leaders": list(activity.leaders.all()),
        "invitations": list(activity.invitations.select_related("contact__outlet").order_by("id")),
        "materials": list(activity.materials.select_related("uploaded_by").order_by("-uploaded_at")[:100]),
        "topics": list(activity.topics.all()),
        "invite_form": _invite_form(member, activity) if can_liaison else None,
        "material_form": MaterialForm() if access.can_add_material(member, activity) else None,
        "task_form": TaskForm(member=member, initial={"due_date": activity.end_date}) if can_manage else None,
        "can_liaison": can_liaison, "started": activity.start_date <= today, "can_manage": can_manage,
    })


def _invite_form(member, activity):
    form = InvitationForm(member=member)
    form.fields["contact"].queryset = form.fields["contact"].queryset.exclude(invitations__activity=activity)
    return form


@member_required
@require_POST
def activity_task_add(request, pk):
    activity = _activity(request, pk)
    access.require(access.can_manage_planning(request.member, activity.congress), "may not change plans")
    form = TaskForm(request.POST, member=request.member)
    if form.is_valid():
        try:
            plans.task_add(member=request.member, plan=activity.plan, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, str(exc.message))
    else:
        messages.error(request, _("The task was not added: check the title, type and deadline."))
    return HttpResponseRedirect(reverse("planning:activity", args=[activity.pk]))


@member_required
@require_POST
def invitation_add(request, pk):
    activity = _activity(request, pk)
    access.require(access.can_manage_liaison(request.member, activity.congress), "coordinator only")
    form = InvitationForm(request.POST, member=request.member)
    if form.is_valid():
        try:
            activity_liaison.invitation_add(member=request.member, activity=activity,
                                            contact=form.cleaned_data["contact"])
        except ServiceError as exc:
            messages.error(request, str(exc.message))
    else:
        messages.error(request, _("Choose a journalist."))
    return HttpResponseRedirect(reverse("planning:activity", args=[activity.pk]) + "#journalists")


@member_required
@require_POST
def invitation_attendance(request, pk):
    invitation = get_planning_object(request, Invitation.objects.select_related("activity__congress"), pk)
    came = {"yes": True, "no": False}.get(request.POST.get("came", ""))
    try:
        activity_liaison.invitation_record_attendance(member=request.member, invitation=invitation, came=came)
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    return HttpResponseRedirect(reverse("planning:activity", args=[invitation.activity_id]) + "#journalists")


@member_required
@require_POST
def material_add(request, pk):
    activity = _activity(request, pk)
    access.require(access.can_add_material(request.member, activity), "may not add materials")
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            activity_liaison.material_add(member=request.member, activity=activity, uploaded=form.cleaned_data["file"],
                                          caption=form.cleaned_data["caption"])
        except ServiceError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Material added."))
    else:
        messages.error(request, _("Choose a file."))
    return HttpResponseRedirect(reverse("planning:activity", args=[activity.pk]) + "#materials")


@member_required
def material_file(request, pk):
    material = get_planning_object(request, Material.objects.select_related("activity__congress"), pk)
    try:
        handle = material.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    inline = material.kind in ("image", "video")
    return FileResponse(handle, content_type=material.content_type, as_attachment=not inline,
                        filename=material.original_name)


# --- Media liaison ---------------------------------------------------------------------------

@member_required
def liaison(request):
    """Contacts with their history in numbers, and joint reports counted per year."""
    member = request.member
    require_view(member)
    contacts = (MediaContact.objects.filter(congress=member.congress).select_related("outlet")
                .annotate(invited=Count("invitations", distinct=True),
                          came=Count("invitations", filter=Q(invitations__came=True), distinct=True),
                          joint=Count("joint_reports", distinct=True))
                .order_by("outlet__level", "outlet__name", "organisation", "name"))
    page = Paginator(contacts, 30).get_page(request.GET.get("page"))
    per_year = (JointReport.objects.filter(manuscript__congress=member.congress)
                .annotate(year=ExtractYear("recorded_at")).values("year").annotate(n=Count("id")).order_by("-year"))
    recent = (JointReport.objects.filter(manuscript__congress=member.congress)
              .select_related("manuscript", "outlet", "contact").order_by("-recorded_at")[:10])
    return render(request, "planning/liaison.html", {
        "page": page, "per_year": list(per_year), "recent": list(recent)})


@member_required
def contact_history(request, pk):
    contact = get_planning_object(request, MediaContact.objects.select_related("outlet", "congress"), pk)
    invitations = list(contact.invitations.select_related("activity").order_by("-activity__start_date"))
    joint = list(contact.joint_reports.select_related("manuscript", "outlet").order_by("-recorded_at"))
    history = sorted(
        [{"day": i.activity.start_date, "kind": "invitation", "item": i} for i in invitations]
        + [{"day": timezone.localtime(j.recorded_at).date(), "kind": "joint", "item": j} for j in joint],
        key=lambda h: h["day"], reverse=True)
    return render(request, "planning/contact.html", {
        "contact": contact, "history": history, "invited": len(invitations),
        "came": sum(1 for i in invitations if i.came), "joint": len(joint)})
