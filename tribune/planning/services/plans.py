"""Statutory meetings and their coverage plans: the plan templates a congress keeps, meetings
scheduled with the plan generated from the template, tasks added, moved, linked and done, and the
live key points written during a meeting (drafted into a manuscript)."""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit import params
from tribune.newsroom.models import Manuscript, ManuscriptKind
from tribune.newsroom.services import writing
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version
from tribune.org.models import Member, Office
from tribune.org.notify import notify
from tribune.planning.models import (
    CoveragePlan,
    CoverageTask,
    KeyPoint,
    Meeting,
    MeetingKind,
    Phase,
    TaskType,
    TemplateItem,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)
from tribune.planning.services.common import (
    check_dates,
    check_person,
    clean_title,
    delete_planned,
    plan_url,
)

# The plan templates a congress starts with, per kind of meeting; each congress edits its own
# copy. (phase, type, title, days from the meeting, one per meeting day)
DEFAULT_TEMPLATES = {
    MeetingKind.STANDING: [
        (Phase.BEFORE, TaskType.PLAN, "宣传方案", -7, False),
        (Phase.BEFORE, TaskType.PREVIEW, "会议预告", -1, False),
        (Phase.DURING, TaskType.TEXT, "会议文字报道", 0, True),
        (Phase.DURING, TaskType.PHOTO, "会议图片", 0, True),
        (Phase.DURING, TaskType.VIDEO, "会议视频", 1, False),
        (Phase.DURING, TaskType.KEY_POINTS, "会议要点", 0, False),
        (Phase.DURING, TaskType.HOT_TOPICS, "民生热点", 0, False),
        (Phase.DURING, TaskType.NEWMEDIA, "新媒体推送", 0, False),
        (Phase.AFTER, TaskType.INTERPRETATION, "会议精神解读（通俗版）", 3, False),
        (Phase.AFTER, TaskType.SUMMARY, "宣传工作小结", 7, False),
    ],
    MeetingKind.SESSION: [
        (Phase.BEFORE, TaskType.PLAN, "大会宣传方案", -20, False),
        (Phase.BEFORE, TaskType.PREVIEW, "大会预告", -2, False),
        (Phase.DURING, TaskType.TEXT, "大会每日文字报道", 0, True),
        (Phase.DURING, TaskType.PHOTO, "大会每日图片", 0, True),
        (Phase.DURING, TaskType.VIDEO, "大会视频", 0, True),
        (Phase.DURING, TaskType.KEY_POINTS, "大会要点", 0, True),
        (Phase.DURING, TaskType.HOT_TOPICS, "代表热议的民生热点", 0, True),
        (Phase.DURING, TaskType.NEWMEDIA, "新媒体推送", 0, True),
        (Phase.AFTER, TaskType.INTERPRETATION, "大会精神解读（通俗版）", 3, False),
        (Phase.AFTER, TaskType.SUMMARY, "大会宣传工作总结", 10, False),
    ],
    MeetingKind.DIRECTORS: [
        (Phase.BEFORE, TaskType.PREVIEW, "会议安排提示", -1, False),
        (Phase.DURING, TaskType.TEXT, "会议文字报道", 0, False),
        (Phase.DURING, TaskType.KEY_POINTS, "会议要点", 0, False),
        (Phase.AFTER, TaskType.INTERPRETATION, "会议精神解读（通俗版）", 2, False),
    ],
}


# Which kind of manuscript fulfils a type of task (for the draft made from key points).
MANUSCRIPT_KIND = {TaskType.PHOTO: ManuscriptKind.PHOTO, TaskType.VIDEO: ManuscriptKind.VIDEO,
                   TaskType.NEWMEDIA: ManuscriptKind.NEWMEDIA,
                   TaskType.INTERPRETATION: ManuscriptKind.INTERPRETATION}


def template_items(congress, kind) -> list[TemplateItem]:
    """The congress's template for a kind of meeting, copied from the defaults the first time."""
    items = list(TemplateItem.objects.filter(congress=congress, meeting_kind=kind).select_related(
        "office", "assignee"))
    if items:
        return items
    return template_seed(congress, kind)


