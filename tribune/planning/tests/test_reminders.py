import datetime as dt

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tribune.org.models import Notification
from tribune.planning.models import TaskType
from tribune.planning.reminders import send_reminders
from tribune.planning.services import plans, regular_meetings
from tribune.planning.tests.helpers import meeting


def _assign_all(world, m, who):
    for task in m.plan.tasks.all():
        plans.task_update(member=world.coordinator, task=task, version=task.version, title=task.title,
                          phase=task.phase, due_date=task.due_date, assignee=who)


def test_due_and_overdue_reminders_are_sent_once(world, settings):
    settings.EMAIL_HOST = ""
    today = timezone.localdate()
    m = meeting(world, start=today + dt.timedelta(days=1))  # preview due today, plan overdue by six days
    _assign_all(world, m, world.writer)
    first = send_reminders()
    kinds = sorted(Notification.objects.filter(member=world.writer, key__startswith="remind:")
                   .values_list("kind", flat=True))
    assert "overdue" in kinds and "due_soon" in kinds
    assert first["created"] == len(kinds) == first["due"]
    second = send_reminders()
    assert second["created"] == 0
    assert Notification.objects.filter(member=world.writer, key__startswith="remind:").count() == len(kinds)


def test_a_done_task_is_not_reminded(world):
    today = timezone.localdate()
    m = meeting(world, start=today + dt.timedelta(days=1))
    _assign_all(world, m, world.writer)
    plan_task = m.plan.tasks.get(task_type=TaskType.PLAN)
    plans.task_mark_done(member=world.writer, task=plan_task)
    send_reminders()
    assert not Notification.objects.filter(key__contains=f"task:{plan_task.pk}:").exists()


def test_reminders_are_mailed_once_when_smtp_is_set(world, settings):
    settings.EMAIL_HOST = "mail.intranet"
    world.writer.user.email = "writer@example.org"
    world.writer.user.save()
    m = meeting(world, start=timezone.localdate() + dt.timedelta(days=1))
    _assign_all(world, m, world.writer)
    result = send_reminders()
    assert result["emailed"] == result["created"] > 0
    assert len(mail.outbox) == result["emailed"]
    send_reminders()
    assert len(mail.outbox) == result["emailed"]


def test_the_command_has_a_dry_run_that_writes_nothing(world, capsys):
    m = meeting(world, start=timezone.localdate())
    _assign_all(world, m, world.writer)
    call_command("remind", "--dry-run")
    assert not Notification.objects.filter(key__startswith="remind:").exists()
    call_command("remind")
    assert Notification.objects.filter(key__startswith="remind:").exists()
    assert "due:" in capsys.readouterr().out


def test_overdue_action_items_are_reminded(world):
    today = timezone.localdate()
    regular = regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=10))
    regular_meetings.action_item_add(member=world.director, meeting=regular, text="完成宣传方案",
                                     owner=world.coordinator,
                                     due_date=today - dt.timedelta(days=2))
    send_reminders()
    assert Notification.objects.filter(member=world.coordinator, key__startswith="remind:action:",
                                       kind="overdue").count() == 1
