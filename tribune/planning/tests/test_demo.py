"""The planning demo: what the issue promises is there and consistent."""

import datetime as dt
import random

import pytest
from django.db import transaction

from tribune.kit.demo import DemoContext
from tribune.newsroom.models import JointReport, Topic
from tribune.planning import selectors
from tribune.planning.models import Activity, Invitation, Meeting, RegularMeeting
from tribune.planning.pack import PackExporter, build_pack

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The organisation and planning parts of the demo only: the newsroom's 150 manuscripts take
    most of a full build, and web's demo test already builds everything together."""
    from tribune.org import demo as org_demo
    from tribune.planning import demo as planning_demo

    with django_db_blocker.unblock(), transaction.atomic():
        ctx = DemoContext(today=TODAY, rng=random.Random(20261127))
        org_demo.build(ctx)
        planning_demo.build(ctx)
        yield ctx
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_last_months_meeting_was_covered_in_full(built):
    gaocheng = built.congresses["gaocheng"]
    last = Meeting.objects.get(congress=gaocheng, start_date__month=10)
    tasks = list(selectors.tasks(gaocheng).filter(plan__meeting=last))
    assert tasks and all(t.is_done for t in tasks)
    assert last.key_points.filter(is_hot=True).exists()
    assert last.key_points.filter(used_in__isnull=False).count() == 5


def test_next_weeks_meeting_is_in_progress(built):
    gaocheng = built.congresses["gaocheng"]
    upcoming = Meeting.objects.get(congress=gaocheng, start_date__gt=TODAY)
    assert upcoming.start_date - TODAY <= dt.timedelta(days=11)
    tasks = list(selectors.tasks(gaocheng).filter(plan__meeting=upcoming))
    done = [t for t in tasks if t.is_done]
    assert 0 < len(done) < len(tasks)
    assert any(t.manuscript_id for t in tasks if not t.is_done)


def test_activities_invited_journalists_and_some_came(built):
    gaocheng = built.congresses["gaocheng"]
    assert Activity.objects.filter(congress=gaocheng).count() == 5
    assert Invitation.objects.filter(activity__congress=gaocheng, came=True).count() >= 3
    assert Invitation.objects.filter(activity__congress=gaocheng, came=None).exists()


def test_topics_some_in_the_tray_and_suggestions(built):
    gaocheng = built.congresses["gaocheng"]
    assert selectors.undated_topics(gaocheng).count() >= 3
    assert Topic.objects.filter(congress=gaocheng, due_date__isnull=False).count() >= 5
    assert selectors.suggestions(gaocheng, TODAY)


def test_joint_reports_over_two_years(built):
    gaocheng = built.congresses["gaocheng"]
    years = set(JointReport.objects.filter(manuscript__congress=gaocheng).values_list("recorded_at__year", flat=True))
    assert len(years) >= 1 and JointReport.objects.filter(manuscript__congress=gaocheng).count() >= 4


def test_two_earlier_regular_meetings_and_a_pack_with_numbers(built):
    gaocheng = built.congresses["gaocheng"]
    assert RegularMeeting.objects.filter(congress=gaocheng).count() == 2
    pack = build_pack(gaocheng, TODAY)
    assert len(pack.carried_items) == 3
    assert any(i.done_at for i in pack.carried_items) and any(not i.done_at for i in pack.carried_items)
    total = pack.now[None]
    assert total.submissions > 0 and total.reviews > 0 and total.topics_proposed > 0
    assert pack.previous_period.end == pack.period.start == TODAY - dt.timedelta(days=14)
    sections = PackExporter(pack).sections()
    assert all(section.caption for section in sections)