def template_seed(congress, kind) -> list[TemplateItem]:
    with transaction.atomic():
        if TemplateItem.objects.filter(congress=congress, meeting_kind=kind).exists():
            return list(TemplateItem.objects.filter(congress=congress, meeting_kind=kind))
        return TemplateItem.objects.bulk_create(
            TemplateItem(congress=congress, meeting_kind=kind, phase=phase, task_type=task_type, title=title,
                         offset_days=offset, each_day=each_day, position=i)
            for i, (phase, task_type, title, offset, each_day) in enumerate(DEFAULT_TEMPLATES[kind], start=1)
        )


def _clean_template_fields(congress, *, kind, phase, task_type, title, offset_days, each_day, office, assignee):
    if kind not in MeetingKind.values:
        raise ServiceError(_("Unknown kind of meeting."), field="meeting_kind")
    if phase not in Phase.values:
        raise ServiceError(_("Unknown phase."), field="phase")
    if task_type not in TaskType.values:
        raise ServiceError(_("Unknown type of task."), field="task_type")
    if not isinstance(offset_days, int) or not -90 <= offset_days <= 90:
        raise ServiceError(_("Days from the meeting must be between -90 and 90."), field="offset_days")
    if phase == Phase.BEFORE and offset_days > 0:
        raise ServiceError(_("A task before the meeting is due on or before its first day (0 or less)."),
                           field="offset_days")
    if phase == Phase.AFTER and offset_days < 0:
        raise ServiceError(_("A task after the meeting is due on or after its last day (0 or more)."),
                           field="offset_days")
    check_person(congress, assignee, office)
    return {"meeting_kind": kind, "phase": phase, "task_type": task_type, "title": clean_title(title),
            "offset_days": offset_days, "each_day": bool(each_day) and phase == Phase.DURING,
            "office": office, "assignee": assignee}


@transaction.atomic
def template_item_save(*, member: Member, item: TemplateItem | None = None, kind: str, phase: str,
                       task_type: str, title: str, offset_days: int, each_day: bool = False,
                       office: Office | None = None, assignee: Member | None = None) -> TemplateItem:
    congress = member.congress
    access.require(access.can_manage_planning(member, congress), _("You may not edit plan templates."))
    if item is not None and item.congress_id != congress.pk:
        raise ServiceError(_("This template belongs to another congress."))
    fields = _clean_template_fields(congress, kind=kind, phase=phase, task_type=task_type, title=title,
                                    offset_days=offset_days, each_day=each_day, office=office, assignee=assignee)
    if item is None:
        template_items(congress, kind)  # a first edit starts from the defaults, not from nothing
        last = TemplateItem.objects.filter(congress=congress, meeting_kind=kind).order_by("-position").first()
        item = TemplateItem(congress=congress, position=(last.position + 1) if last else 1)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    audit_record(action="plan_template.save", member=member, obj=item, detail={"kind": kind})
    return item


@transaction.atomic
def template_item_delete(*, member: Member, item: TemplateItem) -> None:
    access.require(access.can_manage_planning(member, item.congress), _("You may not edit plan templates."))
    audit_record(action="plan_template.delete", member=member, obj=item)
    item.delete()


def task_deadlines(item: TemplateItem, start: dt.date, end: dt.date) -> list[dt.date]:
    """The deadlines a template line gives for a meeting from `start` to `end`: relative to the
    first day before and during the meeting (one per day when `each_day`), to the last day after."""
    if item.phase == Phase.BEFORE:
        return [start + dt.timedelta(days=item.offset_days)]
    if item.phase == Phase.AFTER:
        return [end + dt.timedelta(days=item.offset_days)]
    if item.each_day:
        days = (end - start).days + 1
        return [start + dt.timedelta(days=i + item.offset_days) for i in range(days)]
    return [min(start + dt.timedelta(days=item.offset_days), end + dt.timedelta(days=max(item.offset_days, 0)))]


