"""The month and week calendar, the topic pool with its suggestions, and the inbox."""

import calendar as pycalendar
import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.views import member_required
from tribune.newsroom.models import Topic
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.planning import selectors, services
from tribune.planning.forms import TopicForm, TopicScheduleForm
from tribune.planning.models import Activity, Meeting
from tribune.planning.views.common import form_error, get_planning_object, require_view

MAX_PER_DAY = 8


def _weeks(first: dt.date, last: dt.date, entries, today):
    """Rows of seven days from the Monday on or before `first` to the Sunday on or after `last`."""
    start = first - dt.timedelta(days=first.weekday())
    end = last + dt.timedelta(days=6 - last.weekday())
    weeks, day = [], start
    while day <= end:
        week = []
        for _i in range(7):
            mine = [e for e in entries if e.start <= day <= e.end]
            mine.sort(key=lambda e: (["meeting", "activity", "task", "topic"].index(e.kind), e.title))
            week.append({"day": day, "entries": mine[:MAX_PER_DAY], "more": max(0, len(mine) - MAX_PER_DAY),
                         "today": day == today, "outside": not first <= day <= last})
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


@member_required
@params.query(view=params.Choice("month", "week", default="month"), day=params.Date(), month=params.Month())
def calendar(request):
    member = request.member
    require_view(member)
    today = timezone.localdate()
    view = request.query.view
    if view == "week":
        anchor = request.query.day or today
        first = anchor - dt.timedelta(days=anchor.weekday())
        last = first + dt.timedelta(days=6)
        previous, following = first - dt.timedelta(days=7), first + dt.timedelta(days=7)
        nav = {"previous": f"?view=week&day={previous}", "next": f"?view=week&day={following}",
               "today": "?view=week", "other": f"?month={first:%Y-%m}"}
        heading = _("Week of %(day)s") % {"day": f"{first.year}年{first.month}月{first.day}日"}
    else:
        first = request.query.month or today.replace(day=1)
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        following = last + dt.timedelta(days=1)
        nav = {"previous": f"?month={previous:%Y-%m}", "next": f"?month={following:%Y-%m}", "today": "?",
               "other": f"?view=week&day={max(first, min(today, last))}"}
        heading = f"{first.year}年{first.month}月"
    grid_first = first - dt.timedelta(days=first.weekday())
    grid_last = last + dt.timedelta(days=6 - last.weekday())
    entries = selectors.calendar_entries(member.congress, grid_first, grid_last, today)
    return render(request, "planning/calendar.html", {
        "view": view, "heading": heading, "nav": nav, "weeks": _weeks(first, last, entries, today),
        "tray": list(selectors.undated_topics(member.congress)[:30]),
        "suggestions": selectors.suggestions(member.congress, today),
        "can_manage": access.can_manage_planning(member, member.congress),
        "can_topics": access.can_manage_topics(member, member.congress),
        "counts": {kind: sum(1 for e in entries if e.kind == kind and first <= e.start <= last)
                   for kind in ("meeting", "activity", "task", "topic")},
        "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
    })


@member_required
@params.query(meeting=params.Id(), activity=params.Id(),
              state=params.Choice("open", "closed", "all", default="open"))
def topics(request):
    """The topic pool: open topics first, each with its office, writer and due date."""
    member = request.member
    require_view(member)
    can_manage = access.can_manage_topics(member, member.congress)
    meeting = activity = None
    initial = {}
    subject_id = request.query.meeting or request.query.activity
    if subject_id:
        if request.query.meeting:
            meeting = get_planning_object(request, Meeting.objects.all(), subject_id)
            initial = {"title": meeting.title, "meeting": meeting.pk, "due_date": meeting.start_date}
        else:
            activity = get_planning_object(request, Activity.objects.all(), subject_id)
            initial = {"title": activity.title, "activity": activity.pk, "due_date": activity.start_date}
    form = TopicForm(request.POST or None, member=member, initial=initial) if can_manage else None
    if request.method == "POST":
        access.require(can_manage, "may not propose topics")
        if form.is_valid():
            data = dict(form.cleaned_data)
            meeting_id, activity_id = data.pop("meeting"), data.pop("activity")
            try:
                topic = services.topic_propose(
                    member=member, **data,
                    meeting=get_planning_object(request, Meeting.objects.all(), meeting_id)
                    if meeting_id else None,
                    activity=get_planning_object(request, Activity.objects.all(), activity_id)
                    if activity_id else None)
            except ServiceError as exc:
                form_error(request, exc, form)
            else:
                messages.success(request, _("Topic added: %(title)s") % {"title": topic.title})
                return HttpResponseRedirect(reverse("planning:topics"))
    state = request.query.state
    pool = (Topic.objects.filter(congress=member.congress).select_related("office", "assignee", "proposed_by")
            .prefetch_related("manuscripts").order_by("due_date", "-created_at"))
    if state == "open":
        pool = pool.filter(closed_at__isnull=True)
    elif state == "closed":
        pool = pool.filter(closed_at__isnull=False)
    page = Paginator(pool, 25).get_page(request.GET.get("page"))
    return render(request, "planning/topics.html", {
        "page": page, "form": form, "state": state, "subject": meeting or activity,
        "suggestions": selectors.suggestions(member.congress, timezone.localdate()), "today": timezone.localdate()})


@member_required
def topic_detail(request, pk):
    """Schedule a topic: its date, office and writer; or close it."""
    topic = get_planning_object(request, Topic.objects.select_related("congress", "office", "assignee", "proposed_by"),
                                pk)
    member = request.member
    can_manage = access.can_manage_topics(member, topic.congress)
    initial = {"due_date": topic.due_date, "office": topic.office, "assignee": topic.assignee,
               "close": topic.closed_at is not None}
    form = TopicScheduleForm(request.POST or None, member=member, initial=initial) if can_manage else None
    if request.method == "POST":
        access.require(can_manage, "may not schedule topics")
        if form.is_valid():
            try:
                services.topic_schedule(member=member, topic=topic, **form.cleaned_data)
            except ServiceError as exc:
                form_error(request, exc, form)
            else:
                messages.success(request, _("Topic saved."))
                return HttpResponseRedirect(reverse("planning:topics") + f"#topic-{topic.pk}")
    return render(request, "planning/topic_detail.html", {
        "topic": topic, "form": form, "manuscripts": list(topic.manuscripts.order_by("-created_at")[:20]),
        "meetings": list(topic.meetings.all()), "activities": list(topic.activities.all())})


# --- Inbox -----------------------------------------------------------------------------------

@member_required
@params.query(unread=params.Flag())
def inbox(request):
    member = request.member
    notifications = member.notifications.order_by("-created_at", "-id")
    only_unread = request.query.unread
    if only_unread:
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "planning/inbox.html", {"page": page, "only_unread": only_unread})


@member_required
@require_POST
@params.posted(id=params.Id(), all=params.Flag(), open=params.Flag())
def inbox_read(request):
    """Mark one notification (`id`) or all (`all`) as read; the member's own only."""
    target = request.posted.id
    if target:
        notification = request.member.notifications.filter(pk=target).first()
        if notification is None:
            raise Http404
        if notification.read_at is None:
            request.member.notifications.filter(pk=notification.pk).update(read_at=timezone.now())
        local = notification.url.startswith("/") and not notification.url.startswith("//")
        if local and request.posted.open:
            return HttpResponseRedirect(notification.url)
    elif request.posted.all:
        request.member.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return HttpResponseRedirect(reverse("planning:inbox"))
