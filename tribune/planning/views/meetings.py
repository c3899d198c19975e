"""Meetings, their coverage plans and tasks, the live key-points log, the plan templates."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import htmx, params
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError
from tribune.planning import selectors
from tribune.planning.forms import (
    KeyPointForm,
    LinkForm,
    MeetingEditForm,
    MeetingForm,
    TaskEditForm,
    TaskForm,
    TemplateItemForm,
)
from tribune.planning.models import CoverageTask, KeyPoint, Meeting, MeetingKind, Phase, TemplateItem
from tribune.planning.services import common, plans
from tribune.planning.views.common import (
    delete_confirmed,
    form_error,
    get_planning_object,
    require_view,
    stale,
)


def _meeting(request, pk) -> Meeting:
    return get_planning_object(request, Meeting.objects.select_related("congress"), pk)


def _task(request, pk) -> CoverageTask:
    return get_planning_object(request, CoverageTask.objects.select_related(
        "plan__congress", "plan__meeting", "plan__activity", "assignee", "manuscript"), pk)


@member_required
@params.query(kind=params.Choice(*MeetingKind.values, default=""))
def meeting_list(request):
    member = request.member
    require_view(member)
    meetings = Meeting.objects.filter(congress=member.congress).order_by("-start_date", "-id")
    kind = request.query.kind
    if kind:
        meetings = meetings.filter(kind=kind)
    page = Paginator(meetings, 20).get_page(request.GET.get("page"))
    return render(request, "planning/meeting_list.html", {
        "page": page, "kind": kind, "kinds": MeetingKind.choices,
        "can_manage": access.can_manage_planning(member, member.congress)})


@member_required
def meeting_create(request):
    member = request.member
    access.require(access.can_manage_planning(member, member.congress), "may not schedule meetings")
    form = MeetingForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = plans.meeting_create(member=member, **form.cleaned_data)
        except ServiceError as exc:
            form_error(request, exc, form)
        else:
            messages.success(request, _("Meeting scheduled; its coverage plan has %(n)s tasks.")
                             % {"n": meeting.plan.tasks.count()})
            return htmx.redirect(request, common.meeting_url(meeting))
    return render(request, "planning/meeting_form.html", {"form": form, "meeting": None})


@member_required
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    member = request.member
    access.require(access.can_manage_planning(member, meeting.congress), "may not edit meetings")
    initial = {"title": meeting.title, "start_date": meeting.start_date, "end_date": meeting.end_date,
               "place": meeting.place, "agenda": meeting.agenda, "version": meeting.version}
    if request.method == "POST" and request.POST.get("action") == "delete":
        return delete_confirmed(request, lambda: plans.meeting_delete(member=member, meeting=meeting),
                                refused_url=reverse("planning:meeting_edit", args=[meeting.pk]),
                                done_url=reverse("planning:meetings"), success=_("The meeting was deleted."))
    form = MeetingEditForm(request.POST or None, member=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plans.meeting_update(member=member, meeting=meeting, **form.cleaned_data)
        except StaleError as exc:
            return stale(request, exc, reverse("planning:meeting_edit", args=[meeting.pk]))
        except ServiceError as exc:
            form_error(request, exc, form)
        else:
            return htmx.redirect(request, common.meeting_url(meeting))
    return render(request, "planning/meeting_form.html", {"form": form, "meeting": meeting})


def _phases(tasks, today):
    grouped = []
    for value, label in Phase.choices:
        mine = [t for t in tasks if t.phase == value]
        for t in mine:
            t.late = t.is_late(today)
        grouped.append({"value": value, "label": label, "tasks": mine})
    return grouped


@member_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    member = request.member
    today = timezone.localdate()
    tasks = list(selectors.tasks(meeting.congress).filter(plan__meeting=meeting).order_by("due_date", "position",
                                                                                          "id"))
    points = list(meeting.key_points.select_related("author").order_by("created_at", "id"))
    can_manage = access.can_manage_planning(member, meeting.congress)
    return render(request, "planning/meeting_detail.html", {
        "meeting": meeting, "phases": _phases(tasks, today), "summary": selectors.plan_summary(tasks, today),
        "points": points, "last_point": points[-1].pk if points else 0, "topics": list(meeting.topics.all()),
        "task_form": TaskForm(member=member, initial={"due_date": meeting.end_date}) if can_manage else None,
        "point_form": KeyPointForm(), "can_manage": can_manage,
        "can_add_point": access.can_add_key_point(member, meeting),
        "can_draft": access.can_draft_from_key_points(member, meeting),
    })


@member_required
@require_POST
def task_add(request, pk):
    meeting = _meeting(request, pk)
    access.require(access.can_manage_planning(request.member, meeting.congress), "may not change plans")
    form = TaskForm(request.POST, member=request.member)
    if form.is_valid():
        try:
            plans.task_add(member=request.member, plan=meeting.plan, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Task added."))
    else:
        messages.error(request, _("The task was not added: check the title, type and deadline."))
    return HttpResponseRedirect(common.meeting_url(meeting))


@member_required
def task_detail(request, pk):
    """One task: move it, reassign it, link its manuscript, mark it done."""
    task = _task(request, pk)
    member = request.member
    can_manage = access.can_manage_planning(member, task.congress)
    can_update = access.can_update_task(member, task)
    initial = {"title": task.title, "phase": task.phase, "due_date": task.due_date, "assignee": task.assignee,
               "office": task.office, "version": task.version}
    edit_form = TaskEditForm(member=member, initial=initial)
    link_form = LinkForm(member=member, initial={"manuscript": task.manuscript})
    link_form.fields["manuscript"].queryset = link_form.fields["manuscript"].queryset[:300]
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "edit":
                access.require(can_manage, "may not change plans")
                edit_form = TaskEditForm(request.POST, member=member)
                if edit_form.is_valid():
                    plans.task_update(member=member, task=task, **edit_form.cleaned_data)
                    messages.success(request, _("Task saved."))
                    return HttpResponseRedirect(reverse("planning:task", args=[task.pk]))
            elif action == "link":
                access.require(can_update, "may not update the task")
                link_form = LinkForm(request.POST, member=member)
                if link_form.is_valid():
                    plans.task_link_manuscript(member=member, task=task,
                                               manuscript=link_form.cleaned_data["manuscript"])
                    messages.success(request, _("Manuscript linked."))
                    return HttpResponseRedirect(reverse("planning:task", args=[task.pk]))
            elif action == "delete":
                access.require(can_manage, "may not change plans")
                plans.task_delete(member=member, task=task, version=request.POST.get("version", ""))
                messages.success(request, _("Task deleted."))
                return HttpResponseRedirect(common.plan_url(task.plan))
            elif action in ("done", "reopen"):
                access.require(can_update, "may not update the task")
                plans.task_mark_done(member=member, task=task, done=action == "done")
                return HttpResponseRedirect(reverse("planning:task", args=[task.pk]))
            else:
                messages.error(request, _("Unknown action."))
        except ServiceError as exc:
            messages.error(request, str(exc.message))
    return render(request, "planning/task_detail.html", {
        "task": task, "subject": task.plan.subject, "subject_url": common.plan_url(task.plan),
        "late": task.is_late(timezone.localdate()), "edit_form": edit_form, "link_form": link_form,
        "can_manage": can_manage, "can_update": can_update})


# --- Live key points -------------------------------------------------------------------------

@member_required
@params.query(after=params.Int(min_value=0, max_value=params.MAX_ID, default=0))
def key_points(request, pk):
    """The points logged after `after`, appended by htmx polling on every open page; appends are
    separate rows, so people writing at once never lose each other's points."""
    meeting = _meeting(request, pk)
    after = request.query.after
    points = list(meeting.key_points.filter(pk__gt=after).select_related("author").order_by("id")[:200])
    last = points[-1].pk if points else after
    return render(request, "planning/partials/key_points_poll.html", {
        "meeting": meeting, "points": points, "last_point": last})


