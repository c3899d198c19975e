import pytest

from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser


def test_a_member_logs_in_and_lands_on_the_dashboard(browser, world):
    page = browser.login("t-writer", PASSWORD)
    assert page.locator("h1").count() == 1
    assert "张撰稿" in page.locator("h1").inner_text()
    browser.shot(page, "dashboard")


def test_a_wrong_password_is_refused_in_chinese(browser, world):
    page = browser.new_page()
    page.goto("/login/")
    page.fill("#id_username", "t-writer")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit]")
    assert "用户名或密码错误" in page.locator(".message.error").inner_text() or "Wrong" in page.content()


def test_a_refused_htmx_request_shows_a_message_instead_of_nothing(browser, world):
    page = browser.login("t-writer", PASSWORD)
    page.evaluate("""() => document.dispatchEvent(new CustomEvent('htmx:responseError',
                      {detail: {xhr: {status: 403}}}))""")
    alert = page.locator(".message.error[role=alert]")
    alert.wait_for()
    assert "无权" in alert.inner_text()