@transaction.atomic
def meeting_create(*, member: Member, kind: str, title: str, start_date: dt.date, end_date: dt.date | None = None,
                   place: str = "", agenda: str = "") -> Meeting:
    """Schedule a meeting and generate its coverage plan from the congress's template."""
    congress = member.congress
    access.require(access.can_manage_planning(member, congress), _("You may not schedule meetings."))
    if kind not in MeetingKind.values:
        raise ServiceError(_("Unknown kind of meeting."), field="kind")
    end_date = end_date or start_date
    check_dates(start_date, end_date)
    meeting = Meeting.objects.create(congress=congress, kind=kind, title=clean_title(title), start_date=start_date,
                                     end_date=end_date, place=(place or "").strip()[:200],
                                     agenda=(agenda or "").strip(), created_by=member)
    plan = CoveragePlan.objects.create(congress=congress, meeting=meeting)
    tasks = []
    for item in template_items(congress, kind):
        deadlines = task_deadlines(item, start_date, end_date)
        for day_index, due in enumerate(deadlines, start=1):
            # Task titles are the congress's own data, in Chinese like the template lines they copy.
            title = item.title if len(deadlines) == 1 else f"{item.title}（第{day_index}天）"
            tasks.append(CoverageTask(plan=plan, phase=item.phase, task_type=item.task_type, title=title[:200],
                                      office=item.office, assignee=item.assignee, due_date=due,
                                      position=item.position * 100 + day_index))
    CoverageTask.objects.bulk_create(tasks)
    audit_record(action="meeting.create", member=member, obj=meeting, detail={"tasks": len(tasks)})
    _notify_assignees(tasks, meeting)
    return meeting


def _notify_assignees(tasks, subject):
    by_member = {}
    for task in tasks:
        if task.assignee is not None:
            by_member.setdefault(task.assignee, []).append(task)
    for assignee, mine in by_member.items():
        notify([assignee], kind="assigned", url=plan_url(mine[0].plan),
               text=_("%(n)s coverage task(s) for %(subject)s assigned to you") % {"n": len(mine),
                                                                                   "subject": subject})


@transaction.atomic
def meeting_update(*, member: Member, meeting: Meeting, title: str, start_date: dt.date, end_date: dt.date,
                   place: str = "", agenda: str = "", version: int | None = None) -> Meeting:
    """Edit a meeting, based on the version the form showed; when its days move, the deadlines of
    its open tasks move with them."""
    access.require(access.can_manage_planning(member, meeting.congress), _("You may not edit meetings."))
    check_dates(start_date, end_date)
    bump_version(meeting, meeting.version if version is None else version,
                 _("Someone changed this meeting after you opened it. Nothing was saved."))
    # Open tasks move with the meeting: before and during with its first day, after with its last.
    start_shift, end_shift = start_date - meeting.start_date, end_date - meeting.end_date
    open_tasks = CoverageTask.objects.filter(plan__meeting=meeting, done_at__isnull=True).exclude(
        manuscript__state="published")
    if start_shift:
        open_tasks.exclude(phase=Phase.AFTER).update(due_date=F("due_date") + start_shift)
    if end_shift:
        open_tasks.filter(phase=Phase.AFTER).update(due_date=F("due_date") + end_shift)
    meeting.title = clean_title(title)
    meeting.start_date, meeting.end_date = start_date, end_date
    meeting.place, meeting.agenda = (place or "").strip()[:200], (agenda or "").strip()
    meeting.save()
    audit_record(action="meeting.update", member=member, obj=meeting,
                 detail={"moved_days": start_shift.days, "end_moved_days": end_shift.days})
    return meeting


@transaction.atomic
def meeting_delete(*, member: Member, meeting: Meeting) -> None:
    access.require(access.can_manage_planning(member, meeting.congress), _("You may not edit meetings."))
    blockers = [_("key points were logged at it")] if meeting.key_points.exists() else []
    delete_planned(member=member, obj=meeting, what=_("This meeting"), blockers=blockers)


