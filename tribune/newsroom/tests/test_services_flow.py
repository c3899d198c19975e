"""The manuscript pipeline through its services, including the refusals."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.newsroom.models import ManuscriptVersion
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.newsroom.states import State
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import AuditEntry
from tribune.outlets.models import Outlet


def draft(world, **kwargs):
    return writing.manuscript_create(member=world.writer, title="区人大常委会开展执法检查",
                                     body="近日，区人大常委会组织开展执法检查。", **kwargs)


def submitted(world):
    m = draft(world)
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    return m


def approved(world):
    m = submitted(world)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    return m


def test_a_new_manuscript_is_a_draft_of_its_writer(world):
    m = draft(world)
    assert m.state == State.DRAFT
    assert m.office == world.office
    assert [a.member for a in m.authorships.all()] == [world.writer]
    assert AuditEntry.objects.filter(action="manuscript.create", object_id=str(m.pk)).exists()


def test_the_default_chain_is_leader_then_director(world):
    m = submitted(world)
    assert (m.state, m.review_role) == (State.IN_REVIEW, "leader")
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    assert (m.state, m.review_role) == (State.IN_REVIEW, "director")
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    assert m.state == State.APPROVED


def test_the_leader_of_another_office_cannot_review(world):
    m = submitted(world)
    with pytest.raises(PermissionDenied):
        reviewing.manuscript_approve(member=world.leader2, manuscript=m, version=m.version)
    with pytest.raises(PermissionDenied):
        reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    m.refresh_from_db()
    assert m.state == State.IN_REVIEW and m.review_step == 0


def test_a_double_approval_on_the_same_version_is_refused(world):
    m = submitted(world)
    version = m.version
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=version)
    m.refresh_from_db()
    m.state, m.review_role = State.IN_REVIEW, "leader"  # what the stale page believed
    with pytest.raises((StaleError, PermissionDenied)):
        reviewing.manuscript_approve(member=world.leader, manuscript=m, version=version)
    m.refresh_from_db()
    assert m.reviews_count if hasattr(m, "reviews_count") else True
    assert m.review_role == "director"


def test_return_needs_a_comment_and_the_writer_resubmits(world):
    m = submitted(world)
    with pytest.raises(ServiceError):
        reviewing.manuscript_return(member=world.leader, manuscript=m, version=m.version, comment="  ")
    reviewing.manuscript_return(member=world.leader, manuscript=m, version=m.version, comment="标题再凝练")
    assert m.state == State.RETURNED
    writing.manuscript_update(member=world.writer, manuscript=m, version=m.version, title="新标题",
                              body=m.body + "补充一段。")
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    assert (m.state, m.review_role) == (State.IN_REVIEW, "leader")
    assert set(ManuscriptVersion.objects.filter(manuscript=m).values_list("revision", flat=True)) == {1, 2}


def test_editing_an_approved_manuscript_sends_it_back_through_the_chain(world):
    m = approved(world)
    writing.manuscript_update(member=world.writer, manuscript=m, version=m.version, title=m.title,
                              body=m.body + "新增内容。")
    assert (m.state, m.review_step) == (State.IN_REVIEW, 0)


def test_a_stale_edit_is_refused_and_changes_nothing(world):
    m = draft(world)
    old_version = m.version
    writing.manuscript_update(member=world.writer, manuscript=m, version=old_version, title="第一次", body="甲")
    with pytest.raises(StaleError) as caught:
        writing.manuscript_update(member=world.writer, manuscript=m, version=old_version, title="第二次",
                                  body="乙")
    m.refresh_from_db()
    assert (m.title, m.body) == ("第一次", "甲")
    assert caught.value.current.body == "甲"


def test_shares_must_sum_to_100(world):
    with pytest.raises(ServiceError):
        draft(world, authors=[(world.writer, 60), (world.writer2, 30)])
    m = draft(world, authors=[(world.writer, 60), (world.writer2, 40)])
    assert [str(a.share) for a in m.authorships.all()] == ["60.00", "40.00"]


def test_the_coordinator_submits_to_outlets_and_records_a_publication(world):
    m = approved(world)
    outlets = list(Outlet.objects.filter(congress=world.congress, name__in=["河北日报", "藁城区融媒体中心"]))
    assert len(outlets) == 2
    with pytest.raises(PermissionDenied):
        publishing.manuscript_submit_to_outlets(member=world.writer, manuscript=m, version=m.version, outlets=outlets)
    subs = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                   outlets=outlets)
    assert m.state == State.SUBMITTED
    pub = publishing.publication_record(member=world.coordinator, submission=subs[0],
                                        published_on=timezone.localdate(), title=m.title, placement="front_page")
    m.refresh_from_db()
    assert m.state == State.PUBLISHED
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=1200, shares=30)
    publishing.publication_withdraw(member=world.coordinator, publication=pub, version=pub.version,
                                    reason="事实有误", factual_error=True)
    m.refresh_from_db()
    assert m.state == State.WITHDRAWN
    assert pub.changes.get().reason == "事实有误"


def test_a_publication_cannot_be_dated_in_the_future(world):
    m = approved(world)
    outlet = Outlet.objects.filter(congress=world.congress).first()
    (sub,) = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                     outlets=[outlet])
    with pytest.raises(ServiceError):
        publishing.publication_record(member=world.coordinator, submission=sub,
                                      published_on=timezone.localdate() + dt.timedelta(days=2), title="x")
    assert not hasattr(sub, "publication") or sub.publication is None


def test_an_outsider_cannot_touch_the_manuscript(world):
    m = submitted(world)
    with pytest.raises(PermissionDenied):
        reviewing.manuscript_approve(member=world.outsider, manuscript=m, version=m.version)
    with pytest.raises(PermissionDenied):
        writing.manuscript_update(member=world.outsider, manuscript=m, version=m.version, title="x", body="y")


def test_an_edit_writes_only_the_fields_of_the_form(world):
    m = draft(world)
    created = m.created_at - dt.timedelta(days=30)
    type(m).objects.filter(pk=m.pk).update(created_at=created)
    writing.manuscript_update(member=world.writer, manuscript=m, version=m.version, title="改", body="改正文")
    m.refresh_from_db()
    assert (m.title, m.created_at) == ("改", created)
