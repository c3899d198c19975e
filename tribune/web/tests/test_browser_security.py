"""Under the Content-Security-Policy the pages still work, and a refusal would be seen: the
browser fixture fails any test whose pages reported a CSP violation (conftest.py)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser


def test_the_watch_for_csp_violations_sees_an_inline_handler_refused(browser, world):
    page = browser.login("t-writer", PASSWORD)
    page.evaluate("""() => {
        document.addEventListener('securitypolicyviolation',
                                  e => { document.body.dataset.cspSeen = e.violatedDirective; });
        const b = document.createElement('button'); b.id = 'evil'; b.textContent = 'x';
        b.setAttribute('onclick', 'document.title = "ran"'); document.body.appendChild(b); }""")
    page.click("#evil")
    expect(page.locator("body")).to_have_attribute("data-csp-seen", re.compile("script-src"))
    assert page.title() != "ran"
    if not browser.csp_violations:  # the console message may come after the DOM event
        page.wait_for_event("console", lambda message: "Content Security Policy" in message.text)
    assert any("inline event handler" in text for text in browser.csp_violations)
    browser.csp_violations.clear()  # seen: this test's point was to provoke it


def test_the_topic_filter_submits_on_change_without_inline_script(browser, world):
    page = browser.login("t-coordinator", PASSWORD)
    page.goto(reverse("newsroom:topics"))
    page.select_option("#state", "closed")
    page.wait_for_url(re.compile(r"state=closed"))
    expect(page.locator("#state")).to_have_value("closed")
