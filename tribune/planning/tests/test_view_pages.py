"""Every planning page opens for the coordinator with one <h1> and no outside reference, with few
and with many rows at a bounded number of queries."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.models import Topic
from tribune.org.testing import PASSWORD
from tribune.outlets.models import MediaContact, Outlet
from tribune.planning.models import ActivityKind
from tribune.planning.services import activity_liaison, plans, regular_meetings, topic_proposals
from tribune.planning.tests.helpers import meeting


def login(client, member):
    assert client.login(username=member.user.username, password=PASSWORD)
    return client


def populate(world, n):
    today = timezone.localdate()
    outlet = Outlet.objects.filter(congress=world.congress).first()
    for i in range(n):
        m = meeting(world, start=today + dt.timedelta(days=i - n // 2), title=f"第{i}次常委会会议")
        plans.key_point_add(member=world.writer, meeting=m, text=f"要点{i}")
        a = activity_liaison.activity_create(member=world.coordinator, kind=ActivityKind.INSPECTION, title=f"视察{i}",
                                             start_date=today + dt.timedelta(days=i), offices=[world.office])
        c = MediaContact.objects.create(congress=world.congress, outlet=outlet, name=f"记者{i}")
        activity_liaison.invitation_add(member=world.coordinator, activity=a, contact=c)
        topic_proposals.topic_propose(member=world.coordinator, title=f"选题{i}", due_date=today if i % 2 else None)
        regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=7 * (i + 1)))
    return m, a, c


def pages(m, a, c):
    return [
        reverse("planning:calendar"), reverse("planning:calendar") + "?view=week",
        reverse("planning:calendar") + "?month=2026-02", reverse("newsroom:topics"), reverse("org:inbox"),
        reverse("planning:meetings"), reverse("planning:meeting_create"), reverse("planning:meeting", args=[m.pk]),
        reverse("planning:meeting_edit", args=[m.pk]), reverse("planning:task", args=[m.plan.tasks.first().pk]),
        reverse("planning:key_points", args=[m.pk]), reverse("planning:templates"),
        reverse("planning:templates") + "?kind=session", reverse("planning:activities"),
        reverse("planning:activity_create"), reverse("planning:activity", args=[a.pk]),
        reverse("planning:activity_edit", args=[a.pk]), reverse("planning:liaison"),
        reverse("planning:contact", args=[c.pk]), reverse("planning:regular"), reverse("planning:pack"),
        reverse("planning:pack") + "?date=2026-11-20", reverse("planning:topic_propose") + f"?meeting={m.pk}",
        reverse("newsroom:topic", args=[Topic.objects.filter(congress=m.congress).first().pk]),
    ]


@pytest.mark.parametrize("rows", [1, 6])
def test_every_page_opens_with_one_h1_and_bounded_queries(world, client, rows, django_assert_max_num_queries):
    m, a, c = populate(world, rows)
    login(client, world.coordinator)
    for url in pages(m, a, c):
        with django_assert_max_num_queries(20):
            response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if "key-points/" not in url:
            assert html.count("<h1") == 1, url
        assert not re.search(r"(src|href)=\"https?://", html), url


def test_the_docx_downloads(world, client):
    login(client, world.director)
    response = client.get(reverse("planning:pack_docx") + "?date=2026-11-20")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("query", ["?month=2026-13", "?month=abc", "?view=week&day=2026-02-31", "?month="])
def test_bad_calendar_parameters_fall_back_to_today(world, client, query):
    login(client, world.writer)
    assert client.get(reverse("planning:calendar") + query).status_code == 200


def test_a_bad_pack_date_falls_back_to_today(world, client):
    login(client, world.writer)
    assert client.get(reverse("planning:pack") + "?date=nonsense").status_code == 200


def test_the_calendar_shows_meetings_tasks_and_the_undated_topic_tray(world, client):
    today = timezone.localdate()
    m = meeting(world, start=today)
    topic_proposals.topic_propose(member=world.coordinator, title="没有日期的选题")
    login(client, world.writer)
    html = client.get(reverse("planning:calendar")).content.decode()
    assert m.title in html and "没有日期的选题" in html
    assert m.plan.tasks.filter(due_date__month=today.month).first().title in html


@pytest.mark.parametrize("rows", [1, 6])
def test_the_dashboard_panels_take_a_fixed_number_of_queries(world, rows, django_assert_num_queries):
    from tribune.planning.dashboard import panels

    populate(world, rows)
    coordinator = type(world.coordinator).objects.select_related("congress").get(pk=world.coordinator.pk)
    coordinator.role_codes  # noqa: B018 - warm the role cache, as the request middleware does
    with django_assert_num_queries(2):
        result = panels(coordinator)
    assert [p["template"] for p in result] == ["planning/partials/dashboard_tasks.html"] * 2


def test_a_writer_sees_only_their_own_panel(world):
    from tribune.planning.dashboard import panels

    assert len(panels(world.writer)) == 1
    assert panels(world.auditor) == []
