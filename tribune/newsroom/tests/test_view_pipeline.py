"""Review, submission to outlets, publications, metrics, reprints and instructions through the
pages, including refusals and bad input."""

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from tribune.newsroom.models import Instruction, MetricSnapshot, Publication, Reprint, Submission
from tribune.newsroom.states import State
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD
from tribune.outlets.models import Outlet

TODAY = timezone.localdate


def login(client, who):
    client.login(username=f"t-{who}", password=PASSWORD)
    return client


def review(client, m, decision, comment="", version=None, **headers):
    return client.post(reverse("newsroom:review", args=[m.pk]),
                       {"decision": decision, "comment": comment, "version": version or m.version}, headers=headers)


# --- Review -----------------------------------------------------------------------------------

def test_the_leader_approves_and_the_director_is_next(client, world):
    m = f.in_review(world)
    assert review(login(client, "leader"), m, "approve").status_code == 303
    m.refresh_from_db()
    assert (m.state, m.review_role) == (State.IN_REVIEW, "director")


def test_a_return_needs_a_comment(client, world):
    m = f.in_review(world)
    response = review(login(client, "leader"), m, "return", "")
    assert response.status_code == 400
    assert "退回稿件必须填写意见" in response.content.decode()
    m.refresh_from_db()
    assert m.state == State.IN_REVIEW
    assert review(client, m, "return", "请补充").status_code == 303
    m.refresh_from_db()
    assert m.state == State.RETURNED


def test_htmx_review_answers_with_hx_location_or_the_form(client, world):
    m = f.in_review(world)
    login(client, "leader")
    bad = review(client, m, "return", "", HX_Request="true")
    assert bad.status_code == 200 and "<html" not in bad.content.decode() and "errorlist" in bad.content.decode()
    good = review(client, m, "approve", HX_Request="true")
    assert good.status_code == 204 and good["HX-Location"] == reverse("newsroom:manuscript", args=[m.pk])


def test_a_double_click_on_approve_approves_once(client, world):
    m = f.in_review(world)
    version = m.version
    login(client, "leader")
    review(client, m, "approve", version=version)
    response = review(client, m, "approve", version=version)
    assert response.status_code in (303, 403)
    m.refresh_from_db()
    assert m.review_role == "director"


def test_the_leader_of_another_office_and_the_writer_may_not_review(client, world):
    m = f.in_review(world)
    assert review(login(client, "leader2"), m, "approve").status_code == 403
    client.logout()
    assert review(login(client, "writer"), m, "approve").status_code == 403
    m.refresh_from_db()
    assert m.review_step == 0


def test_an_unknown_decision_is_refused(client, world):
    m = f.in_review(world)
    assert review(login(client, "leader"), m, "maybe").status_code == 400


# --- Submission to outlets --------------------------------------------------------------------

def test_the_coordinator_submits_to_two_outlets(client, world):
    m = f.approved(world)
    outlets = f.outlets(world)
    response = login(client, "coordinator").post(reverse("newsroom:submit_to_outlets", args=[m.pk]), {
        "version": m.version, "outlets": [o.pk for o in outlets], "channel": "email", "note": ""})
    assert response.status_code == 303
    assert Submission.objects.filter(manuscript=m).count() == 2


def test_no_outlet_chosen_or_an_outlet_of_another_congress_is_refused(client, world):
    m = f.approved(world)
    login(client, "coordinator")
    url = reverse("newsroom:submit_to_outlets", args=[m.pk])
    assert client.post(url, {"version": m.version, "channel": "email"}).status_code == 400
    foreign = Outlet.objects.filter(congress=world.other_congress).first()
    assert client.post(url, {"version": m.version, "outlets": [foreign.pk], "channel": "email"}).status_code == 400
    assert client.post(url, {"version": m.version, "outlets": ["x"], "channel": "pigeon"}).status_code == 400
    assert not Submission.objects.exists()


def test_a_draft_cannot_be_sent_to_outlets(client, world):
    m = f.draft(world)
    assert login(client, "coordinator").get(reverse("newsroom:submit_to_outlets", args=[m.pk])).status_code == 403


# --- Publications -----------------------------------------------------------------------------

def publication_data(**changes):
    data = {"published_on": TODAY().isoformat(), "title": "见报标题", "address": "第3版", "placement": "front_page"}
    data.update(changes)
    return data


def test_the_coordinator_records_a_publication(client, world):
    m, subs = f.submitted(world)
    url = reverse("newsroom:publication", args=[m.pk, subs[0].pk])
    assert login(client, "coordinator").get(url).status_code == 200
    assert client.post(url, publication_data(combined="on")).status_code == 303
    pub = Publication.objects.get()
    assert (pub.placement, pub.combined, pub.address) == ("front_page", True, "第3版")
    m.refresh_from_db()
    assert m.state == State.PUBLISHED