@transaction.atomic
def task_delete(*, member: Member, task: CoverageTask, version: int) -> None:
    """Remove a task not needed after all, based on the version the page showed."""
    access.require(access.can_manage_planning(member, task.plan.congress), _("You may not change coverage plans."))
    if task.done_at is not None or task.manuscript_id is not None:
        raise ServiceError(_("A task that has a manuscript or is done cannot be deleted."))
    stale = _("Someone changed this task after you opened it. Nothing was saved.")
    try:
        version = int(version)
    except (TypeError, ValueError):
        raise ServiceError(stale) from None
    bump_version(task, version, stale)
    audit_record(action="task.delete", member=member, obj=task, congress=task.plan.congress,
                 detail={"title": task.title, "due_date": task.due_date.isoformat()})
    task.delete()


@transaction.atomic
def task_add(*, member: Member, plan: CoveragePlan, phase: str, task_type: str, title: str, due_date: dt.date,
             assignee: Member | None = None, office: Office | None = None) -> CoverageTask:
    access.require(access.can_manage_planning(member, plan.congress), _("You may not change coverage plans."))
    if phase not in Phase.values:
        raise ServiceError(_("Unknown phase."), field="phase")
    if task_type not in TaskType.values:
        raise ServiceError(_("Unknown type of task."), field="task_type")
    if due_date is None:
        raise ServiceError(_("Give the deadline."), field="due_date")
    check_person(plan.congress, assignee, office)
    last = plan.tasks.order_by("-position").first()
    task = CoverageTask.objects.create(plan=plan, phase=phase, task_type=task_type, title=clean_title(title),
                                       due_date=due_date, assignee=assignee, office=office,
                                       position=(last.position + 1) if last else 1)
    audit_record(action="task.add", member=member, obj=task, congress=plan.congress)
    if assignee is not None:
        notify([assignee], kind="assigned", url=plan_url(plan),
               text=_("Coverage task assigned to you: %(task)s") % {"task": task.title})
    return task


@transaction.atomic
def task_update(*, member: Member, task: CoverageTask, version: int, title: str, phase: str, due_date: dt.date,
                assignee: Member | None, office: Office | None = None) -> CoverageTask:
    """Move (new phase or deadline) or reassign a task, based on the version the form showed."""
    plan = task.plan
    access.require(access.can_manage_planning(member, plan.congress), _("You may not change coverage plans."))
    if phase not in Phase.values:
        raise ServiceError(_("Unknown phase."), field="phase")
    if due_date is None:
        raise ServiceError(_("Give the deadline."), field="due_date")
    check_person(plan.congress, assignee, office)
    title = clean_title(title)
    bump_version(task, int(version), _("Someone changed this task after you opened it. Nothing was saved."))
    before = {"assignee": task.assignee_id, "due_date": task.due_date.isoformat(), "phase": task.phase}
    reassigned = assignee is not None and assignee.pk != task.assignee_id
    CoverageTask.objects.filter(pk=task.pk).update(title=title, phase=phase, due_date=due_date, assignee=assignee,
                                                   office=office)
    task.title, task.phase, task.due_date, task.assignee, task.office = title, phase, due_date, assignee, office
    audit_record(action="task.update", member=member, obj=task, congress=plan.congress,
                 detail={"before": before, "after": {"assignee": task.assignee_id,
                                                     "due_date": due_date.isoformat(), "phase": phase}})
    if reassigned:
        notify([assignee], kind="assigned", url=plan_url(plan),
               text=_("Coverage task assigned to you: %(task)s (due %(due)s)") % {"task": title,
                                                                                  "due": due_date.isoformat()})
    return task


