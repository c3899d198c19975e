import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.models import Manuscript
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD

URL = reverse("newsroom:list")


@pytest.fixture
def writer_client(client, world):
    client.login(username="t-writer", password=PASSWORD)
    return client


def titles(response) -> list[str]:
    return [m.title for m in response.context["rows"]]


def test_it_lists_the_manuscripts_of_the_congress(writer_client, world):
    mine = f.draft(world, title="人大代表走进社区")
    other = f.draft(world, member=world.outsider, title="栾城区的稿件")
    response = writer_client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert mine.title in content and other.title not in content
    assert content.count("<h1") == 1


def test_search_finds_a_two_character_chinese_word_in_title_or_body(writer_client, world):
    f.draft(world, title="常委会召开会议", body="会议听取了关于食品安全的报告。")
    f.draft(world, title="代表小组活动", body="代表们走访群众。")
    assert titles(writer_client.get(URL, {"q": "食品"})) == ["常委会召开会议"]
    assert titles(writer_client.get(URL, {"q": "代表"})) == ["代表小组活动"]
    assert titles(writer_client.get(URL, {"q": "会议 食品"})) == ["常委会召开会议"]
    assert titles(writer_client.get(URL, {"q": "不存在"})) == []


def test_it_filters_by_state_office_and_author(writer_client, world):
    draft = f.draft(world, title="草稿一")
    review = f.in_review(world, title="审核中一")
    other = f.draft(world, member=world.writer2, title="财经委稿件")
    assert titles(writer_client.get(URL, {"state": "in_review"})) == [review.title]
    assert set(titles(writer_client.get(URL, {"office": world.office.pk}))) == {draft.title, review.title}
    assert titles(writer_client.get(URL, {"author": world.writer2.pk})) == [other.title]


def test_it_filters_by_the_level_of_a_live_publication(writer_client, world):
    m, _subs, _pub = f.published(world)  # published in 河北日报 (provincial); 藁城区融媒体中心 has not yet
    f.draft(world, title="未刊发")
    assert titles(writer_client.get(URL, {"level": "provincial"})) == [m.title]
    assert titles(writer_client.get(URL, {"level": "county"})) == []


def test_it_filters_by_period_and_sorts_by_date(writer_client, world):
    old, new = f.draft(world, title="旧稿"), f.draft(world, title="新稿")
    Manuscript.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    today = timezone.localdate()
    since = (today - dt.timedelta(days=7)).isoformat()
    assert titles(writer_client.get(URL, {"date_from": since})) == [new.title]
    assert titles(writer_client.get(URL, {"date_to": (today - dt.timedelta(days=30)).isoformat()})) == [old.title]
    assert titles(writer_client.get(URL, {"sort": "created"})) == [old.title, new.title]
    assert titles(writer_client.get(URL)) == [new.title, old.title]


@pytest.mark.parametrize("query", [
    {"date_from": "2026-13-45"}, {"date_to": "yesterday"}, {"office": "abc"}, {"author": "999999999999"},
    {"state": "nonsense"}, {"level": "galactic"}, {"sort": "drop table"}, {"page": "-3"}, {"page": "x"},
    {"q": "a" * 500},
])
def test_bad_query_strings_are_ignored_never_a_500(writer_client, world, query):
    f.draft(world)
    response = writer_client.get(URL, query)
    assert response.status_code == 200
    assert f.TITLE in response.content.decode()


def test_it_shows_fifty_per_page(writer_client, world):
    f.many(world, 120)
    response = writer_client.get(URL)
    assert len(response.context["rows"]) == 50
    assert response.context["page"].paginator.num_pages == 3
    assert len(writer_client.get(URL, {"page": 3}).context["rows"]) == 20


def test_htmx_gets_only_the_results(writer_client, world):
    f.draft(world)
    response = writer_client.get(URL, {"q": "执法"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert f.TITLE in content and "<h1" not in content and "<html" not in content


def test_the_auditor_may_not_open_the_list(client, world):
    client.login(username="t-auditor", password=PASSWORD)
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_query_count_does_not_grow_with_the_number_of_manuscripts(writer_client, world,
                                                                      django_assert_max_num_queries):
    f.many(world, 10)
    few = f.query_count(writer_client, f"{URL}?author={world.writer.pk}&q=执法")
    f.many(world, 190, member=world.writer2)
    f.many(world, 10, member=world.office_head)
    many_ = f.query_count(writer_client, f"{URL}?author={world.writer.pk}&q=执法")
    assert few == many_
    with django_assert_max_num_queries(12):
        writer_client.get(URL)
