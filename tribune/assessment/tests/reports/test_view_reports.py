"""The report pages: permission matrix, bad input never a 500, query counts, downloads."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tribune.assessment.scoring import ledger, schemes
from tribune.assessment.scoring.periods import Month, Quarter, previous_month
from tribune.assessment.tests.reports_helpers import publish


def last_month() -> Month:
    today = timezone.localdate()
    return previous_month(Month(today.year, today.month))


@pytest.fixture
def scored(world):
    month = last_month()
    for year in {month.year, previous_month(month).year, timezone.localdate().year}:
        schemes.scheme_create(member=None, congress=world.congress, year=year, system=True)
        schemes.scheme_create(member=None, congress=world.city, year=year, system=True)
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
    "other_congress": ({"outsider": 200}, 404),  # a district's own notice: not even for its city (docs/access.md)
}
CELLS = [(page, role, overrides.get(role, default)) for page, (overrides, default) in MATRIX.items() for role in ROLES]


@pytest.mark.parametrize("page, role, status", CELLS)
def test_permission_matrix(client, world, page, role, status):
    # Permissions do not depend on the data: no scheme, so no recompute, keeps the 81 cells fast.
    member = getattr(world, role)
    client.force_login(member.user)
    url = urls(last_month())[page]
    if role == "city_coordinator" and page in ("notice", "notice_docx", "ranking", "ledger", "awards", "home"):
        status = 200  # the city's own (empty) reports
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


def test_the_district_ranking_agrees_with_score_children(world, scored):
    from tribune.assessment.reports.notice import NoticeExporter

    month = scored
    rows = {r["unit"].key: r["points_year"] for r in NoticeExporter(world.city, month, upward=True).rows()}
    children = ledger.score_children(world.city, month.year, date_to=month.last)
    assert {c.congress.pk: c.points for c in children} == rows
    assert rows[world.congress.pk] > 0


def test_every_page_of_the_reports_half_is_in_the_permission_matrix():
    from tribune.assessment.urls import urlpatterns

    covered = {"home", "notice", "ranking", "ledger", "awards", "metrics_import"}
    elsewhere = {"metrics_preview": "test_view_metrics_import", "notice_focus": "focus test above",
                 "notice_latest": "redirect", "ranking_latest": "redirect"}
    from tribune.assessment.views import home, metrics, reports

    mine = {id(getattr(module, name)) for module in (home, metrics, reports) for name in dir(module)}
    names = {p.name for p in urlpatterns if id(p.callback) in mine}
    assert names == covered | set(elsewhere)


@pytest.mark.parametrize("name", ["notice_latest", "ranking_latest"])
def test_the_latest_report_redirects_to_a_period(client, world, name):
    client.force_login(world.director.user)
    response = client.get(reverse(f"assessment:{name}") + "?districts=1")
    assert response.status_code == 302 and "districts=1" in response["Location"]


@pytest.mark.parametrize("extra", [0, 5])
def test_the_home_and_awards_query_counts_do_not_grow_with_the_data(client, world, scored, extra,
                                                                    django_assert_max_num_queries):
    for i in range(extra):
        publish(world, f"稿件{i}", on=scored.first + dt.timedelta(days=3 + i), outlet="石家庄日报")
    client.force_login(world.director.user)
    client.get(urls(scored)["awards"])  # the ledger is made fresh by the first read
    with django_assert_max_num_queries(12):
        assert client.get(urls(scored)["home"]).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(urls(scored)["awards"]).status_code == 200


def test_a_running_period_says_so_and_offers_no_link_into_the_future(client, world, scored):
    today = timezone.localdate()
    this_month, this_quarter = Month(today.year, today.month), Quarter.of(today)
    client.force_login(world.coordinator.user)
    running = client.get(reverse("assessment:notice", args=[this_month.year, this_month.month])).content.decode()
    assert "尚未结束，统计至" in running
    following = Month(today.year + 1, 1) if today.month == 12 else Month(today.year, today.month + 1)
    assert reverse("assessment:notice", args=[following.year, following.month]) not in running
    finished = client.get(reverse("assessment:notice", args=[scored.year, scored.month])).content.decode()
    assert "尚未结束" not in finished
    assert reverse("assessment:notice", args=[this_month.year, this_month.month]) in finished

    quarter_page = client.get(reverse("assessment:ranking", args=[this_quarter.year, this_quarter.quarter]))
    nxt = Quarter(today.year + 1, 1) if this_quarter.quarter == 4 else Quarter(today.year, this_quarter.quarter + 1)
    assert "尚未结束，统计至" in quarter_page.content.decode()
    assert reverse("assessment:ranking", args=[nxt.year, nxt.quarter]) not in quarter_page.content.decode()


def test_a_report_says_its_scores_are_being_updated_while_a_recompute_waits(client, world, scored, settings):
    client.force_login(world.director.user)
    url = urls(scored)["notice"]
    assert "计分更新中" not in client.get(url).content.decode()
    settings.TRIBUNE_JOBS_EAGER = False  # as on a server: the fact change queues its recompute
    publish(world, "新刊发的稿件", on=scored.first + dt.timedelta(days=5))
    html = client.get(url).content.decode()
    assert "计分更新中" in html and "的计算结果" in html
    from tribune.jobs.services import run_waiting

    run_waiting()  # the worker's turn
    assert "计分更新中" not in client.get(url).content.decode()