@pytest.mark.parametrize("changes", [
    {"published_on": (dt.date.today() + dt.timedelta(days=5)).isoformat()},
    {"published_on": "2026-02-30"},
    {"published_on": "2000-01-01"},
    {"title": ""},
    {"placement": "everywhere"},
])
def test_bad_publication_input_is_refused(client, world, changes):
    m, subs = f.submitted(world)
    response = login(client, "coordinator").post(reverse("newsroom:publication", args=[m.pk, subs[0].pk]),
                                                 publication_data(**changes))
    assert response.status_code == 400
    assert not Publication.objects.exists()


def test_a_second_publication_for_the_same_submission_is_refused(client, world):
    m, subs, _pub = f.published(world)
    response = login(client, "coordinator").post(reverse("newsroom:publication", args=[m.pk, subs[0].pk]),
                                                 publication_data())
    assert response.status_code == 400 and Publication.objects.count() == 1


def test_a_submission_of_another_manuscript_is_a_404(client, world):
    _m, subs = f.submitted(world)
    other = f.draft(world, title="别的稿件")
    assert login(client, "coordinator").get(
        reverse("newsroom:publication", args=[other.pk, subs[0].pk])).status_code == 404


def test_a_writer_may_not_record_a_publication(client, world):
    m, subs = f.submitted(world)
    assert login(client, "writer").post(reverse("newsroom:publication", args=[m.pk, subs[0].pk]),
                                        publication_data()).status_code == 403


def test_a_correction_keeps_the_reason_and_the_old_values(client, world):
    m, _subs, pub = f.published(world)
    url = reverse("newsroom:correct", args=[m.pk, pub.pk])
    login(client, "coordinator")
    assert client.post(url, publication_data(version=pub.version)).status_code == 400  # no reason
    data = publication_data(version=pub.version, reason="版面登记错误", address="第4版")
    assert client.post(url, data).status_code == 303
    pub.refresh_from_db()
    change = pub.changes.get()
    assert (pub.address, change.reason, change.before["address"]) == ("第4版", "版面登记错误", "第1版")


def test_a_stale_correction_changes_nothing(client, world):
    m, _subs, pub = f.published(world)
    url = reverse("newsroom:correct", args=[m.pk, pub.pk])
    login(client, "coordinator")
    client.post(url, publication_data(version=pub.version, reason="一", address="甲"))
    response = client.post(url, publication_data(version=pub.version, reason="二", address="乙"))
    assert response.status_code == 303
    pub.refresh_from_db()
    assert pub.address == "甲"


def test_a_withdrawal_needs_a_reason_and_keeps_it(client, world):
    m, _subs, pub = f.published(world)
    url = reverse("newsroom:withdraw", args=[m.pk, pub.pk])
    login(client, "coordinator")
    assert client.post(url, {"version": pub.version, "reason": ""}).status_code == 400
    assert client.post(url, {"version": pub.version, "reason": "数据有误", "factual_error": "on"}).status_code == 303
    pub.refresh_from_db()
    assert (pub.withdrawn_reason, pub.withdrawn_for_error) == ("数据有误", True)
    m.refresh_from_db()
    assert m.state == State.WITHDRAWN
    content = client.get(reverse("newsroom:manuscript", args=[m.pk])).content.decode()
    assert "数据有误" in content


# --- Metrics, reprints, instructions ------------------------------------------------------------

@pytest.mark.parametrize("data", [
    {"reads": -5}, {"reads": "many"}, {"reads": 10, "shares": -1}, {"reads": ""},
    {"reads": 10, "taken_on": (dt.date.today() + dt.timedelta(days=3)).isoformat()},
    {"reads": 10, "taken_on": "2026-99-01"}, {"reads": 10 ** 12},
])
def test_bad_metrics_are_refused(client, world, data):
    m, _subs, pub = f.published(world)
    response = login(client, "coordinator").post(reverse("newsroom:metrics", args=[m.pk, pub.pk]), data)
    assert response.status_code == 400
    assert not MetricSnapshot.objects.exists()


def test_metrics_are_recorded(client, world):
    m, _subs, pub = f.published(world)
    response = login(client, "coordinator").post(reverse("newsroom:metrics", args=[m.pk, pub.pk]),
                                                 {"reads": 1500, "shares": 20, "likes": "", "comments": 3})
    assert response.status_code == 303
    snap = MetricSnapshot.objects.get()
    assert (snap.reads, snap.shares, snap.likes, snap.comments) == (1500, 20, 0, 3)


