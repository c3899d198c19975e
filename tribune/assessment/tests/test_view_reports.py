"""The report pages: permission matrix, bad input never a 500, query counts, downloads."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tribune.assessment import services
from tribune.assessment.periods import Month, Quarter, previous_month
from tribune.assessment.tests.reports_helpers import publish


def last_month() -> Month:
    today = timezone.localdate()
    return previous_month(Month(today.year, today.month))


@pytest.fixture
def scored(world):
    month = last_month()
    for year in {month.year, previous_month(month).year, timezone.localdate().year}:
        services.scheme_create(member=None, congress=world.congress, year=year, system=True)
        services.scheme_create(member=None, congress=world.city, year=year, system=True)
    publish(world, "区人大常委会开展执法检查", on=month.first + dt.timedelta(days=2))
    return month


def urls(month):
    quarter = Quarter.of(month.first)
    return {
        "home": reverse("assessment:home"),
        "notice": reverse("assessment:notice", args=[month.year, month.month]),
        "notice_docx": reverse("assessment:notice", args=[month.year, month.month]) + "?format=docx",
        "ranking": reverse("assessment:ranking", args=[quarter.year, quarter.quarter]),
        "ledger": reverse("assessment:ledger"),
        "awards": reverse("assessment:awards", args=[month.year]),
        "metrics_import": reverse("assessment:metrics_import"),
        "districts": reverse("assessment:notice", args=[month.year, month.month]) + "?districts=1",
        "other_congress": reverse("assessment:notice", args=[month.year, month.month]) + "?congress=t-luancheng",
    }


ROLES = ["writer", "office_head", "leader", "director", "coordinator", "auditor", "admin", "outsider",
         "city_coordinator"]
# (page, {role: status}); a role not named gets the page's default.
MATRIX = {
    "home": ({"auditor": 403}, 200),
    "notice": ({"auditor": 403}, 200),
    "notice_docx": ({"auditor": 403}, 200),
    "ranking": ({"auditor": 403}, 200),
    "ledger": ({"auditor": 403}, 200),
    "awards": ({"auditor": 403}, 200),
    "metrics_import": ({"coordinator": 200, "outsider": 200, "city_coordinator": 200}, 403),
    "districts": ({"city_coordinator": 200, "auditor": 403}, 404),
    "other_congress": ({"city_coordinator": 200, "outsider": 200}, 404),
}
CELLS = [(page, role, overrides.get(role, default)) for page, (overrides, default) in MATRIX.items() for role in ROLES]


@pytest.mark.parametrize("page, role, status", CELLS)
def test_permission_matrix(client, world, scored, page, role, status):
    member = getattr(world, role)
    client.force_login(member.user)
    url = urls(scored)[page]
    if role == "city_coordinator" and page in ("notice", "notice_docx", "ranking", "ledger", "awards", "home"):
        status = 200  # the city's own (empty) reports
    if role == "city_coordinator" and page == "other_congress":
        status = 200  # a district of the city
    assert client.get(url).status_code == status


def test_an_anonymous_visitor_is_sent_to_the_login(client, world):
    response = client.get(reverse("assessment:home"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("url", [
    "/assessment/notice/2026-13/", "/assessment/notice/1999-01/", "/assessment/ranking/2026-Q7/",
    "/assessment/notice/2026-10/?format=pdf", "/assessment/ledger/?from=bad&to=worse&office=x&member=-1&page=zz",
    "/assessment/ledger/?congress=nope", "/assessment/ledger/?by=t-city", "/assessment/awards/3000/",
    "/assessment/awards/2026/?offices=-4&writers=abc",
])
def test_bad_input_is_a_clean_answer_never_a_500(client, world, scored, url):
    client.force_login(world.coordinator.user)
    assert client.get(url).status_code in (200, 302, 400, 403, 404)


def test_wrong_methods_are_refused(client, world, scored):
    client.force_login(world.coordinator.user)
    month = scored
    assert client.post(reverse("assessment:notice", args=[month.year, month.month])).status_code == 405
    assert client.get(reverse("assessment:notice_focus", args=[month.year, month.month])).status_code == 405


def test_the_coordinator_writes_next_months_focus_and_the_notice_shows_it(client, world, scored):
    client.force_login(world.coordinator.user)
    month = scored
    url = reverse("assessment:notice", args=[month.year, month.month])
    response = client.post(reverse("assessment:notice_focus", args=[month.year, month.month]),
                           {"focus": "围绕人代会做好宣传报道"})
    assert response.status_code == 302
    assert "围绕人代会做好宣传报道" in client.get(url).content.decode()
    client.force_login(world.writer.user)
    client.post(reverse("assessment:notice_focus", args=[month.year, month.month]), {"focus": "改掉"})
    assert "改掉" not in client.get(url).content.decode()


def test_the_notice_page_has_one_h1_and_no_outside_reference(client, world, scored):
    client.force_login(world.director.user)
    html = client.get(urls(scored)["notice"]).content.decode()
    assert html.count("<h1") == 1
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("extra", [0, 6])
def test_the_notice_and_ledger_query_counts_do_not_grow_with_the_data(client, world, scored, extra,
                                                                        django_assert_max_num_queries):
    for i in range(extra):
        publish(world, f"稿件{i}", on=scored.first + dt.timedelta(days=3 + i))
    client.force_login(world.director.user)
    client.get(urls(scored)["notice"])  # the ledger is made fresh by the first read
    with django_assert_max_num_queries(45):
        assert client.get(urls(scored)["notice"]).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(urls(scored)["ledger"]).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(urls(scored)["ranking"]).status_code == 200


def test_the_xlsx_download_opens_and_holds_the_offices(client, world, scored):
    client.force_login(world.director.user)
    response = client.get(urls(scored)["notice"] + "?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert world.office.name in names and world.other_office.name in names


def test_the_city_ranks_its_districts_by_its_own_scheme(client, world, scored):
    client.force_login(world.city_coordinator.user)
    response = client.get(urls(scored)["districts"])
    assert response.status_code == 200
    rows = response.context["report"].table("units").rows
    names = [row[1].value for row in rows]
    assert "藁城区" in names and "栾城区" in names


def test_the_dashboard_shows_the_charts_to_editorial_staff_only(client, world, scored,
                                                                 django_assert_max_num_queries):
    client.force_login(world.director.user)
    client.get("/")
    with django_assert_max_num_queries(40):
        html = client.get("/").content.decode()
    assert "chart-activity" in html and "echarts.min.js" in html
    client.force_login(world.auditor.user)
    response = client.get("/")
    assert response.status_code != 200 or "chart-activity" not in response.content.decode()
