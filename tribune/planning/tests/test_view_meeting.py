import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tribune.org.testing import PASSWORD
from tribune.planning.models import CoverageTask, KeyPoint, Meeting, TaskType
from tribune.planning.services import activity_liaison, plans
from tribune.planning.tests.helpers import manuscript, meeting


def login(client, member):
    assert client.login(username=member.user.username, password=PASSWORD)


def test_scheduling_a_meeting_in_the_form_generates_its_plan(world, client):
    login(client, world.coordinator)
    response = client.post(reverse("planning:meeting_create"), {
        "kind": "directors", "title": "第五十次主任会议", "start_date": "2026-12-10", "place": "第一会议室"})
    meeting_ = Meeting.objects.get(title="第五十次主任会议")
    assert response.status_code == 303 and response["Location"] == reverse("planning:meeting", args=[meeting_.pk])
    assert meeting_.end_date == meeting_.start_date
    assert meeting_.plan.tasks.count() == len(plans.DEFAULT_TEMPLATES["directors"])


def test_a_bad_meeting_form_is_shown_again_with_the_error(world, client):
    login(client, world.coordinator)
    response = client.post(reverse("planning:meeting_create"), {
        "kind": "standing", "title": "x", "start_date": "2026-12-10", "end_date": "2026-12-01"})
    assert response.status_code == 200
    assert "结束日期不能早于开始日期" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_stale_task_form_changes_nothing(world, client):
    m = meeting(world)
    task = m.plan.tasks.first()
    login(client, world.coordinator)
    data = {"action": "edit", "title": task.title, "phase": task.phase, "due_date": "2026-12-20",
            "assignee": world.writer.pk, "version": task.version}
    assert client.post(reverse("planning:task", args=[task.pk]), data).status_code == 302
    data.update(due_date="2026-12-25", assignee=world.writer2.pk)
    response = client.post(reverse("planning:task", args=[task.pk]), data, follow=True)
    assert "有人修改了该任务" in response.content.decode()
    task.refresh_from_db()
    assert task.due_date == dt.date(2026, 12, 20) and task.assignee == world.writer


def test_the_assignee_links_a_manuscript_in_the_form(world, client):
    m = meeting(world)
    task = m.plan.tasks.get(task_type=TaskType.INTERPRETATION)
    CoverageTask.objects.filter(pk=task.pk).update(assignee=world.writer)
    draft = manuscript(world)
    login(client, world.writer)
    client.post(reverse("planning:task", args=[task.pk]), {"action": "link", "manuscript": draft.pk})
    task.refresh_from_db()
    assert task.manuscript == draft


def test_a_manuscript_of_another_congress_is_not_a_choice(world, client):
    from tribune.newsroom.services import writing

    m = meeting(world)
    task = m.plan.tasks.first()
    foreign = writing.manuscript_create(member=world.outsider, title="外区", body="x")
    login(client, world.coordinator)
    response = client.post(reverse("planning:task", args=[task.pk]), {"action": "link", "manuscript": foreign.pk})
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.manuscript is None


def test_an_htmx_key_point_answers_204_and_the_poll_returns_only_new_points(world, client):
    m = meeting(world, start=timezone.localdate())
    first = plans.key_point_add(member=world.coordinator, meeting=m, text="第一条")
    login(client, world.writer)
    response = client.post(reverse("planning:key_point_add", args=[m.pk]), {"text": "第二条"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Trigger"] == "key-points-changed"
    poll = client.get(reverse("planning:key_points", args=[m.pk]) + f"?after={first.pk}").content.decode()
    assert "第二条" in poll and "第一条" not in poll
    second = KeyPoint.objects.get(text="第二条")
    assert f"after={second.pk}" in poll and 'hx-swap-oob="beforeend:#kp-items"' in poll
    nothing_new = client.get(reverse("planning:key_points", args=[m.pk]) + f"?after={second.pk}").content.decode()
    assert "hx-swap-oob" not in nothing_new


def test_an_empty_htmx_key_point_is_refused_with_a_message(world, client):
    m = meeting(world)
    login(client, world.writer)
    response = client.post(reverse("planning:key_point_add", args=[m.pk]), {"text": " "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert not KeyPoint.objects.exists()


def test_drafting_without_a_selection_explains_why(world, client):
    m = meeting(world)
    login(client, world.writer)
    response = client.post(reverse("planning:key_points_draft", args=[m.pk]), {}, follow=True)
    assert "请至少选择一条要点" in response.content.decode()


def test_a_stale_meeting_form_changes_nothing_and_shows_the_meeting_as_it_is(world, client):
    m = meeting(world)
    login(client, world.coordinator)
    form = {"start_date": m.start_date.isoformat(), "end_date": m.end_date.isoformat(), "place": m.place,
            "agenda": "", "version": m.version}
    url = reverse("planning:meeting_edit", args=[m.pk])
    client.post(url, {**form, "title": "第一次修改后的会议名称"})
    response = client.post(url, {**form, "title": "旧表单里的会议名称"}, follow=True)
    assert Meeting.objects.get(pk=m.pk).title == "第一次修改后的会议名称"
    html = response.content.decode()
    assert "您打开后有人修改了" in html and "第一次修改后的会议名称" in html


def test_a_stale_activity_form_changes_nothing(world, client):
    from tribune.planning.models import Activity

    activity = activity_liaison.activity_create(member=world.coordinator, kind="inspection", title="视察营商环境",
                                                start_date=timezone.localdate())
    login(client, world.coordinator)
    form = {"kind": "inspection", "start_date": activity.start_date.isoformat(), "version": activity.version}
    url = reverse("planning:activity_edit", args=[activity.pk])
    client.post(url, {**form, "title": "第一次修改"})
    client.post(url, {**form, "title": "旧表单"})
    assert Activity.objects.get(pk=activity.pk).title == "第一次修改"


def test_the_key_points_poll_is_marked_as_polling_so_it_keeps_no_idle_session_alive(world, client):
    login(client, world.writer)
    html = client.get(reverse("planning:meeting", args=[meeting(world).pk])).content.decode()
    assert 'hx-trigger="every 2s' in html and "X-Tribune-Poll" in html
