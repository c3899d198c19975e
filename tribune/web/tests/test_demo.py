"""The demo data set: complete, consistent, and loaded only once."""

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Count

from tribune.newsroom.models import Manuscript, MetricSnapshot, Publication
from tribune.newsroom.services.state import manuscript_facts
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


def test_kept_versions_are_dated_within_their_manuscripts_history(built):
    from django.db.models import Max

    from tribune.newsroom.models import ManuscriptVersion

    latest_request = dict(Manuscript.objects.annotate(last=Max("review_requests__requested_at"))
                          .values_list("pk", "last"))
    newsroom_demo = [m.pk for m in built.extra["manuscripts"]]
    for version in ManuscriptVersion.objects.filter(manuscript__in=newsroom_demo).select_related("manuscript"):
        assert version.manuscript.created_at <= version.saved_at <= latest_request[version.manuscript_id]


def test_another_districts_demo_pieces_speak_of_their_own_district_and_people(built):
    from tribune.newsroom.models import Manuscript
    from tribune.org.models import Member

    gaocheng_names = set(Member.objects.filter(congress__code="gaocheng").values_list("name", flat=True))
    gaocheng_names |= {"殷光宁"}  # the source article's 监制, named on 藁城's pieces
    for code, place in (("luancheng", "栾城"), ("zhengding", "正定")):
        pieces = Manuscript.objects.filter(congress__code=code)
        assert pieces.exists()
        for m in pieces:
            text = m.title + m.body
            assert "藁城" not in text, (code, m.title)
            assert m.editor not in gaocheng_names and m.supervisor not in gaocheng_names, (code, m.title)
        assert any(place in m.body for m in pieces)
