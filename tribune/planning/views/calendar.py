"""The month and week calendar (with the topics it shows and suggests), and proposing a topic
for a meeting or an activity."""

import calendar as pycalendar
import datetime as dt

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tribune.kit import params
from tribune.kit.views import member_required
from tribune.newsroom.services.topics import topic_url
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.planning import selectors
from tribune.planning.forms import TopicForm
from tribune.planning.models import Activity, Meeting
from tribune.planning.services import topic_proposals
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


@require_http_methods(["GET", "POST"])
@member_required
@params.query(meeting=params.Id(), activity=params.Id())
def topic_propose(request):
    """Propose a topic for a meeting or an activity of the calendar (the topic joins the
    newsroom's pool, tied to what it covers)."""
    member = request.member
    require_view(member)
    access.require(access.can_manage_topics(member, member.congress), "may not propose topics")
    meeting = activity = None
    if request.query.meeting:
        meeting = get_planning_object(request, Meeting.objects.all(), request.query.meeting)
    elif request.query.activity:
        activity = get_planning_object(request, Activity.objects.all(), request.query.activity)
    subject = meeting or activity
    initial = {}
    if subject is not None:
        initial = {"title": subject.title, "due_date": subject.start_date,
                   "meeting": meeting.pk if meeting else None, "activity": activity.pk if activity else None}
    form = TopicForm(request.POST or None, member=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        meeting_id, activity_id = data.pop("meeting"), data.pop("activity")
        try:
            topic = topic_proposals.topic_propose(
                member=member, **data,
                meeting=get_planning_object(request, Meeting.objects.all(), meeting_id) if meeting_id else None,
                activity=get_planning_object(request, Activity.objects.all(), activity_id) if activity_id else None)
        except ServiceError as exc:
            form_error(request, exc, form)
        else:
            messages.success(request, _("Topic added: %(title)s") % {"title": topic.title})
            return HttpResponseRedirect(topic_url(topic))
    return render(request, "planning/topic_propose.html", {"form": form, "subject": subject})