@member_required
@require_POST
def key_point_add(request, pk):
    meeting = _meeting(request, pk)
    form = KeyPointForm(request.POST)
    if not form.is_valid():
        if htmx.is_htmx(request):
            return HttpResponse(_("Write the key point."), status=422)
        messages.error(request, _("Write the key point."))
        return HttpResponseRedirect(common.meeting_url(meeting))
    try:
        plans.key_point_add(member=request.member, meeting=meeting, **form.cleaned_data)
    except ServiceError as exc:
        if htmx.is_htmx(request):
            return HttpResponse(str(exc.message), status=422)
        messages.error(request, str(exc.message))
    if htmx.is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Trigger"] = "key-points-changed"
        return response
    return HttpResponseRedirect(common.meeting_url(meeting) + "#key-points")


@member_required
@require_POST
def key_point_hot(request, pk):
    point = get_planning_object(request, KeyPoint.objects.select_related("meeting__congress", "author"), pk)
    plans.key_point_set_hot(member=request.member, point=point, is_hot=request.POST.get("hot") == "1")
    if htmx.is_htmx(request):
        return render(request, "planning/partials/key_point.html", {"point": point, "meeting": point.meeting})
    return HttpResponseRedirect(common.meeting_url(point.meeting) + "#key-points")


@member_required
@require_POST
@params.posted(points=params.Ids())
def key_points_draft(request, pk):
    meeting = _meeting(request, pk)
    try:
        manuscript = plans.key_points_draft(member=request.member, meeting=meeting,
                                            point_ids=request.posted.points)
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return HttpResponseRedirect(common.meeting_url(meeting) + "#key-points")
    messages.success(request, _("Draft created: %(title)s") % {"title": manuscript.title})
    return HttpResponseRedirect(common.meeting_url(meeting) + "#key-points")