@transaction.atomic
def task_link_manuscript(*, member: Member, task: CoverageTask, manuscript: Manuscript | None) -> CoverageTask:
    """Link the manuscript that fulfils the task (None unlinks). The task is done once the
    manuscript is published."""
    access.require(access.can_update_task(member, task), _("You may not update this task."))
    if manuscript is not None and manuscript.congress_id != task.plan.congress_id:
        raise ServiceError(_("The manuscript belongs to another congress."), field="manuscript")
    CoverageTask.objects.filter(pk=task.pk).update(manuscript=manuscript)
    task.manuscript = manuscript
    audit_record(action="task.link_manuscript", member=member, obj=task, congress=task.plan.congress,
                 detail={"manuscript": manuscript.pk if manuscript else None})
    return task


@transaction.atomic
def task_mark_done(*, member: Member, task: CoverageTask, done: bool = True) -> CoverageTask:
    """For a task with no manuscript of its own (a plan drafted, photos handed over)."""
    access.require(access.can_update_task(member, task), _("You may not update this task."))
    if done and task.manuscript_id is not None:
        raise ServiceError(_("This task is done when its manuscript is published."))
    done_at = timezone.now() if done else None
    CoverageTask.objects.filter(pk=task.pk).update(done_at=done_at)
    task.done_at = done_at
    audit_record(action="task.done" if done else "task.reopen", member=member, obj=task,
                 congress=task.plan.congress)
    return task


@transaction.atomic
def key_point_add(*, member: Member, meeting: Meeting, text: str, is_hot: bool = False) -> KeyPoint:
    access.require(access.can_add_key_point(member, meeting), _("You may not add key points."))
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ServiceError(_("Write the key point."), field="text")
    if len(text) > 2000:
        raise ServiceError(_("A key point can have at most 2000 characters."), field="text")
    point = KeyPoint.objects.create(meeting=meeting, text=text, is_hot=bool(is_hot), author=member)
    audit_record(action="key_point.add", member=member, obj=meeting, detail={"point": point.pk})
    return point


@transaction.atomic
def key_point_set_hot(*, member: Member, point: KeyPoint, is_hot: bool) -> KeyPoint:
    access.require(access.can_add_key_point(member, point.meeting), _("You may not tag key points."))
    KeyPoint.objects.filter(pk=point.pk).update(is_hot=bool(is_hot))
    point.is_hot = bool(is_hot)
    audit_record(action="key_point.tag", member=member, obj=point.meeting,
                 detail={"point": point.pk, "hot": point.is_hot})
    return point


@transaction.atomic
def key_points_draft(*, member: Member, meeting: Meeting, point_ids) -> Manuscript:
    """A new-media draft from a selection of key points, in the order they were logged; it is
    linked to the meeting's first new-media task that has no manuscript yet."""
    access.require(access.can_draft_from_key_points(member, meeting), _("You may not write manuscripts."))
    ids = [params.parse_id(i) for i in point_ids if params.is_id(i)]
    points = list(meeting.key_points.filter(pk__in=ids).order_by("created_at", "id"))
    if not points:
        raise ServiceError(_("Select at least one key point."), field="points")
    hot = [p for p in points if p.is_hot]
    lines = [p.text for p in points if not p.is_hot]
    body = "\n".join(lines)
    if hot:
        body += ("\n" if body else "") + _("Livelihood hot topics:") + "\n" + "\n".join(p.text for p in hot)
    title = _("%(meeting)s: key points") % {"meeting": meeting.title}
    manuscript = writing.manuscript_create(member=member, title=title[:200], body=body,
                                           kind=ManuscriptKind.NEWMEDIA, event_date=meeting.start_date)
    KeyPoint.objects.filter(pk__in=[p.pk for p in points]).update(used_in=manuscript)
    task = CoverageTask.objects.filter(plan__meeting=meeting, task_type=TaskType.NEWMEDIA,
                                       manuscript__isnull=True, done_at__isnull=True).order_by("due_date", "id").first()
    if task is not None and access.can_update_task(member, task):
        CoverageTask.objects.filter(pk=task.pk).update(manuscript=manuscript)
    audit_record(action="key_points.draft", member=member, obj=meeting,
                 detail={"manuscript": manuscript.pk, "points": [p.pk for p in points]})
    return manuscript
