import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.newsroom.states import State
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import AuditEntry, Notification
from tribune.planning import selectors
from tribune.planning.models import CoverageTask, MeetingKind, Phase, TaskType, TemplateItem
from tribune.planning.services import plans
from tribune.planning.tests.helpers import manuscript, meeting, publish


@pytest.mark.parametrize("kind", MeetingKind.values)
def test_a_meeting_gets_a_plan_from_the_template_of_its_kind(world, kind):
    m = meeting(world, kind=kind, days=2)
    tasks = list(m.plan.tasks.all())
    expected = 0
    for _phase, _type, _title, _offset, each_day in plans.DEFAULT_TEMPLATES[kind]:
        expected += 2 if each_day else 1
    assert len(tasks) == expected
    assert {t.phase for t in tasks} == set(Phase.values)
    assert TemplateItem.objects.filter(congress=world.congress, meeting_kind=kind).count() == len(
        plans.DEFAULT_TEMPLATES[kind])
    assert AuditEntry.objects.filter(action="meeting.create").count() == 1


def test_the_standing_committee_plan_has_every_task_the_report_names(world):
    m = meeting(world)
    types = set(m.plan.tasks.values_list("task_type", flat=True))
    assert {TaskType.PLAN, TaskType.PREVIEW, TaskType.TEXT, TaskType.PHOTO, TaskType.VIDEO, TaskType.KEY_POINTS,
            TaskType.HOT_TOPICS, TaskType.NEWMEDIA, TaskType.INTERPRETATION, TaskType.SUMMARY} <= types


def test_deadlines_are_relative_to_the_meeting_days(world):
    start = dt.date(2026, 12, 7)
    m = meeting(world, start=start, days=3)
    due = {t.title: t.due_date for t in m.plan.tasks.all()}
    assert due["宣传方案"] == start - dt.timedelta(days=7)
    assert due["会议预告"] == start - dt.timedelta(days=1)
    assert due["会议文字报道（第1天）"] == start
    assert due["会议文字报道（第3天）"] == start + dt.timedelta(days=2)
    assert due["会议视频"] == start + dt.timedelta(days=1)
    assert due["会议精神解读（通俗版）"] == m.end_date + dt.timedelta(days=3)
    assert due["宣传工作小结"] == m.end_date + dt.timedelta(days=7)


def test_an_edited_template_shapes_the_next_plan(world, django_capture_on_commit_callbacks):
    items = plans.template_items(world.congress, MeetingKind.DIRECTORS)
    plans.template_item_delete(member=world.coordinator, item=items[0])
    plans.template_item_save(member=world.coordinator, kind=MeetingKind.DIRECTORS, phase=Phase.AFTER,
                             task_type=TaskType.VIDEO, title="短视频", offset_days=1, assignee=world.writer)
    with django_capture_on_commit_callbacks(execute=True):
        m = meeting(world, kind=MeetingKind.DIRECTORS)
    titles = set(m.plan.tasks.values_list("title", flat=True))
    assert "会议安排提示" not in titles
    video = m.plan.tasks.get(title="短视频")
    assert video.assignee == world.writer and video.due_date == m.end_date + dt.timedelta(days=1)
    assert Notification.objects.filter(member=world.writer, kind="assigned").exists()


def test_a_template_line_before_the_meeting_cannot_fall_after_it(world):
    with pytest.raises(ServiceError) as exc:
        plans.template_item_save(member=world.coordinator, kind=MeetingKind.STANDING, phase=Phase.BEFORE,
                                 task_type=TaskType.PLAN, title="方案", offset_days=3)
    assert exc.value.field == "offset_days"


def test_a_writer_cannot_schedule_a_meeting_or_edit_templates(world):
    with pytest.raises(PermissionDenied):
        meeting(world.__class__(**{**world.__dict__, "coordinator": world.writer}))
    with pytest.raises(PermissionDenied):
        plans.template_item_save(member=world.writer, kind=MeetingKind.STANDING, phase=Phase.AFTER,
                                 task_type=TaskType.SUMMARY, title="x", offset_days=1)


def test_a_meeting_cannot_end_before_it_starts(world):
    with pytest.raises(ServiceError):
        plans.meeting_create(member=world.coordinator, kind=MeetingKind.STANDING, title="x",
                             start_date=dt.date(2026, 12, 2), end_date=dt.date(2026, 12, 1))


