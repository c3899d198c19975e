"""Annual awards: candidates by criteria from the ledger, confirmation by the committee, the .docx."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tribune.assessment.models import Award, ScoreEntry
from tribune.assessment.reports import awards
from tribune.assessment.scoring import schemes
from tribune.assessment.scoring.periods import Month, previous_month
from tribune.assessment.tests.reports_helpers import publish
from tribune.kit import report as exporters
from tribune.org.errors import ServiceError


@pytest.fixture
def year(world):
    today = timezone.localdate()
    month = previous_month(Month(today.year, today.month))
    schemes.scheme_create(member=None, congress=world.congress, year=month.year, system=True)
    publish(world, "区人大常委会开展执法检查", on=month.first + dt.timedelta(days=1))
    publish(world, "代表之家迎来新访客", on=month.first + dt.timedelta(days=2), outlet="石家庄日报")
    publish(world, "财经委听取预算执行情况汇报", on=month.first + dt.timedelta(days=3), outlet="藁城区融媒体中心",
            writer=world.writer2)
    return month.year


def test_candidates_follow_the_ledger_and_the_criteria(world, year):
    pool = awards.candidates(world.congress, year, awards.Criteria(offices=1, writers=5, min_city=2, manuscripts=2))
    assert [c.key for c in pool["office"]] == [world.office.pk]
    office_points = ScoreEntry.objects.filter(congress=world.congress, year=year, subject_kind="office",
                                              office=world.office).aggregate(s=Sum("points"))["s"]
    assert pool["office"][0].points == office_points
    # writer2 has only a county publication: below the city-level minimum.
    assert [c.key for c in pool["writer"]] == [world.writer.pk]
    assert pool["writer"][0].city_or_above == 2
    assert len(pool["manuscript"]) == 2 and pool["manuscript"][0].points >= pool["manuscript"][1].points
    stricter = awards.candidates(world.congress, year, awards.Criteria(min_city=3))
    assert stricter["writer"] == []


def test_the_committee_confirms_and_the_list_prints(world, year):
    criteria = awards.Criteria()
    pool = awards.candidates(world.congress, year, criteria)
    awards.awards_confirm(member=world.director, congress=world.congress, year=year, category="office",
                          chosen=[pool["office"][0].key], criteria=criteria)
    awards.awards_confirm(member=world.coordinator, congress=world.congress, year=year, category="writer",
                          chosen=[world.writer.pk], criteria=criteria)
    # Confirming again replaces, never doubles.
    awards.awards_confirm(member=world.coordinator, congress=world.congress, year=year, category="writer",
                          chosen=[world.writer.pk], criteria=criteria)
    assert Award.objects.filter(year=year).count() == 2
    report = awards.AwardsExporter(world.congress, year).report()
    document = Document(io.BytesIO(exporters.render_docx(report)))
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert any(row[1] == world.office.name for row in cells)
    assert any(row[1] == world.writer.name for row in cells)
    # Each list has the columns its awards need: an office is its own name, a manuscript a title.
    headers = [[c.text for c in table.rows[0].cells] for table in document.tables]
    assert headers == [["序号", "委室", "得分"], ["序号", "姓名", "委室", "得分"], ["序号", "标题", "委室", "得分"]]


@pytest.mark.parametrize("who", ["writer", "office_head", "leader", "admin", "outsider"])
def test_only_the_committee_confirms(world, year, who):
    with pytest.raises(PermissionDenied):
        awards.awards_confirm(member=getattr(world, who), congress=world.congress, year=year, category="office",
                              chosen=[], criteria=awards.Criteria())


def test_a_non_candidate_cannot_be_confirmed(world, year):
    with pytest.raises(ServiceError):
        awards.awards_confirm(member=world.director, congress=world.congress, year=year, category="writer",
                              chosen=[world.writer2.pk], criteria=awards.Criteria())
    assert not Award.objects.exists()


def test_the_awards_page_confirms_by_post(client, world, year):
    client.force_login(world.director.user)
    url = reverse("assessment:awards", args=[year])
    page = client.get(url)
    assert page.status_code == 200 and page.content.decode().count("<h1") == 1
    running = year == timezone.localdate().year
    assert ("尚未结束，统计至" in page.content.decode()) == running
    earlier = client.get(reverse("assessment:awards", args=[timezone.localdate().year - 1])).content.decode()
    assert "尚未结束" not in earlier
    response = client.post(url, {"category": "office", "chosen": [str(world.office.pk)], "offices": 3,
                                 "writers": 5, "min_city": 2, "manuscripts": 10})
    assert response.status_code == 302
    assert Award.objects.get().office == world.office
    docx = client.get(url + "?format=docx")
    assert docx.status_code == 200 and docx["Content-Type"] == exporters.DOCX