def test_a_reprint_is_recorded_and_a_duplicate_address_refused(client, world):
    m, _subs, pub = f.published(world)
    url = reverse("newsroom:reprint", args=[m.pk, pub.pk])
    data = {"outlet_name": "长城网", "level": "provincial", "reprinted_on": TODAY().isoformat(), "address": "cc/1"}
    login(client, "coordinator")
    assert client.post(url, data).status_code == 303
    assert client.post(url, data).status_code == 400
    assert client.post(url, {**data, "address": "", "reprinted_on": "2000-01-01"}).status_code == 400
    assert Reprint.objects.count() == 1


def test_a_reprint_form_sent_twice_without_an_address_is_recorded_once(client, world):
    m, _subs, pub = f.published(world)
    url = reverse("newsroom:reprint", args=[m.pk, pub.pk])
    data = {"outlet_name": "长城网", "level": "provincial", "reprinted_on": TODAY().isoformat(), "address": ""}
    login(client, "coordinator")
    assert client.post(url, data).status_code == 303
    again = client.post(url, data)
    assert again.status_code == 400 and "这次转载已经登记过" in again.content.decode()
    # Another outlet the same day is another reprint.
    assert client.post(url, {**data, "outlet_name": "河北新闻网"}).status_code == 303
    assert sorted(Reprint.objects.values_list("outlet_name", flat=True)) == ["河北新闻网", "长城网"]


def test_the_director_records_an_instruction_and_a_writer_may_not(client, world):
    m = f.draft(world)
    url = reverse("newsroom:instruction", args=[m.pk])
    data = {"leader_name": "市人大常委会主任", "level": "city", "given_on": TODAY().isoformat(), "content": "很好"}
    assert login(client, "writer").post(url, data).status_code == 403
    client.logout()
    login(client, "director")
    future = (dt.date.today() + dt.timedelta(days=9)).isoformat()
    assert client.post(url, {**data, "given_on": future}).status_code == 400
    assert client.post(url, data).status_code == 303
    assert Instruction.objects.get().leader_name == "市人大常委会主任"
    again = client.post(url, data)  # the same form sent twice: scored once
    assert again.status_code == 400 and "这条批示已经登记过" in again.content.decode()
    assert Instruction.objects.count() == 1
    yesterday = (TODAY() - dt.timedelta(days=1)).isoformat()
    assert client.post(url, {**data, "given_on": yesterday}).status_code == 303  # another day, another one
    assert Instruction.objects.count() == 2


def test_metrics_of_a_publication_of_another_manuscript_is_a_404(client, world):
    _m, _subs, pub = f.published(world)
    other = f.draft(world, title="别的")
    assert login(client, "coordinator").get(reverse("newsroom:metrics", args=[other.pk, pub.pk])).status_code == 404


# --- Diff and export --------------------------------------------------------------------------

def revised(world):
    m = f.returned(world)
    from tribune.newsroom.services import writing

    writing.manuscript_update(member=world.writer, manuscript=m, version=m.version, title=m.title,
                              body=m.body.replace("听取意见建议", "听取群众意见"))
    return m


def test_the_diff_shows_character_changes_between_previous_and_current(client, world):
    m = revised(world)
    response = login(client, "writer").get(reverse("newsroom:diff", args=[m.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<ins>群众</ins>" in content and "<del>" in content
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)


@pytest.mark.parametrize("query", ["?a=x&b=y", "?a=-1", "?a=99&b=1", "?b=1&a=1"])
def test_the_diff_takes_any_query_without_failing(client, world, query):
    m = revised(world)
    assert login(client, "writer").get(reverse("newsroom:diff", args=[m.pk]) + query).status_code == 200


def test_the_diff_of_a_draft_compares_it_with_itself(client, world):
    m = f.draft(world)
    response = login(client, "writer").get(reverse("newsroom:diff", args=[m.pk]))
    assert response.status_code == 200 and "<ins>" not in response.content.decode()


def test_the_export_is_a_clean_word_file(client, world):
    m = f.draft(world, editor="王编辑", supervisor="李监制")
    response = login(client, "leader").get(reverse("newsroom:export", args=[m.pk]))
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    texts = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert texts[0] == m.title and world.writer.name in texts[1]
    assert "检查组深入企业和市场，听取意见建议。" in texts
    assert any("王编辑" in t for t in texts) and any("李监制" in t for t in texts)


def test_another_congress_cannot_export_or_diff(client, world):
    m = f.draft(world)
    login(client, "outsider")
    assert client.get(reverse("newsroom:export", args=[m.pk])).status_code == 404
    assert client.get(reverse("newsroom:diff", args=[m.pk])).status_code == 404