def test_tasks_are_added_moved_and_reassigned_with_a_lock(world, django_capture_on_commit_callbacks):
    m = meeting(world)
    task = plans.task_add(member=world.coordinator, plan=m.plan, phase=Phase.AFTER, task_type=TaskType.OTHER,
                          title="专题片", due_date=m.end_date + dt.timedelta(days=5), assignee=world.writer)
    version = task.version
    with django_capture_on_commit_callbacks(execute=True):
        plans.task_update(member=world.coordinator, task=task, version=version, title="专题片",
                          phase=Phase.AFTER, due_date=m.end_date + dt.timedelta(days=9), assignee=world.writer2)
    task.refresh_from_db()
    assert task.assignee == world.writer2 and task.due_date == m.end_date + dt.timedelta(days=9)
    assert Notification.objects.filter(member=world.writer2, kind="assigned").exists()
    with pytest.raises(StaleError):
        plans.task_update(member=world.coordinator, task=task, version=version, title="专题片",
                          phase=Phase.AFTER, due_date=m.end_date, assignee=world.writer)


def test_another_congress_member_cannot_be_assigned(world):
    m = meeting(world)
    with pytest.raises(ServiceError):
        plans.task_add(member=world.coordinator, plan=m.plan, phase=Phase.AFTER, task_type=TaskType.OTHER,
                       title="x", due_date=m.end_date, assignee=world.outsider)


def test_a_task_is_done_when_its_manuscript_is_published(world):
    m = meeting(world, start=timezone.localdate() - dt.timedelta(days=5))
    task = m.plan.tasks.get(task_type=TaskType.INTERPRETATION)
    plans.task_update(member=world.coordinator, task=task, version=task.version, title=task.title,
                      phase=task.phase, due_date=task.due_date, assignee=world.writer)
    task.refresh_from_db()
    draft = manuscript(world, event_date=m.start_date)
    plans.task_link_manuscript(member=world.writer, task=task, manuscript=draft)
    task = selectors.tasks(world.congress).get(pk=task.pk)
    assert not task.is_done
    publish(world, draft)
    task = selectors.tasks(world.congress).get(pk=task.pk)
    assert task.manuscript.state == State.PUBLISHED
    assert task.is_done and not task.is_late(timezone.localdate() + dt.timedelta(days=30))
    assert selectors.completed_on(task) == timezone.localdate()
    assert CoverageTask.objects.filter(selectors.DONE, pk=task.pk).exists()


def test_a_late_task_stands_out_and_a_marked_one_does_not(world):
    m = meeting(world, start=timezone.localdate() - dt.timedelta(days=20))
    today = timezone.localdate()
    late = list(CoverageTask.objects.filter(selectors.late_filter(today), plan=m.plan))
    assert len(late) == m.plan.tasks.count()
    plan_task = m.plan.tasks.get(task_type=TaskType.PLAN)
    plans.task_mark_done(member=world.coordinator, task=plan_task)
    assert not CoverageTask.objects.filter(selectors.late_filter(today), pk=plan_task.pk).exists()


def test_only_the_assignee_or_a_manager_updates_a_task(world):
    m = meeting(world)
    task = m.plan.tasks.first()
    with pytest.raises(PermissionDenied):
        plans.task_mark_done(member=world.writer, task=task)
    with pytest.raises(PermissionDenied):
        plans.task_link_manuscript(member=world.outsider, task=task, manuscript=None)


def test_a_manuscript_of_another_congress_cannot_be_linked(world):
    m = meeting(world)
    task = m.plan.tasks.first()
    from tribune.newsroom.services import writing

    foreign = writing.manuscript_create(member=world.outsider, title="外区稿件", body="x")
    with pytest.raises(ServiceError):
        plans.task_link_manuscript(member=world.coordinator, task=task, manuscript=foreign)


def test_moving_a_meeting_moves_its_open_tasks_but_not_the_done_ones(world):
    start = dt.date(2026, 12, 7)
    m = meeting(world, start=start, days=2)
    plan_task = m.plan.tasks.get(task_type=TaskType.PLAN)
    plans.task_mark_done(member=world.coordinator, task=plan_task)
    before = {t.pk: t.due_date for t in m.plan.tasks.all()}
    plans.meeting_update(member=world.coordinator, meeting=m, title=m.title, start_date=start + dt.timedelta(days=3),
                         end_date=start + dt.timedelta(days=5))
    for task in m.plan.tasks.all():
        if task.pk == plan_task.pk:
            assert task.due_date == before[task.pk]
        elif task.phase == Phase.AFTER:
            assert task.due_date == before[task.pk] + dt.timedelta(days=4)
        else:
            assert task.due_date == before[task.pk] + dt.timedelta(days=3)
