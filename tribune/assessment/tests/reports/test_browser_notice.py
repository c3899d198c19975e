"""In a real browser: the monthly notice, a number followed down to its ledger entries, then to
the manuscript that earned them."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tribune.assessment.scoring import schemes
from tribune.assessment.scoring.periods import Month, previous_month
from tribune.assessment.tests.reports_helpers import publish
from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def month(world):
    today = timezone.localdate()
    month = previous_month(Month(today.year, today.month))
    for year in {month.year, previous_month(month).year}:
        schemes.scheme_create(member=None, congress=world.congress, year=year, system=True)
    publish(world, "区人大常委会开展食品安全执法检查", on=month.first + dt.timedelta(days=3), placement="front_page")
    publish(world, "财经委听取预算执行情况汇报", on=month.first + dt.timedelta(days=8), outlet="藁城区融媒体中心",
            writer=world.writer2)
    return month


def test_the_director_follows_a_notice_number_to_the_manuscript(browser, world, month):
    page = browser.login("t-director", PASSWORD)
    page.goto(f"/assessment/notice/{month.year}-{month.month}/")
    expect(page.locator("h1")).to_contain_text(month.label)
    expect(page.locator("#table-units tbody tr")).to_have_count(3)  # two offices and the total
    browser.shot(page, "notice")

    first_row = page.locator("#table-units tbody tr").first
    expect(first_row.locator("td").nth(1)).to_have_text(world.office.name)
    points_link = first_row.locator("td").nth(9).locator("a")
    points = points_link.inner_text()
    points_link.click()
    page.wait_for_url(re.compile(r"/assessment/ledger/\?"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("#ledger-total")).to_have_text(points)
    expect(page.locator("#ledger tbody tr").first).to_contain_text("区人大常委会开展食品安全执法检查")
    browser.shot(page, "ledger")

    manuscript_link = page.locator("#ledger a.manuscript-link").first
    href = manuscript_link.get_attribute("href")
    manuscript_link.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert re.search(r"/manuscripts/\d+/$", page.url)
    browser.shot(page, "manuscript")


def test_the_dashboard_draws_the_assessment_charts(browser, world, month):
    page = browser.login("t-director", PASSWORD)
    page.goto("/")
    expect(page.locator("#chart-activity svg")).to_have_count(1)
    expect(page.locator("#chart-ranking svg")).to_have_count(1)
    page.locator(".assessment-charts").scroll_into_view_if_needed()
    browser.shot(page, "dashboard-charts")


def test_recording_a_publication_updates_the_notice_and_reading_the_notice_writes_nothing(browser, world):
    """The write side scores (the job runs at once in tests); the notice page only reads."""
    from tribune.assessment.models import LedgerState, ScoreEntry
    from tribune.assessment.tests.reports_helpers import approved, aware
    from tribune.jobs.models import Job
    from tribune.newsroom.services import publishing
    from tribune.outlets.models import Outlet

    today = timezone.localdate()
    schemes.scheme_create(member=None, congress=world.congress, year=today.year, system=True)
    m = approved(world, "区人大常委会视察农村饮水安全工作")
    paper = Outlet.objects.get(congress=world.congress, name="河北日报")
    publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version, outlets=[paper],
                                            submitted_at=aware(today))
    notice = f"/assessment/notice/{today.year}-{today.month}/"
    provincial = 5  # the column of provincial publications

    page = browser.login("t-coordinator", PASSWORD)
    page.goto(notice)
    row = page.locator("#table-units tbody tr", has_text=world.office.name)
    expect(row.locator("td").nth(provincial)).to_have_text("0")
    points_before = row.locator("td").nth(9).inner_text()  # points this month

    page.goto(f"/manuscripts/{m.pk}/")
    submission = page.locator("table.submissions tbody tr", has_text="河北日报")
    submission.locator("summary").click()
    submission.locator("input[name=address]").fill("第1版")
    submission.locator("button[type=submit]").click()
    expect(page.locator(".state")).to_contain_text("已刊发")

    ledger = (list(LedgerState.objects.values_list("pk", "computed_at")), ScoreEntry.objects.count(),
              Job.objects.count())
    page.goto(notice)
    row = page.locator("#table-units tbody tr", has_text=world.office.name)
    expect(row.locator("td").nth(provincial)).to_have_text("1")
    assert row.locator("td").nth(9).inner_text() != points_before
    assert page.locator(".ledger-updating").count() == 0
    browser.shot(page, "notice-after-publication")
    # Opening the notice computed nothing and queued nothing: the ledger is as the write left it.
    assert (list(LedgerState.objects.values_list("pk", "computed_at")), ScoreEntry.objects.count(),
            Job.objects.count()) == ledger
