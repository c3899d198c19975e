"""The administrator, the coordinator and the auditor at work, in a real browser."""

import pytest
from playwright.sync_api import expect

from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser


def test_admin_coordinator_and_auditor_keep_the_organisation_and_read_the_log(browser, world):
    admin = browser.login("t-admin", PASSWORD)
    admin.goto("/org/")
    expect(admin.locator("h1")).to_have_text("人员")
    browser.shot(admin, "members")

    admin.click("text=新增人员")
    admin.fill("#id_username", "new-writer")
    admin.fill("#id_name", "钱新人")
    admin.select_option("#id_office", label="法制工作委员会")
    admin.check("input[name=roles][value=writer]")
    admin.fill("#id_password", "a-long-pass-42")
    browser.shot(admin, "member-form")
    admin.click("button[type=submit].primary")
    expect(admin.locator(".message.success")).to_contain_text("new-writer")
    expect(admin.locator("table.data")).to_contain_text("钱新人")

    admin.goto("/org/offices/")
    expect(admin.locator("table.data")).to_contain_text("李分管")
    browser.shot(admin, "offices")

    admin.goto("/org/chain/")
    admin.select_option("#id_step1", "office_head")
    admin.select_option("#id_step2", "leader")
    admin.select_option("#id_step3", "director")
    admin.click("text=保存审核流程")
    expect(admin.locator(".message.success")).to_be_visible()
    expect(admin.locator(".chain")).to_contain_text("稿件所在委室负责人")
    browser.shot(admin, "chain")

    coordinator = browser.login("t-coordinator", PASSWORD)
    coordinator.goto("/outlets/")
    expect(coordinator.locator("table.data")).to_contain_text("人民日报")
    expect(coordinator.locator("table.data")).to_contain_text("藁城区融媒体中心")
    browser.shot(coordinator, "outlets")
    coordinator.goto("/outlets/contacts/new/")
    coordinator.fill("#id_name", "王宣传")
    coordinator.fill("#id_organisation", "区委宣传部")
    coordinator.fill("#id_phone", "0311-1234567")
    coordinator.click("button[type=submit].primary")
    expect(coordinator.locator("table.data")).to_contain_text("区委宣传部")
    browser.shot(coordinator, "contacts")

    writer = browser.login("t-writer", PASSWORD)
    writer.goto("/org/")
    expect(writer.locator("h1")).to_have_text("无权访问")
    browser.shot(writer, "refused")

    auditor = browser.login("t-auditor", PASSWORD)
    auditor.goto("/audit/")
    log = auditor.locator("table.data")
    for action in ("member.create", "congress.set_chain", "contact.create", "permission_denied", "login"):
        expect(log).to_contain_text(action)
    browser.shot(auditor, "audit-log")
    auditor.fill("#id_action", "member.")
    auditor.click("button[type=submit].primary")
    expect(log).to_contain_text("钱新人")
    expect(log).not_to_contain_text("contact.create")

    auditor.click("button[value=en]")
    expect(auditor.locator("h1")).to_have_text("Audit log")
    browser.shot(auditor, "audit-log-english")
