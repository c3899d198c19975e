"""In a real browser: the monthly notice, a number followed down to its ledger entries, then to
the manuscript that earned them."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tribune.assessment import services
from tribune.assessment.periods import Month, previous_month
from tribune.assessment.tests.reports_helpers import publish
from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def month(world):
    today = timezone.localdate()
    month = previous_month(Month(today.year, today.month))
    for year in {month.year, previous_month(month).year}:
        services.scheme_create(member=None, congress=world.congress, year=year, system=True)
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