# --- Plan templates --------------------------------------------------------------------------

def _kind(request):
    return request.posted.kind or request.query.kind


@member_required
@params.query(kind=params.Choice(*MeetingKind.values, default=MeetingKind.STANDING))
@params.posted(kind=params.Choice(*MeetingKind.values, default=""))
def templates(request):
    member = request.member
    require_view(member)
    kind = _kind(request)
    can_manage = access.can_manage_planning(member, member.congress)
    items = plans.template_items(member.congress, kind) if can_manage else list(
        TemplateItem.objects.filter(congress=member.congress, meeting_kind=kind).select_related("office",
                                                                                              "assignee"))
    form = TemplateItemForm(member=member) if can_manage else None
    if request.method == "POST":
        access.require(can_manage, "may not edit templates")
        form = TemplateItemForm(request.POST, member=member)
        if form.is_valid():
            try:
                plans.template_item_save(member=member, kind=kind, **form.cleaned_data)
            except ServiceError as exc:
                form_error(request, exc, form)
            else:
                messages.success(request, _("Template line added."))
                return HttpResponseRedirect(reverse("planning:templates") + f"?kind={kind}")
    return render(request, "planning/templates.html", {
        "kind": kind, "kinds": MeetingKind.choices, "items": items, "form": form, "can_manage": can_manage})


@member_required
def template_item_edit(request, pk):
    item = access.get_object_for_member(TemplateItem.objects.select_related("congress"), request.member, pk,
                                        access.can_manage_planning_of, "may not edit templates")
    member = request.member
    initial = {"title": item.title, "phase": item.phase, "task_type": item.task_type,
               "offset_days": item.offset_days, "each_day": item.each_day, "assignee": item.assignee,
               "office": item.office}
    form = TemplateItemForm(request.POST or None, member=member, initial=initial)
    back = reverse("planning:templates") + f"?kind={item.meeting_kind}"
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            plans.template_item_delete(member=member, item=item)
            messages.success(request, _("Template line deleted."))
            return HttpResponseRedirect(back)
        if form.is_valid():
            try:
                plans.template_item_save(member=member, item=item, kind=item.meeting_kind, **form.cleaned_data)
            except ServiceError as exc:
                form_error(request, exc, form)
            else:
                return HttpResponseRedirect(back)
    return render(request, "planning/template_item_form.html", {"item": item, "form": form, "back": back})
