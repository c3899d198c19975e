"""Reads that several planning views share: tasks with their state, the calendar, suggestions."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Min, Q

from tribune.newsroom.models import Topic
from tribune.newsroom.states import State
from tribune.planning.models import Activity, CoverageTask, Meeting

DONE = Q(done_at__isnull=False) | Q(manuscript__state=State.PUBLISHED)


def late_filter(today: dt.date) -> Q:
    return Q(due_date__lt=today) & ~DONE


def tasks(congress):
    return (CoverageTask.objects.filter(plan__congress=congress)
            .select_related("plan__meeting", "plan__activity", "assignee", "office", "manuscript")
            .annotate(published_on=Min("manuscript__submissions__publication__published_on",
                                       filter=Q(manuscript__submissions__publication__withdrawn_at__isnull=True))))


def completed_on(task) -> dt.date | None:
    """The day a task was done: the first publication of its manuscript, or when marked done."""
    from django.utils import timezone

    if task.done_at is not None:
        return timezone.localtime(task.done_at).date()
    if task.manuscript_id and task.manuscript.state == State.PUBLISHED:
        return getattr(task, "published_on", None)
    return None


def plan_summary(plan_tasks, today):
    total = len(plan_tasks)
    done = sum(1 for t in plan_tasks if t.is_done)
    late = sum(1 for t in plan_tasks if t.is_late(today))
    return {"total": total, "done": done, "late": late, "open": total - done}


# --- Calendar ------------------------------------------------------------------------------

@dataclass
class Entry:
    kind: str  # meeting | activity | task | topic
    title: str
    url: str
    start: dt.date
    end: dt.date
    css: str = ""
    note: str = ""


def calendar_entries(congress, start: dt.date, end: dt.date, today: dt.date) -> list[Entry]:
    """Everything in [start, end]: meetings and activities over their days, task and topic deadlines.
    Four queries whatever the number of rows."""
    from django.urls import reverse

    entries = []
    for m in Meeting.objects.filter(congress=congress, start_date__lte=end, end_date__gte=start):
        entries.append(Entry("meeting", m.title, reverse("planning:meeting", args=[m.pk]), m.start_date, m.end_date,
                             "meeting"))
    for a in Activity.objects.filter(congress=congress, start_date__lte=end, end_date__gte=start):
        entries.append(Entry("activity", a.title, reverse("planning:activity", args=[a.pk]), a.start_date,
                             a.end_date, "activity"))
    for t in tasks(congress).filter(due_date__gte=start, due_date__lte=end):
        state = "done" if t.is_done else ("late" if t.is_late(today) else "open")
        subject = t.plan.meeting or t.plan.activity
        url = (reverse("planning:meeting", args=[t.plan.meeting_id]) if t.plan.meeting_id
               else reverse("planning:activity", args=[t.plan.activity_id]))
        entries.append(Entry("task", t.title, f"{url}#task-{t.pk}", t.due_date, t.due_date, f"task {state}",
                             note=f"{subject} · {t.assignee or ''}"))
    for topic in Topic.objects.filter(congress=congress, due_date__gte=start, due_date__lte=end).select_related(
            "office"):
        entries.append(Entry("topic", topic.title, reverse("newsroom:topic", args=[topic.pk]),
                             topic.due_date, topic.due_date, "topic closed" if topic.closed_at else "topic",
                             note=topic.office.name if topic.office_id else ""))
    return entries


def undated_topics(congress):
    return (Topic.objects.filter(congress=congress, closed_at__isnull=True, due_date__isnull=True)
            .select_related("office", "assignee").order_by("-created_at"))


def suggestions(congress, today: dt.date, days: int = 30) -> list:
    """Upcoming meetings and activities (next `days` days) with no topic yet: each deserves one."""
    horizon = today + dt.timedelta(days=days)
    meetings = (Meeting.objects.filter(congress=congress, end_date__gte=today, start_date__lte=horizon)
                .annotate(n=Count("topics")).filter(n=0).order_by("start_date"))
    activities = (Activity.objects.filter(congress=congress, end_date__gte=today, start_date__lte=horizon)
                  .annotate(n=Count("topics")).filter(n=0).order_by("start_date"))
    found = [("meeting", m) for m in meetings] + [("activity", a) for a in activities]
    return sorted(found, key=lambda pair: pair[1].start_date)
