"""Deleting a meeting, an activity or a task entered by mistake, and refusing while work hangs on it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry
from tribune.planning.models import Activity, CoveragePlan, CoverageTask, Meeting, TaskType
from tribune.planning.services import activity_liaison, plans
from tribune.planning.tests.helpers import manuscript, meeting
from tribune.planning.tests.test_services_activities import activity, contact

pytestmark = pytest.mark.django_db


def _task(world, plan, title="会后综述"):
    return plans.task_add(member=world.coordinator, plan=plan, phase="after", task_type=TaskType.SUMMARY,
                          title=title, due_date=timezone.localdate() + dt.timedelta(days=12))


def test_a_meeting_scheduled_by_mistake_is_deleted_with_its_plan(world):
    m = meeting(world)
    assert m.plan.tasks.exists()
    with pytest.raises(PermissionDenied):
        plans.meeting_delete(member=world.writer, meeting=m)
    plans.meeting_delete(member=world.coordinator, meeting=m)
    assert not Meeting.objects.exists() and not CoveragePlan.objects.exists() and not CoverageTask.objects.exists()
    entry = AuditEntry.objects.get(action="meeting.delete")
    assert entry.detail["title"] == "区十七届人大常委会第二十次会议" and entry.congress_id == world.congress.pk


def test_a_meeting_with_key_points_or_worked_tasks_is_kept(world):
    m = meeting(world)
    plans.key_point_add(member=world.writer, meeting=m, text="会议审议通过了两项决定")
    with pytest.raises(ServiceError, match="已记录会议要点"):
        plans.meeting_delete(member=world.coordinator, meeting=m)
    other = meeting(world, title="另一次会议")
    task = other.plan.tasks.first()
    plans.task_link_manuscript(member=world.coordinator, task=task, manuscript=manuscript(world))
    with pytest.raises(ServiceError, match="有报道任务已关联稿件"):
        plans.meeting_delete(member=world.coordinator, meeting=other)
    assert Meeting.objects.count() == 2 and not AuditEntry.objects.filter(action="meeting.delete").exists()


def test_an_activity_is_kept_once_anything_records_it(world):
    bare = activity(world)
    activity_liaison.activity_delete(member=world.coordinator, activity=bare)
    assert not Activity.objects.exists()

    invited = activity(world)
    activity_liaison.invitation_add(member=world.coordinator, activity=invited, contact=contact(world))
    with pytest.raises(ServiceError, match="已邀请记者"):
        activity_liaison.activity_delete(member=world.coordinator, activity=invited)
    assert Activity.objects.count() == 1  # (one a deputy's story tells of: deputies/tests/test_story_activity.py)


def test_a_task_is_deleted_on_the_version_shown_and_never_once_worked(world):
    m = meeting(world)
    task = _task(world, m.plan)
    with pytest.raises(ServiceError):
        plans.task_delete(member=world.coordinator, task=task, version=task.version + 1)  # stale page
    with pytest.raises(ServiceError):
        plans.task_delete(member=world.coordinator, task=task, version="")
    plans.task_delete(member=world.coordinator, task=task, version=task.version)
    assert not CoverageTask.objects.filter(pk=task.pk).exists()
    done = _task(world, m.plan, title="拍摄照片")
    plans.task_mark_done(member=world.coordinator, task=done)
    with pytest.raises(ServiceError):
        plans.task_delete(member=world.coordinator, task=done, version=done.version)
    assert CoverageTask.objects.filter(pk=done.pk).exists()


def test_the_pages_delete_and_explain_a_refusal(client, world):
    m = meeting(world)
    plans.key_point_add(member=world.writer, meeting=m, text="要点")
    client.force_login(world.coordinator.user)
    edit = reverse("planning:meeting_edit", args=[m.pk])
    assert "删除会议" in client.get(edit).content.decode()
    unconfirmed = client.post(edit, {"action": "delete"}, follow=True)
    assert "请先勾选确认后再删除" in unconfirmed.content.decode()
    refused = client.post(edit, {"action": "delete", "confirm": "1"}, follow=True)
    assert "该会议不能删除：已记录会议要点。请改为修改。" in refused.content.decode()
    assert Meeting.objects.filter(pk=m.pk).exists()

    task = _task(world, m.plan)
    page = reverse("planning:task", args=[task.pk])
    assert "删除任务" in client.get(page).content.decode()
    done = client.post(page, {"action": "delete", "version": task.version}, follow=True)
    assert "任务已删除" in done.content.decode() and not CoverageTask.objects.filter(pk=task.pk).exists()

    a = activity(world)
    response = client.post(reverse("planning:activity_edit", args=[a.pk]), {"action": "delete", "confirm": "1"})
    assert response.status_code == 302 and not Activity.objects.filter(pk=a.pk).exists()


def test_a_writer_cannot_delete_through_the_pages(client, world):
    m = meeting(world)
    task = m.plan.tasks.first()
    client.force_login(world.writer.user)
    assert client.post(reverse("planning:meeting_edit", args=[m.pk]),
                       {"action": "delete", "confirm": "1"}).status_code == 403
    assert client.post(reverse("planning:task", args=[task.pk]),
                       {"action": "delete", "version": task.version}).status_code == 403
    assert Meeting.objects.filter(pk=m.pk).exists() and CoverageTask.objects.filter(pk=task.pk).exists()
