"""The ledger page never names what the viewer may not see: another district's titles, people
and offices, or — for the city assessing its districts — a district's unpublished pieces
(docs/access.md)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tribune.assessment.scoring import schemes
from tribune.assessment.tests.reports_helpers import approved, aware, publish
from tribune.newsroom.services import publishing, writing
from tribune.outlets.models import Outlet


@pytest.fixture
def facts(world):
    """In 藁城: a published piece, a piece sent to an outlet but not published, and a draft;
    schemes of 藁城 and of the city for this year."""
    today = timezone.localdate()
    schemes.scheme_create(member=None, congress=world.congress, year=today.year, system=True)
    schemes.scheme_create(member=None, congress=world.city, year=today.year, system=True)
    day = max(today - dt.timedelta(days=3), dt.date(today.year, 1, 1))
    published = publish(world, "已刊发的执法检查报道", on=day).submission.manuscript
    pending = approved(world, "尚未刊发的内部稿件")
    outlet = Outlet.objects.get(congress=world.congress, name="河北日报")
    publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=pending, version=pending.version,
                                            outlets=[outlet], submitted_at=aware(day))
    draft = writing.manuscript_create(member=world.writer, title="草稿里的秘密标题", body="草稿。")
    return {"published": published, "pending": pending, "draft": draft}


def ledger(client, viewer, **query):
    client.force_login(viewer.user)
    return client.get(reverse("assessment:ledger"), query)


@pytest.mark.parametrize("which", ["published", "pending", "draft"])
def test_another_district_learns_no_title_by_a_manuscript_id(client, world, facts, which):
    manuscript = facts[which]
    response = ledger(client, world.outsider, manuscript=manuscript.pk)
    assert response.status_code == 200
    assert manuscript.title not in response.content.decode()


def test_another_district_learns_no_name_of_a_person_or_office_by_id(client, world, facts):
    html = ledger(client, world.outsider, member=world.writer.pk).content.decode()
    assert world.writer.name not in html
    html = ledger(client, world.outsider, office=world.office.pk).content.decode()
    assert world.office.name not in html


def test_the_districts_own_staff_see_their_titles_and_names(client, world, facts):
    html = ledger(client, world.writer2, manuscript=facts["pending"].pk).content.decode()
    assert facts["pending"].title in html
    assert world.writer.name in ledger(client, world.writer2, member=world.writer.pk).content.decode()


@pytest.mark.parametrize("who", ["outsider", "city_coordinator", "city_director"])
def test_no_one_outside_opens_a_districts_own_ledger_by_its_code(client, world, facts, who):
    response = ledger(client, getattr(world, who), congress=world.congress.code)
    assert response.status_code == 404


def test_the_city_sees_a_districts_published_work_under_its_own_scheme(client, world, facts):
    response = ledger(client, world.city_coordinator, by=world.city.code, congress=world.congress.code)
    assert response.status_code == 200
    html = response.content.decode()
    assert facts["published"].title in html
    assert world.writer.name in html and world.office.name in html
    # The pending piece scored under the city's scheme too (it was sent), so its line is there,
    # adding up to the ranking, but its title is not.
    assert facts["pending"].title not in html and facts["draft"].title not in html
    assert "未刊发稿件，不显示标题" in html
    # A district's manuscript page stays closed to the city: no link to it.
    assert reverse("newsroom:manuscript", args=[facts["published"].pk]) not in html


def test_the_city_learns_no_unpublished_title_by_filtering_on_it(client, world, facts):
    for which in ("pending", "draft"):
        response = ledger(client, world.city_director, by=world.city.code, congress=world.congress.code,
                          manuscript=facts[which].pk)
        assert response.status_code == 200
        assert facts[which].title not in response.content.decode()


def test_the_city_may_not_read_a_district_under_another_congress_scheme(client, world, facts):
    # `by` must be the viewer's own congress: the district's own scheme is the district's.
    response = ledger(client, world.city_coordinator, by=world.congress.code, congress=world.congress.code)
    assert response.status_code == 404
    # A district is not an ancestor of its neighbour.
    response = ledger(client, world.outsider, by=world.other_congress.code, congress=world.congress.code)
    assert response.status_code in (403, 404)


def test_the_citys_notice_of_its_districts_names_only_published_pieces(client, world, facts):
    from tribune.assessment.reports.notice import NoticeExporter
    from tribune.assessment.scoring.periods import Month

    today = timezone.localdate()
    report = NoticeExporter(world.city, Month(today.year, today.month), upward=True).report()
    titles = [row[1].value for row in report.table("best").rows]
    assert facts["pending"].title not in titles
    assert all(row[1].url == "" for row in report.table("best").rows)
