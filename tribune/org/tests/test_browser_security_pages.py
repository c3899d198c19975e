"""In a real browser, as the people who meet them: a password reset by the administrator forces
a change at the next login; five wrong passwords lock the account with a Chinese message; the
security administrator unlocks it."""

import pytest
from playwright.sync_api import expect

from tribune.org import services
from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser
NEW_PASSWORD = "Gaocheng#2026"


def test_a_reset_password_is_changed_at_the_next_login(browser, world):
    services.member_set_password(member=world.admin, target=world.writer, password="Reset#Pass1")
    page = browser.new_page()
    page.goto("/login/")
    page.fill("#id_username", "t-writer")
    page.fill("#id_password", "Reset#Pass1")
    page.click("button[type=submit]")
    page.wait_for_url("**/password/**")
    browser.shot(page, "forced-change")
    page.goto("/manuscripts/")  # every other page sends the member back until they change it
    page.wait_for_url("**/password/**")
    page.fill("input[name=old_password]", "Reset#Pass1")
    page.fill("input[name=new_password1]", "short")
    page.fill("input[name=new_password2]", "short")
    page.click("main button[type=submit]")
    expect(page.locator(".errorlist").first).to_be_visible()
    browser.shot(page, "password-too-weak")
    page.fill("input[name=old_password]", "Reset#Pass1")
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/password/" not in url)
    page.goto("/manuscripts/")
    expect(page.locator("h1")).to_have_count(1)
    assert "/password/" not in page.url


def test_five_wrong_passwords_lock_the_account_until_the_security_admin_unlocks_it(browser, world):
    page = browser.new_page()
    for _ in range(5):
        page.goto("/login/")
        page.fill("#id_username", "t-writer")
        page.fill("#id_password", "wrong-password")
        page.click("button[type=submit]")
    page.goto("/login/")
    page.fill("#id_username", "t-writer")
    page.fill("#id_password", PASSWORD)  # the right one, too late
    page.click("button[type=submit]")
    expect(page.locator("main")).to_contain_text("锁定")
    assert "/login/" in page.url
    browser.shot(page, "locked")

    security = browser.login("t-security", PASSWORD)
    security.goto("/org/security/")
    expect(security.locator("main")).to_contain_text(world.writer.name)
    browser.shot(security, "security-admin")
    security.locator("form", has_text="解").locator("button[type=submit]").first.click()
    expect(security.locator("main")).not_to_contain_text("t-writer")

    unlocked = browser.login("t-writer", PASSWORD)
    expect(unlocked.locator("h1")).to_have_count(1)
