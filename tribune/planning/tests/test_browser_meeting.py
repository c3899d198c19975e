"""A standing committee meeting covered end to end in the browser: scheduled with its plan, two
people logging key points at the same moment, a draft from selected points, the interpretation
task completed after the meeting, all on the calendar."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tribune.newsroom.services import writing
from tribune.org.testing import PASSWORD
from tribune.planning.models import Meeting, TaskType
from tribune.planning.tests.helpers import publish

pytestmark = pytest.mark.browser

TITLE = "区十七届人大常委会第二十五次会议"


def add_point(page, text, hot=False):
    textarea = page.locator("#kp-form textarea[name=text]")
    expect(textarea).to_have_value("")  # the previous submission went through and reset the form
    textarea.fill(text)
    if hot:
        page.check("#kp-form input[name=is_hot]")
    page.click("#kp-form button[type=submit]")


def test_a_meeting_is_planned_logged_live_drafted_and_closed_on_the_calendar(browser, world):
    today = timezone.localdate()
    coordinator = browser.login("t-coordinator", PASSWORD)
    coordinator.goto("/planning/meetings/new/")
    coordinator.select_option("#id_kind", "standing")
    coordinator.fill("#id_title", TITLE)
    coordinator.fill("#id_start_date", today.isoformat())
    coordinator.fill("#id_end_date", today.isoformat())
    coordinator.fill("#id_place", "常委会会议室")
    coordinator.click("form.stacked button[type=submit]")
    coordinator.wait_for_url(re.compile(r"/planning/meetings/\d+/$"))
    meeting = Meeting.objects.get(title=TITLE)
    expect(coordinator.locator("h1")).to_have_text(TITLE)
    plan = coordinator.locator("#plan")
    for task in ("宣传方案", "会议预告", "会议文字报道", "会议要点", "民生热点", "新媒体推送",
                 "会议精神解读（通俗版）"):
        expect(plan).to_contain_text(task)
    browser.shot(coordinator, "plan")

    writer = browser.login("t-writer", PASSWORD)
    writer.goto(f"/planning/meetings/{meeting.pk}/")
    points = ["审议通过了关于加强生态环境保护的决议", "老旧小区加装电梯群众关注度高",
              "听取了区政府关于义务教育优质均衡发展的报告", "农村供水保障问题代表发言热烈"]
    # Interleaved: each submits while the other's point is on its way; nobody reloads.
    add_point(coordinator, points[0])
    add_point(writer, points[1], hot=True)
    add_point(coordinator, points[2])
    add_point(writer, points[3], hot=True)
    for page in (coordinator, writer):
        items = page.locator("#kp-items > li")
        expect(items).to_have_count(4, timeout=15000)
        for text in points:
            expect(page.locator("#kp-items")).to_contain_text(text)
    expect(writer.locator("#kp-items > li.hot")).to_have_count(2)
    browser.shot(writer, "key-points-writer")
    browser.shot(coordinator, "key-points-coordinator")

    # The coordinator turns three points into a draft in one click.
    for text in (points[0], points[1], points[2]):
        coordinator.locator("#kp-items > li", has_text=text).locator("input[name=points]").check()
    coordinator.click("#kp-draft")
    expect(coordinator.locator(".message.success")).to_contain_text("草稿已生成")
    expect(coordinator.locator("#kp-items li .used")).to_have_count(3)
    newmedia = meeting.plan.tasks.get(task_type=TaskType.NEWMEDIA)
    assert newmedia.manuscript is not None and points[1] in newmedia.manuscript.body
    browser.shot(coordinator, "draft")

    # After the meeting the writer links the interpretation; it is published, the task is done.
    interpretation = meeting.plan.tasks.get(task_type=TaskType.INTERPRETATION)
    text = writing.manuscript_create(member=world.writer, title="一图读懂常委会第二十五次会议",
                                     body="本次会议审议通过了三项决议。", event_date=today)
    coordinator.goto(f"/planning/tasks/{interpretation.pk}/")
    coordinator.select_option("#id_manuscript", str(text.pk))
    coordinator.click("form:has(input[value=link]) button[type=submit]")
    expect(coordinator.locator(".message.success")).to_contain_text("稿件已关联")
    publish(world, text)
    coordinator.goto(f"/planning/meetings/{meeting.pk}/")
    expect(coordinator.locator(f"#task-{interpretation.pk}")).to_contain_text("已完成")
    browser.shot(coordinator, "interpretation-done")

    coordinator.goto(f"/planning/?month={today:%Y-%m}")
    cell = coordinator.locator(f"td[data-day='{today.isoformat()}']")
    expect(cell.locator("a.entry.meeting")).to_contain_text(TITLE)
    expect(cell.locator("a.entry.task", has_text="会议要点")).to_have_count(1)
    assert coordinator.locator("h1").count() == 1
    browser.shot(coordinator, "calendar")
    coordinator.goto(f"/planning/?view=week&day={interpretation.due_date.isoformat()}")
    expect(coordinator.locator("a.entry.task.done", has_text="会议精神解读")).to_have_count(1)
    browser.shot(coordinator, "calendar-week")
