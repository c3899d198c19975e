"""The regular-meeting pack (全体例会宣传工作材料) for a date: gathered from the database into plain
facts, computed by `indicators`, laid out by one exporter as a report (`tribune.kit.report`) whose
tables the page and the .docx both render, so the two cannot disagree."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit.report import Cell, Report, Table
from tribune.newsroom.models import Decision, Manuscript, Publication, ReviewRequest, Submission, Topic
from tribune.org.models import Office
from tribune.planning import indicators as ind
from tribune.planning import selectors
from tribune.planning.models import ActionItem, RegularMeeting

DEFAULT_SPAN = 30  # days covered when there is no earlier regular meeting


def _local(value) -> dt.date | None:
    if value is None:
        return None
    return timezone.localtime(value).date() if isinstance(value, dt.datetime) else value


def load_facts(congress, start: dt.date, end: dt.date) -> ind.Facts:
    """Facts of the congress whose dates can fall in (start, end]; the pure module filters."""
    since = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    until = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    topics = (Topic.objects.filter(congress=congress, created_at__gte=since, created_at__lt=until)
              .annotate(taken=Exists(Manuscript.objects.filter(topic=OuterRef("pk"))))
              .select_related("proposed_by").only("office_id", "created_at", "proposed_by__office_id"))
    first_request = (ReviewRequest.objects.filter(manuscript=OuterRef("pk")).order_by("requested_at")
                     .values("requested_at")[:1])
    first_publication = (Publication.objects.filter(submission__manuscript=OuterRef("pk"), withdrawn_at__isnull=True)
                         .order_by("published_on").values("published_on")[:1])
    manuscripts = (Manuscript.objects.filter(congress=congress)
                   .annotate(first_review=Subquery(first_request), first_published=Subquery(first_publication),
                             meeting_day=Min("coverage_tasks__plan__meeting__start_date"),
                             activity_day=Min("coverage_tasks__plan__activity__start_date"))
                   .filter(Q(first_review__gte=since, first_review__lt=until)
                           | Q(first_published__gt=start, first_published__lte=end))
                   .values("office_id", "event_date", "first_review", "first_published", "meeting_day",
                           "activity_day"))
    requests = (ReviewRequest.objects.filter(manuscript__congress=congress, requested_at__gte=since,
                                             requested_at__lt=until)
                .annotate(returns=Count("reviews", filter=Q(reviews__decision=Decision.RETURN)))
                .values("manuscript__office_id", "requested_at", "returns"))
    submissions = (Submission.objects.filter(manuscript__congress=congress, submitted_at__gte=since,
                                             submitted_at__lt=until)
                   .annotate(live=Count("publication", filter=Q(publication__withdrawn_at__isnull=True)))
                   .values("manuscript__office_id", "submitted_at", "live"))
    return ind.Facts(
        topics=[ind.TopicFact(t.office_id or (t.proposed_by.office_id if t.proposed_by_id else None),
                              _local(t.created_at), t.taken) for t in topics],
        manuscripts=[ind.ManuscriptFact(m["office_id"], m["event_date"] or m["meeting_day"] or m["activity_day"],
                                        _local(m["first_review"]), m["first_published"]) for m in manuscripts],
        reviews=[ind.ReviewFact(r["manuscript__office_id"], _local(r["requested_at"]), r["returns"] > 0)
                 for r in requests],
        submissions=[ind.SubmissionFact(s["manuscript__office_id"], _local(s["submitted_at"]), s["live"] > 0)
                     for s in submissions],
    )


@dataclass
class Pack:
    congress: object
    date: dt.date
    period: ind.Period
    previous_period: ind.Period
    previous_meeting: RegularMeeting | None
    meeting: RegularMeeting | None
    offices: list
    now: dict
    before: dict
    done_tasks: list = field(default_factory=list)
    late_tasks: list = field(default_factory=list)
    carried_items: list = field(default_factory=list)
    new_items: list = field(default_factory=list)


def build_pack(congress, date: dt.date) -> Pack:
    previous = RegularMeeting.objects.filter(congress=congress, date__lt=date).order_by("-date").first()
    start = previous.date if previous else date - dt.timedelta(days=DEFAULT_SPAN)
    before_previous = (RegularMeeting.objects.filter(congress=congress, date__lt=start).order_by("-date").first()
                       if previous else None)
    previous_start = before_previous.date if before_previous else start - dt.timedelta(days=(date - start).days)
    period, previous_period = ind.Period(start, date), ind.Period(previous_start, start)
    offices = list(Office.objects.filter(congress=congress).order_by("position", "name"))
    office_ids = [o.pk for o in offices]
    facts = load_facts(congress, previous_start, date)
    all_tasks = list(selectors.tasks(congress).filter(due_date__lte=date + dt.timedelta(days=60))
                     .order_by("due_date", "id"))
    done = [t for t in all_tasks if selectors.completed_on(t) in period]
    late = [t for t in all_tasks if not t.is_done and t.due_date < date]
    meeting = RegularMeeting.objects.filter(congress=congress, date=date).first()
    items = ActionItem.objects.select_related("owner", "meeting")
    return Pack(
        congress=congress, date=date, period=period, previous_period=previous_period, previous_meeting=previous,
        meeting=meeting, offices=offices,
        now=ind.compute(facts, period, office_ids), before=ind.compute(facts, previous_period, office_ids),
        done_tasks=done, late_tasks=late,
        carried_items=list(items.filter(meeting=previous)) if previous else [],
        new_items=list(items.filter(meeting=meeting)) if meeting else [],
    )


def _office_of(task):
    if task.office_id:
        return task.office
    return task.assignee.office if task.assignee_id and task.assignee.office_id else None


def _percent(value):
    return "—" if value is None else f"{value * 100:.0f}%"


def _days(value):
    return "—" if value is None else f"{value:g}"


def _with_trend(name, text, now, before):
    t = ind.trend(name, now, before)
    if not t.direction:
        return Cell(text)
    arrow = {"up": "↑", "down": "↓", "same": "→"}[t.direction]
    word = {True: _("better"), False: _("worse"), None: _("unchanged")}[t.better]
    css = {True: "trend-better", False: "trend-worse", None: ""}[t.better]
    return Cell(f"{text} {arrow}{word}", css=css)


class PackExporter:
    """The pack as a report of titled tables: what the page shows and what the .docx contains."""

    def __init__(self, pack: Pack):
        self.pack = pack

    def report(self) -> Report:
        return Report(key="regular-meeting", title=self.title(), subtitle=self.subtitle(), tables=self.sections(),
                      filename=f"regular-meeting-{self.pack.date.isoformat()}")

    def title(self) -> str:
        return _("%(congress)s regular meeting: publicity work, %(date)s") % {
            "congress": self.pack.congress.short_name, "date": _cn(self.pack.date)}

    def subtitle(self) -> str:
        p = self.pack
        return _("Period from %(start)s (exclusive) to %(end)s; trends against %(pstart)s to %(pend)s.") % {
            "start": _cn(p.period.start), "end": _cn(p.period.end), "pstart": _cn(p.previous_period.start),
            "pend": _cn(p.previous_period.end)}

    def sections(self) -> list[Table]:
        return [self.task_summary(), self.done_section(), self.late_section(), self.indicator_section(),
                self.carried_section(), self.new_items_section()]

    def task_summary(self) -> Table:
        p = self.pack
        table = Table("tasks", _("Coverage tasks by office"), [_("Office"), _("Completed"), _("Late")],
                      empty=_("None."))
        for office in [*p.offices, None]:
            done = sum(1 for t in p.done_tasks if _office_of(t) == office)
            late = sum(1 for t in p.late_tasks if _office_of(t) == office)
            if office is None and not (done or late):
                continue
            table.append([office.name if office else _("No office"), done, late])
        table.append([_("Total"), len(p.done_tasks), len(p.late_tasks)])
        return table

    def done_section(self) -> Table:
        table = Table("done", _("Tasks completed since the previous regular meeting"),
                      [_("Completed"), _("Meeting or activity"), _("Task"), _("Office"), _("Assignee")],
                      empty=_("None."))
        for t in self.pack.done_tasks:
            table.append([_cn(selectors.completed_on(t)), str(t.plan), t.title, _name(_office_of(t)),
                          _name(t.assignee)])
        return table

    def late_section(self) -> Table:
        table = Table("late", _("Late tasks"), [_("Deadline"), _("Meeting or activity"), _("Task"), _("Office"),
                                                _("Assignee")], empty=_("None."))
        for t in self.pack.late_tasks:
            table.append([_cn(t.due_date), str(t.plan), t.title, _name(_office_of(t)), _name(t.assignee)],
                         css="late")
        return table

    def indicator_section(self) -> Table:
        p = self.pack
        table = Table(
            "indicators", _("Problem indicators by office"),
            [_("Office"), _("Topics proposed"), _("Topics taken up"), _("Median days event → review"),
             _("Median days event → publication"), _("Returned at review"), _("Submissions published")],
            note=_("Hard to find topics (选题难): topics proposed and taken up. Slow to submit (投稿慢): median days "
                   "from the event to the first submission for review and to publication. Low quality (质量不高): "
                   "share of review requests returned, share of outlet submissions published. Arrows compare "
                   "with the previous period."),
            empty=_("None."),
        )
        for office in [*p.offices, None]:
            key = office.pk if office else None
            now, before = p.now[key], p.before[key]
            table.append([
                office.name if office else _("Total"),
                _with_trend("topics_proposed", str(now.topics_proposed), now.topics_proposed, before.topics_proposed),
                _with_trend("topics_taken_up", str(now.topics_taken_up), now.topics_taken_up, before.topics_taken_up),
                _with_trend("days_to_review", _days(now.days_to_review), now.days_to_review, before.days_to_review),
                _with_trend("days_to_publication", _days(now.days_to_publication), now.days_to_publication,
                            before.days_to_publication),
                _with_trend("return_rate", f"{_percent(now.return_rate)} ({now.returned}/{now.reviews})",
                            now.return_rate, before.return_rate),
                _with_trend("adoption_rate", f"{_percent(now.adoption_rate)} ({now.published}/{now.submissions})",
                            now.adoption_rate, before.adoption_rate),
            ])
        return table

    def carried_section(self) -> Table:
        p = self.pack
        title = (_("Decisions of the previous regular meeting (%(date)s)") % {"date": _cn(p.previous_meeting.date)}
                 if p.previous_meeting else _("Decisions of the previous regular meeting"))
        table = Table("carried", title, [_("Action"), _("Owner"), _("Due"), _("State")], empty=_("None."))
        for i in p.carried_items:
            table.append([i.text, _name(i.owner), _cn(i.due_date), _("Done") if i.done_at else _("Not done")],
                         css="" if i.done_at or i.due_date >= p.date else "late")
        return table

    def new_items_section(self) -> Table:
        table = Table("decisions", _("Decisions of this meeting: next priorities"),
                      [_("Action"), _("Owner"), _("Due"), _("State")], empty=_("None."))
        for i in self.pack.new_items:
            table.append([i.text, _name(i.owner), _cn(i.due_date), _("Done") if i.done_at else _("Not done")])
        return table


def _cn(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _name(obj) -> str:
    return obj.name if obj is not None else "—"
