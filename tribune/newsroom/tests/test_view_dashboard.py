"""The dashboard per role: what I must write, review, revise and submit; what was published."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.services import reviewing
from tribune.newsroom.services.topics import topic_create
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD

URL = reverse("dashboard")


def login(client, who):
    client.login(username=f"t-{who}", password=PASSWORD)
    return client


def work_panel(response) -> dict:
    """The newsroom's panel among the dashboard's."""
    [panel] = [p for p in response.context["panels"] if p["template"] == "newsroom/partials/dashboard_work.html"]
    return panel


def ctx(client, who):
    response = login(client, who).get(URL)
    assert response.status_code == 200
    return work_panel(response)


def test_the_writer_sees_drafts_returns_with_comment_and_assigned_topics(client, world):
    draft = f.draft(world, title="我的草稿")
    returned = f.returned(world, comment="请补充具体数字")
    topic_create(member=world.coordinator, title="优化营商环境条例实施一周年", assignee=world.writer,
                 due_date=timezone.localdate() - dt.timedelta(days=2))
    context = ctx(client, "writer")
    assert [m.pk for m in context["my_drafts"]] == [draft.pk]
    assert [m.pk for m in context["to_revise"]] == [returned.pk]
    assert context["to_revise"][0].last_return.comment == "请补充具体数字"
    assert context["topics"][0].late
    assert (context["counts"]["drafts"], context["counts"]["to_revise"]) == (1, 1)
    content = client.get(URL).content.decode()
    assert "请补充具体数字" in content and "优化营商环境条例实施一周年" in content and "meta small late" in content


def test_the_leader_sees_the_review_queue_of_the_offices_they_supervise(client, world):
    mine = f.in_review(world)
    f.in_review(world, member=world.writer2, title="财经委稿件")  # supervised by leader2
    assert [m.pk for m in ctx(client, "leader")["to_review"]] == [mine.pk]
    client.logout()
    assert [m.title for m in ctx(client, "leader2")["to_review"]] == ["财经委稿件"]


def test_the_director_sees_it_after_the_leader_approved(client, world):
    m = f.in_review(world)
    assert ctx(client, "director")["to_review"] == []
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    assert [x.pk for x in ctx(client, "director")["to_review"]] == [m.pk]


def test_the_coordinator_sees_what_to_submit_and_what_awaits_publication(client, world):
    approved = f.approved(world)
    submitted, _subs = f.submitted(world)
    context = ctx(client, "coordinator")
    assert [m.pk for m in context["to_submit"]] == [approved.pk]
    assert [m.pk for m in context["awaiting_publication"]] == [submitted.pk]
    assert (context["counts"]["to_submit"], context["counts"]["awaiting"]) == (1, 1)


def test_the_writer_sees_their_publication_marked_as_theirs(client, world):
    _m, _subs, pub = f.published(world)
    context = ctx(client, "writer")
    assert [(p.pk, p.is_mine) for p in context["recent_publications"]] == [(pub.pk, True)]
    assert context["counts"]["published_month"] == 1
    client.logout()
    assert [p.is_mine for p in ctx(client, "writer2")["recent_publications"]] == [False]


def test_a_writer_has_no_review_or_submit_lists(client, world):
    context = ctx(client, "writer")
    assert context["counts"]["to_review"] is None and context["counts"]["to_submit"] is None


def test_the_outsider_sees_nothing_of_the_congress(client, world):
    f.published(world)
    f.in_review(world)
    context = ctx(client, "outsider")
    assert context["recent_publications"] == [] and context["to_review"] == [] and context["to_submit"] == []


def test_the_query_count_does_not_grow_with_the_number_of_manuscripts(client, world, django_assert_max_num_queries):
    def seed(n):
        f.many(world, n, state="draft")
        f.many(world, n, state="returned")
        f.many(world, n, state="approved", member=world.writer2)
        f.many(world, n, state="submitted", member=world.writer2)
        f.many(world, n, state="in_review", member=world.writer2, review_role="leader")
    f.returned(world)
    seed(2)
    counts = {}
    for who in ("writer", "leader2", "coordinator", "director"):
        login(client, who)
        counts[who] = f.query_count(client, URL)
    seed(40)
    for who in ("writer", "leader2", "coordinator", "director"):
        login(client, who)
        assert f.query_count(client, URL) == counts[who], who
        with django_assert_max_num_queries(45):  # includes the panels of the other apps
            client.get(URL)


def test_a_long_queue_says_how_many_there_are_in_all(client, world):
    f.many(world, 12, state="approved")
    content = login(client, "coordinator").get(URL).content.decode()
    assert "12" in content and len(work_panel(client.get(URL))["to_submit"]) == 10
    assert "最近的 10 篇，共 12 篇" in content
