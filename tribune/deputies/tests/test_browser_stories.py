"""A story from lead to typical case in the browser: a writer records it and links a manuscript;
the coordinator marks it typical, records a provincial publication and a reprint, and the
typical-cases page counts them."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tribune.deputies.tests.helpers import approved_manuscript, deputy
from tribune.org.models import AuditEntry
from tribune.org.testing import PASSWORD
from tribune.planning.services import activity_liaison

pytestmark = pytest.mark.browser


def test_a_story_travels_from_a_writer_to_the_typical_cases_page(browser, world):
    d = deputy(world, name="李建华", group="廉州镇代表小组")
    deputy(world, name="王秀英", group="兴安镇代表小组", sector="education", serial=2)
    manuscript = approved_manuscript(world, title="在履职路上书写医药人的担当")
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    activity = activity_liaison.activity_create(member=world.coordinator, kind="deputies",
                                                title="代表联络站接待选民活动",
                                                start_date=timezone.localdate() - dt.timedelta(days=1))

    # The writer records the story and links the manuscript.
    page = browser.login("t-writer", PASSWORD)
    page.goto("/deputies/stories/new/")
    page.select_option("#id_kind", "suggestion")
    page.fill("#id_title", "医药代表建言基层药品保障")
    page.fill("#id_happened_on", yesterday)
    page.fill("#id_place", "廉州镇代表联络站")
    page.select_option("#id_deputies", label="李建华（廉州镇代表小组）")
    page.fill("#id_summary", "李建华代表走访基层卫生院，建议完善基层药品配送。")
    page.fill("#id_source", "廉州镇代表小组")
    page.select_option("#id_activity", str(activity.pk))
    browser.shot(page, "story-form")
    page.click("#story-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("医药代表建言基层药品保障")
    expect(page.locator(".pagehead .stage")).to_have_text("线索")
    expect(page.locator("#story-activity a").first).to_have_attribute("href", f"/planning/activities/{activity.pk}/")
    page.select_option("#id_manuscript", label=f"{manuscript.title}（{manuscript.get_state_display()}）")
    page.click("#link-form button[type=submit]")
    expect(page.locator("#manuscripts")).to_contain_text(manuscript.title)
    expect(page.locator(".pagehead .stage")).to_have_text("已成稿")
    expect(page.locator("#typical-form")).to_have_count(0)  # a writer does not mark typical cases
    browser.shot(page, "story-drafted")
    story_url = page.url

    # The coordinator marks it typical, records a provincial publication and a city reprint.
    page = browser.login("t-coordinator", PASSWORD)
    page.goto(story_url)
    page.fill("#id_reason", "医药界代表立足岗位履职，具有示范意义")
    page.click("#typical-form button[type=submit]")
    expect(page.locator("#typical")).to_contain_text("医药界代表立足岗位履职")
    page.select_option("#id_outlet", label="河北日报")
    page.fill("#id_published_on", yesterday)
    page.fill("#id_title", "在履职路上书写医药人的担当")
    page.fill("#id_address", "第5版")
    page.click("#publication-form button[type=submit]")
    expect(page.locator("#travel")).to_contain_text("河北日报")
    expect(page.locator(".pagehead .stage")).to_have_text("已刊发")
    page.fill("#id_outlet_name", "石家庄人大微信公众号")
    page.select_option("#id_level", "city")
    page.fill("#id_reprinted_on", timezone.localdate().isoformat())
    page.fill("#id_reprint_address", "mp/sjzrd/20261127")
    page.click("#reprint-form button[type=submit]")
    expect(page.locator("#travel")).to_contain_text("石家庄人大微信公众号")
    browser.shot(page, "story-published")

    # The typical-cases page answers: reached provincial media, reprinted by whom.
    page.goto("/deputies/typical/")
    row = page.locator("#cases tr.case")
    expect(row).to_have_count(1)
    expect(row.locator("td.provincial")).to_have_text("1")
    expect(row.locator("td.local-reprints")).to_have_text("1")
    expect(row).to_contain_text("石家庄人大微信公众号")
    expect(page.locator(".reach-summary")).to_contain_text(
        "共 1 个典型案例，其中 1 个案例被省级媒体刊发，1 个案例获市、区级新媒体转载")
    browser.shot(page, "typical-cases")

    # Which deputies have we not told about this year? 王秀英, not 李建华.
    page.goto("/deputies/coverage/")
    expect(page.locator("#gaps")).to_contain_text("王秀英")
    expect(page.locator("#gaps")).not_to_contain_text("李建华")
    browser.shot(page, "coverage")

    # The coordinator reveals a deputy's phone with the htmx button; the reveal is audited.
    page.goto(f"/deputies/registry/{d.pk}/")
    expect(page.locator(".pi-phone")).to_have_text(d.masked_phone)
    page.click("#reveal-button")
    expect(page.locator(".pi-phone")).to_have_text(d.phone)
    browser.shot(page, "revealed")
    assert AuditEntry.objects.filter(action="deputy.reveal", username="t-coordinator").count() == 1
