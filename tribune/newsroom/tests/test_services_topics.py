"""The topic pool: who proposes topics, and scheduling one from the tray."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.newsroom.services.topics import topic_create, topic_schedule
from tribune.org.errors import ServiceError
from tribune.org.models import Notification


def test_topics_are_proposed_by_editorial_leads_only(world):
    with pytest.raises(PermissionDenied):
        topic_create(member=world.writer, title="选题")
    with pytest.raises(ServiceError):
        topic_create(member=world.coordinator, title="跨区", office=world.outsider.office)
    topic = topic_create(member=world.coordinator, title="代表履职故事", office=world.office,
                         assignee=world.writer, due_date=timezone.localdate())
    assert topic.congress == world.congress


def test_a_topic_from_the_tray_gets_a_date_and_a_writer(world, django_capture_on_commit_callbacks):
    topic = topic_create(member=world.coordinator, title="没有日期的选题")
    with django_capture_on_commit_callbacks(execute=True):
        topic_schedule(member=world.office_head, topic=topic, due_date=dt.date(2026, 12, 1),
                                office=world.office, assignee=world.writer)
    topic.refresh_from_db()
    assert topic.due_date == dt.date(2026, 12, 1) and topic.assignee == world.writer
    assert Notification.objects.filter(member=world.writer, kind="assigned").exists()
    with pytest.raises(PermissionDenied):
        topic_schedule(member=world.writer, topic=topic, due_date=None)
    topic_schedule(member=world.coordinator, topic=topic, due_date=None, close=True)
    topic.refresh_from_db()
    assert topic.closed_at is not None and topic.due_date is None
