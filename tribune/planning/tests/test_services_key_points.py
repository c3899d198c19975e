import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.newsroom.models import ManuscriptKind
from tribune.org.errors import ServiceError
from tribune.planning.models import KeyPoint, TaskType
from tribune.planning.services import plans
from tribune.planning.tests.helpers import meeting


def test_staff_append_key_points_and_tag_hot_topics(world):
    m = meeting(world, start=timezone.localdate())
    a = plans.key_point_add(member=world.writer, meeting=m, text="审议通过了关于加强生态环境保护的决议")
    b = plans.key_point_add(member=world.writer2, meeting=m, text="老旧小区加装电梯问题", is_hot=True)
    plans.key_point_set_hot(member=world.office_head, point=a, is_hot=True)
    assert list(m.key_points.values_list("is_hot", flat=True)) == [True, True]
    assert [p.author for p in m.key_points.all()] == [world.writer, world.writer2]
    assert b.created_at >= a.created_at


def test_an_empty_key_point_is_refused(world):
    m = meeting(world)
    with pytest.raises(ServiceError):
        plans.key_point_add(member=world.writer, meeting=m, text="   ")


def test_auditors_and_outsiders_cannot_add_key_points(world):
    m = meeting(world)
    for who in (world.auditor, world.outsider, world.admin):
        with pytest.raises(PermissionDenied):
            plans.key_point_add(member=who, meeting=m, text="x")


def test_selected_points_become_a_new_media_draft_linked_to_the_task(world):
    m = meeting(world, start=timezone.localdate())
    p1 = plans.key_point_add(member=world.coordinator, meeting=m, text="要点一")
    plans.key_point_add(member=world.coordinator, meeting=m, text="不选这条")
    p3 = plans.key_point_add(member=world.writer, meeting=m, text="群众关心的停车难", is_hot=True)
    draft = plans.key_points_draft(member=world.coordinator, meeting=m, point_ids=[str(p3.pk), str(p1.pk), "x"])
    assert draft.kind == ManuscriptKind.NEWMEDIA
    assert draft.body.index("要点一") < draft.body.index("停车难")
    assert "不选这条" not in draft.body
    assert draft.event_date == m.start_date
    assert set(KeyPoint.objects.filter(used_in=draft).values_list("pk", flat=True)) == {p1.pk, p3.pk}
    assert m.plan.tasks.get(task_type=TaskType.NEWMEDIA).manuscript == draft


def test_a_draft_needs_a_selection(world):
    m = meeting(world)
    with pytest.raises(ServiceError):
        plans.key_points_draft(member=world.writer, meeting=m, point_ids=[])


def test_points_of_another_meeting_are_not_taken(world):
    m1, m2 = meeting(world), meeting(world, start=timezone.localdate() + dt.timedelta(days=30), title="第二次")
    other = plans.key_point_add(member=world.writer, meeting=m2, text="别的会")
    with pytest.raises(ServiceError):
        plans.key_points_draft(member=world.writer, meeting=m1, point_ids=[other.pk])
