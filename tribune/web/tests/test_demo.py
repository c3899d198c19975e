"""The demo data set: complete, consistent, and loaded only once."""

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Count

from tribune.newsroom.models import Manuscript, MetricSnapshot, Publication
from tribune.newsroom.services import manuscript_facts
from tribune.newsroom.states import State, derive_state
from tribune.org.models import Member, Role
from tribune.web import demo


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end (the demo
    takes seconds; each test still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(today=dt.date(2026, 11, 27))
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_demo_has_every_login_it_prints(built):
    usernames = set(Member.objects.values_list("user__username", flat=True))
    assert {u for u, _label in demo.LOGINS} <= usernames
    gaocheng = built.congresses["gaocheng"]
    roles = set(Member.objects.filter(congress=gaocheng).values_list("roles__role", flat=True))
    assert roles == set(Role.values)
    assert 20 <= Member.objects.filter(congress=gaocheng).count() <= 30
    assert gaocheng.offices.count() == 8
    head1 = Member.objects.get(user__username="head1")
    assert head1.office == Member.objects.get(user__username="writer1").office


def test_the_demo_has_manuscripts_in_every_state_at_every_level(built):
    gaocheng = built.congresses["gaocheng"]
    states = dict(Manuscript.objects.filter(congress=gaocheng).values_list("state").annotate(n=Count("id")))
    assert set(states) == set(State.values)
    # About 150: most from the newsroom demo, a few more from planning's and deputies' stories.
    assert 130 <= sum(states.values()) <= 180
    levels = set(Publication.objects.filter(submission__manuscript__congress=gaocheng)
                 .values_list("submission__outlet__level", flat=True))
    assert levels == {"national", "provincial", "city", "county"}
    assert MetricSnapshot.objects.filter(publication__submission__manuscript__congress=gaocheng).exists()
    newsroom_demo = Manuscript.objects.filter(pk__in=[m.pk for m in built.extra["manuscripts"]])
    assert newsroom_demo.order_by("created_at").first().created_at.date() >= dt.date(2025, 11, 27)


def test_cached_states_agree_with_the_facts(built):
    for manuscript in Manuscript.objects.all():
        assert derive_state(manuscript_facts(manuscript))[0] == manuscript.state, manuscript.pk


def test_running_the_demo_twice_duplicates_nothing(built):
    counts = (Member.objects.count(), Manuscript.objects.count())
    assert demo.build(today=dt.date(2026, 11, 27)) is None
    assert (Member.objects.count(), Manuscript.objects.count()) == counts
