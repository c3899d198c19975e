"""The coordinator reads the scheme, makes a mistake in the rules, reads the Chinese message,
fixes it and saves; the history names them."""

import pytest
from playwright.sync_api import expect

from tribune.assessment.scoring.schemes import scheme_create
from tribune.org.testing import PASSWORD

from .db_helpers import SCHEME_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_fixes_a_bad_rule_and_saves(browser, world):
    scheme_create(member=world.coordinator, congress=world.congress, year=2026, text=SCHEME_TEXT)
    page = browser.login(world.coordinator.user.username, PASSWORD)
    page.goto("/assessment/scheme/2026/")
    expect(page.locator("h1")).to_have_text("测试考核细则")
    expect(page.get_by_text("刊发分值（按媒体级别与类型）")).to_be_visible()
    browser.shot(page, "scheme")

    page.get_by_role("link", name="修改规则").click()
    text = page.locator("#id_text")
    text.fill(text.input_value().replace("front_page: {multiplier: 1.5}", "front_page: {multiplier: -1}"))
    page.get_by_role("button", name="保存并重新计算全年得分").click()
    expect(page.get_by_text("publication.placement.front_page.multiplier：必须大于 0。")).to_be_visible()
    browser.shot(page, "refused")

    text = page.locator("#id_text")
    text.fill(text.input_value().replace("front_page: {multiplier: -1}", "front_page: {multiplier: 2}"))
    page.fill("#id_summary", "头版系数调为 2")
    page.get_by_role("button", name="保存并重新计算全年得分").click()
    expect(page.get_by_text("考核细则已保存（第 2 版）")).to_be_visible()
    page.get_by_role("link", name="修改记录").first.click()
    expect(page.get_by_text("头版系数调为 2")).to_be_visible()
    expect(page.locator("td", has_text=world.coordinator.name).first).to_be_visible()
    browser.shot(page, "history")
