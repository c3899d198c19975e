"""Commissioned pieces: who records them, and a missed one costs the office points."""

import datetime as dt

import pytest
from django.urls import reverse

from tribune.assessment.models import Commission, ScoreEntry
from tribune.assessment.scoring.schemes import scheme_create
from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, member):
    assert client.login(username=member.user.username, password=PASSWORD)


@pytest.mark.parametrize("role, list_status, add_status", [
    ("writer", 200, 403), ("director", 200, 403), ("coordinator", 200, 302), ("admin", 200, 403),
    ("auditor", 403, 403),
])
def test_permission_matrix(client, world, role, list_status, add_status):
    login(client, getattr(world, role))
    assert client.get(reverse("assessment:commissions")).status_code == list_status
    response = client.post(reverse("assessment:commission_add"),
                           {"title": "约稿", "office": world.office.pk, "due_date": "2026-03-01"})
    assert response.status_code == add_status


def test_the_outsider_cannot_mark_our_piece_delivered(client, world):
    piece = Commission.objects.create(congress=world.congress, office=world.office, title="约稿",
                                      due_date=dt.date(2026, 3, 1))
    login(client, world.outsider)
    assert client.post(reverse("assessment:commission_delivered", args=[piece.pk])).status_code == 404


def test_a_missed_piece_costs_the_office_and_delivery_takes_it_back(client, world):
    scheme_create(member=world.coordinator, congress=world.congress, year=2026,
                  text="name: 细则\ndeductions: {commission_missed: 5}\n")
    login(client, world.coordinator)
    client.post(reverse("assessment:commission_add"),
                {"title": "人大代表风采", "office": world.office.pk, "due_date": "2026-03-01",
                 "requested_by": "河北日报"})
    piece = Commission.objects.get()
    from tribune.assessment.scoring import selectors

    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: -5}
    html = client.get(reverse("assessment:commissions")).content.decode()
    assert "人大代表风采" in html and html.count("<h1") == 1
    client.post(reverse("assessment:commission_delivered", args=[piece.pk]), {"delivered_on": "2026-02-27"})
    assert selectors.office_totals(world.congress, *year) == {}
    assert not ScoreEntry.objects.exists()


def test_bad_input_is_refused_with_a_message(client, world):
    login(client, world.coordinator)
    for data in ({"title": "x", "office": world.office.pk, "due_date": "soon"},
                 {"title": "", "office": world.office.pk, "due_date": "2026-03-01"},
                 {"title": "x", "office": "abc", "due_date": "2026-03-01"}):
        response = client.post(reverse("assessment:commission_add"), data, follow=True)
        assert response.status_code == 200
    assert not Commission.objects.exists()
