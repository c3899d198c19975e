"""Issue 2's path through the browser: a Word file becomes a published manuscript, each person
doing their part on their own pages."""

import pytest

from tribune.newsroom.tests.factories import docx_bytes
from tribune.org.testing import PASSWORD

pytestmark = pytest.mark.browser

TITLE = "区人大常委会视察农村饮水安全工作"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def open_manuscript(browser, page, label):
    page.locator("h1").wait_for()
    browser.shot(page, label)


def go_to_manuscript_from_dashboard(browser, page, section, label):
    page.goto("/")
    link = page.locator(f"#{section} a", has_text=TITLE)
    link.wait_for()
    browser.shot(page, f"{label}-dashboard")
    link.click()
    page.locator(".pagehead h1", has_text=TITLE).wait_for()
    browser.shot(page, label)


def wait_state(page, state):
    page.locator(f".pagehead .state-{state}").wait_for()


def test_a_word_file_goes_from_writer_to_publication(browser, world):
    # The writer imports a Word file, checks it and submits it for review.
    writer = browser.login("t-writer", PASSWORD)
    browser.shot(writer, "writer-dashboard")
    writer.goto("/manuscripts/import/")
    browser.shot(writer, "writer-import")
    writer.set_input_files("#id_file", files=[{
        "name": "饮水安全.docx", "mimeType": DOCX_TYPE,
        "buffer": docx_bytes(TITLE, ["近日，区人大常委会组成视察组，视察农村饮水安全工作。",
                                     "视察组实地查看了水厂运行情况。"]),
    }])
    writer.click("button[type=submit].primary")
    writer.wait_for_url("**/edit/")
    assert writer.input_value("#id_title") == TITLE
    writer.fill("#id_editor", "王编辑")
    browser.shot(writer, "writer-edit-imported")
    writer.click(".manuscript-form button[type=submit]")
    wait_state(writer, "draft")
    browser.shot(writer, "writer-manuscript-draft")
    writer.click("#chain .action-form button[type=submit]")
    wait_state(writer, "in_review")
    browser.shot(writer, "writer-submitted")

    # The leader in charge returns it with a comment.
    leader = browser.login("t-leader", PASSWORD)
    go_to_manuscript_from_dashboard(browser, leader, "to-review", "leader-manuscript")
    leader.fill("#id_review_comment", "请补充视察发现的问题和下一步建议。")
    leader.click("#chain button[value=return]")
    wait_state(leader, "returned")
    browser.shot(leader, "leader-returned")

    # The writer sees the comment, revises and resubmits.
    writer.goto("/")
    assert "请补充视察发现的问题" in writer.locator("#to-revise").inner_text()
    go_to_manuscript_from_dashboard(browser, writer, "to-revise", "writer-returned-manuscript")
    assert "请补充视察发现的问题" in writer.locator(".returned-note").inner_text()
    writer.click(".pagehead a.primary")
    writer.locator("#id_body").wait_for()
    body = writer.input_value("#id_body")
    writer.fill("#id_body", body + "\n视察组指出，部分村庄管网老化，建议加快改造。")
    browser.shot(writer, "writer-revising")
    writer.click(".manuscript-form button[type=submit]")
    wait_state(writer, "returned")
    writer.click("#chain .action-form button[type=submit]")
    wait_state(writer, "in_review")
    browser.shot(writer, "writer-resubmitted")
    writer.click(".pagehead a[href$='/diff/']")
    writer.locator(".diff ins").first.wait_for()
    assert "管网老化" in writer.locator(".diff ins").all_inner_texts()[-1]
    browser.shot(writer, "writer-diff")

    # The leader approves, then the director.
    go_to_manuscript_from_dashboard(browser, leader, "to-review", "leader-second-review")
    leader.click("#chain button[value=approve]")
    leader.locator("#chain .step.done").wait_for()
    browser.shot(leader, "leader-approved")
    director = browser.login("t-director", PASSWORD)
    go_to_manuscript_from_dashboard(browser, director, "to-review", "director-review")
    director.click("#chain button[value=approve]")
    wait_state(director, "approved")
    browser.shot(director, "director-approved")

    # The coordinator submits it to two outlets and records a publication in one.
    coordinator = browser.login("t-coordinator", PASSWORD)
    go_to_manuscript_from_dashboard(browser, coordinator, "to-submit", "coordinator-manuscript")
    for name in ("河北日报", "藁城区融媒体中心"):
        coordinator.locator("#submit-outlets label", has_text=name).locator("input").check()
    browser.shot(coordinator, "coordinator-choosing-outlets")
    coordinator.click("#submit-outlets button[type=submit]")
    wait_state(coordinator, "submitted")
    assert coordinator.locator("table.submissions tbody tr").count() == 2
    row = coordinator.locator("table.submissions tbody tr", has_text="河北日报")
    row.locator("summary").click()
    row.locator("input[name=address]").fill("第2版")
    row.locator("select[name=placement]").select_option("headline")
    browser.shot(coordinator, "coordinator-recording-publication")
    row.locator("button[type=submit]").click()
    wait_state(coordinator, "published")
    browser.shot(coordinator, "coordinator-published")

    # The writer sees it published on the dashboard.
    writer.goto("/")
    published = writer.locator("#published tr", has_text=TITLE)
    published.wait_for()
    assert "河北日报" in published.inner_text()
    assert published.locator(".tag.mine").count() == 1
    browser.shot(writer, "writer-dashboard-published")
