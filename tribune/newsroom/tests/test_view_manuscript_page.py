import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.models import Attachment
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD


def url(m):
    return reverse("newsroom:manuscript", args=[m.pk])


def login(client, who):
    client.login(username=f"t-{who}", password=PASSWORD)
    return client


def full_history(world):
    """A manuscript that went through every kind of fact the page shows."""
    m = f.returned(world, comment="请补充数据")
    writing.manuscript_update(member=world.writer, manuscript=m, version=m.version, title=m.title,
                              body=m.body + "新增一段。", editor="王编辑", supervisor="李监制")
    writing.attachment_add(member=world.coordinator, manuscript=m, caption="视察现场",
                           uploaded=SimpleUploadedFile("现场.png", f.PNG, content_type="image/png"))
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version, comment="同意")
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    subs = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                   outlets=f.outlets(world))
    pub = publishing.publication_record(member=world.coordinator, submission=subs[0], published_on=timezone.localdate(),
                                        title="见报标题", address="第1版", placement="headline")
    publishing.publication_correct(member=world.coordinator, publication=pub, version=pub.version, reason="版面有误",
                                   published_on=pub.published_on, title="见报标题", address="第2版")
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=1234, shares=56)
    publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="长城网", level="provincial",
                              reprinted_on=timezone.localdate())
    publishing.instruction_record(member=world.director, manuscript=m, leader_name="市委书记", level="city",
                                  given_on=timezone.localdate(), content="写得好")
    m.refresh_from_db()
    return m, subs, pub


def test_it_shows_the_whole_life_of_the_manuscript(client, world):
    m, _subs, _pub = full_history(world)
    content = login(client, "writer").get(url(m)).content.decode()
    for text in ["请补充数据", "同意", "视察现场", "见报标题", "第2版", "版面有误", "1234", "长城网", "市委书记",
                 "写得好", "王编辑", "李监制", "河北日报", "藁城区融媒体中心", "张撰稿", "100%", "新增一段。"]:
        assert text in content, text
    assert content.count("<h1") == 1
    assert reverse("newsroom:diff", args=[m.pk]) in content
    image = reverse("newsroom:attachment", args=[m.pk, m.attachments.get().pk])
    assert f'src="{image}?inline=1"' in content


def test_the_query_count_does_not_grow_with_the_history(client, world):
    m, _subs, pub = full_history(world)
    login(client, "coordinator")
    few = f.query_count(client, url(m))
    for i in range(15):
        publishing.metrics_record(member=world.coordinator, publication=pub, reads=2000 + i)
        publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name=f"网站{i}", level="county",
                                  reprinted_on=timezone.localdate(), address=f"https://example.invalid/{i}")
        publishing.instruction_record(member=world.director, manuscript=m, leader_name=f"领导{i}", level="county",
                                      given_on=timezone.localdate())
    for i in range(5):  # rows only: a published manuscript takes no new files
        Attachment.objects.create(manuscript=m, file=f"attachments/{i}.png", kind="image", content_type="image/png",
                                  original_name=f"{i}.png", size=10, caption=f"图{i}", uploaded_by=world.writer)
    assert f.query_count(client, url(m)) == few
    assert few <= 30


def test_the_chain_shows_done_and_current_steps(client, world):
    m = f.in_review(world)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    steps = login(client, "writer").get(url(m)).context["page"].chain
    assert [s.status for s in steps] == ["done", "current"]
    assert steps[0].reviewer == world.leader.name


def test_the_returned_manuscript_shows_the_comment_to_its_writer(client, world):
    m = f.returned(world, comment="标题太长")
    content = login(client, "writer").get(url(m)).content.decode()
    assert "returned-note" in content and "标题太长" in content


@pytest.mark.parametrize(("who", "shown", "hidden"), [
    ("writer", ["newsroom:edit", "newsroom:submit_for_review"], ["newsroom:review", "newsroom:instruction"]),
    ("leader", [], ["newsroom:edit", "newsroom:submit_for_review", "newsroom:review"]),
    ("coordinator", ["newsroom:edit", "newsroom:instruction"], ["newsroom:review", "newsroom:submit_to_outlets"]),
    ("director", ["newsroom:instruction"], ["newsroom:edit", "newsroom:review"]),
    ("admin", [], ["newsroom:edit", "newsroom:submit_for_review", "newsroom:instruction"]),
])
def test_a_draft_offers_only_the_actions_the_rules_allow(client, world, who, shown, hidden):
    m = f.draft(world)
    content = login(client, who).get(url(m)).content.decode()
    for name in shown:
        assert reverse(name, args=[m.pk]) in content, name
    for name in hidden:
        assert reverse(name, args=[m.pk]) not in content, name


def test_the_leader_in_charge_gets_the_review_form_and_others_do_not(client, world):
    m = f.in_review(world)
    assert reverse("newsroom:review", args=[m.pk]) in login(client, "leader").get(url(m)).content.decode()
    client.logout()
    assert reverse("newsroom:review", args=[m.pk]) not in login(client, "leader2").get(url(m)).content.decode()


def test_the_coordinator_sees_outlets_and_publication_forms(client, world):
    m, subs = f.submitted(world)
    content = login(client, "coordinator").get(url(m)).content.decode()
    assert reverse("newsroom:publication", args=[m.pk, subs[0].pk]) in content
    assert reverse("newsroom:submit_to_outlets", args=[m.pk]) in content


def test_another_congress_gets_a_404_and_a_bad_id_too(client, world):
    m = f.draft(world)
    assert login(client, "outsider").get(url(m)).status_code == 404
    assert client.get("/manuscripts/999999/").status_code == 404


def test_the_city_coordinator_may_not_read_a_district_manuscript(client, world):
    m = f.draft(world)
    client.login(username="t-city-coord", password=PASSWORD)
    assert client.get(url(m)).status_code == 404


def test_metrics_dated_before_publication_are_refused_on_the_page(client, world):
    m, _subs, pub = f.published(world)
    login(client, "coordinator")
    response = client.post(reverse("newsroom:metrics", args=[m.pk, pub.pk]),
                           {"reads": 10, "taken_on": (timezone.localdate() - dt.timedelta(days=30)).isoformat()})
    assert response.status_code == 400
    assert not pub.metrics.exists()


@pytest.mark.parametrize(("language", "text"), [("zh-hans", "审核流程"), ("en", "Approval")])
def test_the_page_speaks_chinese_by_default_and_english_on_request(client, world, language, text):
    from django.conf import settings

    m, _subs, _pub = full_history(world)
    login(client, "coordinator").cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for page in (reverse("newsroom:diff", args=[m.pk]), reverse("newsroom:list"), reverse("dashboard")):
        assert client.get(page).status_code == 200
    assert text in client.get(url(m)).content.decode()
